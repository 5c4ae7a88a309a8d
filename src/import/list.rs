//! Vertical lists as pasted from a rendered docs page: a header of one column name
//! per line (`Error Code`, `Description`), then each row's cells one per line,
//! up to a blank line. A line standing alone above the header is the section title.

use super::columns::{self, Column, Table};
use super::{Located, Section};
use crate::diag::{Diagnostic, Report};
use crate::rules;
use crate::source::Span;

/// Reads every list of the file, one section each.
pub fn read(src: &Located, locale: &str, report: &mut Report) -> Vec<Section> {
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut start = 0;
    for l in src.text.split_inclusive('\n') {
        lines.push((start, l.trim_end_matches(['\n', '\r'])));
        start += l.len();
    }
    let blank = |i: usize| lines.get(i).is_none_or(|(_, l)| l.trim().is_empty());
    let span_of = |i: usize| {
        let (s, l) = lines[i];
        let lead = l.len() - l.trim_start().len();
        src.span(s + lead, s + l.trim_end().len())
    };
    let mut sections = Vec::new();
    let mut lists = 0;
    // Lines that belong to a list (its header and rows), to find codes outside one.
    let mut listed = vec![false; lines.len()];
    // Where the previous list ended: titles are looked for after it.
    let mut after_list = 0;
    let mut i = 0;
    while i < lines.len() {
        if columns::classify(lines[i].1) != Some(Column::Code)
            || !lines
                .get(i + 1)
                .is_some_and(|(_, l)| columns::classify(l).is_some_and(|c| c != Column::Code))
        {
            i += 1;
            continue;
        }
        let mut width = 1;
        while lines
            .get(i + width)
            .is_some_and(|(_, l)| columns::classify(l).is_some_and(|c| c != Column::Code))
        {
            width += 1;
        }
        let header: Vec<(String, Span)> = (i..i + width)
            .map(|k| (columns::clean(lines[k].1), span_of(k)))
            .collect();
        // Standalone lines (blank above and below) between the last list and this
        // header's paragraph: the nearest is the title, the one before it the parent.
        let mut block_start = i;
        while block_start > after_list && !blank(block_start - 1) {
            block_start -= 1;
        }
        let titles: Vec<usize> = (after_list..block_start)
            .filter(|&k| !blank(k) && (k == 0 || blank(k - 1)) && blank(k + 1))
            .collect();
        let mut rows = Vec::new();
        let mut k = i + width;
        while !blank(k) {
            let first = k;
            let mut cells = Vec::new();
            while cells.len() < width && !blank(k) {
                cells.push((columns::clean(lines[k].1), span_of(k)));
                k += 1;
            }
            let end = span_of(k - 1);
            let start = span_of(first);
            let span = Span {
                end: end.end,
                ..start
            };
            rows.push((span, cells));
        }
        after_list = k;
        lists += 1;
        listed[i..k].iter_mut().for_each(|l| *l = true);
        // A cell left out shifts every row after it: a code then stands where a text
        // goes, and the row's own text is taken for the next row's code.
        for (_, cells) in &rows {
            for (j, (text, span)) in cells.iter().enumerate().skip(1) {
                let text_column = matches!(columns::classify(&header[j].0), Some(Column::Text(_)));
                if text_column && text.parse::<i64>().is_ok() {
                    report.push(
                        Diagnostic::new(
                            &rules::IMPORT_RAGGED_ROW,
                            format!(
                                "`{text}` stands where a row's `{}` goes, and is a number: a cell left out above?",
                                header[j].0
                            ),
                        )
                        .at(*span, "a code, by the look of it")
                        .help("every row needs one line per header line, one row after another; a blank line ends the list, so one cell left out shifts every row after it"),
                    );
                }
            }
        }
        let table = Table {
            header,
            rows,
            cells_help: "every row needs one line per header line, one row after another; a blank line ends the list, so one cell left out shifts every row after it",
        };
        if !table.has_rows() {
            // Nothing to import: said here, not as an empty namespace later.
            report.push(
                Diagnostic::new(&rules::IMPORT_NOT_A_TABLE, "the list has no rows")
                    .at(table.header[0].1, "a header, then no cells")
                    .help("put each row's cells one per line right below the header lines, with no blank line between"),
            );
            i = k;
            continue;
        }
        let title_span = titles.last().map_or(table.header[0].1, |&t| span_of(t));
        sections.push(Section {
            title: titles.last().map(|&t| columns::clean(lines[t].1)),
            parent: titles
                .len()
                .checked_sub(2)
                .map(|p| columns::clean(lines[titles[p]].1)),
            span: title_span,
            locale: locale.to_owned(),
            rows: columns::rows(src, &table, locale, report),
        });
        i = k;
    }
    // A code outside every list: pasted after the blank line that ended one, or under
    // no header. The first of each paragraph is said.
    let (mut paragraph, mut said_paragraph) = (0, usize::MAX);
    for k in 0..lines.len() {
        if k > 0 && blank(k - 1) {
            paragraph = k;
        }
        if listed[k] || paragraph == said_paragraph || lines[k].1.trim().parse::<i64>().is_err() {
            continue;
        }
        said_paragraph = paragraph;
        let why = if listed[..k].contains(&true) {
            "a blank line ended the list above"
        } else {
            "no header lines (`Error Code`, `Description`) stand above it"
        };
        report.push(
            Diagnostic::new(
                &rules::IMPORT_STRAY_ROWS,
                format!(
                    "`{}` looks like a code, but belongs to no list: {why}; it is skipped",
                    lines[k].1.trim()
                ),
            )
            .at(span_of(k), "not imported")
            .help(
                "join it to its list (no blank line between), or give it header lines of its own",
            ),
        );
    }
    if lists == 0 {
        report.push(
            Diagnostic::new(&rules::IMPORT_NOT_A_TABLE, "no vertical error-code list in this file")
                .at(src.span(0, 0), "expected a list")
                .help("a list starts with a line `Error Code` and a line `Description`, then a code line and a text line per row"),
        );
    }
    sections
}
