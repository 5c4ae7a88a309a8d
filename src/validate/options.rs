//! A target's `options:`: the defaults its target.yaml declares, with the kind of
//! value each must be (`option_kinds:`), and what the catalog's entry sets over them.
//!
//! An option's value lands in places errcat does not otherwise check (a Java
//! `package` line, a Cargo.toml `name`, a module manifest, output paths), so
//! a wrong one surfaces as a compiler's error in generated code. Checked here, it
//! is an error at the line that set it, before anything is written.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::diag::Diagnostic;
use crate::load::raw::{OptionValue, RawProfile, RawTarget, RawTemplateManifest, S};
use crate::load::suggest;
use crate::model::DeclaredTarget;
use crate::naming::Profile;
use crate::rules;
use crate::source::{FileId, Span};

use super::catalog::Context;

/// What an option's value must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Any text.
    Text,
    /// An identifier of the target's language: ASCII letters, digits and `_`, not
    /// starting with a digit, not one of the profile's keywords.
    Identifier,
    /// Identifiers joined by `.` (a Java or Kotlin package).
    QualifiedName,
    /// A Cargo package name whose library Rust code can name.
    CrateName,
    /// An npm package name, optionally scoped.
    NpmName,
    /// A module path: `/`-separated elements, as in `example.com/errors`.
    ModulePath,
    /// A map keyed by locale tag (the docs' page words): a catalog sets entries only
    /// for its locales or their languages, each with only the keys, and kinds of
    /// value, that the default's entries have.
    LocaleMap,
}

impl Kind {
    pub const NAMED: [(&'static str, Kind); 7] = [
        ("text", Kind::Text),
        ("identifier", Kind::Identifier),
        ("qualified-name", Kind::QualifiedName),
        ("crate-name", Kind::CrateName),
        ("npm-name", Kind::NpmName),
        ("module-path", Kind::ModulePath),
        ("locale-map", Kind::LocaleMap),
    ];

    fn named(name: &str) -> Option<Kind> {
        Self::NAMED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, k)| *k)
    }

    /// Whether a value of this kind names something code imports (a package, a
    /// crate): renaming it breaks every consumer.
    pub fn is_name(self) -> bool {
        !matches!(self, Kind::Text | Kind::LocaleMap)
    }

    /// The kind in a sentence: "… is not {noun}".
    fn noun(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Identifier => "an identifier",
            Kind::QualifiedName => "a qualified name",
            Kind::CrateName => "a crate name",
            Kind::NpmName => "an npm package name",
            Kind::ModulePath => "a module path",
            Kind::LocaleMap => "a map by locale",
        }
    }

    /// What a value of this kind looks like, for the help line.
    fn help(self) -> &'static str {
        match self {
            Kind::Text => "write it as text",
            Kind::Identifier => {
                "use ASCII letters, digits and `_`, not starting with a digit, and no keyword of the target's profile"
            }
            Kind::QualifiedName => {
                "join identifiers (ASCII letters, digits and `_`, no keyword of the target's profile) with `.`, as in `com.example.errors`"
            }
            Kind::CrateName => {
                "use ASCII letters, digits, `-` and `_`, starting with a letter, such as `my-errors`"
            }
            Kind::NpmName => {
                "use lower-case letters, digits, `-`, `.`, `_` and `~`, at most 214 characters, optionally under a scope: `@scope/name`"
            }
            Kind::ModulePath => {
                "join elements of ASCII letters, digits, `-`, `.`, `_` and `~` with `/`, such as `example.com/errors`"
            }
            Kind::LocaleMap => {
                "key it by the catalog's locales (or their languages), each entry a map of keys its default has"
            }
        }
    }

    /// Why `value` is not of this kind, and which bytes of it are wrong; `None`
    /// when it is of this kind.
    pub fn fault(self, value: &str, profile: &Profile) -> Option<Fault> {
        if value.is_empty() && self != Kind::Text {
            return Some(Fault::whole("it is empty", value));
        }
        match self {
            Kind::Text => None,
            Kind::LocaleMap => Some(Fault::whole("it is text", value)),
            Kind::Identifier => identifier_fault(value, profile),
            Kind::QualifiedName => parts(value, '.').find_map(|(at, part)| match part {
                "" => Some(Fault::new("it has an empty part between dots", at..at)),
                _ => identifier_fault(part, profile).map(|f| f.shifted(at)),
            }),
            Kind::CrateName => crate_name_fault(value, profile),
            Kind::NpmName => npm_name_fault(value),
            Kind::ModulePath => module_path_fault(value),
        }
    }
}

