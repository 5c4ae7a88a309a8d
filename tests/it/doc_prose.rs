//! Catalog prose in the generated doc comments reads as written. Rendered as rustdoc
//! renders its Markdown (smart punctuation on), as an editor renders TypeScript's
//! JSDoc, and as Javadoc renders its HTML, every text of the hostile fixture is its
//! text: each line break a line break, no emphasis, heading, list, code, HTML, entity
//! or curly quote made of it, URLs whole.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use errcat::model::{Catalog, Entry, Namespace, Text};
use errcat::naming::{builtin, is_invisible};
use errcat::render::Rendered;

use crate::support::repo;

fn hostile() -> (Catalog, Vec<Rendered>) {
    let checked = errcat::check(&repo().join("tests/fixtures/hostile/catalog.yaml"));
    let catalog = checked.catalog.expect("the hostile fixture validates");
    let rendered = errcat::generate(&catalog).expect("renders");
    (catalog, rendered)
}

/// The file of `target` at `path`.
fn file<'a>(rendered: &'a [Rendered], target: &str, path: &str) -> &'a str {
    rendered
        .iter()
        .find(|r| r.target == target && r.path.to_string_lossy() == path)
        .map(|r| r.text.as_str())
        .unwrap_or_else(|| panic!("no {target} file {path}"))
}

/// What the docs should show of labelled texts: each text's lines (split at every
/// line break, trimmed, a tab a space), paragraphs an empty line apart, each
/// character as `shown` writes it.
fn expected(texts: &[String], shown: impl Fn(char) -> String) -> String {
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    for text in texts {
        let mut open = false;
        for line in text
            .replace("\r\n", "\n")
            .split(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
        {
            let line = line.trim().replace('\t', " ");
            if line.is_empty() {
                open = false;
            } else if open {
                paragraphs.last_mut().unwrap().push(line);
            } else {
                paragraphs.push(vec![line]);
                open = true;
            }
        }
    }
    let line = |l: &String| l.chars().map(&shown).collect::<String>();
    (paragraphs.iter())
        .map(|p| p.iter().map(line).collect::<Vec<_>>().join("\n"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// An entry's texts as its doc shows them: its message, description (unless it
/// repeats the message), cause, solution.
fn entry_texts(e: &Entry, default: &str) -> Vec<String> {
    let base = |t: &Text| t.get(default).unwrap_or_else(|| &t.0[0].1).to_string();
    let message = base(&e.message);
    let description = e.description.as_ref().filter(|d| base(d) != message);
    let mut texts = vec![message];
    for (label, t) in [
        ("", description),
        ("Cause: ", e.cause.as_ref()),
        ("Solution: ", e.solution.as_ref()),
    ] {
        texts.extend(t.map(|t| format!("{label}{}", base(t))));
    }
    texts
}

/// A namespace's title and description.
fn namespace_texts(n: &Namespace, default: &str) -> Vec<String> {
    let base = |t: &Text| t.get(default).unwrap_or_else(|| &t.0[0].1).to_string();
    let title = n.title.as_ref().map_or(n.id.clone(), base);
    std::iter::once(title)
        .chain(n.description.as_ref().map(base))
        .collect()
}

/// The plain text a Markdown renderer shows of `md`, or the first thing it makes of
/// it that is not text (a soft break joins two lines into one).
fn markdown_text(md: &str, options: Options) -> Result<String, String> {
    let mut out = String::new();
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Text(t) => out.push_str(&t),
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph) => out.push_str("\n\n"),
            // A URL, shown as written.
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink,
                ..
            })
            | Event::End(TagEnd::Link) => {}
            other => return Err(format!("{other:?} in {md:?}")),
        }
    }
    Ok(out.trim_end().to_string())
}

