//! Korean particles that change with the sound a word ends in: 을/를, 이/가, 은/는, 와/과 and
//! (으)로. A Korean sentence never says "을(를)"; it picks one. The word's last syllable decides:
//! with a final consonant (받침) 을, 이, 은, 과, 으로; without, 를, 가, 는, 와, 로; after a final ㄹ,
//! 로. Digits and Latin letters count as they are read aloud (3 삼 → 을, "POS" 포스 → 를).
//!
//! Messages use it as the Fluent function `JOSA`: `{ $name }{ JOSA($name, "을") }`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Particle {
    EulReul,
    IGa,
    EunNeun,
    WaGwa,
    EuroRo,
}

impl Particle {
    const ALL: [Particle; 5] = [Particle::EulReul, Particle::IGa, Particle::EunNeun, Particle::WaGwa, Particle::EuroRo];

    /// The form after a final consonant, and the form after none.
    fn forms(self) -> (&'static str, &'static str) {
        match self {
            Particle::EulReul => ("을", "를"),
            Particle::IGa => ("이", "가"),
            Particle::EunNeun => ("은", "는"),
            Particle::WaGwa => ("과", "와"),
            Particle::EuroRo => ("으로", "로"),
        }
    }

    /// The particle either of whose forms is `form` ("을" or "를" → 을/를).
    pub fn from_form(form: &str) -> Option<Particle> {
        Particle::ALL.into_iter().find(|p| {
            let (with, without) = p.forms();
            form == with || form == without || (*p == Particle::EuroRo && form == "(으)로")
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    Vowel,
    Rieul,
    Consonant,
}

/// Units after a number, read as their Korean names: 그램 ends in a consonant, 미터 and 리터 in
/// a vowel.
const UNITS: [(&str, Ending); 9] = [
    ("kg", Ending::Consonant),
    ("mg", Ending::Consonant),
    ("g", Ending::Consonant),
    ("km", Ending::Vowel),
    ("cm", Ending::Vowel),
    ("mm", Ending::Vowel),
    ("m", Ending::Vowel),
    ("ml", Ending::Vowel),
    ("l", Ending::Vowel),
];

/// How `word` ends when read aloud; brackets, spaces and punctuation at the end are skipped.
fn ending(word: &str) -> Ending {
    let trimmed = word.trim_end_matches(|c: char| !c.is_alphanumeric() && !('가'..='힣').contains(&c));
    for (unit, ending) in UNITS {
        if let Some(number) = trimmed.strip_suffix(unit).or_else(|| trimmed.strip_suffix(&unit.to_uppercase()))
            && number.ends_with(|c: char| c.is_ascii_digit())
        {
            return ending;
        }
    }
    for c in word.chars().rev() {
        match c {
            '가'..='힣' => {
                return match (c as u32 - 0xAC00) % 28 {
                    0 => Ending::Vowel,
                    8 => Ending::Rieul,
                    _ => Ending::Consonant,
                };
            }
            // 영 일 이 삼 사 오 육 칠 팔 구
            '0' | '3' | '6' => return Ending::Consonant,
            '1' | '7' | '8' => return Ending::Rieul,
            '2' | '4' | '5' | '9' => return Ending::Vowel,
            // 엠 엔 / 엘 알; every other letter's name ends in a vowel.
            'm' | 'n' | 'M' | 'N' => return Ending::Consonant,
            'l' | 'r' | 'L' | 'R' => return Ending::Rieul,
            c if c.is_ascii_alphabetic() => return Ending::Vowel,
            _ => continue,
        }
    }
    Ending::Vowel
}

/// The form of `particle` that follows `word`.
pub fn particle(word: &str, particle: Particle) -> &'static str {
    let (with, without) = particle.forms();
    match (ending(word), particle) {
        (Ending::Rieul, Particle::EuroRo) => without,
        (Ending::Rieul | Ending::Consonant, _) => with,
        (Ending::Vowel, _) => without,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_form_by_the_last_sound() {
        let check = |word: &str, form: &str, expected: &str| {
            let p = Particle::from_form(form).unwrap();
            assert_eq!(format!("{word}{}", particle(word, p)), expected, "{word} + {form}");
        };
        check("유아용품", "을", "유아용품을");
        check("도서", "을", "도서를");
        check("공정무역 커피 원두 200g", "을", "공정무역 커피 원두 200g을");
        check("쌀 10kg", "이", "쌀 10kg이");
        check("커튼 150cm", "을", "커튼 150cm를");
        check("우유 500ml", "은", "우유 500ml는");
        check("가방", "이", "가방이");
        check("신발", "가", "신발이");
        check("의류", "이", "의류가");
        check("매니저", "은", "매니저는");
        check("계산원", "는", "계산원은");
        check("현금", "와", "현금과");
        check("카드", "과", "카드와");
        check("서울", "으로", "서울로");
        check("부산", "로", "부산으로");
        check("매장", "(으)로", "매장으로");
        check("나무", "으로", "나무로");
    }

    #[test]
    fn digits_letters_and_brackets_are_read_aloud() {
        let check = |word: &str, expected: &str| {
            assert_eq!(particle(word, Particle::EulReul), expected, "{word}");
        };
        check("울 코트 (여성, 66)", "을");
        check("택 3", "을");
        check("택 2", "를");
        check("1", "을");
        check("POS", "를");
        check("LAN", "을");
        check("URL", "을");
        check("P012000350026267", "을");
        check("", "를");
        check("!!", "를");
        assert_eq!(particle("7", Particle::EuroRo), "로");
        assert_eq!(particle("3", Particle::EuroRo), "으로");
    }

    #[test]
    fn every_form_names_its_pair() {
        for form in ["을", "를", "이", "가", "은", "는", "와", "과", "으로", "로"] {
            assert!(Particle::from_form(form).is_some(), "{form}");
        }
        assert_eq!(Particle::from_form("에게"), None);
    }
}
