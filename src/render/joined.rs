//! A catalog-wide file's parts, joined into the one template value its template
//! reads, and found again in the text rendered from them.

use tera::Value;

use super::reuse::PartAt;

/// A part of a file: its key (`None` when not keyed), its text, and whether the text
/// was taken from the last clean run.
pub(super) type Part = (Option<u64>, String, bool);

/// One copy of a file's parts, joined into one template value.
pub(super) struct Joined {
    pub value: Value,
    /// Their length in bytes: what the file takes at least.
    pub len: usize,
    /// Each part's key (`None` for a part not keyed).
    keys: Vec<Option<u64>>,
    /// How many were taken from the last clean run.
    pub taken: usize,
}

impl Joined {
    pub fn new(parts: Vec<Part>) -> Joined {
        let len = parts.iter().map(|(_, t, _)| t.len()).sum();
        let taken = parts.iter().filter(|(_, _, taken)| *taken).count();
        let (keys, texts): (Vec<_>, Vec<_>) = parts.into_iter().map(|(k, t, _)| (k, t)).unzip();
        Joined {
            value: Value::from(texts),
            len,
            keys,
            taken,
        }
    }

    /// Where each part is in `text`, the file rendered from them, when every part is
    /// keyed and found, in order, close after the one before: a template that joins
    /// its parts with a separator puts them there. Otherwise nothing.
    pub fn find_in(&self, text: &str) -> Vec<PartAt> {
        /// How far after the part before a part may start.
        const GAP: usize = 4096;
        let texts = self.value.as_array().unwrap_or_default();
        let mut at = 0;
        let mut found = Vec::with_capacity(texts.len());
        for (key, part) in self.keys.iter().zip(texts) {
            let (Some(key), Some(part)) = (key, part.as_str()) else {
                return Vec::new();
            };
            let mut end = text.len().min(at + GAP + part.len());
            // Not inside a character of the text after it.
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let Some(start) = text.get(at..end).and_then(|w| first_in(w, part)) else {
                return Vec::new();
            };
            let start = at + start;
            found.push(PartAt {
                key: *key,
                start,
                len: part.len(),
            });
            at = start + part.len();
        }
        found
    }
}

/// Where `part` first is in `window`, as `window.find(part)` says, without its cost
/// for a long part (a namespace's part of the JSON catalog is 650 KB at 1,000 codes):
/// `find` first studies the whole part, where its first bytes are enough to find the
/// places worth comparing.
fn first_in(window: &str, part: &str) -> Option<usize> {
    let mut head = part.len().min(64);
    while !part.is_char_boundary(head) {
        head -= 1;
    }
    let head = &part[..head];
    let mut from = 0;
    loop {
        let at = from + window.get(from..)?.find(head)?;
        if window[at..].starts_with(part) {
            return Some(at);
        }
        // On to the next character: `at` starts one, where `head` does.
        from = at + window[at..].chars().next().map_or(1, char::len_utf8);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(parts: &[(Option<u64>, &str)]) -> Joined {
        Joined::new(
            parts
                .iter()
                .map(|(k, t)| (*k, t.to_string(), false))
                .collect(),
        )
    }

    #[test]
    fn finds_parts_joined_with_separators() {
        let j = joined(&[
            (Some(1), "{\"a\": 1}"),
            (Some(2), ""),
            (Some(3), "{\"b\": 2}"),
        ]);
        let text = "head\n[\n  {\"a\": 1},\n  {\"b\": 2}\n]\n";
        let found = j.find_in(text);
        assert_eq!(found.len(), 3);
        for (at, want) in found.iter().zip(["{\"a\": 1}", "", "{\"b\": 2}"]) {
            assert_eq!(&text[at.start..at.start + at.len], want);
        }
        assert_eq!(found.iter().map(|p| p.key).collect::<Vec<_>>(), [1, 2, 3]);
        assert!(found[0].start < found[2].start);
    }

    #[test]
    fn finds_nothing_unless_every_part_is_keyed_and_there() {
        let text = "head\nONE two\n";
        // Changed by the template (`upper`), out of order, or not keyed.
        assert!(joined(&[(Some(1), "one")]).find_in(text).is_empty());
        assert!(
            joined(&[(Some(1), "two"), (Some(2), "ONE")])
                .find_in(text)
                .is_empty()
        );
        assert!(joined(&[(None, "ONE")]).find_in(text).is_empty());
        // Too far after the part before it.
        let far = format!("a{}b", " ".repeat(10_000));
        assert!(
            joined(&[(Some(1), "a"), (Some(2), "b")])
                .find_in(&far)
                .is_empty()
        );
        assert_eq!(
            joined(&[(Some(1), "ONE"), (Some(2), "two")])
                .find_in(text)
                .len(),
            2
        );
    }

    /// The window a part is looked for in may end inside a character of the text after it.
    #[test]
    fn finds_parts_before_text_in_any_script() {
        for pad in 0..4 {
            // "合" (three bytes) from byte 4094 to 4097: the window ends at byte 4097.
            let text = format!("a{}合成", " ".repeat(4093 + pad));
            assert_eq!(joined(&[(Some(1), "a")]).find_in(&text).len(), 1, "{pad}");
        }
    }

    /// `first_in` finds what `find` finds: parts whose first 64 bytes come earlier
    /// than the whole, in several scripts, longer than the window, or empty.
    #[test]
    fn first_in_finds_what_find_finds() {
        let long = "x".repeat(70);
        let cases: Vec<(String, String)> = vec![
            (format!("{long}y {long}z"), format!("{long}z")),
            (format!("{long}y"), format!("{long}z")),
            ("ab".into(), "abc".into()),
            ("房间不存在，房间不存在了".into(), "房间不存在了".into()),
            (
                format!("é{}é{}ü", "房".repeat(30), "房".repeat(30)),
                format!("{}ü", "房".repeat(30)),
            ),
            ("anything".into(), String::new()),
            (String::new(), String::new()),
            ("aaaaaaaaab".into(), "aab".into()),
        ];
        for (window, part) in &cases {
            assert_eq!(
                first_in(window, part),
                window.find(part.as_str()),
                "{part:?} in {window:?}"
            );
        }
    }
}