/// Why an option's value is refused, and the bytes of the value it is about.
#[derive(Debug, PartialEq, Eq)]
pub struct Fault {
    pub why: String,
    pub at: Range<usize>,
}

impl Fault {
    fn new(why: impl Into<String>, at: Range<usize>) -> Fault {
        Fault {
            why: why.into(),
            at,
        }
    }

    fn whole(why: impl Into<String>, value: &str) -> Fault {
        Fault::new(why, 0..value.len())
    }

    /// The fault of a part of a value that starts at byte `by`.
    fn shifted(self, by: usize) -> Fault {
        Fault::new(self.why, self.at.start + by..self.at.end + by)
    }
}

/// The parts of `value` split at `sep`, each with its byte offset.
fn parts(value: &str, sep: char) -> impl Iterator<Item = (usize, &str)> {
    value.split(sep).scan(0, move |at, part| {
        let start = *at;
        *at += part.len() + sep.len_utf8();
        Some((start, part))
    })
}

fn first_bad(value: &str, ok: impl Fn(char) -> bool) -> Option<Fault> {
    let (i, c) = value.char_indices().find(|&(_, c)| !ok(c))?;
    let why = match c {
        ' ' => "it contains a space".to_owned(),
        c if c.is_control() || c.is_whitespace() => {
            format!("it contains U+{:04X}", u32::from(c))
        }
        c => format!("it contains `{c}`"),
    };
    Some(Fault::new(why, i..i + c.len_utf8()))
}

fn identifier_fault(value: &str, profile: &Profile) -> Option<Fault> {
    if let Some(f) = first_bad(value, |c| c.is_ascii_alphanumeric() || c == '_') {
        return Some(f);
    }
    if value.starts_with(|c: char| c.is_ascii_digit()) {
        return Some(Fault::whole(
            format!("`{value}` starts with a digit"),
            value,
        ));
    }
    profile.is_keyword(value).then(|| {
        Fault::whole(
            format!("`{value}` is a keyword of the {} profile", profile.name),
            value,
        )
    })
}

fn crate_name_fault(value: &str, profile: &Profile) -> Option<Fault> {
    if let Some(f) = first_bad(value, |c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Some(f);
    }
    if !value.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Some(Fault::new("it does not start with a letter", 0..1));
    }
    // Cargo names the library after the package, `-` read as `_`.
    let lib = value.replace('-', "_");
    profile.is_keyword(&lib).then(|| {
        Fault::whole(
            format!(
                "its library would be `{lib}`, a keyword of the {} profile",
                profile.name
            ),
            value,
        )
    })
}

fn npm_name_fault(value: &str) -> Option<Fault> {
    if value.len() > 214 {
        let why = format!("it is {} characters long", value.chars().count());
        return Some(Fault::whole(why, value));
    }
    let url_safe = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "-._~".contains(c);
    let part_fault = |at: usize, part: &str| {
        if part.is_empty() {
            return Some(Fault::new("it has an empty part", at..at));
        }
        if let Some(f) = first_bad(part, url_safe) {
            return Some(f.shifted(at));
        }
        part.starts_with(['.', '_'])
            .then(|| Fault::new(format!("`{part}` starts with `{}`", &part[..1]), at..at + 1))
    };
    match value.strip_prefix('@') {
        Some(scoped) => match scoped.split_once('/') {
            Some((scope, name)) => {
                part_fault(1, scope).or_else(|| part_fault(2 + scope.len(), name))
            }
            None => Some(Fault::whole("a scoped name is `@scope/name`", value)),
        },
        None => part_fault(0, value),
    }
}

