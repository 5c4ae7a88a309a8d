//! String literals and headers for each output language (doc comments: `doc`).
//!
//! Every literal must read back byte-for-byte as the catalog's text.

use std::fmt::Write as _;

/// Characters that must never appear raw in generated source: controls, and the
/// invisible format characters of the "Trojan Source" class (bidi overrides,
/// zero-width characters, line/paragraph separators, BOM, tag characters).
pub fn is_invisible(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}' | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFB}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// `text` with each control or invisible character written as `\u{…}`: safe in a
/// line comment, and in a message shown in a terminal.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_invisible) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_invisible(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StringStyle {
    Rust,
    Java,
    JavaScript,
    Json,
    Markdown,
    /// C-style escapes (`\"`, `\\`, `\n`, `\r`, `\t`), and `\uXXXX` / `\UXXXXXXXX` for any
    /// other control or invisible character: for languages whose double-quoted strings take
    /// both forms for every code point (not C itself, which forbids them below U+00A0).
    CFamily,
    /// C and C++: as `CFamily`, but a control character as octal escapes of its UTF-8
    /// bytes (C forbids a universal character name below U+00A0), and a `?` after a `?`
    /// as `\?`: C reads `??/` as a backslash, `??!` as `|`, before it reads escapes.
    C,
    /// As `C`, but every character beyond ASCII too as octal escapes of its UTF-8 bytes
    /// (`\344\270\255`): the literal is ASCII, so its bytes do not depend on the
    /// compiler's source or execution character set (MSVC without `/utf-8`, IAR, Keil,
    /// `-fexec-charset`).
    CAscii,
    /// As `CFamily`, but only `\uXXXX`, a character beyond U+FFFF as its UTF-16 surrogate
    /// pair: for languages without `\U` or `\u{…}` (Kotlin, C#, Dart, JavaScript).
    Utf16,
    /// SQL's standard string literal: single quotes, a quote doubled, nothing else
    /// escaped (SQL has no escapes; a line break is part of the literal).
    Sql,
    /// A CSV field (RFC 4180): always in double quotes, a quote doubled, line breaks
    /// kept inside the quotes.
    Csv,
    /// A value of a Java `.properties` file: no quotes; `\\`, `\n`, `\r`, `\t`, `\f`, a
    /// leading space as `\ `, and everything beyond ASCII as `\uXXXX` (UTF-16), so the
    /// file reads the same as ISO-8859-1 (`Properties.load`) and as UTF-8.
    Properties,
}

