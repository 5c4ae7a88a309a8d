//! Names for entries whose source has none, and ids for sections: deterministic,
//! derived from the English text, unique within the namespace, and never a keyword
//! of a built-in profile once converted to that language's case.

use super::doc::{Doc, Entry, Field};
use crate::naming;

/// Words that carry no meaning in a name.
const STOP: &[&str] = &[
    "A", "AN", "THE", "OF", "TO", "FOR", "IN", "ON", "AT", "BY", "WITH", "FROM", "INTO", "IS",
    "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "HAS", "HAVE", "HAD", "DO", "DOES", "DID", "THIS",
    "THAT", "THESE", "THOSE", "IT", "ITS", "AND", "OR", "BUT", "PLEASE", "CAN", "COULD", "MAY",
    "MIGHT", "WILL", "WOULD", "SHOULD", "SHALL", "YOU", "YOUR", "WE", "OUR", "THERE", "WHICH",
    "WHO", "WHEN", "WHILE", "IF", "THEN", "THAN", "AS", "SO", "SUCH", "ETC", "EG",
];

/// Extra words a section id drops: every section of an error table is about error codes.
const SECTION_STOP: &[&str] = &["ERROR", "ERRORS", "CODE", "CODES", "LIST"];

const MAX_WORDS: usize = 5;
const MAX_LEN: usize = 40;

/// Upper-case ASCII words of the first line of `text`, stop words (and `extra`) dropped.
fn words(text: &str, extra: &[&str]) -> Vec<String> {
    // Letters with diacritics are spelled in ASCII rather than splitting their word:
    // `Connexion refusée` is CONNEXION_REFUSEE, not CONNEXION_REFUS_E.
    let line = crate::naming::latin_to_ascii(text.lines().next().unwrap_or(""));
    let line = without_placeholders(&line).replace(['\'', '’'], "");
    line.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_uppercase)
        .filter(|w| !STOP.contains(&w.as_str()) && !extra.contains(&w.as_str()))
        .collect()
}

