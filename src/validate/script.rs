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
    /// Within CJK, where it can be told: Han with Simplified-only characters and no kana.
    SimplifiedChinese,
    /// Within CJK: kana, which only Japanese writes.
    Kana,
    /// Within CJK: Hangul, which only Korean writes.
    Hangul,
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
            Script::SimplifiedChinese => "Simplified Chinese, without kana",
            Script::Kana => "Japanese kana",
            Script::Hangul => "Korean Hangul",
        }
    }

    /// Whether `locale` is written in this script.
    pub fn writes(self, locale: &str) -> bool {
        let language = locale.split('-').next().unwrap_or("").to_ascii_lowercase();
        match self {
            Script::SimplifiedChinese => language == "zh",
            Script::Kana => language == "ja",
            Script::Hangul => language == "ko",
            s => locale_script(locale) == Some(s),
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
    if script == Script::Cjk && own == Script::Cjk && n * 2 > letters {
        return other_cjk(locale, text).map(|(s, n)| (s, n, letters));
    }
    let enough = script != Script::Latin || (own_letters == 0 && n >= LATIN_AT_LEAST);
    (script != own && n * 2 > letters && enough).then_some((script, n, letters))
}

/// Simplified forms no Japanese or Korean text uses: the simplified radicals' blocks
/// (讠贝车钅门纟页饣马鱼鸟), then common ones elsewhere. None is in JIS X 0208 or 0213.
const SIMPLIFIED_BLOCKS: &[(char, char)] = &[
    ('\u{7E9F}', '\u{7F35}'),
    ('\u{8BA0}', '\u{8C36}'),
    ('\u{8D1D}', '\u{8D5B}'),
    ('\u{8F66}', '\u{8F90}'),
    ('\u{9485}', '\u{9576}'),
    ('\u{95E8}', '\u{961B}'),
    ('\u{9875}', '\u{989F}'),
    ('\u{9963}', '\u{998D}'),
    ('\u{9A6C}', '\u{9AA7}'),
    ('\u{9C7C}', '\u{9CE3}'),
    ('\u{9E1F}', '\u{9E6D}'),
];
const SIMPLIFIED: &str = concat!(
    "专业东丢严为义乐习书买亏亚产亲仅仓们优伟传伤伦侧储兑兰兴兹军农冻净凤击创删别剧劝",
    "办务动势华协单卖卫厅历压县发变叹吗员哑团围图块坚垒垦处备够头夹夺奋奖妇孙实审宪宫",
    "宽对寻导尔尘尝层岁岛币师帐带庆库应废张弹强归录彻忆忧怀态总恳恶悬惯戏战户执扩扫扬",
    "扰抚抢护报拟拥择挡挤挥损换掷搅摄摆摇时显晓暂术杀杂权枪标栏树样桥检椭槛欢毁毕汇汉",
    "污汤泽洁测济浏浓润涨渐滚满滤滥灭灿炼烂热焕爱爷牵猎环现琐电畅疗疮疯皑监盘矫矿码砖",
    "础硕祸秃积稳穷窍竞签简类紧罗罚翘耸职联肃肠肿胀胁脏脑舆舰艰艺节苍苏荡药获营萧萨蓝",
    "蔼虏虑虽补见观规视览觉赵输边过还这进远违连迟选递逻遗邓邮邻郑酱酿释鉴长队阵阶际陆",
    "陈陕险隐难雾韩风飞齐龄龙",
);

fn simplified_only(c: char) -> bool {
    SIMPLIFIED_BLOCKS.iter().any(|&(a, b)| (a..=b).contains(&c)) || SIMPLIFIED.contains(c)
}

/// For a text of a Chinese, Japanese or Korean locale written in CJK letters: the
/// other of those languages it is in, where its letters say so for certain, with how
/// many letters say so. Hangul is only Korean and kana only Japanese; Han characters
/// are shared, but a Simplified-only form without kana is Chinese. Han alone (`認証失敗`
/// is Japanese too) or Traditional forms decide nothing.
fn other_cjk(locale: &str, text: &str) -> Option<(Script, usize)> {
    let language = locale.split('-').next()?.to_ascii_lowercase();
    let (mut kana, mut hiragana, mut hangul, mut han, mut simplified) = (0, 0, 0, 0, 0);
    for c in without_placeholders(text) {
        match c {
            '\u{3040}'..='\u{309F}' => {
                kana += 1;
                hiragana += 1;
            }
            '\u{30A0}'..='\u{30FF}' => kana += 1,
            '\u{AC00}'..='\u{D7AF}' => hangul += 1,
            c if char_script(c) == Some(Script::Cjk) => {
                han += 1;
                // Only Japanese and Korean texts are judged by it (a table lookup per letter).
                if matches!(language.as_str(), "ja" | "ko") {
                    simplified += usize::from(simplified_only(c));
                }
            }
            _ => {}
        }
    }
    let letters = kana + hangul + han;
    let found = match language.as_str() {
        "ja" if hangul * 2 > letters => (Script::Hangul, hangul),
        "ja" | "ko" if kana == 0 && hangul == 0 && simplified > 0 => {
            (Script::SimplifiedChinese, han)
        }
        "zh" | "yue" if hangul * 2 > letters => (Script::Hangul, hangul),
        // Japanese writes its grammar in hiragana; a name in katakana (`ポケモン`) or
        // a stray `の` may stand in a Chinese or Korean sentence.
        "zh" | "yue" | "ko" if hiragana >= 2 && hangul * 2 <= letters => (Script::Kana, kana),
        _ => return None,
    };
    Some(found)
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

    /// Chinese, Japanese and Korean share Han characters: only what one of them alone
    /// writes says which it is.
    #[test]
    fn another_cjk_language_where_its_letters_tell() {
        let chinese = Some((Script::SimplifiedChinese, 5, 5));
        assert_eq!(foreign_script("ja", "房间不存在"), chinese);
        assert_eq!(foreign_script("ko", "房间不存在"), chinese);
        assert_eq!(
            foreign_script("ja", "ディスクがいっぱいです"),
            None,
            "kana is Japanese"
        );
        // Han alone, or in forms Japanese shares, is Japanese as well.
        assert_eq!(foreign_script("ja", "認証失敗"), None);
        assert_eq!(foreign_script("ja", "部屋不存在"), None);
        assert_eq!(foreign_script("ja", "參數錯誤"), None, "Traditional forms");
        assert_eq!(
            foreign_script("zh-CN", "部屋が存在しません"),
            Some((Script::Kana, 5, 9))
        );
        assert_eq!(foreign_script("zh-CN", "房间不存在"), None);
        assert_eq!(foreign_script("zh-CN", "ポケモン的房间"), None, "a name");
        assert_eq!(foreign_script("zh-TW", "の房間"), None);
        assert_eq!(
            foreign_script("ja", "방이 없습니다"),
            Some((Script::Hangul, 6, 6))
        );
        assert_eq!(foreign_script("ko", "방이 없습니다"), None);
        assert_eq!(foreign_script("ko", "認証失敗"), None);
        assert!(Script::Kana.writes("ja") && Script::SimplifiedChinese.writes("zh-CN"));
        assert!(Script::Latin.writes("en-GB") && !Script::Cjk.writes("en"));
    }
}