impl StringStyle {
    /// Every style, by the name a generic profile declares it with.
    pub const NAMED: [(&'static str, StringStyle); 13] = [
        ("rust", StringStyle::Rust),
        ("java", StringStyle::Java),
        ("javascript", StringStyle::JavaScript),
        ("json", StringStyle::Json),
        ("markdown", StringStyle::Markdown),
        ("c-family", StringStyle::CFamily),
        // TOML's basic strings take exactly C-family's escapes.
        ("toml", StringStyle::CFamily),
        ("utf16", StringStyle::Utf16),
        ("c", StringStyle::C),
        ("c-ascii", StringStyle::CAscii),
        ("sql", StringStyle::Sql),
        ("csv", StringStyle::Csv),
        ("properties", StringStyle::Properties),
    ];

    /// Whether a profile's `interpolation` characters can be escaped in this style:
    /// its literals are double-quoted with backslash escapes, none of which contains
    /// such a character (see [`escape_also`]). Not `C` nor `CAscii`: their `\?` holds
    /// one, and C has no interpolation.
    pub fn takes_backslash_escapes(self) -> bool {
        matches!(
            self,
            StringStyle::Rust | StringStyle::JavaScript | StringStyle::CFamily | StringStyle::Utf16
        )
    }

    /// A complete literal (with quotes where the language has them).
    pub fn literal(self, s: &str) -> String {
        match self {
            StringStyle::Rust => double_quoted(s, |c, out| match c {
                '\0' => out.push_str("\\0"),
                c if is_invisible(c) => {
                    let _ = write!(out, "\\u{{{:x}}}", c as u32);
                }
                c => out.push(c),
            }),
            StringStyle::Java => {
                // A class file holds a string constant of at most 65,535 bytes, and javac folds
                // `"a" + "b"` into one constant; a long text becomes a join of short literals.
                // A string of at most JAVA_CHUNK bytes has at most as many characters.
                if s.len() <= JAVA_CHUNK || s.chars().count() <= JAVA_CHUNK {
                    java_literal(s)
                } else {
                    let chars: Vec<char> = s.chars().collect();
                    let parts: Vec<String> = chars
                        .chunks(JAVA_CHUNK)
                        .map(|c| java_literal(&c.iter().collect::<String>()))
                        .collect();
                    format!("String.join(\"\", {})", parts.join(", "))
                }
            }
            StringStyle::JavaScript => double_quoted(s, |c, out| {
                if is_invisible(c) {
                    let _ = write!(out, "\\u{{{:x}}}", c as u32);
                } else {
                    out.push(c);
                }
            }),
            StringStyle::Json => serde_json::to_string(s).unwrap_or_default(),
            StringStyle::Markdown => markdown_inline(s),
            StringStyle::CFamily => double_quoted(s, |c, out| match c {
                c if is_invisible(c) => push_ucn(out, c),
                c => out.push(c),
            }),
            StringStyle::C => no_trigraphs(double_quoted(s, |c, out| match c {
                c if c.is_control() => push_octal_utf8(c, out),
                c if is_invisible(c) => push_ucn(out, c),
                c => out.push(c),
            })),
            StringStyle::CAscii => no_trigraphs(double_quoted(s, push_octal_utf8)),
            StringStyle::Utf16 => double_quoted(s, |c, out| {
                if is_invisible(c) {
                    for unit in c.encode_utf16(&mut [0; 2]) {
                        out.push_str("\\u");
                        push_hex(out, u32::from(*unit), 4, false);
                    }
                } else {
                    out.push(c);
                }
            }),
            StringStyle::Sql => format!("'{}'", s.replace('\'', "''")),
            StringStyle::Csv => format!("\"{}\"", s.replace('"', "\"\"")),
            StringStyle::Properties => properties_value(s),
        }
    }
}

/// A `.properties` value: read back by `Properties.load` (ISO-8859-1, or UTF-8 through
/// `PropertyResourceBundle`) as exactly `s`.
fn properties_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.chars().enumerate() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{c}' => out.push_str("\\f"),
            // Whitespace before a value is the separator's, not the value's.
            ' ' if i == 0 => out.push_str("\\ "),
            ' '..='~' => out.push(c),
            c => {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    out.push_str("\\u");
                    push_hex(&mut out, u32::from(*unit), 4, false);
                }
            }
        }
    }
    out
}

/// `c` as octal escapes of its UTF-8 bytes (`\302\205`), three digits each so that a
/// digit after one cannot extend it.
fn push_octal_utf8(c: char, out: &mut String) {
    for byte in c.encode_utf8(&mut [0; 4]).bytes() {
        let _ = write!(out, "\\{byte:03o}");
    }
}

/// `c` as a universal character name, one code point per escape (never a surrogate
/// pair, which some readers reject): `\u202e`, `\U000e0041`.
fn push_ucn(out: &mut String, c: char) {
    if (c as u32) <= 0xFFFF {
        let _ = write!(out, "\\u{:04x}", c as u32);
    } else {
        let _ = write!(out, "\\U{:08x}", c as u32);
    }
}

/// A C literal with `\?` for each `?` that follows a `?`, so that no two are adjacent:
/// C replaces a trigraph (`??` and one of `=/'()!<>-`) before it reads the literal.
/// No escape of the literal holds a `?`, so each one in it is the text's.
fn no_trigraphs(lit: String) -> String {
    if !lit.contains("??") {
        return lit;
    }
    let mut out = String::with_capacity(lit.len() + 8);
    let mut prev = '\0';
    for c in lit.chars() {
        if c == '?' && prev == '?' {
            out.push('\\');
        }
        out.push(c);
        prev = c;
    }
    out
}

/// Characters a profile's `interpolation` may name: ASCII punctuation that none of
/// the backslash styles' own escapes (`\u{…}`, `\"`, …) contains.
pub fn interpolation_char_ok(c: char) -> bool {
    c.is_ascii_punctuation() && !matches!(c, '"' | '\\' | '{' | '}')
}

/// `lit` with a backslash before each of `chars`, the characters that start an
/// interpolation in the language's strings (`$` in Kotlin, `#` in Ruby), so the
/// text is read as text.
pub fn escape_also(lit: String, chars: &str) -> String {
    if chars.is_empty() || !lit.contains(|c| chars.contains(c)) {
        return lit;
    }
    let mut out = String::with_capacity(lit.len() + 8);
    for c in lit.chars() {
        if chars.contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `s` in double quotes with C's escapes for `"`, `\`, newline, carriage return and tab;
/// printable ASCII is kept, and `other` writes every other character (as it is, or escaped).
pub fn double_quoted(s: &str, mut other: impl FnMut(char, &mut String)) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    // Printable ASCII other than `"` and `\` is itself in every style: most text is.
    let plain = |b: u8| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\';
    if s.bytes().all(plain) {
        out.push_str(s);
        out.push('"');
        return out;
    }
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            ' '..='~' => out.push(c),
            c => other(c, &mut out),
        }
    }
    out.push('"');
    out
}

