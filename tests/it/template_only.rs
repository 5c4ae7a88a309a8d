//! Targets declared by templates alone stay unknown to Rust: no Rust source under
//! src/, xtask/ or tests/ names one.
//!
//! The names come from the templates, not from this file: every `templates/<dir>/`
//! whose target.yaml declares a generic profile contributes its directory name and
//! the file extension of its per-namespace files. A Rust source "names" one when
//! - an identifier of at most four words has it as a word (`run_x`, `XTarget`,
//!   `X_TOOLS`; longer ones are phrases, like test names), or
//! - a string literal or comment has it as a word in a technical spelling: touching
//!   other non-space characters (`x3`, `x.mod`, `*.x`, `` `x` ``, `pkg-x`), as the
//!   first word of a string (a command line: `"x vet ./..."`), as a whole string,
//!   capitalised mid-sentence (a proper noun), or in capitals.
//!
//! Lower-case words in running prose ("problems go to the report") and a capital
//! at the start of a sentence are English, not names.

use std::path::{Path, PathBuf};

use errcat::load::raw::{RawProfile, RawTemplateManifest};

use crate::support::repo;

/// The directory names and namespace-file extensions of template-only targets.
fn template_only_names() -> Vec<String> {
    let mut names = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(repo().join("templates"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    for dir in dirs {
        let Ok(text) = std::fs::read_to_string(dir.join("target.yaml")) else {
            continue;
        };
        let manifest: RawTemplateManifest =
            serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        if !matches!(manifest.profile.value, RawProfile::Generic(_)) {
            continue;
        }
        names.push(dir.file_name().unwrap().to_string_lossy().to_lowercase());
        for spec in &manifest.files {
            let spec = &spec.value;
            if spec.each.as_ref().is_some_and(|e| e.value == "namespace")
                && let Some((_, ext)) = spec.path.value.rsplit_once('.')
                && ext.chars().all(|c| c.is_ascii_alphanumeric())
            {
                names.push(ext.to_lowercase());
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

#[derive(Debug, PartialEq)]
enum Token<'a> {
    Ident(&'a str),
    Str(&'a str),
    Comment(&'a str),
}

/// Identifiers, string literals and comments of Rust source (enough of the lexer
/// for this: escapes, raw strings, nested block comments, char literals vs lifetimes).
fn tokens(src: &str) -> Vec<(usize, Token<'_>)> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        let c = b[i];
        if src[i..].starts_with("//") {
            let end = src[i..].find('\n').map_or(b.len(), |n| i + n);
            out.push((start, Token::Comment(&src[i..end])));
            i = end;
        } else if src[i..].starts_with("/*") {
            let mut depth = 0;
            while i < b.len() {
                if src[i..].starts_with("/*") {
                    depth += 1;
                    i += 2;
                } else if src[i..].starts_with("*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push((start, Token::Comment(&src[start..i])));
        } else if let Some((hashes, open)) = raw_string_start(&src[i..]) {
            let body = i + open;
            let close = format!("\"{}", "#".repeat(hashes));
            let end = src[body..].find(&close).map_or(b.len(), |n| body + n);
            out.push((start, Token::Str(&src[body..end])));
            i = (end + close.len()).min(b.len());
        } else if c == b'"' || ((c == b'b' || c == b'c') && b.get(i + 1) == Some(&b'"')) {
            let body = if c == b'"' { i + 1 } else { i + 2 };
            let mut j = body;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            let end = j.min(b.len());
            out.push((start, Token::Str(&src[body..end])));
            i = end + 1;
        } else if c == b'\'' {
            // A char literal ('x', '\n', '\u{..}', '"'), or a lifetime ('a).
            if b.get(i + 1) == Some(&b'\\') {
                let close = src[i + 2..].find('\'').map_or(b.len(), |n| i + 2 + n);
                i = close + 1;
            } else {
                let ch = src[i + 1..].chars().next().map_or(1, char::len_utf8);
                i += if b.get(i + 1 + ch) == Some(&b'\'') {
                    ch + 2
                } else {
                    1
                };
            }
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let mut j = i;
            while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
                j += 1;
            }
            out.push((start, Token::Ident(&src[i..j])));
            i = j;
        } else {
            i += src[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// `r"`, `r#"`, `br##"`…: the number of `#` and the length of the opening.
fn raw_string_start(s: &str) -> Option<(usize, usize)> {
    let rest = s.strip_prefix("br").or_else(|| s.strip_prefix('r'))?;
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    rest[hashes..]
        .starts_with('"')
        .then(|| (hashes, s.len() - rest.len() + hashes + 1))
}

/// An identifier's words: `run_xTarget` → run, x, target; `HTTPServer` → http, server.
fn ident_words(ident: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in ident.split('_') {
        let chars: Vec<char> = part.chars().collect();
        let mut word = String::new();
        for (k, &ch) in chars.iter().enumerate() {
            let prev = k.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(k + 1);
            let boundary = prev.is_some_and(|p| {
                (p.is_lowercase() && ch.is_uppercase())
                    || (p.is_alphabetic() != ch.is_alphabetic())
                    || (p.is_uppercase()
                        && ch.is_uppercase()
                        && next.is_some_and(|n| n.is_lowercase()))
            });
            if boundary && !word.is_empty() {
                words.push(std::mem::take(&mut word).to_lowercase());
            }
            word.push(ch);
        }
        if !word.is_empty() {
            words.push(word.to_lowercase());
        }
    }
    words
}

/// Does text (a string literal's body, or a comment) name `name`?
fn text_names(text: &str, name: &str, is_string: bool) -> bool {
    let body = if is_string {
        text
    } else {
        text.trim_start_matches(['/', '*', '!'])
    };
    if is_string && body.trim().eq_ignore_ascii_case(name) {
        return true;
    }
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        let word = &body[start..i];
        if !word.eq_ignore_ascii_case(name) {
            continue;
        }
        let before = body[..start].chars().next_back();
        let prose_before = before.is_none_or(|c| c.is_whitespace() || c == '(');
        // Closing punctuation ("them), and" or "them.") still ends a word of prose.
        let rest = body[i..].trim_start_matches(|c| ".,;:!?)".contains(c));
        let prose_after = rest.chars().next().is_none_or(char::is_whitespace);
        if !(prose_before && prose_after) {
            return true;
        }
        let lower = word.chars().all(|c| c.is_ascii_lowercase());
        let upper = word.chars().all(|c| c.is_ascii_uppercase());
        let first_word = body[..start].trim().is_empty();
        if is_string && first_word && lower {
            return true;
        }
        let sentence_start = body[..start]
            .trim_end()
            .chars()
            .next_back()
            .is_none_or(|c| ".!?:".contains(c));
        if (upper && word.len() > 1) || (!lower && !upper && !sentence_start) {
            return true;
        }
    }
    false
}

/// Every place in `src` that names one of `names`: (byte offset, the name).
fn naming_hits(src: &str, names: &[String]) -> Vec<(usize, String)> {
    let mut hits = Vec::new();
    for (at, token) in tokens(src) {
        for name in names {
            let found = match token {
                Token::Ident(id) => {
                    // Five words or more make a phrase (a test's name), not a code word.
                    let words = ident_words(id);
                    words.len() < 5 && words.iter().any(|w| w == name)
                }
                Token::Str(s) => text_names(s, name, true),
                Token::Comment(c) => text_names(c, name, false),
            };
            if found {
                hits.push((at, name.clone()));
            }
        }
    }
    hits
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() && path.file_name().is_some_and(|n| n != "target") {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_rust_source_names_a_template_only_target() {
    let names = template_only_names();
    assert!(
        names.len() >= 2,
        "expected the template-only targets' names, found {names:?}"
    );
    let mut files = Vec::new();
    for dir in ["src", "xtask", "tests"] {
        rust_files(&repo().join(dir), &mut files);
    }
    files.sort();
    assert!(files.len() > 50, "found only {} Rust files", files.len());
    let mut found = Vec::new();
    for file in &files {
        let src = std::fs::read_to_string(file).unwrap();
        for (at, name) in naming_hits(&src, &names) {
            let line = src[..at].matches('\n').count() + 1;
            let rel = file.strip_prefix(repo()).unwrap_or(file);
            let text = src.lines().nth(line - 1).unwrap_or("").trim();
            found.push(format!("{}:{line}: names `{name}`: {text}", rel.display()));
        }
    }
    assert!(
        found.is_empty(),
        "Rust code names a target declared by templates alone; keep it in its templates, \
         target.yaml and tests/conformance/<target>/:\n{}",
        found.join("\n")
    );
}

/// The check can fail: every spelling a name takes in code is caught, English is not.
/// Samples are built from the real names, so this file names none of them.
#[test]
fn the_naming_check_catches_code_and_spares_english() {
    for name in template_only_names() {
        let cap = format!("{}{}", name[..1].to_uppercase(), &name[1..]);
        let upper = name.to_uppercase();
        let caught = [
            format!("fn run_{name}() {{}}"),
            format!("fn build_{name}_conformance_harness() {{}}"),
            format!("struct {cap}Target;"),
            format!("const {upper}_TOOLS: u8 = 0;"),
            format!("let _ = [(\"{name}\", 1)];"),
            format!("let _ = \"{name} vet ./...\";"),
            format!("let _ = \"{name}3\";"),
            format!("let _ = r#\"{name}.mod\"#;"),
            format!("// writes every *.{name} file"),
            format!("/// runs `{name}` on the output"),
            format!("// the generated {cap} code compiles"),
            format!("/* installs pkg-{name} first */"),
        ];
        for src in &caught {
            assert!(
                !naming_hits(src, std::slice::from_ref(&name)).is_empty(),
                "missed: {src}"
            );
        }
        let spared = [
            format!("// where the files {name} to is decided here."),
            format!("// {cap} through each namespace in order."),
            format!("let _ = \"then they {name}, one by one\";"),
            format!("let a{name} = 1; // a{name}ing"),
            format!("fn stale_files_{name}_and_others_stay() {{}}"),
            format!("// only comments {name}), checked"),
            // A char literal '"' must not open a string (which would turn the prose into code).
            format!("let c = '\"'; let s = \"then they {name} home\";"),
        ];
        for src in &spared {
            assert_eq!(
                naming_hits(src, std::slice::from_ref(&name)),
                [],
                "false positive: {src}"
            );
        }
    }
}