fn module_path_fault(value: &str) -> Option<Fault> {
    parts(value, '/').find_map(|(at, element)| {
        let span = at..at + element.len();
        if element.is_empty() {
            return Some(Fault::new("it has an empty element between slashes", span));
        }
        if let Some(f) = first_bad(element, |c| c.is_ascii_alphanumeric() || "-._~".contains(c)) {
            return Some(f.shifted(at));
        }
        if element.starts_with(['.', '-']) || element.ends_with('.') {
            return Some(Fault::new(
                format!("the element `{element}` starts or ends with a dot or a dash"),
                span,
            ));
        }
        None
    })
}

/// The target's options: target.yaml's defaults with the catalog entry's values over
/// them, each checked against its declared kind. An option the target does not
/// declare, or a value not of its kind, is an `invalid-option` error.
pub fn resolve(
    cx: &mut Context,
    target: &RawTarget,
    manifest: Option<&(FileId, RawTemplateManifest)>,
    profile: &Profile,
) -> BTreeMap<String, serde_json::Value> {
    let catalog = cx.loaded.catalog_file;
    let id = &target.id.value;
    let Some((mfile, m)) = manifest else {
        // Declared only in the catalog: the templates are its author's, with nothing to check against.
        return plain(&target.options);
    };
    let kinds = kinds(cx, *mfile, m);
    let declared: Vec<&str> = m.options.keys().map(String::as_str).collect();
    for (name, value) in &target.options {
        if m.options.contains_key(name) {
            continue;
        }
        let span = cx.key_span(cx.span(catalog, value));
        let help = match suggest(name, &declared) {
            Some(near) => match m.option_docs.get(near) {
                Some(doc) => format!("did you mean `{near}` ({})?", doc.value),
                None => format!("did you mean `{near}`?"),
            },
            None if declared.is_empty() => "its templates declare no options".to_owned(),
            None => format!("its templates read: {}", quoted(&declared)),
        };
        cx.emit(
            Diagnostic::new(
                &rules::INVALID_OPTION,
                format!("target `{id}` has no option `{name}`"),
            )
            .at(span, "no such option")
            .help(help),
        );
    }
    let options = effective(target, Some(m));
    for (name, kind) in kinds {
        if kind == Kind::LocaleMap {
            // Only what the catalog sets: a default may hold words for any locale.
            if let Some(value) = target.options.get(name) {
                locale_map(cx, id, name, value, &m.options[name].value.json);
            }
            continue;
        }
        let (file, value) = match target.options.get(name) {
            Some(v) => (catalog, v),
            None => (*mfile, &m.options[name]),
        };
        let span = cx.span(file, value);
        let fault = match &value.value.json {
            serde_json::Value::String(s) => kind
                .fault(s, profile)
                .map(|f| (f.why, cx.sources.part(span, s, f.at))),
            other => Some((format!("it is {}", json_kind(other)), span)),
        };
        if let Some((why, span)) = fault {
            cx.emit(
                Diagnostic::new(
                    &rules::INVALID_OPTION,
                    format!(
                        "option `{name}` of target `{id}` is not {}: {why}",
                        kind.noun()
                    ),
                )
                .at(span, format!("`{name}`"))
                .help(kind.help()),
            );
        }
    }
    options
}

