//! How the rows of a table become [`Row`]s, each column read as its header says
//! ([`super::headers`]): shared by the Markdown table, CSV and vertical list readers.

use super::doc::Field;
use super::headers::header_of;
pub use super::headers::{Column, classify, known_headers};
use super::{Located, Row, RowText};
use crate::diag::{Diagnostic, Report};
use crate::rules;
use crate::source::Span;

/// A table read from a file: its header cells and body rows, every cell with its span.
pub struct Table {
    pub header: Vec<(String, Span)>,
    /// Each row: its span (for ragged-row findings) and its cleaned cells.
    pub rows: Vec<(Span, Vec<(String, Span)>)>,
    /// How a row gets one cell per column in the table's format, for ragged-row help.
    pub cells_help: &'static str,
}

impl Table {
    /// Whether a row has a cell filled: blank rows are skipped, so a table of only
    /// those has nothing to import.
    pub fn has_rows(&self) -> bool {
        self.rows
            .iter()
            .any(|(_, cells)| cells.iter().any(|(c, _)| !c.is_empty()))
    }
}

fn is_code(s: &str) -> bool {
    super::code_cell::looks_like(s)
}

/// Turns a table into rows. `locale` is the language of its texts.
pub fn rows(src: &Located, table: &Table, locale: &str, report: &mut Report) -> Vec<Row> {
    let headers: Vec<_> = table.header.iter().map(|(h, _)| header_of(h)).collect();
    let mut cols: Vec<Option<Column>> = headers.iter().map(|h| h.as_ref().map(|h| h.0)).collect();
    // Each column's locale: the one its header names, else the file's.
    let locales: Vec<&str> = headers
        .iter()
        .map(|h| h.as_ref().and_then(|h| h.1.as_deref()).unwrap_or(locale))
        .collect();
    // A second column of one text field in one locale (`Message` and `Error message`):
    // the cells could only overwrite the first's, so the column is skipped, and said so.
    for i in 0..cols.len() {
        let Some(Column::Text(field)) = cols[i] else {
            continue;
        };
        let same = |k: usize| cols[k] == cols[i] && locales[k] == locales[i];
        if let Some(first) = (0..i).find(|&k| same(k)) {
            let (h, span) = &table.header[i];
            report.push(
                Diagnostic::new(
                    &rules::IMPORT_UNKNOWN_COLUMN,
                    format!(
                        "column `{h}` is a second {} column; only the first, `{}`, is imported",
                        field.key(),
                        table.header[first].0
                    ),
                )
                .at(*span, "skipped")
                .related(table.header[first].1, "imported")
                .help("join the two columns, or rename one to another field's header (`--help` lists them)"),
            );
            cols[i] = None;
        }
    }
    let body_is_codes = |i: usize| {
        let mut cells = table
            .rows
            .iter()
            .filter_map(|(_, r)| r.get(i))
            .filter(|(c, _)| !c.is_empty())
            .peekable();
        cells.peek().is_some() && cells.all(|(c, _)| is_code(c))
    };
    // The code column: the one headed so, else a "name" column that holds numbers
    // (seed 003's recording table), else the first or second column if its header is
    // not one errcat knows and it holds numbers, but not when both do (`Status | Err
    // No`): which holds the codes is then for the user to say.
    let headed = cols.iter().position(|c| *c == Some(Column::Code));
    let named = cols.iter().position(|c| *c == Some(Column::Name));
    let unknown: Vec<usize> = (0..cols.len().min(2))
        .filter(|&i| cols[i].is_none() && body_is_codes(i))
        .collect();
    let by_place = match unknown[..] {
        [a, b] => {
            report.push(
                Diagnostic::new(
                    &rules::IMPORT_NOT_A_TABLE,
                    format!(
                        "columns `{}` and `{}` both hold numbers, and neither is headed as the codes",
                        table.header[a].0, table.header[b].0
                    ),
                )
                .at(table.header[a].1, "numbers")
                .related(table.header[b].1, "numbers too")
                .help("head the code column `Error Code` or `错误码` (an HTTP status column `HTTP Status`)"),
            );
            return Vec::new();
        }
        [a] => Some(a),
        _ => None,
    };
    let code_col = [headed, named]
        .iter()
        .flatten()
        .copied()
        .find(|&i| body_is_codes(i))
        .or(by_place)
        .or(headed);
    // Unknown headers (a second column of one field was said above).
    for (i, (h, span)) in table.header.iter().enumerate() {
        if classify(h).is_none() && !h.is_empty() {
            let d = if Some(i) == code_col {
                Diagnostic::new(
                    &rules::IMPORT_UNKNOWN_COLUMN,
                    format!("column `{h}` is taken for the codes: it holds numbers, and no column is headed as the codes"),
                )
                .at(*span, "the codes")
                .help("head it `Error Code` or `错误码` to say so")
            } else {
                Diagnostic::new(
                    &rules::IMPORT_UNKNOWN_COLUMN,
                    format!("column `{h}` is not one errcat imports; its cells are skipped"),
                )
                .at(*span, "unknown column")
                .help(format!("known headers: {}", known_headers()))
            };
            report.push(d);
        }
    }
    let Some(code_col) = code_col else {
        let span = table.header.first().map_or_else(|| src.span(0, 0), |h| h.1);
        report.push(
            Diagnostic::new(&rules::IMPORT_NOT_A_TABLE, "the table has no code column")
                .at(span, "header row")
                .help("head the code column `Error Code` or `错误码`, or put the codes in the first column"),
        );
        return Vec::new();
    };
    cols[code_col] = Some(Column::Code);
    for (i, c) in cols.iter_mut().enumerate() {
        if i != code_col && *c == Some(Column::Code) {
            *c = None;
        }
    }
    // Without a message column, the description is the text users see.
    let has = |cols: &[Option<Column>], f: Field| cols.contains(&Some(Column::Text(f)));
    let title_is_message = !has(&cols, Field::Message) && !has(&cols, Field::Description);
    if !has(&cols, Field::Message) {
        let promote = if has(&cols, Field::Description) {
            Some(Field::Description)
        } else if has(&cols, Field::Title) {
            Some(Field::Title)
        } else {
            None
        };
        let Some(from) = promote else {
            report.push(
                Diagnostic::new(
                    &rules::IMPORT_NOT_A_TABLE,
                    "the table has no message or description column",
                )
                .at(table.header[code_col].1, "codes, but no text beside them")
                .help(
                    "head the text column `Description`, `Error message`, `错误描述` or `错误提示`",
                ),
            );
            return Vec::new();
        };
        if from == Field::Description {
            for c in cols.iter_mut() {
                if *c == Some(Column::Text(Field::Description)) {
                    *c = Some(Column::Text(Field::Message));
                }
            }
        }
    }
    let mut out = Vec::new();
    for (row_span, cells) in &table.rows {
        if cells.iter().all(|(c, _)| c.is_empty()) {
            continue;
        }
        if cells.len() != cols.len() {
            report.push(
                Diagnostic::new(
                    &rules::IMPORT_RAGGED_ROW,
                    format!(
                        "this row has {}; the header has {}",
                        crate::console::count(cells.len(), "cell"),
                        cols.len()
                    ),
                )
                .at(*row_span, "ragged row")
                .help(table.cells_help),
            );
            continue;
        }
        let (code_text, code_span) = &cells[code_col];
        let code = match super::code_cell::parse(code_text) {
            Ok(code) => code,
            Err((msg, help)) => {
                report.push(
                    Diagnostic::new(&rules::IMPORT_BAD_CODE, msg)
                        .at(*code_span, "code cell")
                        .help(help),
                );
                continue;
            }
        };
        let mut row = Row::new(code, *code_span);
        for ((col, locale), (text, span)) in cols.iter().zip(&locales).zip(cells) {
            // An empty Namespace cell is kept: it is where a row names no namespace.
            if text.is_empty() && *col != Some(Column::Namespace) {
                continue;
            }
            match col {
                Some(Column::Name) => {
                    row.name = Some((
                        heck::ToShoutySnakeCase::to_shouty_snake_case(text.as_str()),
                        *span,
                    ));
                }
                Some(Column::Http) => match super::http_status::cell(text) {
                    Ok(h) => row.http = Some((h, *span)),
                    Err(msg) => report.push(
                        Diagnostic::new(&rules::IMPORT_BAD_STATUS, msg)
                            .at(*span, "HTTP cell")
                            .help("an HTTP status is a number from 100 to 599, with its reason phrase or not (`404 Not Found`), or a status constant such as SC_NOT_FOUND"),
                    ),
                },
                Some(Column::Text(f)) => {
                    row.texts.push(RowText::new(*f, locale, text, *span));
                    if title_is_message && *f == Field::Title {
                        row.texts
                            .push(RowText::new(Field::Message, locale, text, *span));
                    }
                }
                Some(Column::Namespace) => row.namespace = Some((text.clone(), *span)),
                Some(Column::Code | Column::Note) | None => {}
            }
        }
        out.push(row);
    }
    out
}

/// A cell's text as readers see it: paired bold markers and surrounding quotes
/// dropped, outside code spans `<br/>` as a line break and HTML entities decoded,
/// runs of blanks as one space.
pub fn clean(cell: &str) -> String {
    let s = super::inline::plain(&cell.replace("\\|", "|"), super::inline::html_text);
    // A cell holding only `&nbsp;` is HTML's way to write an empty cell.
    let s = squeeze(&s).trim_matches(['\u{a0}', ' ']).to_owned();
    match s.strip_prefix('"').and_then(|x| x.strip_suffix('"')) {
        Some(inner) if !inner.contains('"') => inner.trim().to_owned(),
        _ => s,
    }
}

/// Each line trimmed, inner runs of blanks as one space, empty first and last lines dropped.
pub fn squeeze(s: &str) -> String {
    s.lines()
        .map(|l| {
            // Only ASCII blanks: an ideographic space is part of the text.
            l.split([' ', '\t'])
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
        .trim_matches('\n')
        .to_owned()
}
