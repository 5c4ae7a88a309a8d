//! `{room_id}` placeholders in messages.
//!
//! A placeholder is `{`, a lower_snake identifier, `}`, with single braces. Every
//! other brace (`{{ x }}`, `{%`, `{ }`) is literal text: catalog text is data.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Param(&'a str),
}

/// Splits a message into literal text and placeholders.
pub fn segments(s: &str) -> Vec<Segment<'_>> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut lit_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'{' && (i == 0 || bytes[i - 1] != b'{') && bytes.get(i + 1) != Some(&b'{') {
            let rest = &s[i + 1..];
            let len = rest
                .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
                .unwrap_or(rest.len());
            let name = &rest[..len];
            let closes = rest[len..].starts_with('}') && !rest[len..].starts_with("}}");
            if closes && name.starts_with(|c: char| c.is_ascii_lowercase()) {
                if lit_start < i {
                    out.push(Segment::Text(&s[lit_start..i]));
                }
                out.push(Segment::Param(name));
                i += len + 2;
                lit_start = i;
                continue;
            }
        }
        i += 1;
    }
    if lit_start < s.len() {
        out.push(Segment::Text(&s[lit_start..]));
    }
    out
}

/// The distinct placeholder names of a message, in order of first use.
pub fn names(s: &str) -> Vec<&str> {
    let mut v: Vec<&str> = Vec::new();
    for seg in segments(s) {
        if let Segment::Param(p) = seg
            && !v.contains(&p)
        {
            v.push(p);
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
            names("Room {room_id} of {user} ({room_id})"),
            ["room_id", "user"]
        );
        assert!(names("{{ room_id }} {% x %} {{room_id}} { x } {Room}").is_empty());
        assert_eq!(
            segments("a{b}c"),
            [Segment::Text("a"), Segment::Param("b"), Segment::Text("c")]
        );
        assert_eq!(segments("{{x}}"), [Segment::Text("{{x}}")]);
    }
}
