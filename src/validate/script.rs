//! Whether a text is written in its locale's script: a Chinese message pasted under
//! `en` (or imported without `--locale`) is shown to English readers, and the locale
//! it belongs to falls back to another language; an English text left under `ja` in a
//! translator's sheet counts as translated.

/// The scripts this check tells apart, by the letters they have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Latin,
    /// Han, kana and Hangul: Chinese, Japanese and Korean are not told apart.
    Cjk,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Thai,
    Devanagari,
}

impl Script {
    /// How a finding names text in this script.
    pub fn describe(self) -> &'static str {
        match self {
            Script::Latin => "Latin letters",
            Script::Cjk => "Chinese, Japanese or Korean",
            Script::Cyrillic => "Cyrillic",
            Script::Greek => "Greek",
            Script::Arabic => "Arabic script",
            Script::Hebrew => "Hebrew",
            Script::Thai => "Thai",
            Script::Devanagari => "Devanagari",
        }
    }
}

/// Languages by the script they are written in (ISO 639 codes); a tag's script
/// subtag (`sr-Latn`) decides first.
const LANGUAGES: &[(Script, &[&str])] = &[
    (
        Script::Latin,
        &[
            "af", "az", "ca", "cs", "cy", "da", "de", "en", "eo", "es", "et", "eu", "fi", "fil",
            "fr", "ga", "gl", "hr", "hu", "id", "is", "it", "lt", "lv", "ms", "mt", "nb", "nl",
            "nn", "no", "pl", "pt", "ro", "sk", "sl", "sq", "sv", "sw", "tl", "tr", "uz", "vi",
        ],
    ),
    (Script::Cjk, &["ja", "ko", "zh", "yue"]),
    (
        Script::Cyrillic,
        &["be", "bg", "kk", "ky", "mk", "mn", "ru", "sr", "tg", "uk"],
    ),
    (Script::Greek, &["el"]),
    (Script::Arabic, &["ar", "fa", "ps", "ur"]),
    (Script::Hebrew, &["he", "iw", "yi"]),
    (Script::Thai, &["th"]),
    (Script::Devanagari, &["hi", "mr", "ne"]),
];

const SUBTAGS: &[(&str, Script)] = &[
    ("latn", Script::Latin),
    ("hans", Script::Cjk),
    ("hant", Script::Cjk),
    ("hani", Script::Cjk),
    ("jpan", Script::Cjk),
    ("kore", Script::Cjk),
    ("cyrl", Script::Cyrillic),
    ("grek", Script::Greek),
    ("arab", Script::Arabic),
    ("hebr", Script::Hebrew),
    ("thai", Script::Thai),
    ("deva", Script::Devanagari),
];

fn locale_script(locale: &str) -> Option<Script> {
    let mut subtags = locale.split('-').map(str::to_ascii_lowercase);
    let language = subtags.next()?;
    if let Some(s) = subtags.find_map(|t| SUBTAGS.iter().find(|(n, _)| *n == t)) {
        return Some(s.1);
    }
    LANGUAGES
        .iter()
        .find(|(_, languages)| languages.contains(&language.as_str()))
        .map(|(s, _)| *s)
}

fn char_script(c: char) -> Option<Script> {
    Some(match c {
        'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => Script::Latin,
        '\u{3040}'..='\u{30FF}'       // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}'     // CJK Extension A
        | '\u{4E00}'..='\u{9FFF}'     // CJK Unified Ideographs
        | '\u{AC00}'..='\u{D7AF}'     // Hangul syllables
        | '\u{F900}'..='\u{FAFF}'     // CJK Compatibility Ideographs
        | '\u{20000}'..='\u{3134F}' => Script::Cjk, // CJK Extensions B–H
        '\u{400}'..='\u{52F}' => Script::Cyrillic,
        '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}' => Script::Greek,
        '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' => {
            Script::Arabic
        }
        '\u{590}'..='\u{5FF}' => Script::Hebrew,
        '\u{E00}'..='\u{E7F}' => Script::Thai,
        '\u{900}'..='\u{97F}' => Script::Devanagari,
        _ => return None,
    })
}

