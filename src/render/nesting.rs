//! How a target's templates nest: through `{% include %}`, `{% extends %}` and
//! component calls. Tera renders each level on the native stack, refuses include and
//! parent loops and stops component recursion at 20 calls, but names no position for
//! either; and a long enough chain of includes overflows the stack. Here chains are
//! bounded before Tera reads the templates, and a loop or runaway recursion Tera
//! reports is pointed at the tag that closes it.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use super::scan::tag_ranges;
use crate::diag::Diagnostic;
use crate::model::Target;
use crate::rules;
use crate::source::Span;

/// How many templates may render inside each other through includes and parents.
/// With Tera's 20 nested component calls, each of which may start such a chain, the
/// deepest render stays within a few MiB of stack (see [`crate::par`]).
pub(super) const MAX_NESTING: usize = 16;

/// The tag one template names another with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Through {
    Include,
    Extends,
}

impl Through {
    fn tag(self) -> &'static str {
        match self {
            Through::Include => "include",
            Through::Extends => "extends",
        }
    }

    /// What one template does to the next: `a` includes `b`.
    fn verb(self) -> &'static str {
        match self {
            Through::Include => "includes",
            Through::Extends => "extends",
        }
    }
}

/// The diagnostic for a loop of `through` tags along the templates of `chain`,
/// whose last template occurs earlier in it: the tag that leads back is the primary
/// label, the other steps of the loop related ones. `None` when that tag is not in
/// the text.
pub(super) fn loop_through(
    target: &Target,
    what: &str,
    through: Through,
    chain: &[String],
) -> Option<Diagnostic> {
    let last = chain.last()?;
    // Tera's chain may start before the loop (main → a → b → a).
    let from = chain.iter().position(|t| t == last)?;
    let cycle: Vec<&str> = chain[from..].iter().map(String::as_str).collect();
    let pairs: Vec<&[&str]> = cycle.windows(2).collect();
    let (closing, steps) = pairs.split_last()?;
    let mut d = Diagnostic::new(
        &rules::TEMPLATE,
        format!(
            "target `{}`: {what} failed: its templates {} each other in a loop: {}",
            target.id,
            match through {
                Through::Include => "include",
                Through::Extends => "extend",
            },
            cycle.join(" → ")
        ),
    )
    .at(
        step(target, through, closing)?,
        format!(
            "`{}` {} `{}` here, closing the loop",
            closing[0],
            through.verb(),
            closing[1]
        ),
    );
    for pair in steps {
        if let Some(at) = step(target, through, pair) {
            let label = format!("`{}` {} `{}` here", pair[0], through.verb(), pair[1]);
            d = d.related(at, label);
        }
    }
    Some(d.help(match through {
        Through::Extends => "a template cannot extend itself, directly or through its parents: make one of them the base",
        Through::Include => "an include must not lead back to a template that includes it: move what both need into a template that includes neither",
    }))
}

/// Where template `pair[0]` names `pair[1]` with a `through` tag.
fn step(target: &Target, through: Through, pair: &[&str]) -> Option<Span> {
    let text = target.templates.get(pair[0])?;
    let (_, range) = named(text)
        .into_iter()
        .find(|(n, _)| n.through == through && n.name == pair[1])?;
    span(target, pair[0], range)
}

/// A template chain deeper than [`MAX_NESTING`], as a diagnostic at the tag that
/// goes one level too deep. Loops are left to Tera, which names them.
pub(super) fn too_deep(target: &Target) -> Option<Diagnostic> {
    let graph: BTreeMap<&str, Vec<(Named, Range<usize>)>> = target
        .templates
        .iter()
        .map(|(name, text)| {
            let known = named(text)
                .into_iter()
                .filter(|(n, _)| target.templates.contains_key(n.name))
                .collect();
            (name.as_str(), known)
        })
        .collect();
    let mut heights = HashMap::new();
    let path = graph.keys().find_map(|start| {
        let mut path = Vec::new();
        measure(start, &graph, &mut path, &mut heights).err()
    })?;
    let (&from, &to) = (path.get(MAX_NESTING - 1)?, path.get(MAX_NESTING)?);
    let (n, range) = graph[from].iter().find(|(n, _)| n.name == to)?;
    Some(
        Diagnostic::new(
            &rules::TEMPLATE,
            format!(
                "target `{}`: reading its templates failed: its templates nest more than {MAX_NESTING} deep: {}",
                target.id,
                path.join(" → ")
            ),
        )
        .at(
            span(target, from, range.clone())?,
            format!("`{from}` {} `{to}` here, level {}", n.through.verb(), MAX_NESTING + 1),
        )
        .help(format!(
            "errcat renders at most {MAX_NESTING} templates inside each other (includes and parents): include the inner templates from fewer levels up, or merge some"
        )),
    )
}

