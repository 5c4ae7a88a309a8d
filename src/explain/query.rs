//! What the user asked `errcat explain` about, read from what they typed or pasted.

use crate::model::Catalog;

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
    /// Words from a message, `Permission error` (as a log shows it): every entry whose
    /// message holds them, in any locale, whatever the case and spacing.
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
}

impl Query {
    /// As [`Query::parse`], but text that is no code or name and has a letter is words
    /// of a message: a support engineer often has only what the log said.
    pub fn parse_or_words(text: &str) -> Result<Query, String> {
        Query::parse(text).or_else(|usage| {
            if let Some(q) = Query::displayed(text) {
                return Ok(q);
            }
            let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
            // A `/` in one word means a namespace was meant: the usage says how to write
            // one. Between words it is a message's (`Audio/Video permission denied`).
            match words.chars().any(char::is_alphabetic)
                && (!words.contains('/') || words.contains(' '))
            {
                true => Ok(Query::Words(words)),
                false => Err(usage),
            }
        })
    }

    /// An error as the generated code displays it in a log, `NAME (ns/code): message`:
    /// the code it names.
    fn displayed(text: &str) -> Option<Query> {
        let (name, rest) = text.trim().split_once(" (")?;
        let (qualified, _) = rest.split_once(')')?;
        let (namespace, code_text) = qualified.split_once('/')?;
        let code = code(code_text).ok()??;
        let plain = |s: &str| !s.is_empty() && !s.contains(char::is_whitespace);
        (plain(name) && plain(namespace)).then(|| Query::Qualified {
            namespace: namespace.to_owned(),
            code,
        })
    }

    /// The query read against the catalog: a namespace in another case is the catalog's
    /// (`EDU.REST/1004`), and two words that are a namespace and a code or name are that
    /// (`edu.rest 1004`, the columns explain itself prints).
    pub(super) fn against(self, catalog: &Catalog) -> Query {
        let known = |ns: &str| {
            catalog
                .namespaces
                .iter()
                .find(|n| n.id.eq_ignore_ascii_case(ns))
                .map(|n| n.id.clone())
        };
        match self {
            Query::Qualified { namespace, code } => Query::Qualified {
                namespace: known(&namespace).unwrap_or(namespace),
                code,
            },
            Query::QualifiedName { namespace, name } => Query::QualifiedName {
                namespace: known(&namespace).unwrap_or(namespace),
                name,
            },
            Query::Words(words) => {
                let two = words.split_once(' ').filter(|(_, b)| !b.contains(' '));
                let read = two.and_then(|(ns, rest)| {
                    let namespace = known(ns)?;
                    match (code(rest).ok()?, name(rest)) {
                        (Some(code), _) => Some(Query::Qualified { namespace, code }),
                        (None, Some(name)) => Some(Query::QualifiedName { namespace, name }),
                        (None, None) => None,
                    }
                });
                read.unwrap_or(Query::Words(words))
            }
            q => q,
        }
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
}