/// A catalog's value of a `locale-map` option: a map whose every key is one of the
/// catalog's locales or their languages, and whose every entry has only keys that
/// the default's entries have, each holding the kind of value it holds there. Each
/// fault is an `invalid-option` error at the key it is about.
fn locale_map(
    cx: &mut Context,
    id: &str,
    name: &str,
    value: &S<OptionValue>,
    default: &serde_json::Value,
) {
    let catalog = cx.loaded.catalog_file;
    let serde_json::Value::Object(entries) = &value.value.json else {
        let why = format!("it is {}", json_kind(&value.value.json));
        let span = cx.span(catalog, value);
        let help = Kind::LocaleMap.help().to_owned();
        return locale_map_fault(cx, id, name, (&why, "not a map"), span, help);
    };
    // The keys an entry may have, with the value each holds in the default.
    let mut known: BTreeMap<&str, &serde_json::Value> = BTreeMap::new();
    for entry in default.as_object().into_iter().flat_map(|d| d.values()) {
        for (k, v) in entry.as_object().into_iter().flatten() {
            known.entry(k).or_insert(v);
        }
    }
    let languages: Vec<String> = cx
        .locales
        .iter()
        .map(|tag| crate::view::match_subtags(tag)[0].clone())
        .collect();
    let locales = cx.locales.clone();
    let tags: Vec<&str> = locales.iter().map(String::as_str).collect();
    for (tag, entry) in entries {
        let at = |cx: &Context, path: &[&str]| match value.value.key(path) {
            Some(k) => cx.span(catalog, k),
            None => cx.span(catalog, value),
        };
        if !tags.contains(&tag.as_str()) && !languages.contains(tag) {
            let near = tags
                .iter()
                .find(|t| t.eq_ignore_ascii_case(&tag.replace('_', "-")))
                .copied()
                .or_else(|| (tag.len() > 3).then(|| suggest(tag, &tags)).flatten());
            let help = match near {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!(
                    "the catalog's locales are {}; add `{tag}` to `locales:` for its pages",
                    quoted(&tags)
                ),
            };
            let why = format!("`{tag}` is no locale of the catalog");
            let span = at(cx, &[tag]);
            locale_map_fault(cx, id, name, (&why, "no locale of the catalog"), span, help);
            continue;
        }
        let serde_json::Value::Object(words) = entry else {
            let why = format!("`{tag}` is {}, not a map", json_kind(entry));
            let help = Kind::LocaleMap.help().to_owned();
            locale_map_fault(cx, id, name, (&why, "not a map"), at(cx, &[tag]), help);
            continue;
        };
        for (key, word) in words {
            let span = at(cx, &[tag, key]);
            let Some(like) = known.get(key.as_str()) else {
                let names: Vec<&str> = known.keys().copied().collect();
                let help = match suggest(key, &names) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("its keys: {}", quoted(&names)),
                };
                let why = format!("`{tag}` has a key `{key}` that its default does not have");
                locale_map_fault(cx, id, name, (&why, "no key of its default"), span, help);
                continue;
            };
            if std::mem::discriminant(*like) != std::mem::discriminant(word) {
                let why = format!(
                    "`{tag}.{key}` is {}, where its default is {}",
                    json_kind(word),
                    json_kind(like)
                );
                let help = format!("write `{key}` as its default is");
                locale_map_fault(cx, id, name, (&why, "of another kind"), span, help);
            }
        }
    }
}

fn locale_map_fault(
    cx: &mut Context,
    id: &str,
    name: &str,
    (why, label): (&str, &str),
    span: Span,
    help: String,
) {
    cx.emit(
        Diagnostic::new(
            &rules::INVALID_OPTION,
            format!(
                "option `{name}` of target `{id}` is not {}: {why}",
                Kind::LocaleMap.noun()
            ),
        )
        .at(span, label)
        .help(help),
    );
}

/// Where each option's value comes from: the catalog entry's line when it sets the
/// option, else the target.yaml's default.
pub fn spans(
    cx: &Context,
    target: &RawTarget,
    manifest: Option<&(FileId, RawTemplateManifest)>,
) -> BTreeMap<String, Span> {
    let mut spans: BTreeMap<String, Span> = manifest
        .map(|(file, m)| {
            m.options
                .iter()
                .map(|(name, v)| (name.clone(), cx.span(*file, v)))
                .collect()
        })
        .unwrap_or_default();
    let catalog = cx.loaded.catalog_file;
    for (name, v) in &target.options {
        spans.insert(name.clone(), cx.span(catalog, v));
    }
    spans
}

