//! Typing Hangul on the 두벌식 layout, for the on-screen keyboard of a touch-only counter. Each
//! key is a consonant or a vowel; the composer builds syllables as a Korean keyboard does:
//! ㄱ + ㅏ + ㄴ → 간; a vowel after a final consonant takes it as the next syllable's initial
//! (간 + ㅏ → 가나; 값 + ㅏ → 갑사); vowels and finals combine where Hangul allows (ㅗ + ㅏ → ㅘ,
//! ㄹ + ㄱ → ㄺ); Backspace takes back one key at a time.

/// The initial consonants, in Unicode's order.
const INITIALS: [char; 19] =
    ['ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];
/// The vowels, in Unicode's order.
const VOWELS: [char; 21] = [
    'ㅏ', 'ㅐ', 'ㅑ', 'ㅒ', 'ㅓ', 'ㅔ', 'ㅕ', 'ㅖ', 'ㅗ', 'ㅘ', 'ㅙ', 'ㅚ', 'ㅛ', 'ㅜ', 'ㅝ', 'ㅞ', 'ㅟ', 'ㅠ', 'ㅡ',
    'ㅢ', 'ㅣ',
];
/// The final consonants (after "none"), in Unicode's order.
const FINALS: [char; 27] = [
    'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ', 'ㅁ', 'ㅂ', 'ㅄ', 'ㅅ',
    'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ',
];
const VOWEL_PAIRS: [(char, char, char); 7] = [
    ('ㅗ', 'ㅏ', 'ㅘ'),
    ('ㅗ', 'ㅐ', 'ㅙ'),
    ('ㅗ', 'ㅣ', 'ㅚ'),
    ('ㅜ', 'ㅓ', 'ㅝ'),
    ('ㅜ', 'ㅔ', 'ㅞ'),
    ('ㅜ', 'ㅣ', 'ㅟ'),
    ('ㅡ', 'ㅣ', 'ㅢ'),
];
const FINAL_PAIRS: [(char, char, char); 11] = [
    ('ㄱ', 'ㅅ', 'ㄳ'),
    ('ㄴ', 'ㅈ', 'ㄵ'),
    ('ㄴ', 'ㅎ', 'ㄶ'),
    ('ㄹ', 'ㄱ', 'ㄺ'),
    ('ㄹ', 'ㅁ', 'ㄻ'),
    ('ㄹ', 'ㅂ', 'ㄼ'),
    ('ㄹ', 'ㅅ', 'ㄽ'),
    ('ㄹ', 'ㅌ', 'ㄾ'),
    ('ㄹ', 'ㅍ', 'ㄿ'),
    ('ㄹ', 'ㅎ', 'ㅀ'),
    ('ㅂ', 'ㅅ', 'ㅄ'),
];

/// The 두벌식 keys: each row as typed without and with Shift.
pub const ROWS: [[(char, char); 10]; 3] = [
    [
        ('ㅂ', 'ㅃ'),
        ('ㅈ', 'ㅉ'),
        ('ㄷ', 'ㄸ'),
        ('ㄱ', 'ㄲ'),
        ('ㅅ', 'ㅆ'),
        ('ㅛ', 'ㅛ'),
        ('ㅕ', 'ㅕ'),
        ('ㅑ', 'ㅑ'),
        ('ㅐ', 'ㅒ'),
        ('ㅔ', 'ㅖ'),
    ],
    [
        ('ㅁ', 'ㅁ'),
        ('ㄴ', 'ㄴ'),
        ('ㅇ', 'ㅇ'),
        ('ㄹ', 'ㄹ'),
        ('ㅎ', 'ㅎ'),
        ('ㅗ', 'ㅗ'),
        ('ㅓ', 'ㅓ'),
        ('ㅏ', 'ㅏ'),
        ('ㅣ', 'ㅣ'),
        (' ', ' '),
    ],
    [
        ('ㅋ', 'ㅋ'),
        ('ㅌ', 'ㅌ'),
        ('ㅊ', 'ㅊ'),
        ('ㅍ', 'ㅍ'),
        ('ㅠ', 'ㅠ'),
        ('ㅜ', 'ㅜ'),
        ('ㅡ', 'ㅡ'),
        ('-', '-'),
        ('.', '.'),
        (',', ','),
    ],
];

fn is_vowel(c: char) -> bool {
    VOWELS.contains(&c)
}

fn is_consonant(c: char) -> bool {
    INITIALS.contains(&c)
}

fn pair(pairs: &[(char, char, char)], a: char, b: char) -> Option<char> {
    pairs.iter().find(|(x, y, _)| *x == a && *y == b).map(|(_, _, c)| *c)
}

fn split(pairs: &[(char, char, char)], c: char) -> Option<(char, char)> {
    pairs.iter().find(|(_, _, z)| *z == c).map(|(a, b, _)| (*a, *b))
}

/// The syllable block being typed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Block {
    initial: Option<char>,
    vowel: Option<char>,
    last: Option<char>,
}

