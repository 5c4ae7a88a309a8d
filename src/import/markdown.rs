//! Markdown pipe tables (GitHub style), one section per heading. What a reader of the
//! rendered page does not see as a table is skipped: fenced and indented code, HTML
//! comments. A row that belongs to no table is said (`import-stray-rows`).

use super::columns::{self, Table};
use super::{Located, Section};
use crate::diag::{Diagnostic, Report};
use crate::rules;

/// A line of the file: its byte offset and its text without the line break.
struct Line<'a> {
    start: usize,
    text: &'a str,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for l in text.split_inclusive('\n') {
        out.push(Line {
            start,
            text: l.trim_end_matches(['\n', '\r']),
        });
        start += l.len();
    }
    out
}

/// `## Title` → (2, "Title")
fn heading(line: &str) -> Option<(usize, String)> {
    let t = line.trim_start_matches(' ');
    if line.len() - t.len() > 3 {
        return None;
    }
    let level = t.chars().take_while(|&c| c == '#').count();
    let rest = &t[level..];
    if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let title = rest.trim().trim_end_matches('#').trim();
    Some((level, columns::clean(title)))
}

/// The level a setext underline gives the line above it: `===` 1, `---` 2.
fn setext_level(line: &str) -> Option<usize> {
    let t = line.trim_end();
    let u = t.trim_start_matches(' ');
    if t.len() - u.len() > 3 || u.is_empty() {
        return None;
    }
    if u.bytes().all(|b| b == b'=') {
        Some(1)
    } else if u.bytes().all(|b| b == b'-') {
        Some(2)
    } else {
        None
    }
}

/// Whether line `i` continues an indented code block: the lines above it, up to a
/// blank line, are indented by four columns too, and a blank line stands above them.
fn in_code_block(lines: &[Line], i: usize) -> bool {
    let indented = |t: &str| t.starts_with("    ") || t.starts_with('\t');
    let mut k = i;
    while k > 0 && indented(lines[k - 1].text) {
        k -= 1;
    }
    k < i && (k == 0 || lines[k - 1].text.trim().is_empty())
}

fn fence(line: &str) -> Option<(char, usize)> {
    let t = line.trim_start();
    let c = t.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let n = t.chars().take_while(|&x| x == c).count();
    (n >= 3).then_some((c, n))
}

