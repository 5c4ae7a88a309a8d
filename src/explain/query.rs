//! What the user asked `errcat explain` about, read from what they typed or pasted.

use unicode_normalization::UnicodeNormalization as _;

/// What the user asked about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Query {
    /// A bare code, `1001`: it means something only with its namespace, so every one is shown.
    Code(i64),
    /// An entry name, `ROOM_NOT_EXIST` (any case): every namespace that has it.
    Name(String),
    /// A qualified code, `edu.rest/1004`: one entry.
    Qualified { namespace: String, code: i64 },
    /// A qualified name, `edu.rest/ROOM_NOT_EXIST`: one entry.
    QualifiedName { namespace: String, name: String },
    /// Words from a message, `Permission error`, or a whole log line: every entry whose
    /// message holds them or whose message (and name) the line holds, in any locale,
    /// whatever the case and spacing.
    Words(String),
}

impl Query {
    /// `1001` | `ROOM_NOT_EXIST` | `edu.rest/1004` | `edu.rest/ROOM_NOT_EXIST`; `Err`
    /// says what the forms are.
    pub fn parse(text: &str) -> Result<Query, String> {
        let text = text.trim();
        let forms = "a code (1004), an entry name (ROOM_NOT_EXIST), or either after its \
                     namespace (edu.rest/1004, edu.rest/ROOM_NOT_EXIST)";
        if let Some((namespace, rest)) = text.split_once('/') {
            let namespace = namespace.trim().to_string();
            return match (code(rest.trim())?, name(rest.trim())) {
                _ if namespace.is_empty() => Err(format!(
                    "`{text}` names no namespace before the `/`; explain takes {forms}"
                )),
                (Some(code), _) => Ok(Query::Qualified { namespace, code }),
                (None, Some(name)) => Ok(Query::QualifiedName { namespace, name }),
                (None, None) => Err(format!(
                    "`{text}` is not a qualified code or name; explain takes {forms}"
                )),
            };
        }
        if let Some(code) = code(text)? {
            return Ok(Query::Code(code));
        }
        name(text)
            .map(Query::Name)
            .ok_or_else(|| format!("`{text}` is none of the things explain takes: {forms}"))
    }

    /// As [`Query::parse`], for what a support engineer pastes: full-width digits from
    /// an IME are digits, an invisible character copied from a page is dropped, and a
    /// query in brackets or quotes, or followed by a colon (explain's own header,
    /// `edu.rest/1001:`), is the query. A link to the docs is its anchor's code
    /// (`…/edu.rest.html#edu-rest-1001`). Text that is none of these and has a letter is
    /// words of a message or a log line (see [`Query::Words`]).
    pub fn parse_or_words(text: &str) -> Result<Query, String> {
        let text = normalised(text);
        let text = text.trim();
        let link = text
            .rsplit_once('#')
            .filter(|_| !text.contains(char::is_whitespace))
            .map(|(_, anchor)| anchor);
        if let Some(q) = link.and_then(|anchor| Query::parse(unwrapped(anchor)).ok()) {
            return Ok(q);
        }
        Query::parse(unwrapped(text))
            .or_else(|_| Query::parse(text))
            .or_else(|usage| {
                let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
                // A `/` in one word means a namespace was meant: the usage says how to
                // write one. Between words it is a message's (`Audio/Video permission
                // denied`); in a link, the page's path (whose anchor named no code).
                match words.chars().any(char::is_alphabetic)
                    && (!words.contains('/') || words.contains(' ') || words.contains("://"))
                {
                    true => Ok(Query::Words(words)),
                    false => Err(usage),
                }
            })
    }

    /// The namespace a qualified query names.
    pub fn namespace(&self) -> Option<&str> {
        match self {
            Query::Qualified { namespace, .. } | Query::QualifiedName { namespace, .. } => {
                Some(namespace)
            }
            Query::Code(_) | Query::Name(_) | Query::Words(_) => None,
        }
    }

    pub(super) fn code(&self) -> Option<i64> {
        match self {
            Query::Code(code) | Query::Qualified { code, .. } => Some(*code),
            Query::Name(_) | Query::QualifiedName { .. } | Query::Words(_) => None,
        }
    }

    /// The code or name, without its namespace; words, quoted.
    pub(super) fn unqualified(&self) -> String {
        match self {
            Query::Code(code) | Query::Qualified { code, .. } => code.to_string(),
            Query::Name(name) | Query::QualifiedName { name, .. } => name.clone(),
            Query::Words(words) => format!("\"{words}\""),
        }
    }

    /// `namespace` + a code or name: the qualified query, `None` when `rest` is neither.
    pub(super) fn qualified(namespace: String, rest: &str) -> Option<Query> {
        match (code(rest).ok()?, name(rest)) {
            (Some(code), _) => Some(Query::Qualified { namespace, code }),
            (None, Some(name)) => Some(Query::QualifiedName { namespace, name }),
            (None, None) => None,
        }
    }
}

/// The query normalised: `edu.rest/ROOM_NOT_EXIST`.
impl std::fmt::Display for Query {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.namespace() {
            Some(ns) => write!(f, "{ns}/{}", self.unqualified()),
            None => f.write_str(&self.unqualified()),
        }
    }
}