impl Block {
    fn is_empty(&self) -> bool {
        self.initial.is_none() && self.vowel.is_none()
    }

    fn render(&self) -> Option<char> {
        match (self.initial, self.vowel, self.last) {
            (Some(i), Some(v), last) => {
                let i = INITIALS.iter().position(|c| *c == i)? as u32;
                let v = VOWELS.iter().position(|c| *c == v)? as u32;
                let f = match last {
                    Some(f) => FINALS.iter().position(|c| *c == f)? as u32 + 1,
                    None => 0,
                };
                char::from_u32(0xAC00 + (i * 21 + v) * 28 + f)
            }
            (Some(i), None, _) => Some(i),
            (None, Some(v), _) => Some(v),
            (None, None, _) => None,
        }
    }
}

/// Hangul typed key by key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Composer {
    done: String,
    block: Block,
    /// The keys that made the current block, to take them back one by one.
    keys: Vec<char>,
}

impl Composer {
    pub fn new(text: &str) -> Composer {
        Composer { done: text.to_string(), ..Composer::default() }
    }

    /// Everything typed so far, the syllable being composed included.
    pub fn text(&self) -> String {
        let mut text = self.done.clone();
        text.extend(self.block.render());
        text
    }

    fn commit(&mut self) {
        self.done.extend(self.block.render());
        self.block = Block::default();
        self.keys.clear();
    }

    /// One key: a consonant, a vowel, or anything else (a space, a digit), which ends the
    /// syllable and is typed as it is.
    pub fn press(&mut self, key: char) {
        if is_vowel(key) {
            self.vowel(key);
        } else if is_consonant(key) {
            self.consonant(key);
        } else {
            self.commit();
            self.done.push(key);
            return;
        }
        self.keys.push(key);
    }

    fn consonant(&mut self, c: char) {
        let b = self.block;
        match (b.initial, b.vowel, b.last) {
            // After a whole syllable: a final, or a double final, or the next syllable.
            (Some(_), Some(_), None) if FINALS.contains(&c) => self.block.last = Some(c),
            (Some(_), Some(_), Some(last)) if pair(&FINAL_PAIRS, last, c).is_some() => {
                self.block.last = pair(&FINAL_PAIRS, last, c);
            }
            _ => {
                self.commit();
                self.block.initial = Some(c);
            }
        }
    }

    fn vowel(&mut self, v: char) {
        let b = self.block;
        match (b.initial, b.vowel, b.last) {
            (Some(_), None, _) => self.block.vowel = Some(v),
            (_, Some(vowel), None) if pair(&VOWEL_PAIRS, vowel, v).is_some() => {
                self.block.vowel = pair(&VOWEL_PAIRS, vowel, v);
            }
            // A final consonant moves on to start the next syllable (a double one splits).
            (Some(_), Some(_), Some(last)) => {
                let (stay, moves) = match split(&FINAL_PAIRS, last) {
                    Some((stay, moves)) => (Some(stay), moves),
                    None => (None, last),
                };
                self.block.last = stay;
                self.commit();
                self.block = Block { initial: Some(moves), vowel: Some(v), last: None };
                self.keys.push(moves);
            }
            _ => {
                self.commit();
                self.block.vowel = Some(v);
            }
        }
    }