/// `option_docs:` of a target.yaml, each naming a declared option.
fn docs(cx: &mut Context, file: FileId, m: &RawTemplateManifest) {
    for (name, doc) in &m.option_docs {
        if !m.options.contains_key(name) {
            cx.emit(
                Diagnostic::new(
                    &rules::TARGET_CONFIG,
                    format!("`option_docs` names `{name}`, which `options:` does not declare"),
                )
                .at(cx.span(file, doc), "documented here")
                .help(format!("give `{name}` a default under `options:`")),
            );
        }
    }
}

/// `option_kinds:` of a target.yaml, each naming a declared option and a known kind.
fn kinds<'m>(cx: &mut Context, file: FileId, m: &'m RawTemplateManifest) -> Vec<(&'m str, Kind)> {
    docs(cx, file, m);
    let mut out = Vec::new();
    for (name, kind) in &m.option_kinds {
        let span = cx.span(file, kind);
        if !m.options.contains_key(name) {
            cx.emit(
                Diagnostic::new(
                    &rules::TARGET_CONFIG,
                    format!("`option_kinds` names `{name}`, which `options:` does not declare"),
                )
                .at(span, "kind declared here")
                .help(format!("give `{name}` a default under `options:`")),
            );
            continue;
        }
        match Kind::named(&kind.value) {
            Some(k) => out.push((name.as_str(), k)),
            None => {
                let names = Kind::NAMED.map(|(n, _)| n);
                let help = match suggest(&kind.value, &names) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("the kinds: {}", quoted(&names)),
                };
                cx.emit(
                    Diagnostic::new(
                        &rules::TARGET_CONFIG,
                        format!("unknown option kind `{}`", kind.value),
                    )
                    .at(span, "kind")
                    .help(help),
                );
            }
        }
    }
    out
}

/// The options generated code gets: target.yaml's defaults with the catalog entry's
/// values over those it declares (without a target.yaml, the entry's own). A map
/// goes over a default map key by key, at every depth: `ui: { de: … }` adds a
/// locale's words to the docs' built-in ones instead of replacing them all.
pub fn effective(
    target: &RawTarget,
    manifest: Option<&RawTemplateManifest>,
) -> BTreeMap<String, serde_json::Value> {
    let Some(m) = manifest else {
        return plain(&target.options);
    };
    let mut options = plain(&m.options);
    for (name, value) in &target.options {
        if let Some(default) = options.get_mut(name) {
            over(default, &value.value.json);
        }
    }
    options
}

