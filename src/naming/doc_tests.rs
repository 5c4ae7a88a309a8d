use super::{DocStyle, doc_paragraphs, text_lines, url_len};

#[test]
fn doc_comments_are_inert() {
    assert_eq!(
        DocStyle::JavaDoc.lines("end */ @see <b>\\u000a 房"),
        ["end &#42;/ &#64;see &lt;b&gt;&#92;u000a &#x623F;"]
    );
    assert_eq!(
        DocStyle::JsDoc.lines("end */ @param {x}"),
        ["end \\*\\/ \\@param \\{x\\}"]
    );
    assert_eq!(
        DocStyle::RustMarkdown.lines("see [page](https://x.dev/a) `code` <br/>"),
        ["see \\[page\\](<https://x.dev/a>) \\`code\\` \\<br/>"]
    );
    // A carriage return ends a line comment in some languages: it is a line break.
    assert_eq!(
        DocStyle::LineComment.lines("a\rb \u{2028} */ # 房\u{200b}"),
        ["a", "b", "*/ # 房\\u{200b}"]
    );
    // A backslash at the end would continue a C or C++ line comment onto the next line.
    assert_eq!(
        DocStyle::LineComment.lines("ends in \\\nthen ??/\nmid \\ and ??/ stay"),
        ["ends in \\u{5c}", "then ??\\u{2f}", "mid \\ and ??/ stay"]
    );
    // Inside a block comment no token survives whole, however the tokens touch; the
    // line-comment escapes still apply.
    let block = DocStyle::BlockComment {
        open: "/*".into(),
        close: "*/".into(),
    };
    assert_eq!(
        block.lines("a */ b /* c /**/ d */*/ e ***/ f\u{1} ends in \\"),
        ["a * / b / * c / ** / d * / * / e *** / f\\u{1} ends in \\u{5c}"]
    );
    let ocaml = DocStyle::BlockComment {
        open: "(*".into(),
        close: "*)".into(),
    };
    assert_eq!(ocaml.lines("f (*) g *)(* h"), ["f ( * ) g * )( * h"]);
    // Indentation would make a doctest; it is dropped.
    assert_eq!(
        DocStyle::RustMarkdown.lines("    let x = 1;"),
        ["let x = 1;"]
    );
}

/// A text's lines: at every kind of line break, trimmed, a tab a space, without
/// empty lines around them (a block scalar's final line break, a `|+`).
#[test]
fn text_lines_break_where_the_docs_site_does() {
    assert_eq!(
        text_lines("\n a\r\nb\rc\u{85}d\u{2028}e\u{2029}f\tg \n\n\n"),
        ["a", "b", "c", "d", "e", "f g"]
    );
    assert_eq!(text_lines("a\n\n b"), ["a", "", "b"]);
    assert!(text_lines(" \n").is_empty());
    assert_eq!(
        doc_paragraphs([("", "Message"), ("Cause: ", "one\ntwo"), ("", "")]),
        "Message\n\nCause: one\ntwo"
    );
}

/// Every line break of a text is one in the docs: a hard break in Markdown and
/// HTML, never list, heading or paragraph syntax of its own.
#[test]
fn line_breaks_are_hard_breaks() {
    let text =
        "This happens when:\n- the card is expired;\n1. Ask.\nStatus\n===\n\nAfter a blank line";
    assert_eq!(
        DocStyle::RustMarkdown.lines(text),
        [
            "This happens when:\\",
            "\\- the card is expired;\\",
            "1\\. Ask.\\",
            "Status\\",
            "\\===",
            "",
            "After a blank line"
        ]
    );
    assert_eq!(
        DocStyle::JavaDoc.lines("one\ntwo\n\nthree"),
        ["one<br>", "two", "", "three"]
    );
    assert_eq!(DocStyle::JsDoc.lines("a\\\nb"), ["a\\\\\\", "b"]);
    // What only the start of a line makes syntax is escaped there alone.
    assert_eq!(
        DocStyle::JsDoc.lines("# 1 > 2\n> quote\n1) one\n+ two (x) #3 !"),
        [
            "\\# 1 > 2\\",
            "\\> quote\\",
            "1\\) one\\",
            "\\+ two (x) #3 !"
        ]
    );
}

/// rustdoc's smart punctuation leaves escaped quotes, dashes and dots alone; a
/// single `-` or `.` is no smart punctuation and stays as it is.
#[test]
fn rustdoc_keeps_quotes_and_dashes() {
    assert_eq!(
        DocStyle::RustMarkdown.lines("Unknown flag \"--force\"; it's spelt '-y'... 1.0.0"),
        ["Unknown flag \\\"\\-\\-force\\\"; it\\'s spelt \\'-y\\'\\.\\.\\. 1.0.0"]
    );
    // Editors' Markdown has no smart punctuation: TypeScript's docs keep them.
    assert_eq!(DocStyle::JsDoc.lines("it's --x"), ["it's --x"]);
}

/// A URL is an autolink that shows it whole: a parenthesis it opens is its own, one
/// around it is not, nor is the punctuation after it.
#[test]
fn urls_end_where_the_prose_resumes() {
    fn len(s: &str) -> Option<&str> {
        url_len(s).map(|n| &s[..n])
    }
    assert_eq!(
        len("https://en.wikipedia.org/wiki/URI_(disambiguation)) for"),
        Some("https://en.wikipedia.org/wiki/URI_(disambiguation)")
    );
    assert_eq!(len("https://x.dev/a). Then"), Some("https://x.dev/a"));
    assert_eq!(
        len("https://x.dev/a?b=1&c=2, or"),
        Some("https://x.dev/a?b=1&c=2")
    );
    assert_eq!(len("https://x.dev/*/{@link}"), Some("https://x.dev/"));
    assert_eq!(len("https://"), None);
    assert_eq!(len("http:/x"), None);
    assert_eq!(
        DocStyle::RustMarkdown.lines("(https://en.wikipedia.org/wiki/URI_(disambiguation))"),
        ["(<https://en.wikipedia.org/wiki/URI_(disambiguation)>)"]
    );
}

/// For a tool that joins a paragraph's lines (go doc): each line its own paragraph,
/// a line it would read as markup preformatted, the first line left to the template.
#[test]
fn reflowed_lines_are_paragraphs() {
    let doc = |s: &str| DocStyle::Reflowed.lines(s);
    assert_eq!(
        doc("First line\n- item;\n\n\n1. step"),
        [" First line", "", " - item;", "", " 1. step"]
    );
    // Headings: `# ` anywhere; a capitalised line without punctuation after the first.
    assert_eq!(
        doc("Status\nStatus\nStatus: ok\nDon't\nJohn's Car\nv1.2 Notes\nEnds."),
        [
            " Status",
            "",
            "\tStatus",
            "",
            " Status: ok",
            "",
            " Don't",
            "",
            "\tJohn's Car",
            "",
            " v1.2 Notes",
            "",
            " Ends."
        ]
    );
    assert_eq!(doc("# Hash"), ["\t# Hash"]);
    // Links and quote pairs, wherever they stand.
    for markup in [
        "[x]: https://y",
        "See [Error].",
        "[pkg.Name] and",
        "[lower] case",
        "[a/b-c]",
        "``a''",
        "it''s",
    ] {
        assert_eq!(doc(markup), [format!("\t{markup}")], "{markup}");
    }
    for text in ["[1] a footnote", "[A B]", "[a.1]"] {
        assert_eq!(doc(text), [format!(" {text}")], "{text}");
    }
    // Invisible characters are shown, as in every line comment; a tab is a space.
    assert_eq!(doc("a\u{200f}b\tc"), [" a\\u{200f}b c"]);
}
