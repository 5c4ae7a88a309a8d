//! Source files read by the loader, and positions inside them.

use std::path::{Path, PathBuf};

mod scalar;

/// Index of a file in [`Sources`].
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct FileId(pub u32);

/// A byte range in one source file, with its 1-based line and column.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Span {
    pub file: FileId,
    pub line: u32,
    pub column: u32,
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// The span of bytes `start..end` of `text` (the text of `file`), its line and
    /// column counted.
    pub fn of_bytes(file: FileId, text: &str, start: usize, end: usize) -> Span {
        let start = clamp_to_char(text, start);
        let end = clamp_to_char(text, end.max(start));
        let before = &text[..start];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Span {
            file,
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
            start,
            end,
        }
    }
}

/// A file as read from disk: the path shown to users and its text.
#[derive(Debug)]
pub struct SourceFile {
    /// Path as shown in diagnostics (relative to the working directory where possible).
    pub path: PathBuf,
    pub text: String,
    /// Read from a git revision (`REV:path`), so not a file in the working tree.
    pub from_revision: bool,
}

/// Every file the loader read, so diagnostics can quote them.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, path: PathBuf, text: String) -> FileId {
        self.files.push(SourceFile {
            path,
            text,
            from_revision: false,
        });
        FileId(u32::try_from(self.files.len() - 1).unwrap_or(u32::MAX))
    }

    /// Marks the files read from `from` onwards whose path lies under `dir` as read from a
    /// git revision, and renames them: the rest of the path is passed to `name` (they are
    /// shown as `REV:path`, not as the temporary directory they were materialised in).
    pub fn relabel(&mut self, from: FileId, dir: &Path, name: impl Fn(&Path) -> PathBuf) {
        for f in self.files.iter_mut().skip(from.0 as usize) {
            if let Ok(rest) = f.path.strip_prefix(dir) {
                f.path = name(rest);
                f.from_revision = true;
            }
        }
    }

    /// The id the next file added will get.
    pub fn next_id(&self) -> FileId {
        FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX))
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn path(&self, id: FileId) -> &Path {
        &self.get(id).path
    }

    /// Every file read, in reading order.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.files.iter().map(|f| f.path.as_path())
    }

    /// The span of a saphyr location in `file`. Byte offsets come from the
    /// parser when it has them; otherwise they are recomputed from line and column.
    pub fn span(&self, file: FileId, loc: &serde_saphyr::Location) -> Span {
        let text = &self.get(file).text;
        let line = u32::try_from(loc.line()).unwrap_or(u32::MAX).max(1);
        let column = u32::try_from(loc.column()).unwrap_or(u32::MAX).max(1);
        let s = loc.span();
        let (start, end) = match (s.byte_offset(), s.byte_len()) {
            (Some(o), Some(l)) => {
                let o = usize::try_from(o).unwrap_or(usize::MAX);
                (o, o.saturating_add(usize::try_from(l).unwrap_or(0)))
            }
            _ => {
                let o = offset_of(text, line, column);
                (o, o)
            }
        };
        let start = clamp_to_char(text, start);
        let end = clamp_to_char(text, end.max(start));
        Span {
            file,
            line,
            column,
            start,
            end,
        }
    }

    /// The span of the bytes `range` of `file`, with their line and column.
    pub fn range(&self, file: FileId, range: std::ops::Range<usize>) -> Span {
        let text = &self.get(file).text;
        let start = clamp_to_char(text, range.start);
        let end = clamp_to_char(text, range.end.max(start));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        Span {
            file,
            line: u32::try_from(text[..start].matches('\n').count() + 1).unwrap_or(u32::MAX),
            column: u32::try_from(text[line_start..start].chars().count() + 1).unwrap_or(u32::MAX),
            start,
            end,
        }
    }

    /// The span of the first line of `file` (for findings about a whole file).
    pub fn file_start(&self, file: FileId) -> Span {
        Span {
            file,
            line: 1,
            column: 1,
            start: 0,
            end: 0,
        }
    }
}

/// Byte offset of a 1-based (line, character column) position.
pub(crate) fn offset_of(text: &str, line: u32, column: u32) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line as usize {
            let col = (column as usize).saturating_sub(1);
            return offset + l.char_indices().nth(col).map_or(l.len(), |(b, _)| b);
        }
        offset += l.len();
    }
    text.len()
}

/// `i` moved back to a character boundary of `text` (and into it).
pub(crate) fn clamp_to_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
