//! Checks across namespaces and targets: surfaces, overlaps, identifiers.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::catalog::Context;
use crate::diag::Diagnostic;
use crate::model::{Entry, Namespace, Surface, Target};
use crate::naming::Profile;
use crate::rules;
use crate::source::Span;

fn meaning(e: &Entry, default: &str) -> String {
    format!(
        "{} \"{}\"",
        e.name,
        e.message.get(default).unwrap_or_default()
    )
}

/// The surfaces (indexes into `surfaces`) each namespace is on: looked up once, not
/// searched for each code of each namespace.
fn surfaces_by_namespace(surfaces: &[Surface]) -> HashMap<&str, BTreeSet<usize>> {
    let mut on: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    for (i, s) in surfaces.iter().enumerate() {
        for n in &s.namespaces {
            on.entry(n.as_str()).or_default().insert(i);
        }
    }
    on
}

/// Whether two of `defs` (one code's namespaces) share no surface: a namespace on no
/// surface shares none with any other. Namespaces on the same surfaces are grouped
/// first, so that a code defined in thousands of namespaces is not compared pair by pair.
fn apart(defs: &[(&Namespace, &Entry)], on: &HashMap<&str, BTreeSet<usize>>) -> bool {
    let none = BTreeSet::new();
    let mut groups: Vec<&BTreeSet<usize>> = Vec::new();
    for (n, _) in defs {
        let set = on.get(n.id.as_str()).unwrap_or(&none);
        if set.is_empty() && defs.len() > 1 {
            return true;
        }
        if !groups.contains(&set) {
            groups.push(set);
        }
    }
    groups
        .iter()
        .enumerate()
        .any(|(i, a)| groups[i + 1..].iter().any(|b| a.is_disjoint(b)))
}

/// Inside a surface a code is defined once; across surfaces, reuse with another meaning is a warning.
pub fn codes_across_namespaces(cx: &mut Context, namespaces: &[Namespace], surfaces: &[Surface]) {
    let surfaces_of = surfaces_by_namespace(surfaces);
    let mut by_code: BTreeMap<i64, Vec<(&Namespace, &Entry)>> = BTreeMap::new();
    for ns in namespaces {
        for e in &ns.entries {
            by_code.entry(e.code).or_default().push((ns, e));
        }
    }
    let default = cx.default_locale.clone();
    // Acknowledgements of code-overlap by namespace and code: looked up per definition,
    // not searched (a catalog may acknowledge thousands).
    let mut overlap_acks: HashMap<String, HashMap<i64, Vec<usize>>> = HashMap::new();
    for (i, a) in cx.acks.iter().enumerate() {
        if a.rule == rules::CODE_OVERLAP.id {
            let of_ns = overlap_acks.entry(a.namespace.clone()).or_default();
            of_ns.entry(a.code).or_default().push(i);
        }
    }
    for (code, defs) in by_code {
        if defs.len() < 2 {
            continue;
        }
        // Only a surface two of the namespaces are on can have the code twice.
        let shared: BTreeSet<usize> = defs
            .iter()
            .filter_map(|(n, _)| surfaces_of.get(n.id.as_str()))
            .flatten()
            .copied()
            .collect();
        for i in shared {
            let s = &surfaces[i];
            let on: Vec<&(&Namespace, &Entry)> = defs
                .iter()
                .filter(|(n, _)| {
                    surfaces_of
                        .get(n.id.as_str())
                        .is_some_and(|set| set.contains(&i))
                })
                .collect();
            if on.len() < 2 {
                continue;
            }
            let ids: Vec<&str> = on.iter().map(|(n, _)| n.id.as_str()).collect();
            let (n0, e0) = on[1];
            let mut d = Diagnostic::new(&rules::SURFACE_CONFLICT, format!("code {code} is defined by {} namespaces of surface `{}`: {}", on.len(), s.id, ids.join(", ")))
                .at(e0.span, format!("{}: {}", n0.id, meaning(e0, &default)))
                .help(format!("a consumer of `{}` receives the bare code and cannot tell these apart; renumber one", s.id));
            for (n, e) in on
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != 1)
                .map(|(_, x)| x)
            {
                d = d.related(e.span, format!("{}: {}", n.id, meaning(e, &default)));
            }
            for (n, e) in &on {
                d = d.about(&n.id, Some(e.code));
            }
            cx.emit(d);
        }
        // The overlap warning is for namespaces that share no surface.
        let distinct: BTreeSet<String> = defs.iter().map(|(_, e)| meaning(e, &default)).collect();
        if distinct.len() < 2 || !apart(&defs, &surfaces_of) {
            continue;
        }
        // An entry that acknowledges the overlap leaves it; the others may still
        // overlap among themselves. Its acknowledgement is used either way.
        let mut open = Vec::with_capacity(defs.len());
        for &(n, e) in &defs {
            let acked = overlap_acks.get(n.id.as_str()).and_then(|c| c.get(&e.code));
            for &i in acked.into_iter().flatten() {
                cx.acks[i].used = true;
            }
            if acked.is_none() {
                open.push((n, e));
            }
        }
        let defs = open;
        let distinct: BTreeSet<String> = defs.iter().map(|(_, e)| meaning(e, &default)).collect();
        if distinct.len() < 2 || !apart(&defs, &surfaces_of) {
            continue;
        }
        let ids: Vec<&str> = defs.iter().map(|(n, _)| n.id.as_str()).collect();
        let (n0, e0) = defs[0];
        let mut d = Diagnostic::new(
            &rules::CODE_OVERLAP,
            format!(
                "code {code} means different things in {} namespaces: {}",
                ids.len(),
                ids.join(", ")
            ),
        )
        .at(e0.span, format!("{}: {}", n0.id, meaning(e0, &default)));
        for (n, e) in &defs[1..] {
            d = d.related(e.span, format!("{}: {}", n.id, meaning(e, &default)));
        }
        for (n, e) in &defs {
            d = d.about(&n.id, Some(e.code));
        }
        cx.emit(d.help("a bare code is ambiguous: show its namespace with it (`errcat explain` resolves it), or acknowledge the overlap"));
    }
}

