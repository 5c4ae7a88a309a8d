//! Markdown inline markup in a cell or heading: what a reader drops and what is text.
//! A code span (`` `…` ``) is always text, as written; outside code spans only
//! paired bold markers go, so `5 * 3 ** 2` keeps its `**`, and HTML's `<br>` and
//! entities become the characters they stand for.

use std::ops::Range;

/// Byte ranges of the code spans of `s`, backticks included: a run of n backticks
/// up to the next run of exactly n. A run without its match is text.
fn code_spans(s: &str) -> Vec<Range<usize>> {
    let b = s.as_bytes();
    let run_at = |i: usize| b[i..].iter().take_while(|&&c| c == b'`').count();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'`' {
            i += 1;
            continue;
        }
        let n = run_at(i);
        let mut j = i + n;
        let mut close = None;
        while j < b.len() {
            if b[j] == b'`' {
                let m = run_at(j);
                if m == n {
                    close = Some(j + m);
                    break;
                }
                j += m;
            } else {
                j += 1;
            }
        }
        match close {
            Some(end) => {
                spans.push(i..end);
                i = end;
            }
            None => i += n,
        }
    }
    spans
}

/// Byte offsets of the `**` markers of `s` that pair up outside code spans: an
/// opener is followed by a non-blank, a closer follows one (CommonMark's flanking).
fn bold_markers(s: &str, code: &[Range<usize>]) -> Vec<usize> {
    let b = s.as_bytes();
    let mut paired = Vec::new();
    let mut open: Option<usize> = None;
    let mut i = 0;
    while i < b.len() {
        if let Some(c) = code.iter().find(|c| c.start == i) {
            i = c.end;
            continue;
        }
        let run = b[i..].iter().take_while(|&&c| c == b'*').count();
        if run != 2 {
            i += run.max(1);
            continue;
        }
        let blank = |c: Option<char>| c.is_none_or(char::is_whitespace);
        let before = s[..i].chars().next_back();
        let after = s[i + 2..].chars().next();
        match open {
            Some(o) if !blank(before) => {
                paired.extend([o, i]);
                open = None;
            }
            _ if !blank(after) => open = Some(i),
            _ => {}
        }
        i += 2;
    }
    paired
}

/// `s` as text: paired bold markers outside code spans removed; `outside` rewrites
/// each stretch of text between code spans (line breaks, entities).
pub fn plain(s: &str, outside: impl Fn(&str) -> String) -> String {
    let code = code_spans(s);
    let bold = bold_markers(s, &code);
    let mut out = String::with_capacity(s.len());
    let mut text = String::new();
    let mut i = 0;
    while i < s.len() {
        if let Some(c) = code.iter().find(|c| c.start == i) {
            out.push_str(&outside(&std::mem::take(&mut text)));
            out.push_str(&s[c.clone()]);
            i = c.end;
        } else if bold.contains(&i) {
            i += 2;
        } else {
            let ch = s[i..].chars().next().unwrap_or(' ');
            text.push(ch);
            i += ch.len_utf8();
        }
    }
    out.push_str(&outside(&text));
    out
}

/// `<br>` (any of its spellings) as a line break, then HTML's character references
/// decoded: the named ones tables use and numeric ones (others stay as written), and
/// Markdown's backslash escapes (`\*` is `*`, as a reader sees it).
pub fn html_text(s: &str) -> String {
    let mut s = s.to_owned();
    for br in ["<br/>", "<br />", "<br>", "<BR/>", "<BR>", "<BR />"] {
        s = s.replace(br, "\n");
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(at) = rest.find(['&', '\\']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(escaped) = rest[1..]
            .chars()
            .next()
            .filter(|c| c.is_ascii_punctuation())
            && rest.starts_with('\\')
        {
            out.push(escaped);
            rest = &rest[1 + escaped.len_utf8()..];
            continue;
        }
        if rest.starts_with('\\') {
            out.push('\\');
            rest = &rest[1..];
            continue;
        }
        let decoded = rest[1..]
            .find(';')
            .filter(|&n| n <= 10)
            .and_then(|n| Some((entity(&rest[1..=n])?, n + 2)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character `&name;` stands for (`name` without `&` and `;`).
fn entity(name: &str) -> Option<char> {
    let number = |digits: &str, radix| u32::from_str_radix(digits, radix).ok();
    let code = match name {
        "amp" => return Some('&'),
        "lt" => return Some('<'),
        "gt" => return Some('>'),
        "quot" => return Some('"'),
        "apos" => return Some('\''),
        "nbsp" => return Some('\u{a0}'),
        _ => match name.strip_prefix('#')? {
            n if n.starts_with(['x', 'X']) => number(&n[1..], 16),
            n => number(n, 10),
        },
    }?;
    // NUL and surrogates are no text: the reference stays as written.
    char::from_u32(code).filter(|&c| c != '\0')
}

#[cfg(test)]
mod tests {
    use super::{html_text, plain};

    fn same(s: &str) -> String {
        s.to_owned()
    }

    #[test]
    fn only_paired_bold_outside_code_goes() {
        for (cell, want) in [
            ("**The room does not exist**", "The room does not exist"),
            ("a **b** c **d**", "a b c d"),
            ("Call `**kwargs` here", "Call `**kwargs` here"),
            ("Price is 5 * 3 ** 2", "Price is 5 * 3 ** 2"),
            ("**bold `code` inside**", "bold `code` inside"),
            ("``a ` **b** ``", "``a ` **b** ``"),
            ("unclosed `tick **x**", "unclosed `tick x"),
            ("a ** b", "a ** b"),
            ("**open only", "**open only"),
            ("***x***", "***x***"),
        ] {
            assert_eq!(plain(cell, same), want, "{cell}");
        }
    }

    #[test]
    fn entities_and_line_breaks_are_decoded() {
        for (cell, want) in [
            (
                "Tom &amp; Jerry &lt;x&gt; &#39;q&#39;",
                "Tom & Jerry <x> 'q'",
            ),
            ("&quot;a&quot; &apos;b&apos; &#x27;c&#X27;", "\"a\" 'b' 'c'"),
            ("10&nbsp;MB", "10\u{a0}MB"),
            ("one<br/>two<BR>three", "one\ntwo\nthree"),
            ("&lt;br&gt; stays", "<br> stays"),
            (
                "AT&T &copy; &#0; &#xD800; &#99999999; & ;",
                "AT&T &copy; &#0; &#xD800; &#99999999; & ;",
            ),
            ("&", "&"),
            // Markdown's backslash escapes, as errcat's own docs write them.
            ("\\*not bold\\*", "*not bold*"),
            ("Order \\{order\\_id\\} \\(x\\)", "Order {order_id} (x)"),
            ("a\\\\b \\n C:\\dir \\", "a\\b \\n C:\\dir \\"),
            ("\\&amp;", "&amp;"),
        ] {
            assert_eq!(html_text(cell), want, "{cell}");
        }
        assert_eq!(plain("`\\*` \\*", html_text), "`\\*` *");
        assert_eq!(
            plain("`a<br>&amp;` &amp; <br>", html_text),
            "`a<br>&amp;` & \n"
        );
    }
}
