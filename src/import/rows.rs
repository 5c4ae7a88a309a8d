//! What every reader produces: sections of rows, each cell with its place in the file.

use super::doc::Field;
use crate::source::{FileId, Span};

/// An input file's text, turning byte offsets into spans.
pub struct Located<'a> {
    pub file: FileId,
    pub text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Located<'a> {
    pub fn new(file: FileId, text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Located {
            file,
            text,
            line_starts,
        }
    }

    pub fn span(&self, start: usize, end: usize) -> Span {
        let line = self.line_starts.partition_point(|&s| s <= start).max(1);
        let from = self.line_starts[line - 1];
        let column = self.text.get(from..start).map_or(0, |s| s.chars().count()) + 1;
        Span {
            file: self.file,
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
            start,
            end,
        }
    }
}

/// One text of a row, in one locale.
#[derive(Clone, Debug)]
pub struct RowText {
    pub field: Field,
    pub locale: String,
    pub text: String,
    pub span: Span,
    /// Stands in for a missing text (an enum's title as its message): an existing text wins.
    pub fallback: bool,
}

impl RowText {
    pub fn new(field: Field, locale: &str, text: &str, span: Span) -> Self {
        RowText {
            field,
            locale: locale.to_owned(),
            text: text.to_owned(),
            span,
            fallback: false,
        }
    }
}

/// One code as a source states it.
#[derive(Clone, Debug)]
pub struct Row {
    pub code: i64,
    pub code_span: Span,
    pub name: Option<(String, Span)>,
    pub texts: Vec<RowText>,
    pub http: Option<(i64, Span)>,
    /// A deprecation's reason and replacement (a Javadoc `@deprecated`), and where.
    pub deprecated: Option<(String, Option<String>, Span)>,
    /// The namespace a sheet's `Namespace` cell names (empty when it names none), and
    /// where the cell is.
    pub namespace: Option<(String, Span)>,
}

impl Row {
    pub fn new(code: i64, code_span: Span) -> Self {
        Row {
            code,
            code_span,
            name: None,
            texts: Vec::new(),
            http: None,
            deprecated: None,
            namespace: None,
        }
    }
}

/// A titled part of a file holding one table, list or enum.
#[derive(Clone, Debug)]
pub struct Section {
    pub title: Option<String>,
    /// The heading the title sits under, if any (a page title).
    pub parent: Option<String>,
    pub span: Span,
    /// The language of its texts: its file's `--locale`.
    pub locale: String,
    pub rows: Vec<Row>,
}