/// The height of `name`: how many templates its deepest chain holds, itself
/// included. `Err` when the chain from `path`'s start through `name` passes
/// [`MAX_NESTING`]: that chain, one template longer than allowed. Recursion stops
/// there, so no chain runs deeper than the limit here either.
fn measure<'t>(
    name: &'t str,
    graph: &BTreeMap<&'t str, Vec<(Named<'t>, Range<usize>)>>,
    path: &mut Vec<&'t str>,
    heights: &mut HashMap<&'t str, usize>,
) -> Result<usize, Vec<&'t str>> {
    if let Some(&h) = heights.get(name) {
        if path.len() + h <= MAX_NESTING {
            return Ok(h);
        }
        // Known to be deep: follow its deepest chain to name the template one too deep.
        let mut at = name;
        while path.len() <= MAX_NESTING {
            path.push(at);
            let next = graph[at]
                .iter()
                .filter(|(n, _)| !path.contains(&n.name))
                .max_by_key(|(n, _)| heights.get(n.name).copied().unwrap_or(0));
            match next {
                Some((n, _)) => at = n.name,
                None => break,
            }
        }
        return Err(path.clone());
    }
    path.push(name);
    if path.len() > MAX_NESTING {
        return Err(path.clone());
    }
    let mut h = 1;
    for (n, _) in &graph[name] {
        if !path.contains(&n.name) {
            h = h.max(1 + measure(n.name, graph, path, heights)?);
        }
    }
    path.pop();
    heights.insert(name, h);
    Ok(h)
}

/// The diagnostic for component calls that nested without end: every call that
/// closes a cycle of components calling each other (in their bodies, or in templates
/// their bodies include), the first the primary label. `None` when there is none.
pub(super) fn runaway_components(target: &Target, what: &str) -> Option<Diagnostic> {
    let (defs, top) = scan_calls(target);
    // Each definition's calls, with those of the templates its body includes.
    let calls: Vec<Vec<Call>> = defs
        .iter()
        .map(|(_, body)| {
            let mut all: Vec<Call> = body.components.clone();
            let mut seen: Vec<&str> = Vec::new();
            let mut queue: Vec<(&str, &str)> = body.includes.iter().map(|&i| (i, i)).collect();
            while let Some((template, via)) = queue.pop() {
                let Some(t) = top.get(template).filter(|_| !seen.contains(&template)) else {
                    continue;
                };
                seen.push(template);
                all.extend(t.components.iter().map(|c| Call {
                    via: Some(via),
                    ..*c
                }));
                queue.extend(t.includes.iter().map(|&i| (i, via)));
            }
            all
        })
        .collect();
    let names: Vec<&str> = defs.iter().map(|(name, _)| *name).collect();
    let mut closing: Vec<(Span, String)> = Vec::new();
    for start in 0..defs.len() {
        walk(&names, &calls, &mut vec![start], &mut closing);
    }
    let mut closing = closing.into_iter();
    let (at, label) = closing.next()?;
    let mut d = Diagnostic::new(
        &rules::TEMPLATE,
        format!(
            "target `{}`: {what} failed: component calls nested deeper than Tera allows",
            target.id
        ),
    )
    .at(at, label);
    for (at, label) in closing {
        d = d.related(at, label);
    }
    // Tera 2 stops a component call chain at 20 calls (MAX_COMPONENT_RECURSION_DEPTH),
    // whether or not the recursion would end later.
    Some(d.help(
        "Tera nests component calls at most 20 deep: end the recursion within that, with a call that depends on an argument changing each time (`{% if n < 5 %}`), or use a loop",
    ))
}

/// A component call: the component, where, and the template included on the way
/// from the calling component's body, if any.
#[derive(Clone, Copy)]
struct Call<'t> {
    component: &'t str,
    at: Span,
    via: Option<&'t str>,
}

/// What a stretch of template text calls and includes.
#[derive(Default)]
struct Calls<'t> {
    components: Vec<Call<'t>>,
    includes: Vec<&'t str>,
}

/// Each component definition's name and what its body calls, in template order.
type Definitions<'t> = Vec<(&'t str, Calls<'t>)>;

