//! A block tag left open. Tera reports a missing `{% endfor %}` where it gives up (at
//! the end of the file, "Unexpected end of input"; at a later component definition;
//! at the end tag of an outer block, "Unknown tag"), not at the tag left open: find
//! that tag, so the finding points where the end tag belongs.

use std::ops::Range;

use super::nesting::{span, word_after};
use super::scan::tag_ranges;
use crate::diag::Diagnostic;
use crate::model::Target;
use crate::rules;
use crate::source::Span;

/// A block tag that is not closed where it must be.
#[derive(Debug, PartialEq, Eq)]
struct Open<'t> {
    /// The block, as a finding names it: `for`, `if`, a component call's `<name>`.
    keyword: String,
    range: Range<usize>,
    /// The tag that closes it: `{% endfor %}`.
    close: String,
    /// The end tag of an outer block met while this one was open (its inside, range).
    before: Option<(&'t str, Range<usize>)>,
}

/// Tera's errors that a block left open explains when they come after it: Tera read
/// the rest of the file as the block's inside.
const INSIDE_A_BLOCK: [&str; 6] = [
    "Unexpected end of input",
    "Unclosed component",
    "unexpected end of raw block",
    "cannot be written in another tag",
    "cannot be written inside a",
    "cannot be nested in other tags",
];

/// The diagnostic for Tera's syntax error `message` at `at` in template `name`, when a
/// block tag left open explains it: at the end tag of a block around it, or, for an
/// error [`INSIDE_A_BLOCK`], anywhere after it. `None` otherwise.
pub(super) fn diagnose(
    target: &Target,
    what: &str,
    name: &str,
    at: Span,
    message: &str,
) -> Option<Diagnostic> {
    let open = first_open(target.templates.get(name)?)?;
    let explains = match &open.before {
        Some((_, end)) => end.contains(&at.start),
        None => open.range.start <= at.start && INSIDE_A_BLOCK.iter().any(|m| message.contains(m)),
    };
    if !explains {
        return None;
    }
    let tag = span(target, name, open.range.clone())?;
    let (problem, label, help) = match &open.before {
        Some((end, _)) => (
            format!(
                "the `{}` block is not closed before `{{% {end} %}}`",
                open.keyword
            ),
            format!("this `{}` is still open at `{{% {end} %}}`", open.keyword),
            format!("close it with `{}` before `{{% {end} %}}`", open.close),
        ),
        None => (
            format!("the `{}` block is never closed", open.keyword),
            format!("this `{}` is never closed", open.keyword),
            format!("close it with `{}`", open.close),
        ),
    };
    let mut d = Diagnostic::new(
        &rules::TEMPLATE,
        format!("target `{}`: {what} failed: {problem}", target.id),
    )
    .at(tag, label)
    .help(help);
    // Tera's own place, unless it is the open tag itself (an unclosed `raw`).
    if !open.range.contains(&at.start) {
        d = d.related(at, format!("Tera stops here: {message}"));
    }
    Some(d)
}

/// The first block tag of `text` left open: open at the end of the text (the
/// innermost), or open where the end tag of a block around it comes.
fn first_open(text: &str) -> Option<Open<'_>> {
    let mut stack: Vec<Open> = Vec::new();
    let mut raw_until = 0;
    for (range, inside) in tag_ranges(text) {
        if range.start < raw_until {
            continue;
        }
        // Expressions (`{{ … }}`) open no block.
        if !text[range.clone()].starts_with("{%") {
            continue;
        }
        let body = inside.trim_matches(|c: char| c == '-' || c.is_whitespace());
        let keyword = body.split_whitespace().next().unwrap_or_default();
        if keyword == "raw" {
            match raw_end(text, range.end) {
                Some(end) => raw_until = end,
                None => return Some(opened(keyword, range, "{% endraw %}".into())),
            }
            continue;
        }
        if let Some(close) = closer(keyword, body) {
            stack.push(opened(keyword, range, close));
            continue;
        }
        let Some(end) = end_of(keyword, body) else {
            continue;
        };
        match stack.iter().rposition(|o| o.close_matches(end)) {
            // The end tag of a block around the innermost: the innermost is left open.
            Some(i) if i + 1 < stack.len() => {
                let mut open = stack.pop()?;
                open.before = Some((body, range));
                return Some(open);
            }
            Some(_) => {
                stack.pop();
            }
            // An end tag that closes nothing open is another error.
            None => return None,
        }
    }
    stack.pop()
}

fn opened<'t>(keyword: &str, range: Range<usize>, close: String) -> Open<'t> {
    // A component call is named as it is called: `<note>`, not `<note a={1}>`.
    let keyword = match close.strip_prefix("{% </") {
        Some(rest) => format!("<{}", rest.trim_end_matches(" %}")),
        None => keyword.to_string(),
    };
    Open {
        keyword,
        range,
        close,
        before: None,
    }
}

impl Open<'_> {
    /// Whether `end` (an end tag's keyword, or a component call's `</name`) closes it.
    fn close_matches(&self, end: &str) -> bool {
        self.close
            .strip_prefix("{% ")
            .is_some_and(|c| c.split([' ', '>']).next() == Some(end))
    }
}

