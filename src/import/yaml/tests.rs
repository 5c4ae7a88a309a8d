//! The emitter round-trips any text through serde-saphyr, errcat's YAML reader.

use std::collections::BTreeMap;

use super::*;
use crate::import::doc::{Doc, Entry, Field, Text};
use crate::load::raw::{RawNamespace, RawText};

/// Pieces that stress YAML: indicators, resolvable words, blanks, line breaks,
/// escapes, non-BMP and non-printable characters.
const PIECES: &[&str] = &[
    "a",
    "Room",
    " ",
    "  ",
    ": ",
    ":",
    "#",
    " #",
    "- ",
    "-",
    "?",
    "? ",
    "'",
    "\"",
    "\\",
    "\n",
    "\n\n",
    "\t",
    "\r",
    "\r\n",
    "{",
    "}",
    "[",
    "]",
    ",",
    "&a",
    "*a",
    "!",
    "!!str",
    "|",
    ">",
    "%",
    "@",
    "`",
    "~",
    "null",
    "true",
    "Yes",
    "no",
    "ON",
    "0",
    "1.5",
    "0x1F",
    "-4",
    "1e3",
    ".inf",
    ".NaN",
    "---",
    "...",
    "<<",
    "=",
    "é",
    "中文",
    "：",
    "😀",
    "𝄞",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{FEFF}",
    "\u{7}",
    "\u{0}",
    "\u{1b}",
    "\u{9f}",
    "\u{7f}",
    "\u{FFFE}",
    "\u{A0}",
    "\u{3000}",
    "key: value",
    "a #b",
    "{x}",
    "{{ y }}",
    "%TAG",
    "http://x.y/#z",
];

/// A deterministic xorshift generator: the same cases on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }
}

fn cases() -> Vec<String> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out: Vec<String> = PIECES.iter().map(|p| (*p).to_owned()).collect();
    for _ in 0..20_000 {
        let n = 1 + rng.next() % 6;
        out.push((0..n).map(|_| PIECES[rng.next() % PIECES.len()]).collect());
    }
    out
}

fn read_back(yaml: &str) -> BTreeMap<String, String> {
    serde_saphyr::from_str(yaml).unwrap_or_else(|e| panic!("{e}\n--- yaml:\n{yaml}"))
}

#[test]
fn scalars_round_trip() {
    for s in cases() {
        let yaml = format!("k: {}\n", scalar(&s));
        assert_eq!(read_back(&yaml)["k"], s, "{yaml:?}");
        // The same text as a key, and as a value that may become a literal block.
        let mut block = Out::default();
        field(&mut block, 0, &s, &s);
        let block = block.text;
        assert_eq!(read_back(&block).get(&s), Some(&s), "{block:?}");
    }
}

#[test]
fn texts_round_trip_through_a_namespace_file() {
    let all = cases();
    let mut doc = Doc {
        namespace: "x.y".into(),
        ..Default::default()
    };
    for (i, s) in all.iter().take(2_000).enumerate() {
        let mut e = Entry::new(i as i64, None);
        e.name = Some(format!("E_{i}"));
        *e.text_mut(Field::Message) = Text::one("en", s, None);
        *e.text_mut(Field::Cause) = Text::one("zh-CN", &format!("{s}\n{s}"), None);
        e.tags = vec![s.clone()];
        doc.entries.push(e);
    }
    let text = namespace(&doc, &["en".into()]);
    let raw: RawNamespace = serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    for (e, s) in raw.entries.iter().zip(&all) {
        let by_locale = |t: &RawText| match t {
            RawText::ByLocale(v) => v[0].1.value.clone(),
            RawText::Plain(p) | RawText::Scalar(p) => panic!("plain text {p:?}"),
        };
        assert_eq!(by_locale(&e.value.message.value), *s);
        let cause = e.value.cause.as_ref().map(|c| by_locale(&c.value));
        assert_eq!(cause, Some(format!("{s}\n{s}")));
        assert_eq!(e.value.tags[0].value, *s);
    }
}

#[test]
fn plain_when_safe_quoted_when_not() {
    let cases = [
        ("The room does not exist", "The room does not exist"),
        ("房间不存在", "房间不存在"),
        ("Emoji 😀 ok", "Emoji 😀 ok"),
        ("Bad Room Config: Conflict", "\"Bad Room Config: Conflict\""),
        ("yes", "\"yes\""),
        ("1.0.0", "\"1.0.0\""),
        ("# not a comment", "\"# not a comment\""),
        ("\"quoted\"", "\"\\\"quoted\\\"\""),
        ("", "\"\""),
        ("bell\u{7}", "\"bell\\x07\""),
        ("line\u{2028}sep", "\"line\\u2028sep\""),
        ("tab\there", "\"tab\\there\""),
    ];
    for (s, want) in cases {
        assert_eq!(scalar(s), want, "{s:?}");
    }
    let mut out = Out::default();
    field(&mut out, 2, "en", "first\n\nsecond");
    assert_eq!(out.text, "  en: |-\n    first\n\n    second\n");
}