/// `value` over `base`: maps merge key by key; anything else replaces.
fn over(base: &mut serde_json::Value, value: &serde_json::Value) {
    match (base, value) {
        (serde_json::Value::Object(base), serde_json::Value::Object(value)) => {
            for (k, v) in value {
                match base.get_mut(k) {
                    Some(b) => over(b, v),
                    None => {
                        base.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (base, value) => *base = value.clone(),
    }
}

/// Every target the catalog declares, with its options and which of them are names,
/// from the target.yaml that was read for it (the templates need not have been).
pub fn declared(cx: &Context, loaded: &crate::load::Loaded) -> Vec<DeclaredTarget> {
    let file = loaded.catalog_file;
    let manifest = |index: usize| {
        let t = loaded.targets.iter().find(|t| t.index == index)?;
        t.manifest.as_ref().map(|(_, m)| m)
    };
    let mut out: Vec<DeclaredTarget> = Vec::new();
    for (index, raw) in loaded.catalog.targets.iter().enumerate() {
        let t = &raw.value;
        // Validation refuses a second target of one id; the first is the one compared.
        if out.iter().any(|d| d.id == t.id.value) {
            continue;
        }
        let m = manifest(index);
        let names = m.iter().flat_map(|m| {
            let declared = |name: &String| m.options.contains_key(name);
            m.option_kinds
                .iter()
                .filter(move |(name, kind)| {
                    declared(name) && Kind::named(&kind.value).is_some_and(Kind::is_name)
                })
                .map(|(name, _)| name.clone())
        });
        out.push(DeclaredTarget {
            id: t.id.value.clone(),
            options: effective(t, m),
            names: names.collect(),
            set: t.options.keys().cloned().collect(),
            defaults_known: m.is_some(),
            int_types: int_types(t, m),
            span: cx.span(file, &t.id),
        });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// The integer types of target `t`'s profile (the catalog's, else its target.yaml's), as
/// declared: validating a generic one is the business of the run that renders it.
fn int_types(t: &RawTarget, m: Option<&RawTemplateManifest>) -> Vec<(String, i64, i64)> {
    let profile = t.profile.as_ref().or(m.map(|m| &m.profile));
    match profile.map(|p| &p.value) {
        Some(RawProfile::Builtin(name)) => {
            crate::naming::builtin(name).map_or_else(Vec::new, |p| p.int_types)
        }
        Some(RawProfile::Generic(g)) => g
            .integers
            .iter()
            .map(|i| {
                (
                    i.value.name.value.clone(),
                    i.value.min.value,
                    i.value.max.value,
                )
            })
            .collect(),
        None => Vec::new(),
    }
}

fn plain(options: &BTreeMap<String, S<OptionValue>>) -> BTreeMap<String, serde_json::Value> {
    options
        .iter()
        .map(|(k, v)| (k.clone(), v.value.json.clone()))
        .collect()
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn json_kind(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "null".to_owned(),
        serde_json::Value::Bool(b) => format!("the boolean `{b}`"),
        serde_json::Value::Number(n) => format!("the number `{n}`"),
        serde_json::Value::String(_) => "text".to_owned(),
        serde_json::Value::Array(_) => "a list".to_owned(),
        serde_json::Value::Object(_) => "a map".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::{Fault, Kind, over};
    use crate::naming;

    fn fault(kind: Kind, profile: &str, value: &str) -> Option<String> {
        fault_at(kind, profile, value).map(|f| f.why)
    }

    fn fault_at(kind: Kind, profile: &str, value: &str) -> Option<Fault> {
        kind.fault(value, &naming::builtin(profile).unwrap())
    }

    /// Each `(value, why)`: `value` is refused, and `why` says why.
    fn refuses(kind: Kind, profile: &str, cases: &[(&str, &str)]) {
        for (bad, why) in cases {
            assert_eq!(fault(kind, profile, bad).as_deref(), Some(*why), "{bad}");
        }
    }

    #[test]
    fn java_packages() {
        assert_eq!(
            fault(Kind::QualifiedName, "java", "com.example.errors"),
            None
        );
        assert_eq!(fault(Kind::QualifiedName, "java", "dev.errcat_1"), None);
        refuses(
            Kind::QualifiedName,
            "java",
            &[
                ("com.example.new", "`new` is a keyword of the java profile"),
                ("com..example", "it has an empty part between dots"),
                ("com.example.", "it has an empty part between dots"),
                ("", "it is empty"),
                ("com.1st", "`1st` starts with a digit"),
                ("com.my-errors", "it contains `-`"),
                ("com.ex ample", "it contains a space"),
                ("com.exämple", "it contains `ä`"),
                ("com.a\tb", "it contains U+0009"),
            ],
        );
    }

    #[test]
    fn identifiers() {
        assert_eq!(fault(Kind::Identifier, "rust", "codes"), None);
        assert_eq!(fault(Kind::Identifier, "rust", "_x9"), None);
        assert_eq!(
            fault(Kind::Identifier, "rust", "").as_deref(),
            Some("it is empty")
        );
        assert_eq!(
            fault(Kind::Identifier, "rust", "fn").as_deref(),
            Some("`fn` is a keyword of the rust profile")
        );
        assert_eq!(
            fault(Kind::Identifier, "rust", "a.b").as_deref(),
            Some("it contains `.`")
        );
    }

    #[test]
    fn crate_names() {
        assert_eq!(fault(Kind::CrateName, "rust", "my-errors"), None);
        assert_eq!(fault(Kind::CrateName, "rust", "errors_2"), None);
        refuses(
            Kind::CrateName,
            "rust",
            &[
                ("my errors", "it contains a space"),
                ("1errors", "it does not start with a letter"),
                ("-errors", "it does not start with a letter"),
                ("", "it is empty"),
                (
                    "fn",
                    "its library would be `fn`, a keyword of the rust profile",
                ),
                ("errörs", "it contains `ö`"),
            ],
        );
    }

    #[test]
    fn npm_names() {
        for good in ["@errcat/codes", "errcat-codes", "a.b_c~d", "x"] {
            assert_eq!(fault(Kind::NpmName, "typescript", good), None, "{good}");
        }
        refuses(
            Kind::NpmName,
            "typescript",
            &[
                ("@Errcat/codes", "it contains `E`"),
                ("@errcat", "a scoped name is `@scope/name`"),
                ("@errcat/", "it has an empty part"),
                ("", "it is empty"),
                (".hidden", "`.hidden` starts with `.`"),
                ("_private", "`_private` starts with `_`"),
                ("my codes", "it contains a space"),
                ("@a/b/c", "it contains `/`"),
            ],
        );
        let long = "a".repeat(215);
        assert_eq!(
            fault(Kind::NpmName, "typescript", &long).as_deref(),
            Some("it is 215 characters long")
        );
        assert_eq!(fault(Kind::NpmName, "typescript", &long[1..]), None);
    }

    #[test]
    fn module_paths() {
        for good in ["errcat.dev/codes", "example", "github.com/a-b/c_d.e~f/v2"] {
            assert_eq!(fault(Kind::ModulePath, "rust", good), None, "{good}");
        }
        refuses(
            Kind::ModulePath,
            "rust",
            &[
                (
                    "errcat.dev//codes",
                    "it has an empty element between slashes",
                ),
                ("/codes", "it has an empty element between slashes"),
                ("codes/", "it has an empty element between slashes"),
                ("errcat dev/codes", "it contains a space"),
                (
                    "../codes",
                    "the element `..` starts or ends with a dot or a dash",
                ),
                (
                    "-x/codes",
                    "the element `-x` starts or ends with a dot or a dash",
                ),
            ],
        );
    }

    /// Each `(value, part)`: the fault of `value` is about the bytes `part`.
    fn points_at(kind: Kind, profile: &str, cases: &[(&str, &str)]) {
        for (value, part) in cases {
            let at = fault_at(kind, profile, value).expect(value).at;
            assert_eq!(&value[at], *part, "{value}");
        }
    }

    #[test]
    fn faults_point_at_the_wrong_part() {
        points_at(
            Kind::QualifiedName,
            "java",
            &[
                ("com.example.new", "new"),
                ("com.ex ample", " "),
                ("com.exämple", "ä"),
                ("com.1st", "1st"),
            ],
        );
        points_at(
            Kind::CrateName,
            "rust",
            &[("my errors", " "), ("-errors", "-")],
        );
        points_at(
            Kind::NpmName,
            "typescript",
            &[("@Errcat/codes", "E"), ("@a/b/c", "/"), ("@errcat/.x", ".")],
        );
        points_at(
            Kind::ModulePath,
            "rust",
            &[("a/../b", ".."), ("errcat dev/codes", " ")],
        );
        // An empty part is a point between its neighbours.
        let empty = fault_at(Kind::QualifiedName, "java", "com..example").unwrap();
        assert_eq!(empty, Fault::new("it has an empty part between dots", 4..4));
    }

    #[test]
    fn a_map_goes_over_a_default_map_key_by_key() {
        let mut base = serde_json::json!({
            "ui": { "en": { "catalog": "Error codes", "code": "Code" }, "zh-CN": { "catalog": "错误码" } },
            "list": [1, 2],
        });
        over(
            &mut base,
            &serde_json::json!({ "ui": { "en": { "catalog": "Errors" }, "de": { "catalog": "Fehlercodes" } }, "list": [3] }),
        );
        assert_eq!(
            base,
            serde_json::json!({
                "ui": {
                    "en": { "catalog": "Errors", "code": "Code" },
                    "zh-CN": { "catalog": "错误码" },
                    "de": { "catalog": "Fehlercodes" },
                },
                "list": [3],
            })
        );
    }

    #[test]
    fn text_is_anything() {
        assert_eq!(fault(Kind::Text, "rust", " any thing / at all "), None);
    }
}
