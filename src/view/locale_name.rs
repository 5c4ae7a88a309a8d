//! How the docs name a locale to its readers: in its own language and script
//! (`Português (Portugal)`, `Srpski (latinica)`), and which way its text runs.
//! A small table of the locales products commonly ship, not CLDR: a subtag it
//! lacks is shown as written (`Español (AR)`), and a variant not at all.

/// A language's name in itself, by its language subtag, or by language and script
/// where the script changes the name (`sr-latn`; Chinese, whose script is always
/// known, is named by it). Keys in lower case, as [`super::match_subtags`] gives them.
const LANGUAGES: &[(&str, &str)] = &[
    ("am", "አማርኛ"),
    ("ar", "العربية"),
    ("az", "Azərbaycan"),
    ("bg", "Български"),
    ("bn", "বাংলা"),
    ("bs", "Bosanski"),
    ("bs-cyrl", "Босански"),
    ("ca", "Català"),
    ("ckb", "کوردیی ناوەندی"),
    ("cs", "Čeština"),
    ("da", "Dansk"),
    ("de", "Deutsch"),
    ("dv", "ދިވެހިބަސް"),
    ("el", "Ελληνικά"),
    ("en", "English"),
    ("es", "Español"),
    ("et", "Eesti"),
    ("fa", "فارسی"),
    ("fi", "Suomi"),
    ("fil", "Filipino"),
    ("fr", "Français"),
    ("he", "עברית"),
    ("hi", "हिन्दी"),
    ("hr", "Hrvatski"),
    ("hu", "Magyar"),
    ("hy", "Հայերեն"),
    ("id", "Bahasa Indonesia"),
    ("it", "Italiano"),
    ("ja", "日本語"),
    ("ka", "ქართული"),
    ("kk", "Қазақ тілі"),
    ("km", "ខ្មែរ"),
    ("ko", "한국어"),
    ("lt", "Lietuvių"),
    ("lv", "Latviešu"),
    ("mk", "Македонски"),
    ("ms", "Bahasa Melayu"),
    ("ms-arab", "بهاس ملايو"),
    ("my", "မြန်မာ"),
    ("nb", "Norsk bokmål"),
    ("nl", "Nederlands"),
    ("nn", "Norsk nynorsk"),
    ("pl", "Polski"),
    ("ps", "پښتو"),
    ("pt", "Português"),
    ("ro", "Română"),
    ("ru", "Русский"),
    ("sk", "Slovenčina"),
    ("sl", "Slovenščina"),
    ("sq", "Shqip"),
    ("sr", "Српски"),
    ("sr-cyrl", "Српски"),
    ("sr-latn", "Srpski"),
    ("sv", "Svenska"),
    ("sw", "Kiswahili"),
    ("ta", "தமிழ்"),
    ("th", "ไทย"),
    ("tr", "Türkçe"),
    ("ug", "ئۇيغۇرچە"),
    ("uk", "Українська"),
    ("ur", "اردو"),
    ("vi", "Tiếng Việt"),
    ("yi", "ייִדיש"),
    ("zh", "中文"),
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
];

/// A script's name in the language written in it, for the languages written in more
/// than one (a Chinese name says its script already).
const SCRIPTS: &[(&str, &str)] = &[
    ("bs-cyrl", "ћирилица"),
    ("bs-latn", "latinica"),
    ("ms-arab", "جاوي"),
    ("sr-cyrl", "ћирилица"),
    ("sr-latn", "latinica"),
];

/// A region's name in a language (keyed as [`LANGUAGES`] is). An empty name is the
/// region a Chinese script's name already implies: `zh-CN` is 简体中文.
const REGIONS: &[(&str, &str, &str)] = &[
    ("ar", "ae", "الإمارات"),
    ("ar", "eg", "مصر"),
    ("ar", "ma", "المغرب"),
    ("ar", "sa", "السعودية"),
    ("de", "at", "Österreich"),
    ("de", "ch", "Schweiz"),
    ("de", "de", "Deutschland"),
    ("en", "au", "Australia"),
    ("en", "ca", "Canada"),
    ("en", "gb", "United Kingdom"),
    ("en", "ie", "Ireland"),
    ("en", "in", "India"),
    ("en", "nz", "New Zealand"),
    ("en", "sg", "Singapore"),
    ("en", "us", "United States"),
    ("es", "419", "Latinoamérica"),
    ("es", "ar", "Argentina"),
    ("es", "co", "Colombia"),
    ("es", "es", "España"),
    ("es", "mx", "México"),
    ("es", "us", "Estados Unidos"),
    ("fr", "be", "Belgique"),
    ("fr", "ca", "Canada"),
    ("fr", "ch", "Suisse"),
    ("fr", "fr", "France"),
    ("he", "il", "ישראל"),
    ("hi", "in", "भारत"),
    ("id", "id", "Indonesia"),
    ("it", "ch", "Svizzera"),
    ("it", "it", "Italia"),
    ("ja", "jp", "日本"),
    ("ko", "kr", "대한민국"),
    ("ms", "my", "Malaysia"),
    ("nb", "no", "Norge"),
    ("nl", "be", "België"),
    ("nl", "nl", "Nederland"),
    ("pl", "pl", "Polska"),
    ("pt", "br", "Brasil"),
    ("pt", "pt", "Portugal"),
    ("ru", "ru", "Россия"),
    ("sr", "rs", "Србија"),
    ("sr-cyrl", "rs", "Србија"),
    ("sr-latn", "rs", "Srbija"),
    ("sv", "se", "Sverige"),
    ("th", "th", "ไทย"),
    ("tr", "tr", "Türkiye"),
    ("uk", "ua", "Україна"),
    ("vi", "vn", "Việt Nam"),
    ("zh-hans", "cn", ""),
    ("zh-hans", "hk", "香港"),
    ("zh-hans", "my", "马来西亚"),
    ("zh-hans", "sg", "新加坡"),
    ("zh-hant", "hk", "香港"),
    ("zh-hant", "mo", "澳門"),
    ("zh-hant", "tw", ""),
];