/// Latin words in a text of another script are often product names and acronyms
/// (`RoomEngine SDK 回调`, `OAuth エラー`): Latin letters make such a text one in Latin
/// letters only when it has none of its own script, and this many.
const LATIN_AT_LEAST: usize = 8;

/// For a text of `locale`: the script most of its letters are in, when that is not the
/// locale's, with how many of its letters are in it and how many letters it has.
/// Placeholders (`{room_id}`) are no letters of the text.
pub fn foreign_script(locale: &str, text: &str) -> Option<(Script, usize, usize)> {
    let own = locale_script(locale)?;
    let mut counts: Vec<(Script, usize)> = Vec::new();
    let mut letters = 0;
    for c in without_placeholders(text).filter(|c| c.is_alphabetic()) {
        letters += 1;
        let Some(s) = char_script(c) else { continue };
        match counts.iter_mut().find(|(k, _)| *k == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    let own_letters = counts.iter().find(|(k, _)| *k == own).map_or(0, |c| c.1);
    let (script, n) = counts.into_iter().max_by_key(|&(_, n)| n)?;
    let enough = script != Script::Latin || (own_letters == 0 && n >= LATIN_AT_LEAST);
    (script != own && n * 2 > letters && enough).then_some((script, n, letters))
}

/// The characters of `text` outside `{name}` placeholders.
fn without_placeholders(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut skip = 0;
    text.char_indices().filter_map(move |(i, c)| {
        if skip > i {
            return None;
        }
        if c == '{'
            && let Some(len) = text[i + 1..].find('}')
            && len > 0
            && text[i + 1..i + 1 + len]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            skip = i + len + 2;
            return None;
        }
        Some(c)
    })
}

#[cfg(test)]
mod tests {
    use super::{Script, foreign_script};

    #[test]
    fn mostly_cjk_text_in_a_latin_locale() {
        let cjk = |locale, text| foreign_script(locale, text).filter(|f| f.0 == Script::Cjk);
        assert_eq!(cjk("en", "房间不存在"), Some((Script::Cjk, 5, 5)));
        assert_eq!(cjk("en-GB", "IM登录失败"), Some((Script::Cjk, 4, 6)));
        assert_eq!(cjk("sr-Latn", "房间"), Some((Script::Cjk, 2, 2)));
        // A name in another script inside an English sentence is English.
        assert_eq!(foreign_script("en", "Call 客服 for help"), None);
        assert_eq!(foreign_script("en", "The room does not exist"), None);
        assert_eq!(foreign_script("zh-CN", "房间不存在"), None);
        assert_eq!(foreign_script("ja", "部屋"), None);
        assert_eq!(foreign_script("en", "404"), None);
    }

    #[test]
    fn a_translation_left_in_another_script() {
        // A sheet's untranslated row: English under `ja`, Chinese under `ar`.
        assert_eq!(
            foreign_script("ja", "The session has expired"),
            Some((Script::Latin, 20, 20))
        );
        assert_eq!(
            foreign_script("ar", "会话已过期"),
            Some((Script::Cjk, 5, 5))
        );
        assert_eq!(
            foreign_script("ru", "Session expired"),
            Some((Script::Latin, 14, 14))
        );
        // Names and acronyms in Latin letters are part of many texts.
        assert_eq!(foreign_script("zh-CN", "IM 登录失败"), None);
        assert_eq!(foreign_script("ja", "OAuth エラー"), None);
        assert_eq!(foreign_script("zh-CN", "HTTP 404"), None);
        assert_eq!(foreign_script("ar", "الغرفة ممتلئة"), None);
        // Product names beside the locale's own script; placeholders are no letters.
        assert_eq!(foreign_script("zh-CN", "RoomEngine SDK 回调"), None);
        assert_eq!(
            foreign_script("zh-CN", "TUIRoomEngine RESTful API 错误码"),
            None
        );
        assert_eq!(
            foreign_script("zh-CN", "{type}{class}{self}{default}"),
            None
        );
        assert_eq!(
            foreign_script("en", "{room_id} 已满"),
            Some((Script::Cjk, 2, 2))
        );
        // A locale whose script this check does not know is not judged.
        assert_eq!(foreign_script("ka", "Session expired"), None);
    }
}
