//! Findings in an imported result, moved to where the user can fix them. The result
//! is not on disk yet, and a translator never saw it: a finding about a value read
//! from an input (a CSV cell, a Markdown cell, a Java string) points at that value,
//! and one about a value the merged file already had points at that file.

use std::collections::HashMap;

use super::Output;
use super::yaml::Placed;
use crate::diag::{Diagnostic, Label};
use crate::source::{FileId, Sources, Span};

/// What one output knows of where its lines came from, looked up per finding (so
/// that an import with a finding on every row does not rescan the output each time).
pub(super) struct Places<'a> {
    pub(super) file: FileId,
    text: &'a str,
    /// (line, code) of each `  - code: N` line, in line order.
    starts: Vec<(u32, i64)>,
    /// Each code's first imported row.
    rows: HashMap<i64, Span>,
    /// Where each entry's code was read: the merged file, or an input row.
    codes: HashMap<i64, Span>,
    placed: &'a [Placed],
}

impl<'a> Places<'a> {
    pub(super) fn of(file: FileId, text: &'a str, output: &'a Output) -> Self {
        let starts = text
            .lines()
            .zip(1u32..)
            .filter_map(|(l, n)| Some((n, l.strip_prefix("  - code: ")?.trim().parse().ok()?)))
            .collect();
        let mut rows = HashMap::new();
        for &(code, span) in &output.rows {
            rows.entry(code).or_insert(span);
        }
        let codes = output
            .placed
            .iter()
            .filter_map(|p| {
                let line = text[p.key..].lines().next()?;
                Some((line.strip_prefix("  - code: ")?.parse().ok()?, p.origin))
            })
            .collect();
        Places {
            file,
            text,
            starts,
            rows,
            codes,
            placed: &output.placed,
        }
    }

    /// The value written at `at`, if it was read from a file.
    fn value_at(&self, at: Span) -> Option<&Placed> {
        let i = self.placed.partition_point(|p| p.key <= at.start);
        self.placed[..i].last().filter(|p| at.start < p.end)
    }

    /// The code of the entry `at` is in: the last `  - code: N` at or above its line.
    pub(super) fn code_at(&self, at: Span) -> Option<i64> {
        let starts = &self.starts[..self.starts.partition_point(|&(l, _)| l <= at.line)];
        starts.last().map(|&(_, code)| code)
    }
}

/// The findings' files and the inputs', for [`relocate`].
pub(super) struct Files<'a> {
    pub places: &'a [Places<'a>],
    pub inputs: &'a [FileId],
    pub sources: &'a Sources,
}

impl Files<'_> {
    /// `span`, moved to where its value was read; `None` when it is no value read
    /// from a file (a key, `params:`, a namespace's `locales:`).
    fn origin(&self, span: Span) -> Option<Span> {
        let places = self.places.iter().find(|p| p.file == span.file)?;
        let placed = places.value_at(span)?;
        Some(part(places.text, placed, span, self.sources))
    }
}

/// Moves a finding in an output to the values it is about, and says which row
/// of the input it concerns: at the cell when the finding is about an imported
/// value, with the entry it merges into beside it; else with the row beside it.
pub(super) fn relocate(mut d: Diagnostic, files: &Files) -> Diagnostic {
    let Some(at) = d.primary.as_ref().map(|l| l.span) else {
        return d;
    };
    let Some(places) = files.places.iter().find(|p| p.file == at.file) else {
        return d;
    };
    let moved = |label: &mut Label| {
        if let Some(span) = files.origin(label.span) {
            label.span = span;
        }
    };
    d.primary.iter_mut().for_each(moved);
    d.related.iter_mut().for_each(moved);
    let primary = d.primary.as_ref().map_or(at, |l| l.span);
    d.related.retain(|l| l.span != primary);
    let code = places.code_at(at);
    let row = code.and_then(|c| places.rows.get(&c)).copied();
    let unlabelled = |d: &Diagnostic, s: &Span| d.related.iter().all(|l| l.span != *s);
    if files.inputs.contains(&primary.file) {
        // The entry in the file merged into, which the cell's text joins.
        let merged = code
            .and_then(|c| places.codes.get(&c).copied())
            .filter(|s| !files.inputs.contains(&s.file) && s.file != places.file);
        if let Some(span) = merged.filter(|s| unlabelled(&d, s)) {
            d = d.related(span, "merged into this entry");
        }
    } else if let Some(span) = row.filter(|s| unlabelled(&d, s)) {
        d = d.related(span, "imported from this row");
    }
    // Each file of a translated table lacks the other's locale: one run takes both.
    if row.is_some() && d.rule == crate::rules::MISSING_TRANSLATION.id {
        let help = d.help.take().map_or_else(String::new, |h| format!("{h}; "));
        d.help = Some(format!(
            "{help}import each locale's file in one run, `--locale` once per file: FILE... --locale en --locale zh-CN"
        ));
    }
    d
}

/// The part of the value read at `placed.origin` that `at` covers in the output: a
/// placeholder or a character pointed at in the written value is found in the
/// source when it is written there once, as it stands; else the whole value.
fn part(output: &str, placed: &Placed, at: Span, sources: &Sources) -> Span {
    let origin = placed.origin;
    let whole = at.start <= placed.value && at.end >= placed.end.saturating_sub(1);
    let Some(written) = output.get(at.start..at.end).filter(|_| !whole) else {
        return origin;
    };
    // A key, or a piece of an escaped or quoted scalar, is not the text itself.
    if at.start < placed.value || written.is_empty() || written.contains(['\\', '"', '\'', '\n']) {
        return origin;
    }
    let text = &sources.get(origin.file).text;
    let Some(src) = text.get(origin.start..origin.end) else {
        return origin;
    };
    let mut found = src.match_indices(written);
    let (Some((i, _)), None) = (found.next(), found.next()) else {
        return origin;
    };
    let before = &src[..i];
    let (line, column) = match before.rfind('\n') {
        Some(nl) => (
            origin.line + count(before.matches('\n').count()),
            count(before[nl + 1..].chars().count()) + 1,
        ),
        None => (origin.line, origin.column + count(before.chars().count())),
    };
    Span {
        file: origin.file,
        line,
        column,
        start: origin.start + i,
        end: origin.start + i + written.len(),
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
