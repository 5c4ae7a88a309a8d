//! Whether a text is written in its locale's script: a Chinese message pasted under
//! `en` (or imported without `--locale`) is shown to English readers, and the locale
//! it belongs to falls back to another language.

/// Languages written in Latin letters (ISO 639 codes), the locales a CJK text
/// cannot belong to. A tag's script subtag (`sr-Latn`) counts too.
const LATIN: &[&str] = &[
    "af", "az", "ca", "cs", "cy", "da", "de", "en", "eo", "es", "et", "eu", "fi", "fil", "fr",
    "ga", "gl", "hr", "hu", "id", "is", "it", "lt", "lv", "ms", "mt", "nb", "nl", "nn", "no", "pl",
    "pt", "ro", "sk", "sl", "sq", "sv", "sw", "tl", "tr", "uz", "vi",
];

/// For a text of `locale` written in Latin letters: how many of its letters are
/// Chinese, Japanese or Korean and how many letters it has, when those are most.
pub fn cjk_in_latin_locale(locale: &str, text: &str) -> Option<(usize, usize)> {
    let mut subtags = locale.split('-');
    let language = subtags.next()?.to_ascii_lowercase();
    let latin =
        subtags.any(|s| s.eq_ignore_ascii_case("latn")) || LATIN.contains(&language.as_str());
    if !latin {
        return None;
    }
    let (mut cjk, mut letters) = (0, 0);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        cjk += usize::from(is_cjk(c));
    }
    (cjk * 2 > letters).then_some((cjk, letters))
}

/// Han ideographs, kana and Hangul syllables.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'       // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}'     // CJK Extension A
        | '\u{4E00}'..='\u{9FFF}'     // CJK Unified Ideographs
        | '\u{AC00}'..='\u{D7AF}'     // Hangul syllables
        | '\u{F900}'..='\u{FAFF}'     // CJK Compatibility Ideographs
        | '\u{20000}'..='\u{3134F}'   // CJK Extensions B–H
    )
}

#[cfg(test)]
mod tests {
    use super::cjk_in_latin_locale;

    #[test]
    fn mostly_cjk_text_in_a_latin_locale() {
        assert_eq!(cjk_in_latin_locale("en", "房间不存在"), Some((5, 5)));
        assert_eq!(cjk_in_latin_locale("en-GB", "IM登录失败"), Some((4, 6)));
        assert_eq!(cjk_in_latin_locale("sr-Latn", "房间"), Some((2, 2)));
        // A name in another script inside an English sentence is English.
        assert_eq!(cjk_in_latin_locale("en", "Call 客服 for help"), None);
        assert_eq!(cjk_in_latin_locale("en", "The room does not exist"), None);
        // Chinese under Chinese, and scripts this check does not judge.
        assert_eq!(cjk_in_latin_locale("zh-CN", "房间不存在"), None);
        assert_eq!(cjk_in_latin_locale("ja", "部屋"), None);
        assert_eq!(cjk_in_latin_locale("ru", "房间"), None);
        assert_eq!(cjk_in_latin_locale("en", "404"), None);
    }
}
