//! Backslashes in double quotes that YAML reads as escapes: `"C:\new"` holds a line break.

use super::key_prefix;
use crate::diag::Diagnostic;
use crate::load::unquoted::code;
use crate::rules;
use crate::source::Span;
use crate::validate::catalog::Context;

impl Context<'_> {
    /// `"Cannot write C:\new\temp"`: in double quotes `\n`, `\t` and `\r` are a line
    /// break, a tab and a carriage return. One in a Windows path (see [`in_path`]) that
    /// goes on with a letter or digit (`\new`, `\temp`, `\report`) is a backslash meant
    /// as itself; `"Line one\nline two"` and `"Columns:\tcode"` are taken as meant.
    /// A text that holds an escape of a control character or a separator too (`\bin`,
    /// `\L`) is refused by control-char, which says the same.
    pub(in crate::validate) fn escape_in_text(&mut self, span: Span, what: &str) {
        let text = &self.sources.get(span.file).text;
        let Some(src) = text.get(span.start..span.end) else {
            return;
        };
        let (misread, _) = misread_escapes(src);
        let letter = |i: usize| char::from(src.as_bytes()[i + 1]);
        if misread
            .iter()
            .any(|&i| !matches!(letter(i), 'n' | 't' | 'r'))
        {
            return;
        }
        let (Some(&first), Some(help)) = (misread.first(), self.backslash_help(span)) else {
            return;
        };
        let e = letter(first);
        let name = match e {
            'n' => "a line break",
            't' => "a tab",
            _ => "a carriage return",
        };
        let at = self
            .sources
            .range(span.file, span.start + first..span.start + first + 2);
        self.emit(
            Diagnostic::new(
                &rules::MISREAD_TEXT,
                format!(
                    "{what} has {name} where `\\{e}` is written: in double quotes, `\\{e}` is {name}, not a backslash and `{e}`"
                ),
            )
            .at(at, name)
            .help(help),
        );
    }

    /// For a double-quoted text at `span` with backslashes YAML reads as escapes where
    /// a backslash looks meant as itself (see [`misread_escapes`]): how to write them,
    /// with the line written so when the text is on one line.
    pub(in crate::validate) fn backslash_help(&self, span: Span) -> Option<String> {
        let text = &self.sources.get(span.file).text;
        let src = text.get(span.start..span.end)?;
        let (misread, others) = misread_escapes(src);
        if misread.is_empty() {
            return None;
        }
        if src.contains('\n') {
            return Some("for a backslash, write `\\\\`; or quote the text in single quotes, where a backslash is itself".into());
        }
        let key = key_prefix(text, span.start);
        let mut doubled = src.to_string();
        for &i in misread.iter().rev() {
            doubled.insert(i, '\\');
        }
        let mut help = format!(
            "for a backslash, write `\\\\`: {}",
            code(&format!("{key}{doubled}"))
        );
        if !others {
            let inner = &src[1..src.len() - 1];
            let single = format!("'{}'", inner.replace('\'', "''"));
            help.push_str(&format!(
                "; or quote it in single quotes, where a backslash is itself: {}",
                code(&format!("{key}{single}"))
            ));
        }
        Some(help)
    }
}

/// The byte offsets in `src`, a scalar as written, of the escapes that look like a
/// backslash meant as itself, when `src` is double-quoted: `\n`, `\t` and `\r` going on
/// with a lower-case letter, and every escape of a control or invisible character by
/// one letter (`\b`, `\0`, `\N`, `\L`, …), which no message means. And whether `src`
/// holds other escapes.
fn misread_escapes(src: &str) -> (Vec<usize>, bool) {
    let mut misread = Vec::new();
    let mut others = false;
    if !src.starts_with('"') {
        return (misread, others);
    }
    let bytes = src.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            let next = src.get(i + 2..).and_then(|r| r.chars().next());
            let word = matches!(bytes.get(i + 1), Some(b'n' | b't' | b'r'))
                && next.is_some_and(char::is_alphanumeric)
                && in_path(src, i);
            let control = matches!(
                bytes.get(i + 1),
                Some(b'0' | b'a' | b'b' | b'v' | b'f' | b'e' | b'N' | b'L' | b'P')
            );
            if word || control {
                misread.push(i);
            } else {
                others = true;
            }
            i += 1;
        }
        i += 1;
    }
    (misread, others)
}