/// The locale's name in itself: its language's, then its script's and region's names
/// in that language where the table has them, else as the tag writes them; the tag
/// when the language has no name here. Variants and extensions are not shown
/// (`de-DE-1996` is `Deutsch (Deutschland)`). The subtags are as
/// [`super::match_subtags`] gives them: a withdrawn code (`iw`) names its successor's
/// language (`he`).
pub(super) fn native_name(tag: &str, [language, script, region]: &[String; 3]) -> String {
    let with_script = format!("{language}-{script}");
    let lookup = |key: &str| LANGUAGES.iter().find(|(k, _)| *k == key).map(|(_, n)| *n);
    let (name, key) = match (lookup(&with_script), lookup(language)) {
        (Some(name), _) => (name, with_script.as_str()),
        (None, Some(name)) => (name, language.as_str()),
        (None, None) => return tag.to_string(),
    };
    let mut parts: Vec<String> = Vec::new();
    if let Some((_, s)) = SCRIPTS.iter().find(|(k, _)| *k == with_script) {
        parts.push((*s).to_string());
    } else if key == language && !script.is_empty() {
        // As the tag writes a script: title case.
        parts.push(script[..1].to_ascii_uppercase() + &script[1..]);
    }
    if !region.is_empty() {
        match REGIONS.iter().find(|(k, r, _)| *k == key && r == region) {
            Some((_, _, "")) => {}
            Some((_, _, r)) => parts.push((*r).to_string()),
            None => parts.push(region.to_ascii_uppercase()),
        }
    }
    match (parts.is_empty(), language.as_str()) {
        (true, _) => name.to_string(),
        // Chinese text sets its parentheses and commas full width.
        (false, "zh") => format!("{name}（{}）", parts.join("，")),
        (false, _) => format!("{name} ({})", parts.join(", ")),
    }
}

/// Right to left for a locale whose script is (`-Arab`, `-Hebr`, …), or whose language
/// is written so by default; `ltr` for every other. Its language and script are as
/// [`super::match_subtags`] gives them: lower case, `iw` (withdrawn) is `he`.
pub(super) fn direction(language: &str, script: &str) -> &'static str {
    const RTL_SCRIPTS: &[&str] = &[
        "adlm", "arab", "hebr", "mand", "nkoo", "rohg", "samr", "syrc", "thaa",
    ];
    const RTL_LANGUAGES: &[&str] = &[
        "ar", "arc", "ckb", "dv", "fa", "he", "ks", "nqo", "prs", "ps", "sd", "syr", "ug", "ur",
        "yi",
    ];
    let rtl = match script {
        "" => RTL_LANGUAGES.contains(&language),
        s => RTL_SCRIPTS.contains(&s),
    };
    if rtl { "rtl" } else { "ltr" }
}

#[cfg(test)]
mod tests {
    use super::super::match_subtags;
    use super::*;

    fn view(tag: &str) -> (String, &'static str) {
        let subtags = match_subtags(tag);
        let [language, script, _] = &subtags;
        (native_name(tag, &subtags), direction(language, script))
    }

    /// Each tag's name is the one it is paired with.
    fn assert_names(cases: &[(&str, &str)]) {
        for (tag, expected) in cases {
            assert_eq!(view(tag).0, *expected, "{tag}");
        }
    }

    /// A withdrawn code is its successor's language: Hebrew (`iw`) and Yiddish (`ji`)
    /// are right to left, with their names.
    #[test]
    fn withdrawn_codes_have_their_successors_name_and_direction() {
        assert_eq!(view("iw"), ("עברית".to_string(), "rtl"));
        assert_eq!(view("iw-IL"), ("עברית (ישראל)".to_string(), "rtl"));
        assert_eq!(view("ji"), ("ייִדיש".to_string(), "rtl"));
        assert_eq!(view("he"), ("עברית".to_string(), "rtl"));
        assert_eq!(view("az-Arab"), ("Azərbaycan (Arab)".to_string(), "rtl"));
        assert_eq!(view("fa"), ("فارسی".to_string(), "rtl"));
        assert_eq!(view("ur"), ("اردو".to_string(), "rtl"));
        assert_eq!(view("pl"), ("Polski".to_string(), "ltr"));
        assert_eq!(view("nb-NO"), ("Norsk bokmål (Norge)".to_string(), "ltr"));
        // Chinese has a script implied, which is no right-to-left one.
        assert_eq!(view("zh-TW"), ("繁體中文".to_string(), "ltr"));
    }