    /// Takes back the last key of the syllable being typed, or the last character before it.
    pub fn backspace(&mut self) {
        if self.block.is_empty() {
            self.done.pop();
            return;
        }
        let mut keys = std::mem::take(&mut self.keys);
        keys.pop();
        self.block = Block::default();
        for key in keys {
            self.press(key);
        }
    }

    /// Ends the syllable being typed (a tap elsewhere, Enter).
    pub fn finish(&mut self) -> String {
        self.commit();
        self.done.clone()
    }
}

/// The keys that type `text` on 두벌식 (Hangul syllables split into their jamo, the rest as is).
pub fn keys_for(text: &str) -> Vec<char> {
    let mut keys = Vec::new();
    for c in text.chars() {
        let code = c as u32;
        if !(0xAC00..=0xD7A3).contains(&code) {
            keys.push(c);
            continue;
        }
        let index = code - 0xAC00;
        let (i, v, f) = ((index / 28 / 21) as usize, (index / 28 % 21) as usize, (index % 28) as usize);
        keys.push(INITIALS[i]);
        match split(&VOWEL_PAIRS, VOWELS[v]) {
            Some((a, b)) => keys.extend([a, b]),
            None => keys.push(VOWELS[v]),
        }
        if f > 0 {
            match split(&FINAL_PAIRS, FINALS[f - 1]) {
                Some((a, b)) => keys.extend([a, b]),
                None => keys.push(FINALS[f - 1]),
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(keys: &str) -> String {
        let mut c = Composer::default();
        keys.chars().for_each(|k| c.press(k));
        c.text()
    }

    #[test]
    fn syllables_compose_as_on_a_korean_keyboard() {
        assert_eq!(typed("ㄱㅏㄴ"), "간");
        assert_eq!(typed("ㄱㅏㄴㅏ"), "가나");
        assert_eq!(typed("ㄱㅏㅂㅅ"), "값");
        assert_eq!(typed("ㄱㅏㅂㅅㅏ"), "갑사");
        assert_eq!(typed("ㄴㅏㄴㅜㅁㄱㅏㄱㅔ"), "나눔가게");
        assert_eq!(typed("ㅇㅗㅏ"), "와");
        assert_eq!(typed("ㄷㅏㄹㄱ"), "닭");
        assert_eq!(typed("ㄱㄴ"), "ㄱㄴ", "two consonants stay apart");
        assert_eq!(typed("ㅏㅏ"), "ㅏㅏ");
        assert_eq!(typed("ㄸㅏㄸ"), "따ㄸ", "ㄸ is never a final");
        assert_eq!(typed("ㄱㅏ ㄴㅏ"), "가 나");
    }

    #[test]
    fn backspace_takes_back_one_key() {
        let mut c = Composer::default();
        "ㄱㅏㄴㅏ".chars().for_each(|k| c.press(k));
        c.backspace();
        assert_eq!(c.text(), "가ㄴ");
        c.backspace();
        assert_eq!(c.text(), "가");
        c.backspace();
        assert_eq!(c.text(), "");
        let mut c = Composer::new("나눔");
        "ㄱㅗㅏ".chars().for_each(|k| c.press(k));
        assert_eq!(c.text(), "나눔과");
        c.backspace();
        assert_eq!(c.text(), "나눔고");
    }

    #[test]
    fn keys_for_splits_syllables_into_keystrokes() {
        assert_eq!(keys_for("값과"), "ㄱㅏㅂㅅㄱㅗㅏ".chars().collect::<Vec<_>>());
    }
}