/// The end tag of a block that `keyword` (the tag's inside `body`) opens: `None` for
/// a tag that opens none (`{% set x = 1 %}`, `{% include %}`, an end tag).
fn closer(keyword: &str, body: &str) -> Option<String> {
    let named = |end: &str| {
        let name = word_after(body, keyword)
            .and_then(|r| r.split(|c: char| c == '(' || c.is_whitespace()).next())
            .filter(|n| !n.is_empty());
        Some(match name {
            Some(n) => format!("{{% {end} {n} %}}"),
            None => format!("{{% {end} %}}"),
        })
    };
    match keyword {
        "for" | "if" | "filter" => Some(format!("{{% end{keyword} %}}")),
        "component" => named("endcomponent"),
        "block" => named("endblock"),
        // A `set` without `=` captures the block up to `endset`.
        "set" | "set_global" => {
            let rest = word_after(body, keyword)?;
            let after_name = rest.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_');
            let assigns = after_name.trim_start().starts_with('=');
            (!assigns).then(|| "{% endset %}".to_string())
        }
        // `{% <name …> %} … {% </name> %}`: a component called with a body.
        k if k.starts_with('<') && !k.starts_with("</") && !body.ends_with("/>") => {
            let name = &k[1..];
            let name = name
                .split(['(', '>', '/'])
                .next()
                .filter(|n| !n.is_empty())?;
            Some(format!("{{% </{name}> %}}"))
        }
        _ => None,
    }
}

/// What `keyword` (an end tag) closes, as [`Open::close_matches`] compares it:
/// `endfor`, a component call's `</name`.
fn end_of<'b>(keyword: &'b str, body: &'b str) -> Option<&'b str> {
    if keyword.starts_with("end") {
        return Some(keyword);
    }
    let name = body.strip_prefix("</")?.split(['>', ' ']).next()?;
    Some(name)
        .filter(|n| !n.is_empty())
        .map(|_| &body[..2 + name.len()])
}

/// The end of the `{% endraw %}` tag after `from`, if there is one.
fn raw_end(text: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(open) = text[at..].find("{%").map(|o| at + o) {
        let close = text[open..].find("%}").map(|c| open + c + 2)?;
        let inside =
            text[open + 2..close - 2].trim_matches(|c: char| c == '-' || c.is_whitespace());
        if inside == "endraw" {
            return Some(close);
        }
        at = open + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::first_open;

    /// The tag left open (its text) and the end tag it is open at, if any.
    fn open(text: &str) -> Option<(&str, String, Option<&str>)> {
        first_open(text).map(|o| (&text[o.range], o.close, o.before.map(|(b, _)| b)))
    }

    #[test]
    fn the_innermost_block_open_at_the_end_is_named() {
        // The text, the tag left open in it, and the end tag it needs.
        let cases = [
            (
                "{% for a in b %}{% if a %}x{% else %}y{% endif %}",
                "{% for a in b %}",
                "{% endfor %}",
            ),
            (
                "{% for a in b %}{% if a %}{% for c in a %}{% endfor %}",
                "{% if a %}",
                "{% endif %}",
            ),
            (
                "{%- component note(x, y) -%}{{ x }}",
                "{%- component note(x, y) -%}",
                "{% endcomponent note %}",
            ),
            (
                "{% block body %}x",
                "{% block body %}",
                "{% endblock body %}",
            ),
            (
                "{% set x | upper %}x",
                "{% set x | upper %}",
                "{% endset %}",
            ),
            (
                "{% <note a={1}> %}body",
                "{% <note a={1}> %}",
                "{% </note> %}",
            ),
            ("{% <note> %}body", "{% <note> %}", "{% </note> %}"),
            (
                "{% filter upper %}x",
                "{% filter upper %}",
                "{% endfilter %}",
            ),
            ("{% raw %}{{ x }}", "{% raw %}", "{% endraw %}"),
        ];
        for (text, tag, close) in cases {
            assert_eq!(open(text), Some((tag, close.into(), None)), "{text}");
        }
    }

    #[test]
    fn a_block_open_at_an_outer_end_tag_is_named_with_it() {
        assert_eq!(
            open("{% for a in b %}{% if a %}x{% endfor %}{% endif %}"),
            Some(("{% if a %}", "{% endif %}".into(), Some("endfor")))
        );
        assert_eq!(
            open("{% <note> %}{% for a in b %}{% </note> %}"),
            Some(("{% for a in b %}", "{% endfor %}".into(), Some("</note>")))
        );
    }

    #[test]
    fn closed_blocks_and_other_tags_open_nothing() {
        for text in [
            "{% for a in b %}{% if a %}x{% elif b %}{% else %}{% endif %}{% else %}{% endfor %}",
            "{% set x = 1 %}{% set_global y = x == 1 %}{% include \"a\" %}{{ <note/> }}",
            "{% set x %}a{% endset %}{% <n a={1}> %}b{% </n> %}{% block b %}{% endblock b %}",
            "{% raw %}{% for %}{{ {% endraw %}{{ x }}",
            "{# {% for a in b %} #}{{ '{% if' }}",
            // An end tag that closes nothing is another error.
            "{% endfor %}{% for a in b %}",
        ] {
            assert_eq!(open(text), None, "{text}");
        }
    }
}