/// `text` without its `{name}` placeholders (any case): what fills them in says
/// nothing about the error (`Order {order_id} not found` is ORDER_NOT_FOUND).
fn without_placeholders(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        if len > 0 && after[len..].starts_with('}') {
            out.push(' ');
            rest = &after[len + 1..];
        } else {
            out.push('{');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Joins words up to the caps.
fn capped(words: &[String], max_words: usize, sep: &str) -> String {
    let mut out = String::new();
    for w in words.iter().take(max_words) {
        if !out.is_empty() && out.len() + sep.len() + w.len() > MAX_LEN {
            break;
        }
        if !out.is_empty() {
            out.push_str(sep);
        }
        out.push_str(w);
    }
    out
}

/// The code as a name suffix: `1001` → `1001`, `-4` → `N4`.
pub fn suffix(code: i64) -> String {
    if code < 0 {
        format!("N{}", code.unsigned_abs())
    } else {
        code.to_string()
    }
}

/// `--name-prefix` as a name part: `rec` → `REC`.
pub fn prefix(p: &str) -> String {
    heck::ToShoutySnakeCase::to_shouty_snake_case(p)
}

/// Would a built-in profile have to escape this name once case-converted (`SELF` → Rust `Self`)?
pub fn collides_with_keyword(name: &str) -> bool {
    naming::BUILTIN.iter().any(|p| {
        let v = p.variant_case.apply(name);
        p.sanitize(v.clone()) != v
    })
}

/// The name `text` suggests, before uniqueness: `The room does not exist` → `ROOM_NOT_EXIST`.
/// `None` when the text has no English words.
pub fn base(text: &str, prefix: Option<&str>) -> Option<String> {
    let w = words(text, &[]);
    if w.is_empty() {
        return None;
    }
    let mut name = capped(&w, MAX_WORDS, "_");
    if let Some(p) = prefix {
        name = format!("{p}_{name}");
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        name = format!("E_{name}");
    }
    Some(name)
}

/// The name of the first English text an entry can be named after: its title,
/// description or message, in that order (a description is usually the shorter
/// statement of what went wrong). A text with no word a name can hold (a Chinese
/// description in a column called English) is passed over for the next.
fn named_after(e: &Entry, prefix: Option<&str>) -> Option<String> {
    [Field::Title, Field::Description, Field::Message]
        .iter()
        .filter_map(|f| e.text(*f))
        .flat_map(|t| t.0.iter())
        .filter(|l| l.locale == "en" || l.locale.starts_with("en-"))
        .find_map(|l| base(&l.text, prefix))
}

/// The name errcat would propose for `e` from its English text, before uniqueness
/// and without a prefix.
pub fn proposed(e: &Entry) -> Option<String> {
    named_after(e, None)
}

/// Names every entry that has none. A name two new entries would share, or one
/// already taken or colliding with a keyword, gets the code as a suffix on each.
pub fn assign(doc: &mut Doc, prefix: Option<&str>) {
    let fallback = prefix.unwrap_or("ERR");
    let pending: Vec<(usize, Option<String>)> = doc
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.name.is_none())
        .map(|(i, e)| (i, named_after(e, prefix)))
        .collect();
    let mut taken: std::collections::BTreeSet<String> =
        doc.entries.iter().filter_map(|e| e.name.clone()).collect();
    let mut uses: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for b in pending.iter().filter_map(|(_, b)| b.clone()) {
        *uses.entry(b).or_default() += 1;
    }
    for (i, base) in &pending {
        let code = doc.entries[*i].code;
        let shared = base.as_ref().is_some_and(|b| {
            uses.get(b).copied().unwrap_or(0) > 1 || taken.contains(b) || collides_with_keyword(b)
        });
        let mut name = match base {
            Some(b) if !shared => b.clone(),
            Some(b) => format!("{b}_{}", suffix(code)),
            None => format!("{fallback}_{}", suffix(code)),
        };
        let stem = name.clone();
        let mut n = 2;
        while taken.contains(&name) || collides_with_keyword(&name) {
            name = format!("{stem}_{n}");
            n += 1;
        }
        taken.insert(name.clone());
        doc.entries[*i].name = Some(name);
    }
}

/// A lower_snake id for a section: `AVSDK Client Error Codes` → `avsdk_client`;
/// `fallback` when the title has no English words.
pub fn section_id(title: Option<&str>, fallback: &str) -> String {
    // `Error codes` has only the words a section id drops: then it keeps them.
    let mut w = words(title.unwrap_or(""), SECTION_STOP);
    if w.is_empty() {
        w = words(title.unwrap_or(""), &[]);
    }
    let id = capped(&w, 3, "_").to_ascii_lowercase();
    if id.is_empty() {
        fallback.to_owned()
    } else if id.starts_with(|c: char| c.is_ascii_digit()) {
        format!("s{id}")
    } else {
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_english_words() {
        let cases = [
            ("The room does not exist", None, "ROOM_NOT_EXIST"),
            ("IM login error", None, "IM_LOGIN_ERROR"),
            (
                "Failed to resolve SDK request - Recording request packet is missing",
                None,
                "FAILED_RESOLVE_SDK_REQUEST_RECORDING",
            ),
            ("Room doesn't exist", Some("REC"), "REC_ROOM_DOESNT_EXIST"),
            ("3 seconds passed", None, "E_3_SECONDS_PASSED"),
            (
                "IM is reused: Please log in to IM first\nIM is not reused",
                None,
                "IM_REUSED_LOG_IM_FIRST",
            ),
        ];
        for (text, prefix, want) in cases {
            assert_eq!(base(text, prefix).as_deref(), Some(want), "{text}");
        }
        assert_eq!(
            base("Connexion refusée", None).as_deref(),
            Some("CONNEXION_REFUSEE")
        );
        assert_eq!(
            base("Échec de connexion", None).as_deref(),
            Some("ECHEC_DE_CONNEXION")
        );
        assert_eq!(base("房间不存在", None), None);
        assert!(base(&"word ".repeat(30), None).unwrap().len() <= MAX_LEN);
    }

    #[test]
    fn placeholders_are_no_part_of_a_name() {
        let name = |t: &str| base(t, None).unwrap();
        assert_eq!(
            name("Insufficient funds for order {order_id}"),
            "INSUFFICIENT_FUNDS_ORDER"
        );
        assert_eq!(
            name("Room {roomId} is full ({max} seats)"),
            "ROOM_FULL_SEATS"
        );
        // Braces around other text are text: `{}` and `{a b}` stay words.
        assert_eq!(name("Bad {json body}"), "BAD_JSON_BODY");
    }

    #[test]
    fn keywords_are_caught_after_case_conversion() {
        // Rust's variant case turns SELF into `Self`, a keyword `r#` cannot escape.
        assert!(collides_with_keyword("SELF"));
        assert!(!collides_with_keyword("ROOM_NOT_EXIST"));
    }

    #[test]
    fn suffixes_and_section_ids() {
        assert_eq!(suffix(-4), "N4");
        assert_eq!(suffix(1001), "1001");
        assert_eq!(
            section_id(Some("AVSDK Client Error Codes"), "s1"),
            "avsdk_client"
        );
        assert_eq!(section_id(Some("Error codes"), "s7"), "error_codes");
        assert_eq!(section_id(Some("组件错误码"), "section_1"), "section_1");
        assert_eq!(prefix("rec-x"), "REC_X");
    }
}
