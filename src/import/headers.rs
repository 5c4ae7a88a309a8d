//! What a table column holds, from its header: one table of the header words
//! errcat knows, in English, Chinese, Japanese, Korean, German, French, Spanish and
//! Portuguese, and a locale named after a text's header (`Translation (ja)`).

use super::doc::Field;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Code,
    Name,
    Http,
    Text(Field),
    /// The namespace a row belongs to (an `errcat export` sheet's first column).
    Namespace,
    /// What a reader is shown and errcat need not read back: an exported sheet's
    /// placeholders, which the catalog's `params` declare.
    Note,
}

/// Header words, lower-cased, with bold markers and trailing colons removed, and the
/// language they are in (for help texts). A word two languages share is listed once.
const HEADERS: &[(&str, Column, &str)] = &[
    ("error code", Column::Code, "en"),
    ("error code value", Column::Code, "en"),
    ("code", Column::Code, "en"),
    ("code value", Column::Code, "en"),
    ("value", Column::Code, "en"),
    ("err no", Column::Code, "en"),
    ("error no", Column::Code, "en"),
    ("error number", Column::Code, "en"),
    ("errno", Column::Code, "en"),
    ("error code name", Column::Name, "en"),
    ("name", Column::Name, "en"),
    ("constant", Column::Name, "en"),
    ("symbol", Column::Name, "en"),
    ("http", Column::Http, "en"),
    ("http status", Column::Http, "en"),
    ("http status code", Column::Http, "en"),
    ("title", Column::Text(Field::Title), "en"),
    ("error message", Column::Text(Field::Message), "en"),
    ("message", Column::Text(Field::Message), "en"),
    ("translation", Column::Text(Field::Message), "en"),
    ("description", Column::Text(Field::Description), "en"),
    ("error description", Column::Text(Field::Description), "en"),
    ("meaning", Column::Text(Field::Description), "en"),
    ("reason", Column::Text(Field::Cause), "en"),
    ("cause", Column::Text(Field::Cause), "en"),
    ("solution", Column::Text(Field::Solution), "en"),
    ("suggestion", Column::Text(Field::Solution), "en"),
    ("namespace", Column::Namespace, "en"),
    ("placeholders", Column::Note, "en"),
    // A translator's sheet names each text column's locale: `Source (en)`, `Target (ja)`.
    ("source (…)", Column::Text(Field::Message), "en"),
    ("target (…)", Column::Text(Field::Message), "en"),
    ("值", Column::Code, "zh"),
    ("错误码", Column::Code, "zh"),
    ("错误码值", Column::Code, "zh"),
    ("错误代码", Column::Code, "zh"),
    ("返回码", Column::Code, "zh"),
    ("错误码名称", Column::Name, "zh"),
    ("名称", Column::Name, "zh"),
    ("符号", Column::Name, "zh"),
    ("http状态码", Column::Http, "zh"),
    ("标题", Column::Text(Field::Title), "zh"),
    ("错误提示", Column::Text(Field::Message), "zh"),
    ("提示", Column::Text(Field::Message), "zh"),
    ("提示信息", Column::Text(Field::Message), "zh"),
    ("错误信息", Column::Text(Field::Message), "zh"),
    ("译文", Column::Text(Field::Message), "zh"),
    ("翻译", Column::Text(Field::Message), "zh"),
    ("错误描述", Column::Text(Field::Description), "zh"),
    ("描述", Column::Text(Field::Description), "zh"),
    ("说明", Column::Text(Field::Description), "zh"),
    ("含义", Column::Text(Field::Description), "zh"),
    ("原因", Column::Text(Field::Cause), "zh"),
    ("错误原因", Column::Text(Field::Cause), "zh"),
    ("处理建议", Column::Text(Field::Solution), "zh"),
    ("解决方案", Column::Text(Field::Solution), "zh"),
    ("解决方法", Column::Text(Field::Solution), "zh"),
    ("处理方法", Column::Text(Field::Solution), "zh"),
    ("命名空间", Column::Namespace, "zh"),
    ("占位符", Column::Note, "zh"),
    ("エラーコード", Column::Code, "ja"),
    ("コード", Column::Code, "ja"),
    ("エラー番号", Column::Code, "ja"),
    ("エラー名", Column::Name, "ja"),
    ("名前", Column::Name, "ja"),
    ("定数", Column::Name, "ja"),
    ("httpステータス", Column::Http, "ja"),
    ("タイトル", Column::Text(Field::Title), "ja"),
    ("エラーメッセージ", Column::Text(Field::Message), "ja"),
    ("メッセージ", Column::Text(Field::Message), "ja"),
    ("翻訳", Column::Text(Field::Message), "ja"),
    ("説明", Column::Text(Field::Description), "ja"),
    ("エラーの説明", Column::Text(Field::Description), "ja"),
    ("意味", Column::Text(Field::Description), "ja"),
    ("エラー内容", Column::Text(Field::Description), "ja"),
    ("内容", Column::Text(Field::Description), "ja"),
    ("理由", Column::Text(Field::Cause), "ja"),
    ("対処法", Column::Text(Field::Solution), "ja"),
    ("対処方法", Column::Text(Field::Solution), "ja"),
    ("解決策", Column::Text(Field::Solution), "ja"),
    ("解決方法", Column::Text(Field::Solution), "ja"),
    ("오류 코드", Column::Code, "ko"),
    ("에러 코드", Column::Code, "ko"),
    ("오류코드", Column::Code, "ko"),
    ("코드", Column::Code, "ko"),
    ("이름", Column::Name, "ko"),
    ("상수", Column::Name, "ko"),
    ("http 상태 코드", Column::Http, "ko"),
    ("제목", Column::Text(Field::Title), "ko"),
    ("오류 메시지", Column::Text(Field::Message), "ko"),
    ("에러 메시지", Column::Text(Field::Message), "ko"),
    ("메시지", Column::Text(Field::Message), "ko"),
    ("번역", Column::Text(Field::Message), "ko"),
    ("설명", Column::Text(Field::Description), "ko"),
    ("오류 설명", Column::Text(Field::Description), "ko"),
    ("원인", Column::Text(Field::Cause), "ko"),
    ("해결 방법", Column::Text(Field::Solution), "ko"),
    ("해결책", Column::Text(Field::Solution), "ko"),
    ("fehlercode", Column::Code, "de"),
    ("fehlernummer", Column::Code, "de"),
    ("konstante", Column::Name, "de"),
    ("http-status", Column::Http, "de"),
    ("titel", Column::Text(Field::Title), "de"),
    ("fehlermeldung", Column::Text(Field::Message), "de"),
    ("meldung", Column::Text(Field::Message), "de"),
    ("nachricht", Column::Text(Field::Message), "de"),
    ("übersetzung", Column::Text(Field::Message), "de"),
    ("beschreibung", Column::Text(Field::Description), "de"),
    ("fehlerbeschreibung", Column::Text(Field::Description), "de"),
    ("bedeutung", Column::Text(Field::Description), "de"),
    ("ursache", Column::Text(Field::Cause), "de"),
    ("lösung", Column::Text(Field::Solution), "de"),
    ("abhilfe", Column::Text(Field::Solution), "de"),
    ("code d'erreur", Column::Code, "fr"),
    ("code erreur", Column::Code, "fr"),
    ("nom", Column::Name, "fr"),
    ("statut http", Column::Http, "fr"),
    ("titre", Column::Text(Field::Title), "fr"),
    ("message d'erreur", Column::Text(Field::Message), "fr"),
    ("traduction", Column::Text(Field::Message), "fr"),
    ("signification", Column::Text(Field::Description), "fr"),
    ("raison", Column::Text(Field::Cause), "fr"),
    ("código", Column::Code, "es"),
    ("código de error", Column::Code, "es"),
    ("nombre", Column::Name, "es"),
    ("constante", Column::Name, "es"),
    ("estado http", Column::Http, "es"),
    ("título", Column::Text(Field::Title), "es"),
    ("mensaje", Column::Text(Field::Message), "es"),
    ("mensaje de error", Column::Text(Field::Message), "es"),
    ("traducción", Column::Text(Field::Message), "es"),
    ("descripción", Column::Text(Field::Description), "es"),
    ("significado", Column::Text(Field::Description), "es"),
    ("causa", Column::Text(Field::Cause), "es"),
    ("motivo", Column::Text(Field::Cause), "es"),
    ("solución", Column::Text(Field::Solution), "es"),
    ("código de erro", Column::Code, "pt"),
    ("nome", Column::Name, "pt"),
    ("status http", Column::Http, "pt"),
    ("mensagem", Column::Text(Field::Message), "pt"),
    ("mensagem de erro", Column::Text(Field::Message), "pt"),
    ("tradução", Column::Text(Field::Message), "pt"),
    ("descrição", Column::Text(Field::Description), "pt"),
    ("solução", Column::Text(Field::Solution), "pt"),
];