/// Text as explain reads it, from a query or a catalog: compatibility forms as their
/// plain letters (NFKC: a Chinese IME's full-width `１００１` is `1001`, its ideographic
/// space a space), and without the invisible characters a web page or a chat adds (a
/// zero-width space, a bidi override). Control characters stay, to be shown.
pub(super) fn normalised(text: &str) -> String {
    text.nfkc()
        .filter(|&c| c.is_control() || !crate::naming::is_invisible(c))
        .collect()
}

/// `text` without the brackets, quotes and trailing punctuation that a query pasted
/// from prose or from explain's own header (`edu.rest/1001:`) comes in.
pub(super) fn unwrapped(text: &str) -> &str {
    text.trim_start_matches(['(', '[', '{', '<', '"', '\'', '`'])
        .trim_end_matches([')', ']', '}', '>', '"', '\'', '`', ':', ',', ';', '.'])
}

/// A number as a code; `Err` for one no code can be (beyond 64 bits).
fn code(text: &str) -> Result<Option<i64>, String> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    text.parse::<i64>()
        .map(Some)
        .map_err(|_| format!("`{text}` is not a code: codes are whole numbers that fit in 64 bits"))
}

/// An entry name in any case, `-` for `_`: `room-not-exist` is `ROOM_NOT_EXIST`.
fn name(text: &str) -> Option<String> {
    let is_name = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    is_name.then(|| text.to_ascii_uppercase().replace('-', "_"))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::Query;

    proptest! {
        /// Whatever the user types is a query or a reason why not, never a panic; and
        /// a query's normal form reads back as itself.
        #[test]
        fn any_text_parses_or_says_why(s in "\\PC{0,24}|-?[0-9]{1,22}|[a-z.]{0,8}/[A-Za-z0-9_-]{0,8}") {
            if let Ok(q) = Query::parse(&s) {
                let text = q.to_string();
                prop_assert_eq!(Query::parse(&text), Ok(q));
            }
            let _ = Query::parse_or_words(&s);
        }
    }

    #[test]
    fn queries_parse_as_code_name_or_qualified_either() {
        assert_eq!(Query::parse("1004"), Ok(Query::Code(1004)));
        assert_eq!(Query::parse(" -2381 "), Ok(Query::Code(-2381)));
        assert_eq!(Query::parse("+1004"), Ok(Query::Code(1004)));
        assert_eq!(
            Query::parse("room-not_exist"),
            Ok(Query::Name("ROOM_NOT_EXIST".into()))
        );
        assert_eq!(
            Query::parse("edu.rest/1004"),
            Ok(Query::Qualified {
                namespace: "edu.rest".into(),
                code: 1004
            })
        );
        assert_eq!(
            Query::parse("roomengine/-1001"),
            Ok(Query::Qualified {
                namespace: "roomengine".into(),
                code: -1001
            })
        );
        assert_eq!(
            Query::parse("edu.rest/room-not-exist"),
            Ok(Query::QualifiedName {
                namespace: "edu.rest".into(),
                name: "ROOM_NOT_EXIST".into()
            })
        );
        for bad in [
            "",
            "edu.rest/",
            "/1004",
            "/ROOM",
            "edu.rest/ROOM NOT",
            "ROOM NOT",
            "1004?",
            "99999999999999999999",
            "edu.rest/-99999999999999999999",
        ] {
            assert!(Query::parse(bad).is_err(), "{bad:?}");
        }
    }

    /// What is pasted from a ticket, a chat, a docs page or explain's own output.
    #[test]
    fn pasted_queries_are_the_query_they_hold() {
        let rest_1001 = Query::Qualified {
            namespace: "edu.rest".into(),
            code: 1001,
        };
        for pasted in [
            "edu.rest/1001:",
            "(edu.rest/1001)",
            "[edu.rest/1001]",
            "`edu.rest/1001`.",
            "https://errcat.dev/codes/en/edu.rest.html#edu.rest/1001",
        ] {
            assert_eq!(
                Query::parse_or_words(pasted),
                Ok(rest_1001.clone()),
                "{pasted}"
            );
        }
        for pasted in [
            "1001\u{200b}",
            "\u{feff}1001",
            "\u{202e}1001",
            "１００１",
            "\u{3000}1001",
        ] {
            assert_eq!(
                Query::parse_or_words(pasted),
                Ok(Query::Code(1001)),
                "{pasted:?}"
            );
        }
        // A docs anchor is read against the catalog (its namespace's dots are dashes).
        assert_eq!(
            Query::parse_or_words("https://errcat.dev/codes/en/edu.rest.html#edu-rest-1001"),
            Ok(Query::Name("EDU_REST_1001".into()))
        );
        assert_eq!(
            Query::parse_or_words("edu.rest:1001"),
            Ok(Query::Words("edu.rest:1001".into()))
        );
        assert_eq!(
            Query::parse_or_words("https://errcat.dev/codes/en/edu.rest.html"),
            Ok(Query::Words(
                "https://errcat.dev/codes/en/edu.rest.html".into()
            ))
        );
    }
}