/// What Javadoc shows of the HTML of a doc comment (its lines, their `*` stripped):
/// `<p>` parts paragraphs, `<br>` lines; any other tag or inline tag is reported.
fn javadoc_text(html: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        let mut skip = c.len_utf8();
        if rest.starts_with("<br>\n") {
            out.push('\n');
            skip = 5;
        } else if rest.starts_with("\n\n<p>") {
            out.push_str("\n\n");
            skip = 5;
        } else if c == '\n' {
            // Javadoc joins lines, and lines an empty line parts.
            out.push(' ');
        } else if c == '<' || rest.starts_with("{@") {
            return Err(format!("markup at {rest:?}"));
        } else if c == '&' {
            let end = rest
                .find(';')
                .ok_or_else(|| format!("a bare & at {rest:?}"))?;
            let entity = &rest[1..end];
            let code = match entity {
                "amp" => '&' as u32,
                "lt" => '<' as u32,
                "gt" => '>' as u32,
                _ => match entity.strip_prefix("#x") {
                    Some(hex) => u32::from_str_radix(hex, 16).map_err(|e| e.to_string())?,
                    None => entity[1..].parse().map_err(|_| format!("&{entity};"))?,
                },
            };
            out.push(char::from_u32(code).ok_or("an entity of no character")?);
            skip = end + 1;
        } else {
            out.push(c);
        }
        rest = &rest[skip..];
    }
    Ok(out)
}

/// The lines of the doc comment right before the line `declaration` of `source`,
/// each without its comment syntax (`prefix`, then the space after it).
fn doc_before(source: &str, declaration: &str, prefix: &str) -> Vec<String> {
    let lines: Vec<&str> = source.lines().collect();
    let at = lines
        .iter()
        .position(|l| {
            // The last of an enum's constants ends it with `;`.
            let l = l
                .strip_suffix(';')
                .map_or(l.to_string(), |l| format!("{l},"));
            l == declaration || l.starts_with(&format!("{declaration} "))
        })
        .unwrap_or_else(|| panic!("no line {declaration:?}"));
    let mut doc: Vec<String> = lines[..at]
        .iter()
        .rev()
        // Attributes (Rust's `#[deprecated(…)]`, Java's `@Deprecated`), the comment's end.
        .skip_while(|l| {
            let l = l.trim_start();
            !l.starts_with(prefix) || l == "*/"
        })
        .take_while(|l| l.trim_start().starts_with(prefix))
        .map(|l| {
            let l = l.trim_start().strip_prefix(prefix).unwrap();
            l.strip_prefix(' ').unwrap_or(l).to_string()
        })
        .collect();
    doc.reverse();
    doc
}

/// `lines` up to the first that starts with one of `ends` (what the template adds).
fn until(lines: Vec<String>, ends: &[&str]) -> String {
    let lines: Vec<String> = lines
        .into_iter()
        .take_while(|l| !ends.iter().any(|e| l.starts_with(e)))
        .collect();
    lines.join("\n").trim_end().to_string()
}

/// Finds the markup of a doc comment of `T` in a generated file's text.
type Find<T> = Box<dyn Fn(&str, &T) -> String>;

/// How one language's generated docs are read.
struct Docs {
    target: &'static str,
    /// A namespace's file in the target's output.
    path: Box<dyn Fn(&Namespace) -> String>,
    /// The markup of a namespace's doc comment (title, description) in its file.
    namespace_doc: Find<Namespace>,
    /// The markup of an entry's doc comment (message, description, cause, solution).
    entry_doc: Find<Entry>,
    /// What a reader is shown of markup, or what it made of it that is not text.
    render: fn(&str) -> Result<String, String>,
    /// How a character of a text is shown.
    shown: fn(char) -> String,
}

/// Each namespace's and entry's doc comment of the hostile fixture that does not
/// show its texts as written, with what it shows instead.
fn misshown(docs: Docs) -> Vec<String> {
    let (catalog, rendered) = hostile();
    let default = &catalog.default_locale;
    let mut found = Vec::new();
    let mut check = |what: String, markup: String, texts: Vec<String>| {
        let shown = (docs.render)(&markup);
        let expected = expected(&texts, docs.shown);
        if shown.as_ref() != Ok(&expected) {
            // The hostile fixture's long message would hide the rest.
            let short = |s: String| s.chars().take(400).collect::<String>();
            let shown = shown.map_or_else(|e| format!("not text: {}", short(e)), short);
            let expected = short(expected);
            found.push(format!(
                "{what}:\n  expected {expected:?}\n  shown    {shown:?}"
            ));
        }
    };
    for n in &catalog.namespaces {
        let path = (docs.path)(n);
        let source = file(&rendered, docs.target, &path);
        let markup = (docs.namespace_doc)(source, n);
        check(
            format!("{path}: {}", n.id),
            markup,
            namespace_texts(n, default),
        );
        for e in &n.entries {
            let markup = (docs.entry_doc)(source, e);
            check(
                format!("{path}: {}", e.name),
                markup,
                entry_texts(e, default),
            );
        }
    }
    found
}