/// A header's words as the table lists them: lower case, blanks folded, bold
/// markers and a trailing colon dropped.
fn words(header: &str) -> String {
    let h = super::inline::plain(header, str::to_owned);
    h.trim()
        .trim_end_matches([':', '：'])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What a column holds, from its header.
pub fn classify(header: &str) -> Option<Column> {
    header_of(header).map(|(c, _)| c)
}

/// What a column holds, and the locale its header names for its texts:
/// `Translation (ja)`, `Error message (zh_CN)`, `Source (en)`. A parenthesis that
/// is no locale tag (`Description (optional)`) names none.
pub fn header_of(header: &str) -> Option<(Column, Option<String>)> {
    let h = words(header);
    let find = |k: &str| HEADERS.iter().find(|(w, ..)| *w == k).map(|(_, c, _)| *c);
    let suffixed = h
        .strip_suffix([')', '）'])
        .and_then(|x| x.rsplit_once(['(', '（']))
        .and_then(|(base, tag)| Some((base.trim_end(), locale_tag(tag)?)));
    match suffixed {
        Some((base, tag)) => {
            let column = find(base).or_else(|| find(&format!("{base} (…)")))?;
            let locale = matches!(column, Column::Text(_)).then_some(tag);
            Some((column, locale))
        }
        None => find(&h).map(|c| (c, None)),
    }
}

/// `tag` as a BCP 47 tag (`zh_cn` → `zh-CN`), if it is one.
fn locale_tag(tag: &str) -> Option<String> {
    let tag = tag.trim();
    if crate::validate::is_locale_tag(tag) {
        return Some(tag.to_owned());
    }
    crate::validate::tag_for(tag)
}

/// The headers the readers understand in English, for help texts, and the languages
/// of the others.
pub fn known_headers() -> String {
    let english: Vec<&str> = HEADERS
        .iter()
        .filter(|(.., l)| *l == "en")
        .map(|(k, ..)| *k)
        .collect();
    format!(
        "{}; the same in Chinese, Japanese, Korean, German, French, Spanish and Portuguese (`errcat import --help` lists them); a locale tag after a text's header names its cells' locale: `Translation (ja)`",
        english.join(", ")
    )
}

/// Every header the readers understand, a line per language, for `--help`.
pub fn headers_by_language() -> String {
    let mut out = String::new();
    for (language, name) in [
        ("en", "English"),
        ("zh", "Chinese"),
        ("ja", "Japanese"),
        ("ko", "Korean"),
        ("de", "German"),
        ("fr", "French"),
        ("es", "Spanish"),
        ("pt", "Portuguese"),
    ] {
        let words: Vec<&str> = HEADERS
            .iter()
            .filter(|(.., l)| *l == language)
            .map(|(k, ..)| *k)
            .collect();
        out.push_str(&format!("  {name}: {}\n", words.join(", ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Column, Field, classify};

    /// SDK pages list constants as Symbol | Value | Meaning, 符号 | 值 | 含义.
    #[test]
    fn symbol_value_meaning_tables_are_read() {
        for (header, column) in [
            ("Symbol", Column::Name),
            ("符号", Column::Name),
            ("**Value**", Column::Code),
            ("值", Column::Code),
            ("Meaning:", Column::Text(Field::Description)),
            ("含义", Column::Text(Field::Description)),
        ] {
            assert_eq!(classify(header), Some(column), "{header}");
        }
    }

    /// A translator's sheet in any of the languages errcat knows headers in, and a
    /// locale after a text's header.
    #[test]
    fn headers_in_other_languages_and_with_a_locale() {
        let message = Column::Text(Field::Message);
        for (header, column, locale) in [
            ("Fehlermeldung", message, None),
            ("Mensagem de erro", message, None),
            ("**エラーメッセージ**", message, None),
            ("오류 메시지", message, None),
            ("Código", Column::Code, None),
            ("Nom", Column::Name, None),
            ("Source (en)", message, Some("en")),
            ("Translation (ja)", message, Some("ja")),
            ("Error message (zh_cn)", message, Some("zh-CN")),
            ("翻訳（ja）", message, Some("ja")),
            // A locale after a header that is no text is no locale of texts.
            ("Code (en)", Column::Code, None),
        ] {
            let want = Some((column, locale.map(str::to_owned)));
            assert_eq!(super::header_of(header), want, "{header}");
        }
        for unknown in [
            "Source",
            "Target",
            "Description (optional)",
            "Source (English)",
        ] {
            assert_eq!(super::header_of(unknown), None, "{unknown}");
        }
    }
}