/// Cells of a table line as (start, end) byte ranges of their trimmed text,
/// relative to the line; outer pipes are optional, `\|` is not a separator.
fn split_cells(line: &str) -> Vec<(usize, usize)> {
    let bytes = line.as_bytes();
    let mut start = line.len() - line.trim_start().len();
    let mut end = line.trim_end().len();
    if bytes.get(start) == Some(&b'|') {
        start += 1;
    }
    if end > start && bytes[end - 1] == b'|' && (end < 2 || bytes[end - 2] != b'\\') {
        end -= 1;
    }
    let mut cells = Vec::new();
    let mut cell_start = start;
    let mut i = start;
    while i < end {
        match bytes[i] {
            b'\\' => i += 1,
            b'|' => {
                cells.push((cell_start, i));
                cell_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    cells.push((cell_start, end.max(cell_start)));
    cells
        .into_iter()
        .map(|(s, e)| {
            let cell = &line[s..e];
            let lead = cell.len() - cell.trim_start().len();
            let start = s + lead;
            (start, (s + cell.trim_end().len()).max(start))
        })
        .collect()
}

fn is_delimiter(line: &str) -> bool {
    line.contains('-')
        && split_cells(line).iter().all(|&(s, e)| {
            let c = &line[s..e];
            let c = c.strip_prefix(':').unwrap_or(c);
            let c = c.strip_suffix(':').unwrap_or(c);
            !c.is_empty() && c.bytes().all(|b| b == b'-')
        })
}

/// Reads every pipe table of a Markdown file, grouped by the heading above it.
pub fn read(src: &Located, locale: &str, report: &mut Report) -> Vec<Section> {
    let lines = lines(src.text);
    let cells_of = |l: &Line| -> Vec<(String, crate::source::Span)> {
        split_cells(l.text)
            .into_iter()
            .map(|(s, e)| {
                (
                    columns::clean(&l.text[s..e]),
                    src.span(l.start + s, l.start + e),
                )
            })
            .collect()
    };
    // Open headings, outermost first: (level, title, span).
    let mut headings: Vec<(usize, String, crate::source::Span)> = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut open_fence: Option<(char, usize)> = None;
    let mut in_comment = false;
    let mut tables = 0;
    // Rows under no table header: the first line of each run, and whether a table
    // came before it (a blank line ended that table).
    let mut stray: Vec<(usize, bool)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        // An HTML comment hides what it holds from the page's readers.
        if in_comment || line.text.trim_start().starts_with("<!--") {
            let from = if in_comment {
                0
            } else {
                line.text.find("<!--").map_or(0, |at| at + 4)
            };
            in_comment = !line.text[from..].contains("-->");
            i += 1;
            continue;
        }
        if let Some((c, n)) = fence(line.text) {
            match open_fence {
                None => open_fence = Some((c, n)),
                Some((oc, on)) if oc == c && n >= on => open_fence = None,
                Some(_) => {}
            }
            i += 1;
            continue;
        }
        if open_fence.is_some() {
            i += 1;
            continue;
        }
        // A setext heading: a line of text over a line of `=` (level 1) or `-` (2).
        let setext = lines
            .get(i + 1)
            .and_then(|u| setext_level(u.text))
            .filter(|_| {
                !line.text.trim().is_empty()
                    && !line.text.trim_start().starts_with('|')
                    && heading(line.text).is_none()
                    && line.text.len() - line.text.trim_start().len() < 4
            });
        if let Some(level) = setext {
            headings.retain(|(l, _, _)| *l < level);
            let span = src.span(line.start, line.start + line.text.len());
            headings.push((level, columns::clean(line.text.trim()), span));
            i += 2;
            continue;
        }
        if let Some((level, title)) = heading(line.text) {
            headings.retain(|(l, _, _)| *l < level);
            let span = src.span(line.start, line.start + line.text.len());
            headings.push((level, title, span));
            i += 1;
            continue;
        }
        // Four columns of indent after a blank line make an indented code block.
        let indent = line.text.len() - line.text.trim_start_matches(' ').len();
        let code_block = (indent >= 4 || line.text.starts_with('\t'))
            && (i == 0 || lines[i - 1].text.trim().is_empty() || in_code_block(&lines, i));
        if code_block {
            i += 1;
            continue;
        }
        let delimiter = lines
            .get(i + 1)
            .filter(|d| line.text.contains('|') && is_delimiter(d.text));
        let header_cells = split_cells(line.text).len();
        if let Some(d) = delimiter.filter(|d| split_cells(d.text).len() != header_cells) {
            // A table meant, which no renderer shows as one: said at the delimiter,
            // its rows skipped with it rather than reported as stray.
            report.push(
                Diagnostic::new(
                    &rules::IMPORT_RAGGED_ROW,
                    format!(
                        "the delimiter row has {} and the header {}: this is no table",
                        crate::console::count(split_cells(d.text).len(), "cell"),
                        header_cells
                    ),
                )
                .at(src.span(d.start, d.start + d.text.len()), "delimiter row")
                .help("give the delimiter row one `---` per header cell"),
            );
            tables += 1;
            i += 2;
            while lines
                .get(i)
                .is_some_and(|l| l.text.contains('|') && !l.text.trim().is_empty())
            {
                i += 1;
            }
            continue;
        }
        if delimiter.is_none() {
            if line.text.trim_start().starts_with('|')
                && (i == 0 || !lines[i - 1].text.trim_start().starts_with('|'))
            {
                stray.push((i, tables > 0));
            }
            i += 1;
            continue;
        }
        let header = cells_of(line);
        let mut rows = Vec::new();
        i += 2;
        // GitHub's rule: a table runs to the first blank line (or other block).
        while let Some(l) = lines.get(i) {
            if l.text.trim().is_empty() || heading(l.text).is_some() || fence(l.text).is_some() {
                break;
            }
            rows.push((src.span(l.start, l.start + l.text.len()), cells_of(l)));
            i += 1;
        }
        tables += 1;
        let table = Table {
            header,
            rows,
            cells_help: "every row needs one cell per header column; escape a `|` inside a cell as `\\|`",
        };
        if !table.has_rows() {
            // Nothing to import: said here, not as an empty namespace later.
            let span = src.span(line.start, line.start + line.text.len());
            report.push(
                Diagnostic::new(&rules::IMPORT_NOT_A_TABLE, "the table has no rows")
                    .at(span, "a header and a delimiter row, then no filled row")
                    .help("add one row per code below the `|---|` line, or remove the table"),
            );
            continue;
        }
        let rows = columns::rows(src, &table, locale, report);
        let title = headings.last().map(|(_, t, _)| t.clone());
        let span = headings
            .last()
            .map_or_else(|| table.header[0].1, |(_, _, s)| *s);
        match sections.last_mut() {
            // A second table under the same heading continues its section.
            Some(s) if s.title == title && s.span == span => s.rows.extend(rows),
            _ => sections.push(Section {
                title,
                parent: headings.len().checked_sub(2).map(|p| headings[p].1.clone()),
                span,
                locale: locale.to_owned(),
                rows,
            }),
        }
    }
    for (at, after_table) in stray {
        let l = &lines[at];
        let why = if after_table {
            "a blank line or a heading ended the table above"
        } else {
            "there is no header row and `|---|` delimiter row above it"
        };
        report.push(
            Diagnostic::new(
                &rules::IMPORT_STRAY_ROWS,
                format!("this line looks like a table row, but belongs to no table: {why}; it is skipped"),
            )
            .at(src.span(l.start, l.start + l.text.len()), "not imported")
            .help("join it to its table (no blank line between), or give it a header and a delimiter row"),
        );
    }
    if tables == 0 {
        report.push(
            Diagnostic::new(
                &rules::IMPORT_NOT_A_TABLE,
                "no Markdown pipe table in this file",
            )
            .at(src.span(0, 0), "expected a table")
            .help("a table is a header row, a `|---|---|` delimiter row, then one row per code; a spreadsheet saved as CSV is read by `errcat import csv`"),
        );
    }
    sections
}
