//! A spreadsheet saved as CSV (RFC 4180): a header row naming the columns as a
//! Markdown table's would, then one row per code. Fields may be quoted, with `""` for
//! a quote and line breaks inside; the separator is `,`, or `;` or a tab when the
//! header holds more of those (a spreadsheet in a locale with a decimal comma writes
//! `;`). Lines starting with `#` above the header are comments (errcat's own CSV
//! output starts with its generated-file header).

use super::columns::{self, Table};
use super::{Located, Section};
use crate::diag::{Diagnostic, Report};
use crate::rules;
use crate::source::Span;

/// One field: its text (unquoted, CRLF as LF, trimmed) and its byte range in the file.
type Field = (String, Span);

/// Reads the one table of a CSV file as one section.
pub fn read(src: &Located, locale: &str, report: &mut Report) -> Vec<Section> {
    let text = src.text;
    let mut at = 0;
    // Comment lines and blank lines above the header.
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = text[at..end].trim();
        if !(line.is_empty() || line.starts_with('#')) {
            break;
        }
        at = end;
    }
    let separator = separator(&text[at..]);
    let mut records: Vec<(Span, Vec<Field>)> = Vec::new();
    while at < text.len() {
        let start = at;
        match record(src, &mut at, separator) {
            Ok(fields) => records.push((src.span(start, at), fields)),
            Err(quote) => {
                report.push(
                    Diagnostic::new(
                        &rules::IMPORT_NOT_A_TABLE,
                        "a quoted field never closes: the rest of the file would be its text",
                    )
                    .at(src.span(quote, quote + 1), "this quote opens it")
                    .help("close the field with `\"`; a quote inside a quoted field is written `\"\"`"),
                );
                return Vec::new();
            }
        }
    }
    let mut records = records.into_iter();
    let Some((_, header)) = records
        .next()
        .filter(|(_, h)| h.iter().any(|(c, _)| !c.is_empty()))
    else {
        report.push(
            Diagnostic::new(&rules::IMPORT_NOT_A_TABLE, "no CSV header row in this file")
                .at(src.span(0, 0), "expected a header")
                .help("the first row names the columns (Error Code, Error Code Name, Error message, …), then one row per code"),
        );
        return Vec::new();
    };
    let table = Table {
        header,
        // A blank line is no row (a spreadsheet's empty row is a row of empty fields).
        rows: records
            .filter(|(_, fields)| !(fields.len() == 1 && fields[0].0.is_empty()))
            .collect(),
        cells_help: "every row needs one field per header column; quote a field that holds the separator",
    };
    let span = table.header[0].1;
    if !table.has_rows() {
        report.push(
            Diagnostic::new(&rules::IMPORT_NOT_A_TABLE, "the table has no rows")
                .at(span, "a header, then no filled row")
                .help("add one row per code below the header"),
        );
        return Vec::new();
    }
    let rows = columns::rows(src, &table, locale, report);
    vec![Section {
        title: None,
        parent: None,
        span,
        locale: locale.to_owned(),
        rows,
    }]
}

/// The separator of the first record: `,`, unless `;` or a tab occurs more often
/// outside quotes.
fn separator(text: &str) -> u8 {
    let (mut quoted, mut counts) = (false, [0usize; 3]);
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], i == 0)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// The fields of the record at `*at`, which moves past its line break. `Err` with the
/// opening quote's offset when a quoted field runs to the end of the file.
fn record(src: &Located, at: &mut usize, separator: u8) -> Result<Vec<Field>, usize> {
    let text = src.text;
    let bytes = text.as_bytes();
    let mut fields = Vec::new();
    loop {
        let start = *at;
        let mut value = String::new();
        if bytes.get(*at) == Some(&b'"') {
            let mut from = *at + 1;
            loop {
                let Some(i) = text[from..].find('"') else {
                    return Err(start);
                };
                value.push_str(&text[from..from + i]);
                from += i + 1;
                if bytes.get(from) == Some(&b'"') {
                    value.push('"');
                    from += 1;
                } else {
                    break;
                }
            }
            *at = from;
        }
        // Unquoted text, or what follows a closing quote up to the separator (kept, as
        // spreadsheets do).
        let rest_end = text[*at..]
            .find(|c: char| c as u32 == u32::from(separator) || c == '\n')
            .map_or(text.len(), |i| *at + i);
        value.push_str(&text[*at..rest_end]);
        *at = rest_end;
        let value = value.replace("\r\n", "\n");
        let trimmed = value.trim_matches([' ', '\t', '\r']);
        // A field's span covers what was written, quotes included.
        let end = text[start..*at].trim_end_matches(['\r', ' ']).len() + start;
        fields.push((trimmed.to_owned(), src.span(start, end.max(start))));
        match bytes.get(*at) {
            Some(&b) if b == separator => *at += 1,
            Some(b'\n') => {
                *at += 1;
                return Ok(fields);
            }
            _ => return Ok(fields),
        }
    }
}
