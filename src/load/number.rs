//! Whole numbers and `true`/`false` as errcat reads them: what its JSON Schema
//! (`errcat schema`) allows and YAML 1.2 means, nothing more. serde-saphyr alone
//! would read `code: "0x10"` as 16, `" 12 "` as 12, `1_000` as 1000 and
//! `retryable: "true"` or `yes` as true; a code silently turned into another
//! number is worse than a refusal that shows the number to write.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, Deserializer, Unexpected, Visitor};

use super::raw::S;

/// The spelling of a whole number in the JSON Schema, for a quoted one (`code: "7"`).
pub const DECIMAL_PATTERN: &str = "^[-+]?(0|[1-9][0-9]*)$";

/// What a value not in that spelling was expected to be (the diagnostic's words).
pub const DECIMAL: &str = "a whole number in decimal digits";

/// An integer type a field holds, and how to say what fits in it.
pub trait Whole: TryFrom<i128> {
    const FITS: &'static str;
}

impl Whole for i64 {
    const FITS: &'static str = "a whole number that fits in 64 bits";
}

impl Whole for u32 {
    const FITS: &'static str = "a non-negative whole number that fits in 32 bits";
}

/// `s` as [`DECIMAL_PATTERN`] reads it; `None` for any other spelling.
fn decimal(s: &str) -> Option<i128> {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    let canonical = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    // More digits than any i128 holds: refused as too large, not as misspelt.
    canonical.then(|| s.parse().unwrap_or(i128::MAX))
}

/// The number a value that is not in decimal digits most likely means (`0x10`,
/// `" 12 "`, `1_000`, `0012`), for the help to show it in the spelling errcat reads.
pub fn intended(written: &str) -> Option<i128> {
    let ascii = ascii_digits(written);
    let s = ascii.trim_matches(|c| c == '"' || c == '\'').trim();
    let (negative, rest) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let rest = rest.replace('_', "");
    let lower = rest.to_ascii_lowercase();
    let (radix, digits) = [("0x", 16), ("0o", 8), ("0b", 2)]
        .into_iter()
        .find_map(|(p, r)| lower.strip_prefix(p).map(|d| (r, d)))
        .unwrap_or((10, lower.as_str()));
    let n = i128::from_str_radix(digits, radix).ok()?;
    Some(if negative { -n } else { n })
}

/// `s` with full-width digits and signs (`１００１`, typed with a Chinese or Japanese
/// input method) as ASCII ones.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{ff10}'..='\u{ff19}' => char::from_digit(c as u32 - 0xff10, 10).unwrap_or(c),
            '\u{ff0d}' | '\u{2212}' => '-',
            '\u{ff0b}' => '+',
            c => c,
        })
        .collect()
}

/// Whether `s` holds a full-width digit.
pub fn has_full_width_digits(s: &str) -> bool {
    s.chars().any(|c| ('\u{ff10}'..='\u{ff19}').contains(&c))
}

/// A whole number read from its text as written (quoted or not).
struct WholeVisitor<T>(PhantomData<T>);

impl<'de, T: Whole> Visitor<'de> for WholeVisitor<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(T::FITS)
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<T, E> {
        match decimal(s) {
            Some(n) => T::try_from(n).map_err(|_| E::invalid_value(Unexpected::Str(s), &T::FITS)),
            None => Err(E::invalid_value(Unexpected::Str(s), &DECIMAL)),
        }
    }
    fn visit_none<E: de::Error>(self) -> Result<T, E> {
        Err(E::invalid_type(Unexpected::Unit, &T::FITS))
    }
    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        self.visit_none()
    }
    // The scalar's text, whatever YAML would infer from it: a number in any other
    // spelling is refused, not converted.
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        d.deserialize_str(self)
    }
}

struct ReadWhole<T>(T);

impl<'de, T: Whole> Deserialize<'de> for ReadWhole<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_option(WholeVisitor(PhantomData))
            .map(ReadWhole)
    }
}