/// GitHub's Markdown, as editors render TypeScript's JSDoc; rustdoc's adds smart
/// punctuation.
const GFM: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_GFM);

#[test]
fn rustdoc_shows_every_text_as_written() {
    let rust = builtin("rust").unwrap();
    let ident = move |e: &Entry| rust.variant_name(&e.name);
    let found = misshown(Docs {
        target: "rust",
        path: Box::new(|n| {
            let stem = builtin("rust").unwrap().module_name(&n.id);
            format!("src/{}.rs", stem.trim_start_matches("r#"))
        }),
        namespace_doc: Box::new(|source, n| {
            let module: Vec<&str> = (source.lines())
                .filter_map(|l| l.strip_prefix("//!"))
                .map(|l| l.strip_prefix(' ').unwrap_or(l))
                .collect();
            // What the template adds to the title.
            module
                .join("\n")
                .replacen(&format!(" (`{}`).", n.id), "", 1)
        }),
        entry_doc: Box::new(move |source, e| {
            let doc = doc_before(source, &format!("    {},", ident(e)), "///");
            until(doc, &["Deprecated: use [`"])
        }),
        render: |md| markdown_text(md, GFM | Options::ENABLE_SMART_PUNCTUATION),
        shown: |c| c.to_string(),
    });
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn an_editor_shows_every_typescript_text_as_written() {
    let ts = builtin("typescript").unwrap();
    let found = misshown(Docs {
        target: "typescript",
        path: Box::new(move |n| format!("src/{}.ts", ts.module_name(&n.id))),
        namespace_doc: Box::new(|source, _| {
            until(doc_before(source, "export const namespaceId =", "*"), &[])
        }),
        entry_doc: Box::new(|source, e| {
            let ident = builtin("typescript").unwrap().variant_name(&e.name);
            let doc = doc_before(source, &format!("export const {ident} ="), "*");
            // A tag starts a line; an inline tag is `{@`.
            let tags = doc
                .iter()
                .any(|l| l.starts_with('@') && !l.starts_with("@deprecated"));
            assert!(
                !tags && !doc.iter().any(|l| l.contains("*/")),
                "{}: a tag or comment end of its text: {doc:?}",
                e.name
            );
            let md = until(doc, &["@deprecated"]);
            assert!(!md.contains("{@"), "{}: {md}", e.name);
            md
        }),
        render: |md| markdown_text(md, GFM),
        // An invisible character is written as `\u{…}`, which the reader sees.
        shown: |c| {
            if is_invisible(c) {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                c.to_string()
            }
        },
    });
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn javadoc_shows_every_text_as_written() {
    let java = builtin("java").unwrap();
    let path = move |n: &Namespace| {
        let name = java.type_name(&n.id);
        format!("src/main/java/dev/errcat/codes/{name}.java")
    };
    let found = misshown(Docs {
        target: "java",
        path: Box::new(path),
        namespace_doc: Box::new(|source, n| {
            let name = builtin("java").unwrap().type_name(&n.id);
            let declaration = format!("public enum {name} implements ErrcatCode {{");
            until(
                doc_before(source, &declaration, "*"),
                &["<p>The codes of namespace"],
            )
        }),
        entry_doc: Box::new(|source, e| {
            let ident = builtin("java").unwrap().variant_name(&e.name);
            let doc = doc_before(source, &format!("    {ident},"), "*");
            until(doc, &["@deprecated", "<p>Format it with"])
        }),
        render: javadoc_text,
        // Javadoc refuses an entity of a control character: it is a space.
        shown: |c| {
            if c.is_control() {
                " ".into()
            } else {
                c.to_string()
            }
        },
    });
    assert!(found.is_empty(), "{}", found.join("\n"));
}