/// Whether the backslash at byte `at` of `src` (a double-quoted scalar as written) is in
/// a Windows path: a run without spaces that starts with a drive (`C:\`), a share
/// (`\\server`) or a variable (`%APPDATA%\`), or whose last part names a file
/// (`\report.txt`). `"Line one\nline two"`, `"Columns:\tcode"` and a label before
/// a file name (`"Error:\tfile.txt"`) are not.
fn in_path(src: &str, at: usize) -> bool {
    let quote_or_space = |c: char| c.is_whitespace() || c == '"';
    let start = src[..at].rfind(quote_or_space).map_or(0, |i| i + 1);
    let end = src[at..].find(quote_or_space).map_or(src.len(), |i| at + i);
    let run = &src[start..end];
    let b = run.as_bytes();
    let drive = b.len() > 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'\\';
    let share = run.starts_with(r"\\");
    let variable = run.starts_with('%') && run[1..].contains("%\\");
    let last = run.rsplit('\\').next().unwrap_or("");
    let last = last.trim_end_matches(|c: char| !c.is_alphanumeric());
    // A colon right before the backslash (ASCII or full-width) ends a label, unless it
    // is a drive's (`C:\`, also after an escape: `"Error:\tC:\new"`).
    let before = &src[start..at];
    let segment = before.rfind('\\').map_or(before, |i| {
        let after = &before[i + 1..];
        after.strip_prefix(['n', 't', 'r']).unwrap_or(after)
    });
    let drive_colon = segment.len() == 2 && segment.as_bytes()[0].is_ascii_alphabetic();
    let label = before.ends_with([':', '：']) && !drive_colon;
    let file = !label
        && run.contains('\\')
        && last.rsplit_once('.').is_some_and(|(name, ext)| {
            !name.is_empty()
                && (1..=4).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric())
        });
    drive || share || variable || file
}

#[cfg(test)]
mod tests {
    use super::misread_escapes;

    #[test]
    fn escapes_that_go_on_with_a_word() {
        assert_eq!(
            misread_escapes(r#""C:\new\temp\report.txt""#),
            (vec![3, 7, 12], false)
        );
        assert_eq!(misread_escapes(r#""Line 1\nLine 2""#), (vec![], true));
        assert_eq!(misread_escapes(r#""a\\new""#), (vec![], true));
        assert_eq!(misread_escapes(r#""Steps:\n1. try\n- on""#), (vec![], true));
        assert_eq!(misread_escapes(r"'C:\new'"), (vec![], false));
        assert_eq!(misread_escapes(r#""a\n\tnext \tab""#), (vec![], true));
        assert_eq!(misread_escapes(r#""Line one\nline two""#), (vec![], true));
        assert_eq!(
            misread_escapes(r#""Columns:\tcode\treason""#),
            (vec![], true)
        );
        assert_eq!(misread_escapes(r#""see \\srv\new""#), (vec![10], true));
        assert_eq!(misread_escapes(r#""at %TEMP%\new""#), (vec![10], false));
        assert_eq!(
            misread_escapes(r#""open logs\today.log.""#),
            (vec![10], false)
        );
        assert_eq!(misread_escapes(r"C:\new"), (vec![], false));
        assert_eq!(misread_escapes(r#""\t\u00e9t\xe9""#), (vec![], true));
        assert_eq!(misread_escapes(r#""C:\bin\Program""#), (vec![3, 7], false));
        assert_eq!(misread_escapes(r#""Error:\tfile.txt""#), (vec![], true));
        assert_eq!(misread_escapes(r#""错误：\tfile.txt""#), (vec![], true));
        assert_eq!(
            misread_escapes(r#""Error:\tC:\new\file.txt""#),
            (vec![11, 15], true)
        );
        assert_eq!(misread_escapes(r#""see logs\new.txt""#), (vec![9], false));
    }
}