/// `v` in hexadecimal, at least `width` digits: `write!` costs more than the
/// escape itself, and non-ASCII text escapes every character.
fn push_hex(out: &mut String, v: u32, width: usize, upper: bool) {
    let digits: &[u8; 16] = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let len = (8 - v.leading_zeros() as usize / 4).max(width).max(1);
    for i in (0..len).rev() {
        out.push(char::from(digits[(v >> (4 * i)) as usize & 0xF]));
    }
}

/// `c` as an HTML character reference: `&#x200B;`.
pub(super) fn push_html_hex(out: &mut String, c: char) {
    out.push_str("&#x");
    push_hex(out, c as u32, 1, true);
    out.push(';');
}

/// Characters per Java literal: at most 6 class-file bytes each, well under 65,535.
const JAVA_CHUNK: usize = 8_000;

/// One Java string literal. Java reads \uXXXX escapes before lexing, so only non-ASCII may use
/// them; controls use 3-digit octal so a following digit cannot extend them.
fn java_literal(s: &str) -> String {
    double_quoted(s, |c, out| match c {
        c if (c as u32) < 0x20 || c == '\u{7f}' => {
            let _ = write!(out, "\\{:03o}", c as u32);
        }
        c if c.is_ascii() => out.push(c),
        c => {
            let mut buf = [0u16; 2];
            for unit in c.encode_utf16(&mut buf) {
                out.push_str("\\u");
                push_hex(out, u32::from(*unit), 4, false);
            }
        }
    })
}

/// Text safe inside a Markdown paragraph or table cell: every character that
/// Markdown or HTML could interpret is escaped, line breaks (`\n`, `\r\n`, a lone
/// `\r`, and Unicode's NEL, line and paragraph separators) become `<br>`.
pub(super) fn markdown_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut at_line_start = true;
    // Only digits since the line began: a `.` now would make an ordered list (`2024. Year`).
    let mut list_number = false;
    let mut after_cr = false;
    for (i, c) in s.char_indices() {
        let cr = std::mem::replace(&mut after_cr, c == '\r');
        let number = std::mem::replace(&mut list_number, false);
        match c {
            '\n' if cr => continue,
            '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                out.push_str("<br>");
                at_line_start = true;
                continue;
            }
            '0'..='9' if at_line_start || number => {
                out.push(c);
                list_number = true;
            }
            // Only before a blank or the end: `1.0.0` is no list.
            '.' if number && s[i + 1..].chars().next().is_none_or(char::is_whitespace) => {
                out.push_str("\\.");
            }
            '&' => out.push_str("&amp;"),
            // A word joiner after a `<` that could open a tag: a script that puts the text
            // into HTML unescaped (mdBook's search results do, with headings and titles)
            // then shows it as text instead of making a tag of it.
            '<' if s[i + 1..]
                .starts_with(|c: char| c.is_ascii_alphabetic() || "/!?".contains(c)) =>
            {
                out.push_str("&lt;&#x2060;");
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' => out.push_str("&#124;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '~' | '!' | '$' | '{' | '}' | '(' | ')' => {
                out.push('\\');
                out.push(c);
            }
            '+' | '-' | '=' if at_line_start => {
                out.push('\\');
                out.push(c);
            }
            ' ' | '\t' if at_line_start => {}
            // A tab is a space, as in every doc comment.
            '\t' => out.push(' '),
            c if is_invisible(c) => {
                let _ = write!(out, "&#x{:X};", c as u32);
            }
            c => out.push(c),
        }
        at_line_start = false;
    }
    out
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommentStyle {
    /// Line comments with this token (`//`, `#`).
    Line(String),
    Html,
    /// No comments (JSON): the header is a string literal the template puts in a field.
    JsonField,
}

impl CommentStyle {
    pub fn render(&self, lines: &[String], strings: StringStyle) -> String {
        match self {
            CommentStyle::Line(p) => lines
                .iter()
                .map(|l| format!("{p} {l}"))
                .collect::<Vec<_>>()
                .join("\n"),
            CommentStyle::Html => format!("<!-- {} -->", lines.join(" ").replace("--", "- -")),
            CommentStyle::JsonField => strings.literal(&lines.join(" ")),
        }
    }
}