/// Two namespaces of one surface with overlapping declared ranges.
pub fn range_overlap(cx: &mut Context, namespaces: &[Namespace], surfaces: &[Surface]) {
    // A surface's members, in catalog order, found by id rather than by a search of
    // every namespace per surface.
    let index: HashMap<&str, usize> = namespaces
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    for s in surfaces {
        let mut members: Vec<usize> = s
            .namespaces
            .iter()
            .filter_map(|id| index.get(id.as_str()).copied())
            .collect();
        members.sort_unstable();
        let ranged: Vec<(&Namespace, (i64, i64))> = members
            .into_iter()
            .map(|i| &namespaces[i])
            .filter_map(|n| n.range.map(|r| (n, r)))
            .collect();
        for (i, (a, ra)) in ranged.iter().enumerate() {
            for (b, rb) in &ranged[i + 1..] {
                if ra.0 <= rb.1 && rb.0 <= ra.1 {
                    cx.emit(
                        Diagnostic::new(&rules::RANGE_OVERLAP, format!("namespaces {} and {} of surface `{}` have overlapping ranges {}..={} and {}..={}", a.id, b.id, s.id, ra.0, ra.1, rb.0, rb.1))
                            .at(b.span, format!("{} declares {}..={}", b.id, rb.0, rb.1))
                            .related(a.span, format!("{} declares {}..={}", a.id, ra.0, ra.1))
                            .about(&a.id, None)
                            .about(&b.id, None),
                    );
                }
            }
        }
    }
}

/// Where a collision was found, and every target it breaks.
struct Collision {
    span: Span,
    first: Span,
    namespace: String,
    code: Option<i64>,
    targets: Vec<String>,
}

/// (what, first name, second name, identifier)
type CollisionKey = (String, String, String, String);

/// A collision within one namespace: its key, the places of the second name and the
/// first, and the entry's code.
type EntryNote = (CollisionKey, (Span, Span), i64);

/// Names that become one identifier in some target, reported once per pair with every target.
pub fn name_collisions(cx: &mut Context, namespaces: &[Namespace], targets: &[Target]) {
    let mut found: BTreeMap<CollisionKey, Collision> = BTreeMap::new();
    let mut note =
        |key: CollisionKey, spans: (Span, Span), ns: &str, code: Option<i64>, target: &str| {
            let c = found.entry(key).or_insert_with(|| Collision {
                span: spans.0,
                first: spans.1,
                namespace: ns.to_string(),
                code,
                targets: Vec::new(),
            });
            if !c.targets.iter().any(|t| t == target) {
                c.targets.push(target.to_string());
            }
        };
    // The entries of each namespace in each target, on every core (a target makes
    // 100,000 identifiers at 100,000 codes); noted below in the order they were found.
    let pairs: Vec<(&Target, bool, &Namespace)> = targets
        .iter()
        .flat_map(|t| {
            // A target whose templates name no formatter identifier (TypeScript keys
            // its formatters by the constant's name) has no formatter names to collide.
            let formatters = crate::render::names_field(t, "formatter_ident");
            namespaces.iter().map(move |ns| (t, formatters, ns))
        })
        .collect();
    let mut entry_notes = crate::par::map(crate::par::threads(), &pairs, |&(t, f, ns)| {
        entry_collisions(&t.profile, f, ns)
    })
    .into_iter();
    for t in targets {
        let p = &t.profile;
        let mut types: BTreeMap<String, &Namespace> = BTreeMap::new();
        let mut modules: BTreeMap<String, &Namespace> = BTreeMap::new();
        for ns in namespaces {
            for (map, ident, what) in [
                (&mut types, p.type_name(&ns.id), "type name"),
                (&mut modules, p.module_name(&ns.id), "module name"),
            ] {
                if let Some(first) = map.get(&ident).filter(|f| f.id != ns.id) {
                    note(
                        (what.into(), first.id.clone(), ns.id.clone(), ident.clone()),
                        (ns.span, first.span),
                        &ns.id,
                        None,
                        &t.id,
                    );
                } else {
                    map.insert(ident, ns);
                }
            }
            for (key, spans, code) in entry_notes.next().unwrap_or_default() {
                note(key, spans, &ns.id, Some(code), &t.id);
            }
        }
    }
    for (
        (what, a, b, ident),
        Collision {
            span,
            first,
            namespace: ns,
            code,
            targets,
        },
    ) in found
    {
        let targets = targets
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(", ");
        cx.emit(
            Diagnostic::new(
                &rules::NAME_COLLISION,
                format!("{a} and {b} both become the {what} `{ident}` in target {targets}"),
            )
            .at(span, format!("{b} becomes `{ident}`"))
            .related(first, format!("{a} becomes `{ident}` too"))
            .about(&ns, code)
            .help("rename one so that their words differ, not only their underscores or digits"),
        );
    }
}