/// The component definitions of the target's templates, and what each template
/// calls outside its definitions.
fn scan_calls(target: &Target) -> (Definitions<'_>, BTreeMap<&str, Calls<'_>>) {
    let (mut defs, mut top) = (Vec::new(), BTreeMap::new());
    for (template, text) in &target.templates {
        let mut outside = Calls::default();
        let mut open: Option<(&str, Calls)> = None;
        for (range, body) in code_tags(text) {
            if let Some(rest) = word_after(body, "component") {
                let name = rest.split(|c: char| c == '(' || c.is_whitespace()).next();
                open = name.map(|name| (name, Calls::default()));
                continue;
            }
            if body == "endcomponent" || word_after(body, "endcomponent").is_some() {
                defs.extend(open.take());
                continue;
            }
            let into = open.as_mut().map_or(&mut outside, |(_, calls)| calls);
            if let Some(component) = called(body) {
                if let Some(at) = span(target, template, range) {
                    into.components.push(Call {
                        component,
                        at,
                        via: None,
                    });
                }
            } else if let Some((n, _)) = named_by(body, range)
                && n.through == Through::Include
            {
                into.includes.push(n.name);
            }
        }
        top.insert(template.as_str(), outside);
    }
    (defs, top)
}

/// Depth-first through the calls from the last definition of `stack`; a call to one
/// on the stack closes a cycle, and is recorded once. The stack holds each
/// definition at most once, so the walk is as deep as there are definitions.
fn walk(
    names: &[&str],
    calls: &[Vec<Call>],
    stack: &mut Vec<usize>,
    closing: &mut Vec<(Span, String)>,
) {
    let Some(&current) = stack.last() else {
        return;
    };
    for call in &calls[current] {
        let Some(next) = names.iter().position(|d| *d == call.component) else {
            continue;
        };
        if !stack.contains(&next) {
            stack.push(next);
            walk(names, calls, stack, closing);
            stack.pop();
        } else if !closing.iter().any(|(s, _)| *s == call.at) {
            let through = call
                .via
                .map(|v| format!(" (through `{v}`)"))
                .unwrap_or_default();
            let label = format!(
                "`{}` calls `{}` here{through}, deeper than Tera allows",
                names[current], call.component
            );
            closing.push((call.at, label));
        }
    }
}

/// The component a tag calls: `<name …/>` or `<name …>` (not a closing `</name>`).
fn called(body: &str) -> Option<&str> {
    let rest = body.strip_prefix('<')?;
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .unwrap_or(rest.len());
    Some(&rest[..end]).filter(|n| !n.is_empty())
}

/// A template an `include` or `extends` tag names.
struct Named<'t> {
    through: Through,
    name: &'t str,
}

/// Every `{% include "…" %}` and `{% extends "…" %}` of a template, with its range.
fn named(text: &str) -> Vec<(Named<'_>, Range<usize>)> {
    code_tags(text)
        .into_iter()
        .filter_map(|(range, body)| named_by(body, range))
        .collect()
}

/// The template an `include` or `extends` tag (its inside `body`, at `range`) names.
fn named_by(body: &str, range: Range<usize>) -> Option<(Named<'_>, Range<usize>)> {
    [Through::Include, Through::Extends]
        .into_iter()
        .find_map(|through| {
            let rest = word_after(body, through.tag())?;
            let quote = rest
                .chars()
                .next()
                .filter(|c| matches!(c, '"' | '\'' | '`'))?;
            let name = rest[1..].split(quote).next()?;
            Some(Named { through, name })
        })
        .map(|n| (n, range))
}

/// The tags Tera reads as code, their insides without whitespace control: none
/// inside `{% raw %}` … `{% endraw %}`, whose text is output as it stands.
pub(super) fn code_tags(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut raw = false;
    let mut out = Vec::new();
    for (range, body) in tag_ranges(text) {
        let body = body.trim_matches(|c: char| c == '-' || c.is_whitespace());
        match body {
            "raw" => raw = true,
            "endraw" => raw = false,
            _ if !raw => out.push((range, body)),
            _ => {}
        }
    }
    out
}

/// What follows `word` and blanks at the start of a tag's inside.
pub(super) fn word_after<'b>(body: &'b str, word: &str) -> Option<&'b str> {
    body.strip_prefix(word)
        .filter(|r| r.starts_with(char::is_whitespace))
        .map(str::trim_start)
}

/// The span of `range` in template `name`'s file.
pub(super) fn span(target: &Target, name: &str, range: Range<usize>) -> Option<Span> {
    let text = target.templates.get(name)?;
    let file = *target.template_files.get(name)?;
    let before = text.get(..range.start)?;
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some(Span {
        file,
        line: u32::try_from(line).ok()?,
        column: u32::try_from(column).ok()?,
        start: range.start,
        end: range.end,
    })
}
