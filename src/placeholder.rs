//! `{room_id}` placeholders in messages.
//!
//! A placeholder is `{`, a lower_snake identifier, `}`, with single braces, naming
//! one of the entry's declared `params`. Everything else (`{{ x }}`, `{%`, `${x}`
//! when `x` is not declared) is literal text: catalog text is data.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Param(&'a str),
}

/// Every `{name}` with the shape of a placeholder: (byte range of the braces, name).
fn scan(s: &str) -> impl Iterator<Item = (std::ops::Range<usize>, &str)> {
    scan_names(s, |c| {
        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'
    })
}

/// Every `{name}`, single braces, whose name starts with a lower-case letter and
/// continues with characters `in_name` accepts.
fn scan_names(
    s: &str,
    in_name: impl Fn(char) -> bool,
) -> impl Iterator<Item = (std::ops::Range<usize>, &str)> {
    scan_any(s, in_name).filter(|(_, name)| name.starts_with(|c: char| c.is_ascii_lowercase()))
}

/// Splits a message into literal text and the placeholders of `params`.
pub fn segments<'a>(s: &'a str, params: &[String]) -> Vec<Segment<'a>> {
    let mut out = Vec::new();
    let mut lit_start = 0;
    for (range, name) in scan(s).filter(|(_, n)| params.iter().any(|p| p == n)) {
        if lit_start < range.start {
            out.push(Segment::Text(&s[lit_start..range.start]));
        }
        out.push(Segment::Param(name));
        lit_start = range.end;
    }
    if lit_start < s.len() {
        out.push(Segment::Text(&s[lit_start..]));
    }
    out
}

/// The byte range of the first `{name}` placeholder in `s`, braces included.
pub fn first_use(s: &str, name: &str) -> Option<std::ops::Range<usize>> {
    scan(s).find(|(_, n)| *n == name).map(|(range, _)| range)
}

/// Every `{userId}`: the shape of a placeholder but for its capitals, which a
/// placeholder cannot have, so the text prints it as it stands. (range, name)
pub fn camel_case(s: &str) -> impl Iterator<Item = (std::ops::Range<usize>, &str)> {
    scan_names(s, |c| c.is_ascii_alphanumeric() || c == '_')
        .filter(|(_, name)| name.contains(|c: char| c.is_ascii_uppercase()))
}

/// Every `{Benutzer}`, `{用户}`, `{user-id}`: a word in single braces that no placeholder
/// can be (a capital first, a letter beyond ASCII, a dash), as a translator writes who
/// translated the placeholder too. Printed as it stands. `{userId}` is [`camel_case`]'s.
pub fn lookalikes(s: &str) -> impl Iterator<Item = (std::ops::Range<usize>, &str)> {
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    scan_any(s, word).filter(move |(_, name)| {
        name.starts_with(char::is_alphabetic)
            && !(name.starts_with(|c: char| c.is_ascii_lowercase())
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
    })
}

/// Every `{word}`, single braces, whose characters `in_name` accepts (any first one).
fn scan_any(
    s: &str,
    in_name: impl Fn(char) -> bool,
) -> impl Iterator<Item = (std::ops::Range<usize>, &str)> {
    let bytes = s.as_bytes();
    s.match_indices('{').filter_map(move |(i, _)| {
        if (i > 0 && bytes[i - 1] == b'{') || bytes.get(i + 1) == Some(&b'{') {
            return None;
        }
        let rest = &s[i + 1..];
        let len = rest.find(|c: char| !in_name(c)).unwrap_or(rest.len());
        let closes = rest[len..].starts_with('}') && !rest[len..].starts_with("}}");
        (closes && len > 0).then_some((i..i + len + 2, &rest[..len]))
    })
}

/// Where `{name}` is written but broken, as a text that misses the placeholder may have
/// it: `{name` without its `}`, `name}` without its `{`, `{ name }` with spaces.
/// (byte range, what is wrong)
pub fn broken(s: &str, name: &str) -> Option<(std::ops::Range<usize>, &'static str)> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let spaced = s.match_indices('{').find_map(|(i, _)| {
        let rest = &s[i + 1..];
        let inner = rest.split('}').next().filter(|_| rest.contains('}'))?;
        (inner.trim() == name && inner != name).then(|| i..i + inner.len() + 2)
    });
    if let Some(r) = spaced {
        return Some((r, "spaces inside the braces, which make it text"));
    }
    for (i, _) in s.match_indices(name) {
        let before = s[..i].chars().next_back();
        let after = s[i + name.len()..].chars().next();
        if before.is_some_and(ident) || after.is_some_and(ident) {
            continue;
        }
        match (before, after) {
            (Some('{'), Some('}')) => {}
            (Some('{'), _) => return Some((i - 1..i + name.len(), "no closing `}`")),
            (_, Some('}')) => return Some((i..i + name.len() + 1, "no opening `{`")),
            _ => {}
        }
    }
    None
}

/// Every `{name}` that has the shape of a placeholder, declared or not, in order of first use.
pub fn candidates(s: &str) -> Vec<&str> {
    let mut v: Vec<&str> = Vec::new();
    for (_, name) in scan(s) {
        if !v.contains(&name) {
            v.push(name);
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        assert_eq!(
            candidates("Room {room_id} of {user} ({room_id})"),
            ["room_id", "user"]
        );
        assert!(candidates("{{ room_id }} {% x %} {{room_id}} { x } {Room}").is_empty());
        let b = ["b".to_string()];
        assert_eq!(
            segments("a{b}c", &b),
            [Segment::Text("a"), Segment::Param("b"), Segment::Text("c")]
        );
        assert_eq!(segments("{{b}}", &b), [Segment::Text("{{b}}")]);
        assert_eq!(first_use("{{b}} {b}", "b"), Some(6..9));
        let camel: Vec<_> = camel_case("{userId} {user_id} {{roomId}} {Room} {x}").collect();
        assert_eq!(camel, [(0..8, "userId")]);
        let like: Vec<_> =
            lookalikes("{Benutzer} {用户} {user-id} {userId} {user} {1f} {@code x} { x } {{Raum}}")
                .map(|(_, n)| n)
                .collect();
        assert_eq!(like, ["Benutzer", "用户", "user-id"]);
        assert_eq!(
            broken("Hallo {user ist da", "user"),
            Some((6..11, "no closing `}`"))
        );
        assert_eq!(
            broken("Hallo user} ist da", "user"),
            Some((6..11, "no opening `{`"))
        );
        assert_eq!(
            broken("Hallo { user } ist da", "user"),
            Some((6..14, "spaces inside the braces, which make it text"))
        );
        assert_eq!(broken("the username {user}", "user"), None);
        assert_eq!(broken("a user is here", "user"), None);
        // Undeclared braces are text: `${x}` in a message is data, not a placeholder.
        assert_eq!(
            segments("${x} {b}", &b),
            [Segment::Text("${x} "), Segment::Param("b")]
        );
    }
}