/// The entries and parameters of `ns` that become one identifier under profile `p`
/// (and formatters, when the target names them).
fn entry_collisions(p: &Profile, formatters_named: bool, ns: &Namespace) -> Vec<EntryNote> {
    let mut notes = Vec::new();
    // Only looked up, never walked: hashed (a tree compared long common prefixes).
    let mut variants: HashMap<String, &Entry> = HashMap::with_capacity(ns.entries.len());
    let mut formatters: HashMap<String, &Entry> = HashMap::new();
    for e in &ns.entries {
        let formatter = (!e.params.is_empty() && formatters_named)
            .then(|| (&mut formatters, p.formatter_name(&e.name), "formatter"));
        let constant = (&mut variants, p.variant_name(&e.name), "constant");
        for (map, ident, what) in std::iter::once(constant).chain(formatter) {
            if let Some(first) = map.get(&ident) {
                let key = (what.into(), first.name.clone(), e.name.clone(), ident);
                notes.push((key, (e.name_span, first.name_span), e.code));
            } else {
                map.insert(ident, e);
            }
        }
        let mut params: BTreeMap<String, (&str, Span)> = BTreeMap::new();
        for (i, param) in e.params.iter().enumerate() {
            let ident = p.param_name(param);
            let at = e.param_spans.get(i).copied().unwrap_or(e.name_span);
            match params.get(&ident) {
                Some(&(first, first_at)) if first != param => {
                    let key = ("parameter".into(), first.to_string(), param.clone(), ident);
                    notes.push((key, (at, first_at), e.code));
                }
                _ => {
                    params.insert(ident, (param, at));
                }
            }
        }
    }
    notes
}

pub fn integer_width(cx: &mut Context, namespaces: &[Namespace], targets: &[Target]) {
    for t in targets {
        let Some(range) = &t.profile.int_range else {
            continue;
        };
        for ns in namespaces {
            for e in ns.entries.iter().filter(|e| !t.profile.fits(e.code)) {
                cx.emit(
                    Diagnostic::new(
                        &rules::INTEGER_WIDTH,
                        format!(
                            "code {} of {} does not fit a {} (target `{}`)",
                            e.code, e.name, range.describe, t.id
                        ),
                    )
                    .at(e.span, format!("outside {}..={}", range.min, range.max))
                    .about(&ns.id, Some(e.code))
                    .help(format!(
                        "use codes in {}..={} or drop target `{}`",
                        range.min, range.max, t.id
                    )),
                );
            }
        }
    }
}

/// `limits:` of each target's templates (a Java enum holds about 4,000 constants; a
/// Java method takes at most 255 parameters).
pub fn target_limits(cx: &mut Context, namespaces: &[Namespace], targets: &[Target]) {
    for t in targets {
        if let Some((limit, declared)) = t.limits.codes_per_namespace {
            for ns in namespaces
                .iter()
                .filter(|n| n.entries.len() > limit as usize)
            {
                cx.emit(
                    Diagnostic::new(
                        &rules::TARGET_LIMIT,
                        format!(
                            "namespace `{}` has {}; target `{}` holds at most {limit} per namespace",
                            ns.id,
                            crate::console::count(ns.entries.len(), "code"),
                            t.id,
                        ),
                    )
                    .at(ns.span, "this namespace")
                    .related(declared, "the limit of its templates")
                    .about(&ns.id, None)
                    .help(format!(
                        "split the namespace into namespaces of at most {}, or drop target `{}`",
                        crate::console::count(limit as usize, "code"),
                        t.id
                    )),
                );
            }
        }
        if let Some((limit, declared)) = t.limits.params_per_code {
            for ns in namespaces {
                for e in ns
                    .entries
                    .iter()
                    .filter(|e| e.params.len() > limit as usize)
                {
                    cx.emit(
                        Diagnostic::new(
                            &rules::TARGET_LIMIT,
                            format!(
                                "{} of namespace `{}` has {}; target `{}` takes at most {limit} per code",
                                e.name,
                                ns.id,
                                crate::console::count(e.params.len(), "param"),
                                t.id,
                            ),
                        )
                        .at(e.name_span, "this entry")
                        .related(declared, "the limit of its templates")
                        .about(&ns.id, Some(e.code))
                        .help(format!(
                            "use at most {} in one message, or drop target `{}`",
                            crate::console::count(limit as usize, "placeholder"),
                            t.id
                        )),
                    );
                }
            }
        }
    }
}
