//! Whether a locale's two-letter language is a language at all: `jp` and `cn` are
//! countries, and the generated code, which chooses a locale by its language, would
//! never serve a client asking for `ja-JP` the texts filed under `jp`.

use crate::diag::Diagnostic;
use crate::rules;
use crate::source::Span;

/// ISO 639-1, as ISO 639-2's table lists its two-letter codes (`bh` included).
const ISO_639_1: [&str; 184] = [
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh",
    "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da",
    "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
    "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj",
    "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb",
    "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi",
    "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo",
    "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// Codes ISO 639-1 withdrew that BCP 47 still registers: older Android and Java report
/// `iw`, `in` and `ji`, which the generated code reads as `he`, `id` and `yi`.
const WITHDRAWN: [&str; 6] = ["in", "iw", "ji", "jw", "mo", "sh"];

/// A country's code written for its language's, and the language meant. None of them
/// is a language itself: `se` (Northern Sami), `ee` (Ewe) and `kr` (Kanuri) are.
const COUNTRY_FOR_LANGUAGE: [(&str, &str); 10] = [
    ("cn", "zh"),
    ("cz", "cs"),
    ("dk", "da"),
    ("gb", "en"),
    ("gr", "el"),
    ("il", "he"),
    ("jp", "ja"),
    ("ua", "uk"),
    ("us", "en"),
    ("vn", "vi"),
];

/// Whether `language` (in lower case) is one BCP 47 knows, as far as errcat checks:
/// two letters must be ISO 639-1's (or withdrawn from it); three letters (ISO 639-2
/// and 639-3, private use `qaa`–`qtz`) are not checked.
fn is_language(language: &str) -> bool {
    language.len() != 2
        || ISO_639_1.binary_search(&language).is_ok()
        || WITHDRAWN.contains(&language)
}

/// Whether `s` is a locale tag of a two-letter language (`zh-CN`, `en`): a key that,
/// where a field was expected, is a text's locale indented too little.
pub fn is_two_letter_locale(s: &str) -> bool {
    super::locales::is_locale_tag(s)
        && s.split('-')
            .next()
            .is_some_and(|l| l.len() == 2 && is_language(l))
}

/// `tag` with the language it was probably meant to have (`jp-JP` → `ja-JP`), when its
/// language is a country's code.
pub fn meant_tag(tag: &str) -> Option<String> {
    let (language, rest) = match tag.find(['-', '_']) {
        Some(at) => tag.split_at(at),
        None => (tag, ""),
    };
    let language = language.to_ascii_lowercase();
    let (_, meant) = COUNTRY_FOR_LANGUAGE.iter().find(|(c, _)| *c == language)?;
    Some(format!("{meant}{rest}"))
}

/// What to say of `tag` when its language is a country's code.
pub fn country_help(tag: &str) -> Option<String> {
    let meant = meant_tag(tag)?;
    let language = tag.split(['-', '_']).next().unwrap_or(tag);
    Some(format!(
        "did you mean `{meant}`? `{language}` is a country's code, not a language's"
    ))
}

/// The finding for a catalog locale (a well-formed tag) whose language is no language.
pub fn unknown_language(tag: &str, span: Span) -> Option<Diagnostic> {
    let language = tag.split('-').next().unwrap_or(tag);
    if is_language(language) {
        return None;
    }
    let help = match country_help(tag) {
        Some(help) => help,
        None => "write the language's ISO 639-1 code (`en`, `ja`, `zh`) or a three-letter ISO 639 code (`yue`); a language of your own takes a private-use code, `qaa` to `qtz`".to_owned(),
    };
    Some(
        Diagnostic::new(
            &rules::UNKNOWN_LANGUAGE,
            format!("locale `{tag}` names no language: `{language}` is not an ISO 639-1 code"),
        )
        .at(span, "not a language")
        .help(help),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_two_letters() {
        assert!(ISO_639_1.windows(2).all(|w| w[0] < w[1]));
        assert!(ISO_639_1.iter().all(|c| c.len() == 2));
        assert!(
            WITHDRAWN
                .iter()
                .all(|c| ISO_639_1.binary_search(c).is_err())
        );
    }

    /// A suggestion is never made for a real language, and always names one.
    #[test]
    fn country_codes_are_no_languages_and_point_at_one() {
        for (country, language) in COUNTRY_FOR_LANGUAGE {
            assert!(!is_language(country), "{country}");
            assert!(is_language(language), "{language}");
        }
        for real in [
            "se", "ee", "kr", "uk", "tw", "ch", "iw", "in", "ji", "yue", "qaa",
        ] {
            assert!(is_language(real), "{real}");
        }
        for no in ["jp", "xx", "cn", "qq"] {
            assert!(!is_language(no), "{no}");
        }
    }

    #[test]
    fn the_tag_meant() {
        assert_eq!(meant_tag("jp").as_deref(), Some("ja"));
        assert_eq!(meant_tag("jp-JP").as_deref(), Some("ja-JP"));
        assert_eq!(meant_tag("jp_jp").as_deref(), Some("ja_jp"));
        assert_eq!(meant_tag("xx"), None);
        assert_eq!(meant_tag("ja"), None);
    }
}
