//! The business registration number (사업자등록번호) printed on every receipt: ten digits,
//! written `123-45-67890`, the last a check digit (shared/tech-notes.md §6a). A mistyped number
//! would put a wrong number on every receipt the store prints, so it is checked when typed.

use std::fmt;

/// A business registration number whose check digit is right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessNo([u8; 10]);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BusinessNoError {
    #[error("a business registration number has 10 digits; {0} were typed")]
    Length(usize),
    #[error("the check digit does not match: a digit is mistyped")]
    CheckDigit,
}

impl BusinessNo {
    /// Reads `1234567890`, `123-45-67890` or `123 45 67890`.
    pub fn parse(typed: &str) -> Result<BusinessNo, BusinessNoError> {
        if typed.chars().any(|c| !(c.is_ascii_digit() || c == '-' || c == ' ')) {
            return Err(BusinessNoError::Length(typed.chars().filter(char::is_ascii_digit).count()));
        }
        let digits: Vec<u8> = typed.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
        let digits: [u8; 10] = digits.as_slice().try_into().map_err(|_| BusinessNoError::Length(digits.len()))?;
        if check_digit(&digits) != digits[9] {
            return Err(BusinessNoError::CheckDigit);
        }
        Ok(BusinessNo(digits))
    }
}

/// Weights 1,3,7,1,3,7,1,3,5 over the first nine digits, plus ⌊d9 × 5 / 10⌋.
fn check_digit(d: &[u8; 10]) -> u8 {
    const WEIGHTS: [u32; 9] = [1, 3, 7, 1, 3, 7, 1, 3, 5];
    let weighted: u32 = d.iter().zip(WEIGHTS).map(|(&d, w)| u32::from(d) * w).sum();
    let sum = weighted + u32::from(d[8]) * 5 / 10;
    ((10 - sum % 10) % 10) as u8
}

impl fmt::Display for BusinessNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d: String = self.0.iter().map(|d| char::from(b'0' + d)).collect();
        write!(f, "{}-{}-{}", &d[..3], &d[3..5], &d[5..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_real_number_is_accepted_in_every_common_form() {
        for typed in ["1028203497", "102-82-03497", "102 82 03497"] {
            assert_eq!(BusinessNo::parse(typed).unwrap().to_string(), "102-82-03497");
        }
    }

    #[test]
    fn one_wrong_digit_is_caught() {
        assert_eq!(BusinessNo::parse("102-82-03494"), Err(BusinessNoError::CheckDigit));
        assert_eq!(BusinessNo::parse("112-82-03497"), Err(BusinessNoError::CheckDigit));
    }

    #[test]
    fn too_few_or_too_many_digits_say_how_many() {
        assert_eq!(BusinessNo::parse("102-82-0349"), Err(BusinessNoError::Length(9)));
        assert_eq!(BusinessNo::parse("102-82-034931"), Err(BusinessNoError::Length(11)));
        assert_eq!(BusinessNo::parse(""), Err(BusinessNoError::Length(0)));
        assert!(BusinessNo::parse("102-82-0349a").is_err());
    }

    #[test]
    fn the_ninth_digit_counts_twice() {
        // d9 = 9: 9 × 5 = 45, plus ⌊45 / 10⌋ = 4 → 1+6+21+4+15+42+7+24+45+4 = 169 → check 1.
        assert!(BusinessNo::parse("123-45-67891").is_ok());
        assert_eq!(BusinessNo::parse("123-45-67890"), Err(BusinessNoError::CheckDigit));
    }
}
