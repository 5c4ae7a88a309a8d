//! Key lines typed otherwise than YAML reads them: an input method's full-width `：`
//! for `:` (`zh-CN：text`), its full-width space after the colon (`zh-CN:　text`), an
//! indentation of full-width or no-break spaces, and `-code:` for `- code:`. YAML
//! reads each as part of a key or a text, and the parser names its grammar, often on
//! a later line.

use super::flow_texts::Slip;
use super::unquoted::code;

/// How many lines with content before the error's line are looked at.
const LINES_BACK: usize = 3;

/// The slip on the line holding byte `at`, or (with `back`) on one of the few lines
/// with content before it, nearest first.
pub fn near(text: &str, at: usize, back: bool) -> Option<Slip> {
    let at = super::unquoted::char_floor(text, at);
    let mut start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let mut left = if back { LINES_BACK + 1 } else { 1 };
    loop {
        let line = text[start..].split('\n').next().unwrap_or("");
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(s) = on_line(line, indent_before(text, start)) {
            return Some(Slip {
                start: start + s.start,
                end: start + s.end,
                ..s
            });
        }
        if !back || (!line.trim().is_empty() && !line.trim_start().starts_with('#')) {
            left -= 1;
        }
        if left == 0 {
            return None;
        }
        let end = start.checked_sub(1)?;
        start = text[..end].rfind('\n').map_or(0, |i| i + 1);
    }
}

/// The indentation of the last line with content before byte `start` (a line's
/// start), when it is of ordinary spaces: how far a sibling key is indented.
fn indent_before(text: &str, start: usize) -> Option<usize> {
    let line = text[..start.checked_sub(1)?]
        .rsplit('\n')
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let content = line.trim_start_matches(' ');
    content
        .starts_with(|c: char| !c.is_whitespace())
        .then_some(line.len() - content.len())
}

/// A space YAML does not read as one: its name, and the name of several.
fn odd_space(c: char) -> Option<(&'static str, &'static str)> {
    match c {
        '\u{3000}' => Some(("a full-width space (U+3000)", "full-width spaces (U+3000)")),
        '\u{a0}' => Some(("a no-break space (U+00A0)", "no-break spaces (U+00A0)")),
        _ => None,
    }
}

/// The slip on `line`, its bytes relative to the line; `sibling` is how far the line
/// before is indented.
fn on_line(line: &str, sibling: Option<usize>) -> Option<Slip> {
    let indent_end = line
        .find(|c: char| c != ' ' && odd_space(c).is_none())
        .unwrap_or(line.len());
    let indent = &line[..indent_end];
    let content = &line[indent_end..];
    let dash = usize::from(content.starts_with('-'));
    let key = key(&content[dash..])?;
    let after = &content[dash + key.len()..];
    if let Some((i, c)) = indent.char_indices().find(|&(_, c)| c != ' ') {
        let (_, name) = odd_space(c)?;
        let plain = " ".repeat(sibling.unwrap_or_else(|| indent.chars().count()));
        return Some(Slip {
            start: i,
            end: indent_end,
            label: "not ordinary spaces",
            message: format!(
                "the line of `{key}` is indented with {name}, which YAML does not read as indentation but as part of the key"
            ),
            help: format!(
                "indent with ordinary spaces: {}",
                code(&format!("{plain}{}", content.trim_end()))
            ),
        });
    }
    let fixed = |value: &str| {
        let dash = if dash == 1 { "- " } else { "" };
        code(&format!("{dash}{key}: {}", value.trim()))
    };
    let at = indent_end + dash + key.len();
    if let Some(value) = after.strip_prefix('：') {
        return Some(Slip {
            start: at,
            end: at + '：'.len_utf8(),
            label: "full-width colon",
            message: format!(
                "`：` after `{key}` is a full-width colon, which YAML does not read as `:`"
            ),
            help: format!(
                "write `{key}: ` with an ASCII colon and a space: {}",
                fixed(value)
            ),
        });
    }
    if let Some(value) = after.strip_prefix(':')
        && let Some(c) = value.chars().next()
        && let Some((name, _)) = odd_space(c)
    {
        return Some(Slip {
            start: at + 1,
            end: at + 1 + c.len_utf8(),
            label: "not an ordinary space",
            message: format!(
                "the space after `{key}:` is {name}, which YAML does not read as a space"
            ),
            help: format!("type an ordinary space: {}", fixed(value)),
        });
    }
    if dash == 1 && (after.starts_with(": ") || after == ":") {
        return Some(Slip {
            start: indent_end,
            end: at,
            label: "no space after `-`",
            message: format!(
                "`-{key}` has no space after `-`, so YAML reads `-{key}` as a key, not `{key}` as the first key of a new item"
            ),
            help: format!("write `- {key}:`"),
        });
    }
    None
}

/// The ASCII key `line` starts with, when a colon (either width) follows it.
pub(super) fn key(line: &str) -> Option<&str> {
    let len = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
        .unwrap_or(line.len());
    let after = &line[len..];
    (line.starts_with(|c: char| c.is_ascii_alphabetic()) && after.starts_with([':', '：']))
        .then_some(&line[..len])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slip(text: &str) -> Slip {
        near(text, text.len(), true).unwrap()
    }

    #[test]
    fn slips() {
        let s = slip("      zh-CN：该项目不存在\n");
        assert_eq!(s.label, "full-width colon");
        assert!(s.help.ends_with("`zh-CN: 该项目不存在`"), "{}", s.help);
        let s = slip("      zh-CN:\u{3000}该项目不存在");
        assert!(
            s.message.contains("a full-width space (U+3000)"),
            "{}",
            s.message
        );
        let s = slip("\u{3000}\u{3000}\u{3000}zh-CN: x\n");
        assert_eq!((s.start, s.end), (0, 9));
        assert!(s.help.ends_with("`   zh-CN: x`"), "{}", s.help);
        // As far as the line before, where that is of ordinary spaces.
        let s = slip("      en: a\n\u{3000}\u{3000}\u{3000}zh-CN: x\n");
        assert!(s.help.ends_with("`      zh-CN: x`"), "{}", s.help);
        // Found from the line after, where the parser noticed.
        let s = slip("  zh-CN: x\n\u{a0}\u{a0}en: y\n  - code: 2\n");
        assert!(s.message.contains("no-break"), "{}", s.message);
        assert_eq!(s.start, 11);
        let s = slip("  -code: 1001\n    name: GONE\n");
        assert_eq!((s.start, s.end), (2, 7));
        assert_eq!(s.help, "write `- code:`");
    }

    #[test]
    fn not_slips() {
        for text in [
            "  en: 注意：请重试\n",
            "  - code: 1\n",
            "  zh-CN: x\n",
            "  -1: x\n",
            "  text\u{3000}here\n",
            "  en: a\n\n\n\n  b\n  c\n  d\n  e: f\n",
        ] {
            assert_eq!(near(text, text.len(), true), None, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_any_position(text in "[ -~\\n：\u{3000}\u{a0}房]{0,40}", at in 0usize..48) {
            if let Some(s) = near(&text, at, true) {
                proptest::prop_assert!(s.start <= s.end && s.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
    }
}
