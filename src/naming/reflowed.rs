//! Doc lines for a doc tool that rewraps the lines of a paragraph and reads some
//! lines as markup, which its formatter rewrites too (a `doc_format: reflowed`
//! profile's).
//!
//! Such a tool keeps no line break inside a paragraph, so each line of a text is a
//! paragraph of its own (one empty line between). A line it would show as something
//! else than its text is written preformatted, indented by a tab, which it shows
//! verbatim: a heading (`# Status`, or a capitalised line without punctuation such
//! as `Status` between two paragraphs), a link definition (`[x]: https://…`), a
//! doc link (`[Name]`), or a quote pair (`` `` `` and `''`, shown as curly quotes).

use super::escape::visible;

/// The doc lines of a text's lines (as `text_lines` gives them), each what follows
/// the comment token: a paragraph line is a space and the text (`// Status`), a
/// preformatted one a tab and the text (`//\tStatus`), and an empty line parts two
/// of them. The first line of the text is taken for the start of the comment, where
/// no heading can be: a text that a paragraph precedes should start after a label
/// (`Cause: `).
pub(super) fn lines(text: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, line) in text.iter().filter(|l| !l.is_empty()).enumerate() {
        let line = visible(line);
        if !out.is_empty() {
            out.push(String::new());
        }
        if markup(&line) || (i > 0 && heading(&line)) {
            out.push(format!("\t{line}"));
        } else {
            out.push(format!(" {line}"));
        }
    }
    out
}

/// Whether the tool reads `line` as markup wherever it stands: a heading (`# x`), a
/// link definition, a doc link, or a quote pair.
fn markup(line: &str) -> bool {
    line.starts_with("# ")
        || (line.starts_with('[') && line.contains("]:"))
        || line.contains("``")
        || line.contains("''")
        || doc_link(line)
}

/// Whether `line` holds a bracketed name (`[Name]`, `[pkg.Name]`, `[*Name]`, `[pkg]`)
/// or import path (`[a/b]`): a link, with its brackets dropped, where the package or
/// an import declares it.
fn doc_link(line: &str) -> bool {
    let ident = |w: &str| {
        w.starts_with(|c: char| c.is_alphabetic() || c == '_')
            && w.chars().all(|c| c.is_alphanumeric() || c == '_')
    };
    line.match_indices('[').any(|(i, _)| {
        let Some(len) = line[i + 1..].find(']') else {
            return false;
        };
        let inner = &line[i + 1..i + 1 + len];
        let inner = inner.strip_prefix('*').unwrap_or(inner);
        let path = inner.contains('/')
            && (inner.chars()).all(|c| c.is_ascii_alphanumeric() || "-._~/".contains(c));
        inner.split('.').all(ident) || path
    })
}

/// Whether `line`, alone between two paragraphs, is a heading of the old style: a
/// capital first, a letter or digit last, and no punctuation but `(`, `)`, `,`, a `'`
/// before a final `s` of a word, and a `.` inside a word: the tool's old-style headings.
fn heading(line: &str) -> bool {
    let (Some(first), Some(last)) = (line.chars().next(), line.chars().last()) else {
        return false;
    };
    if !(first.is_alphabetic() && first.is_uppercase())
        || !(last.is_alphabetic() || last.is_numeric())
    {
        return false;
    }
    if line.contains(|c| ";:!?+*/=[]{}_^°&§~%#@<\">\\".contains(c)) {
        return false;
    }
    let possessive = line
        .split('\'')
        .skip(1)
        .all(|after| after == "s" || after.starts_with("s "));
    let inner_dots = line
        .split('.')
        .skip(1)
        .all(|after| !after.is_empty() && !after.starts_with(' '));
    possessive && inner_dots
}
