//! The value errors of a namespace file after its first. The parser stops at the
//! first; a file of many entries edited at once (a bulk change, a paste, an import)
//! would then take a run per mistake. Each entry is independent of the others, so
//! the entry at fault is blanked out (its lines kept, as spaces, so every position
//! stays the same) and the file parsed again, until it parses or the next error is
//! not in an entry of its own.

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_saphyr::Spanned;

/// More than this many errors in one file are past reading one by one.
const MOST: usize = 50;

/// Where each entry of a namespace file starts, whatever else the file holds.
#[derive(Deserialize)]
struct Starts {
    #[serde(default)]
    entries: Vec<Spanned<IgnoredAny>>,
}

/// The text of a namespace file with its entries blanked one at a time: `first_line`
/// is the line of the first error. `next` parses the text and gives the next error's
/// line, or `None` once the file parses or the error is not an entry's.
pub struct Blanker {
    text: String,
    /// Each entry's first line and the column of its `-`, 1-based.
    entries: Vec<(usize, usize)>,
    blanked: Vec<bool>,
    found: usize,
}

impl Blanker {
    pub fn new(text: &str, mut options: serde_saphyr::Options) -> Option<Self> {
        // A repeated key in an entry is one of the errors to find, not a reason to stop.
        options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::FirstWins;
        let starts = serde_saphyr::from_str_with_options::<Starts>(text, options).ok()?;
        let lines: Vec<&str> = text.split('\n').collect();
        let entries = starts
            .entries
            .iter()
            .map(|e| {
                dash_of(
                    &lines,
                    e.referenced.line() as usize,
                    e.referenced.column() as usize,
                )
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Blanker {
            text: text.to_owned(),
            blanked: vec![false; entries.len()],
            entries,
            found: 0,
        })
    }

    /// The entry not yet blanked that holds `line`, while fewer than [`MOST`] errors
    /// were found.
    pub fn entry_at(&self, line: usize) -> Option<usize> {
        if self.found >= MOST {
            return None;
        }
        let k = self.entries.iter().rposition(|&(start, _)| start <= line)?;
        (!self.blanked[k] && line <= self.end_of(k)).then_some(k)
    }

    /// The last line of entry `k`.
    fn end_of(&self, k: usize) -> usize {
        match self.entries.get(k + 1) {
            Some(&(next, _)) => next - 1,
            None => last_line_of(&self.text, self.entries[k].0, self.entries[k].1),
        }
    }

    /// Blanks entry `k` (from [`Blanker::entry_at`]), its error counted.
    pub fn blank(&mut self, k: usize) {
        self.found += 1;
        self.blanked[k] = true;
        let (start, end) = (self.entries[k].0, self.end_of(k));
        let mut lines = Vec::new();
        let mut at = 0;
        for (n, l) in self.text.split('\n').enumerate() {
            if (start..=end).contains(&(n + 1)) {
                lines.push(at..at + l.len());
            }
            at += l.len() + 1;
        }
        let mut bytes = std::mem::take(&mut self.text).into_bytes();
        for l in lines {
            bytes[l].fill(b' ');
        }
        // Whole lines became ASCII spaces: still UTF-8.
        self.text = String::from_utf8(bytes).unwrap_or_default();
    }

    pub fn text(&self) -> &str {
        &self.text
    }
}

/// The line and column of the `-` of the entry whose first key is at `line`:`column`,
/// on that line (`- code: 1`) or alone on a line above it. `None` for an entry in
/// flow style (`[{…}, {…}]`), which lines cannot separate.
fn dash_of(lines: &[&str], line: usize, column: usize) -> Option<(usize, usize)> {
    let here = lines.get(line.checked_sub(1)?)?;
    let before: String = here.chars().take(column.saturating_sub(1)).collect();
    let dash = |text: &str| {
        let t = text.trim_end();
        (t.trim_start() == "-").then_some(t.len())
    };
    if let Some(c) = dash(&before) {
        return Some((line, c));
    }
    if !before.trim().is_empty() {
        return None;
    }
    // The `-` on a line of its own above, past blank and comment lines.
    let mut n = line - 1;
    while n > 0 {
        let l = lines[n - 1];
        if let Some(c) = dash(l) {
            return Some((n, c));
        }
        if !(l.trim().is_empty() || l.trim_start().starts_with('#')) {
            return None;
        }
        n -= 1;
    }
    None
}

/// The last line of the last entry, which starts at `start` with its `-` at `dash`:
/// the line before the next one indented no further than the `-` (blank and comment
/// lines aside), or the file's last.
fn last_line_of(text: &str, start: usize, dash: usize) -> usize {
    let mut last = start;
    for (n, l) in text.split('\n').enumerate().skip(start) {
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if l.len() - t.len() < dash {
            break;
        }
        last = n + 1;
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "namespace: app\nrange: { min: 1, max: 9 }\nentries:\n  - code: 1\n    name: A\n  -\n    code: 2\n\n    # a comment\n    name: B\n  - code: 3\n    name: C\nreserved: [4]\n";

    fn blanker() -> Blanker {
        Blanker::new(FILE, crate::load::options()).unwrap()
    }

    #[test]
    fn entries_start_at_their_dash() {
        assert_eq!(blanker().entries, [(4, 3), (6, 3), (11, 3)]);
    }

    #[test]
    fn an_entry_is_blanked_whole_and_positions_stay() {
        let mut b = blanker();
        assert_eq!(b.entry_at(2), None, "before the entries");
        assert_eq!(b.entry_at(8), Some(1));
        b.blank(1);
        assert_eq!(b.text().len(), FILE.len());
        let lines: Vec<&str> = b.text().lines().collect();
        assert!(
            lines[5..10].iter().all(|l| l.trim().is_empty()),
            "{lines:?}"
        );
        assert_eq!(lines[10], "  - code: 3");
        assert_eq!(b.entry_at(7), None, "an entry is blanked once");
        // The last entry ends where the next top-level key starts.
        assert_eq!(b.entry_at(12), Some(2));
        b.blank(2);
        assert_eq!(b.text().lines().nth(12), Some("reserved: [4]"));
        assert_eq!(b.entry_at(13), None, "not an entry's line");
    }

    #[test]
    fn flow_entries_are_left_alone() {
        let text = "namespace: app\nentries: [{ code: 1, name: A }]\n";
        assert!(Blanker::new(text, crate::load::options()).is_none());
    }
}