/// `#[serde(deserialize_with)]` of a whole-number field.
pub fn whole<'de, D: Deserializer<'de>, T: Whole>(d: D) -> Result<S<T>, D::Error> {
    Ok(S::<ReadWhole<T>>::deserialize(d)?.map(|w| w.0))
}

/// `#[serde(deserialize_with)]` of an optional whole-number field.
pub fn opt_whole<'de, D: Deserializer<'de>, T: Whole>(d: D) -> Result<Option<S<T>>, D::Error> {
    Ok(Option::<S<ReadWhole<T>>>::deserialize(d)?.map(|s| s.map(|w| w.0)))
}

/// A whole number or an explicit `null`.
struct ReadNullable<T>(Option<T>);

impl<'de, T: Whole> Deserialize<'de> for ReadNullable<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<ReadWhole<T>>::deserialize(d).map(|n| ReadNullable(n.map(|w| w.0)))
    }
}

/// `#[serde(deserialize_with)]` of a whole-number field where `null` means "none", as
/// against a missing field: `Some` of `None` for `http: null`, which opts an entry out
/// of its namespace's default.
pub fn nullable_whole<'de, D: Deserializer<'de>, T: Whole>(
    d: D,
) -> Result<Option<S<Option<T>>>, D::Error> {
    Ok(Some(S::<ReadNullable<T>>::deserialize(d)?.map(|n| n.0)))
}

/// What a flag takes (the diagnostic's words).
pub const FLAG: &str = "`true` or `false`";

/// A flag: `true` or `false` unquoted (YAML 1.2 also reads `True`, `FALSE`).
struct FlagVisitor;

impl Visitor<'_> for FlagVisitor {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(FLAG)
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<bool, E> {
        Ok(b)
    }
}

struct ReadFlag(bool);

impl<'de> Deserialize<'de> for ReadFlag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // As YAML infers it: a quoted "true", or `yes` (YAML 1.1), arrives as text.
        d.deserialize_any(FlagVisitor).map(ReadFlag)
    }
}

/// `#[serde(deserialize_with)]` of an optional flag.
pub fn opt_flag<'de, D: Deserializer<'de>>(d: D) -> Result<Option<S<bool>>, D::Error> {
    Ok(Option::<S<ReadFlag>>::deserialize(d)?.map(|s| s.map(|f| f.0)))
}

/// The flag a value that is not one most likely means (`"true"`, `yes`, `off`).
pub fn intended_flag(written: &str) -> Option<bool> {
    let s = written.trim_matches(|c| c == '"' || c == '\'').trim();
    match s.to_ascii_lowercase().as_str() {
        "true" | "yes" | "y" | "on" => Some(true),
        "false" | "no" | "n" | "off" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_spellings() {
        for (s, n) in [
            ("0", 0),
            ("7", 7),
            ("-2381", -2381),
            ("+12", 12),
            ("12345678", 12_345_678),
        ] {
            assert_eq!(decimal(s), Some(n), "{s}");
        }
        for s in [
            "", "-", "0x10", " 12 ", "1_000", "0b101", "0012", "1.5", "1e3", "abc", "+-1",
        ] {
            assert_eq!(decimal(s), None, "{s:?}");
        }
        assert_eq!(
            decimal(&"9".repeat(60)),
            Some(i128::MAX),
            "too large, not misspelt"
        );
    }

    #[test]
    fn what_was_meant() {
        for (s, n) in [
            ("0x10", 16),
            ("\"0x10\"", 16),
            ("\" 12 \"", 12),
            ("\"+0x1_0\"", 16),
            ("1_000", 1000),
            ("0b101", 5),
            ("0o17", 15),
            ("0012", 12),
            ("-0x10", -16),
            ("１００１", 1001),
            ("－２３８１", -2381),
        ] {
            assert_eq!(intended(s), Some(n), "{s}");
        }
        assert_eq!(intended("1.5"), None);
        assert_eq!(intended("abc"), None);
        assert_eq!(intended_flag("\"true\""), Some(true));
        assert_eq!(intended_flag("yes"), Some(true));
        assert_eq!(intended_flag("Off"), Some(false));
        assert_eq!(intended_flag("maybe"), None);
    }
}