    #[test]
    fn regions_are_named_in_the_language() {
        assert_names(&[
            ("pt-PT", "Português (Portugal)"),
            ("pt-BR", "Português (Brasil)"),
            ("en-GB", "English (United Kingdom)"),
            ("en-US", "English (United States)"),
            ("es-419", "Español (Latinoamérica)"),
            ("es-MX", "Español (México)"),
            ("fr-CA", "Français (Canada)"),
            ("de-CH", "Deutsch (Schweiz)"),
            ("ar-EG", "العربية (مصر)"),
            ("ar-SA", "العربية (السعودية)"),
            ("ja-JP", "日本語 (日本)"),
            ("ko-KR", "한국어 (대한민국)"),
            // A region the table lacks is shown as the tag writes it.
            ("es-PE", "Español (PE)"),
        ]);
    }

    /// A variant is no region (`1996` is the orthography of 1996): it is not shown.
    #[test]
    fn variants_are_not_shown() {
        assert_names(&[
            ("de-DE-1996", "Deutsch (Deutschland)"),
            ("de-1996", "Deutsch"),
            ("de-CH-1996", "Deutsch (Schweiz)"),
            ("sl-rozaj", "Slovenščina"),
            ("en-US-u-ca-gregory", "English (United States)"),
        ]);
    }

    #[test]
    fn scripts_are_named_in_the_language() {
        assert_names(&[
            ("sr", "Српски"),
            ("sr-Latn", "Srpski (latinica)"),
            ("sr-Cyrl", "Српски (ћирилица)"),
            ("sr-Latn-RS", "Srpski (latinica, Srbija)"),
            ("sr-RS", "Српски (Србија)"),
            ("bs-Cyrl", "Босански (ћирилица)"),
        ]);
        // In Jawi, the Arabic script of Malay: a right-to-left name for a right-to-left
        // locale, which a Latin one would not read as in its `dir="rtl"` span.
        assert_eq!(view("ms-Arab"), ("بهاس ملايو (جاوي)".to_string(), "rtl"));
    }

    /// Chinese is named by its script, with a region its script does not imply, in
    /// full-width parentheses.
    #[test]
    fn chinese_is_named_by_its_script() {
        assert_names(&[
            ("zh", "简体中文"),
            ("zh-CN", "简体中文"),
            ("zh-Hans-CN", "简体中文"),
            ("zh-SG", "简体中文（新加坡）"),
            ("zh-Hans-SG", "简体中文（新加坡）"),
            ("zh-TW", "繁體中文"),
            ("zh-Hant", "繁體中文"),
            ("zh-HK", "繁體中文（香港）"),
            ("zh-Hant-HK", "繁體中文（香港）"),
            ("zh-MO", "繁體中文（澳門）"),
            ("zh-Hans-HK", "简体中文（香港）"),
            ("zh-Latn", "中文（Latn）"),
        ]);
    }

    /// The languages a localization manager found unnamed, and their direction.
    #[test]
    fn more_languages_have_names() {
        for (tag, expected, dir) in [
            ("fil", "Filipino", "ltr"),
            ("ckb", "کوردیی ناوەندی", "rtl"),
            ("dv", "ދިވެހިބަސް", "rtl"),
            ("ps", "پښتو", "rtl"),
            ("ug", "ئۇيغۇرچە", "rtl"),
        ] {
            assert_eq!(view(tag), (expected.to_string(), dir), "{tag}");
        }
        // A language the table lacks is its tag.
        assert_names(&[("tlh-Latn", "tlh-Latn")]);
    }

    /// Each table is looked up by its first key: one row for each.
    #[test]
    fn the_tables_have_no_key_twice() {
        let mut keys: Vec<&str> = LANGUAGES.iter().map(|(k, _)| *k).collect();
        keys.sort_unstable();
        assert!(keys.windows(2).all(|w| w[0] != w[1]), "{keys:?}");
        let mut keys: Vec<(&str, &str)> = REGIONS.iter().map(|(k, r, _)| (*k, *r)).collect();
        keys.sort_unstable();
        assert!(keys.windows(2).all(|w| w[0] != w[1]), "{keys:?}");
        assert!(SCRIPTS.iter().all(|(k, _)| k.contains('-')));
        // Every region is keyed by a language the first table names.
        assert!(
            REGIONS
                .iter()
                .all(|(k, _, _)| LANGUAGES.iter().any(|(l, _)| l == k))
        );
    }
}
