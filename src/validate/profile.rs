//! A target's `profile:`: a built-in profile by name, or a generic one declared in YAML.

use crate::diag::Diagnostic;
use crate::load::raw::{RawGenericProfile, RawProfile, RawReservedNames, S};
use crate::load::suggest;
use crate::naming::{
    self, Case, CommentStyle, DocStyle, IntRange, KeywordFix, Profile, ReservedNames, StringStyle,
};
use crate::rules;
use crate::source::FileId;

use super::catalog::Context;

/// The profile `raw` names or declares; `None` (with diagnostics) when it is unusable.
/// A generic profile is named after its template directory (`name`).
pub fn resolve(cx: &mut Context, file: FileId, raw: &S<RawProfile>, name: &str) -> Option<Profile> {
    match &raw.value {
        RawProfile::Builtin(builtin) => {
            let found = naming::builtin(builtin);
            if found.is_none() {
                let names: Vec<&str> = naming::BUILTIN.iter().map(|p| p.name.as_str()).collect();
                let span = cx.span(file, raw);
                cx.emit(
                    Diagnostic::new(&rules::TARGET_CONFIG, format!("unknown profile `{builtin}`"))
                        .at(span, "profile")
                        .help(format!(
                            "known profiles: {}; or declare a generic profile (a map, see docs/catalog-format.md)",
                            names.join(", ")
                        )),
                );
            }
            found
        }
        RawProfile::Generic(g) => generic(cx, file, g, name),
    }
}

fn generic(cx: &mut Context, file: FileId, g: &RawGenericProfile, name: &str) -> Option<Profile> {
    let mut ok = true;
    let mut case = |cx: &mut Context, field: &S<String>| {
        let found = named(&Case::NAMED, &field.value);
        if found.is_none() {
            let names = Case::NAMED.map(|(n, _)| n);
            unknown(cx, file, field, "case style", &names);
            ok = false;
        }
        found.unwrap_or(Case::Snake)
    };
    let type_case = case(cx, &g.type_case);
    let variant_case = case(cx, &g.variant_case);
    let member_case = case(cx, &g.member_case);
    let formatter_case = g.formatter_case.as_ref().map(|f| case(cx, f));
    let module_case = case(cx, &g.module_case);
    let strings = named(&StringStyle::NAMED, &g.strings.value);
    if strings.is_none() {
        let names = StringStyle::NAMED.map(|(n, _)| n);
        unknown(cx, file, &g.strings, "string escape style", &names);
    }
    if let Some(chars) = &g.interpolation {
        let bad = chars
            .value
            .chars()
            .find(|c| !naming::interpolation_char_ok(*c));
        let problem = match (strings, bad) {
            (_, Some(c)) => Some((
                format!("`interpolation` cannot hold `{}`", c.escape_debug()),
                "ASCII punctuation other than `\"`, `\\`, `{` and `}`: the characters that start an interpolation, like `$`",
            )),
            (Some(style), None) if !style.takes_backslash_escapes() => Some((
                format!(
                    "string style `{}` has no backslash escapes for `interpolation`",
                    g.strings.value
                ),
                "use c-family, utf16, rust or javascript",
            )),
            _ => None,
        };
        if let Some((message, help)) = problem {
            let span = cx.span(file, chars);
            cx.emit(
                Diagnostic::new(&rules::INVALID_PROFILE, message)
                    .at(span, "here")
                    .help(help),
            );
            ok = false;
        }
    }
    for word in &g.initialisms {
        let w = &word.value;
        if !w.starts_with(|c: char| c.is_ascii_uppercase())
            || !w
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        {
            let span = cx.span(file, word);
            cx.emit(
                Diagnostic::new(
                    &rules::INVALID_PROFILE,
                    format!("initialism `{w}` is not an upper-case word"),
                )
                .at(span, "here")
                .help("write it as identifiers show it: ID, URL, HTTP, UTF8"),
            );
            ok = false;
        }
    }
    if let Some(block) = &g.block_comment {
        for (token, what) in [(&block.value.open, "open"), (&block.value.close, "close")] {
            let t = &token.value;
            if t.chars().count() < 2 || t.chars().any(|c| c.is_whitespace() || c.is_control()) {
                let span = cx.span(file, token);
                cx.emit(
                    Diagnostic::new(
                        &rules::INVALID_PROFILE,
                        format!("block comment `{what}` must be a token of two or more characters without spaces"),
                    )
                    .at(span, "here")
                    .help("errcat breaks the token in a text with a space after its first character: one character cannot be broken"),
                );
                ok = false;
            }
        }
    }
    let reflowed = match g.doc_format.as_ref() {
        None => false,
        Some(f) => match f.value.as_str() {
            "lines" => false,
            "reflowed" if g.block_comment.is_some() => {
                let span = cx.span(file, f);
                cx.emit(
                    Diagnostic::new(
                        &rules::INVALID_PROFILE,
                        "`doc_format: reflowed` lays out line comments, not a `block_comment`",
                    )
                    .at(span, "here")
                    .help("remove one of the two"),
                );
                ok = false;
                false
            }
            "reflowed" => true,
            _ => {
                unknown(cx, file, f, "doc format", &["lines", "reflowed"]);
                ok = false;
                false
            }
        },
    };
    for (field, what) in [
        (Some(&g.line_comment), "line_comment"),
        (g.keyword_suffix.as_ref(), "keyword_suffix"),
    ]
    .into_iter()
    .filter_map(|(f, w)| f.map(|f| (f, w)))
    {
        if field.value.is_empty()
            || field
                .value
                .chars()
                .any(|c| c.is_whitespace() || c.is_control())
        {
            let span = cx.span(file, field);
            cx.emit(
                Diagnostic::new(
                    &rules::INVALID_PROFILE,
                    format!("`{what}` must be a non-empty token without spaces"),
                )
                .at(span, "here"),
            );
            ok = false;
        }
    }
    // Suffixes become part of identifiers: only characters identifiers are made of.
    for (field, what) in [
        (g.type_suffix.as_ref(), "type_suffix"),
        (g.keyword_suffix.as_ref(), "keyword_suffix"),
    ]
    .into_iter()
    .filter_map(|(f, w)| f.map(|f| (f, w)))
    {
        if let Some(c) = field
            .value
            .chars()
            .find(|&c| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
        {
            let span = cx.span(file, field);
            cx.emit(
                Diagnostic::new(
                    &rules::INVALID_PROFILE,
                    format!(
                        "`{what}` contains {}, which no identifier can hold",
                        if c == ' ' {
                            "a space".to_owned()
                        } else {
                            format!("`{c}`")
                        }
                    ),
                )
                .at(span, "here")
                .help(
                    "use ASCII letters, digits, `_` or `$`: the suffix is written into identifiers",
                ),
            );
            ok = false;
        }
    }
    for t in &g.integers {
        let name = &t.value.name;
        if name.value.trim().is_empty() {
            let span = cx.span(file, name);
            cx.error(
                &rules::INVALID_PROFILE,
                span,
                "an integer type's name is empty".into(),
                "here",
            );
            ok = false;
        }
    }
    for k in &g.keywords {
        // An identifier is one word: a keyword with a space (or none at all) could
        // never equal one, and would protect nothing.
        let why = if k.value.trim().is_empty() {
            Some("a keyword is empty".to_string())
        } else if k.value.contains(char::is_whitespace) {
            Some(format!(
                "keyword `{}` holds a space: no identifier can equal it",
                k.value
            ))
        } else {
            None
        };
        if let Some(why) = why {
            let span = cx.span(file, k);
            cx.error(&rules::INVALID_PROFILE, span, why, "here");
            ok = false;
        }
    }
    let mut int_types: Vec<(String, i64, i64)> = Vec::new();
    for t in &g.integers {
        let (min, max) = (t.value.min.value, t.value.max.value);
        if min > max {
            let span = cx.span(file, &t.value.min);
            cx.error(
                &rules::INVALID_PROFILE,
                span,
                format!(
                    "integer type `{}` has min {min} above max {max}",
                    t.value.name.value
                ),
                "min",
            );
            ok = false;
        } else if let Some((prev, pmin, pmax)) = int_types.last()
            && !(min <= *pmin && *pmax <= max)
        {
            let span = cx.span(file, &t.value.name);
            cx.emit(
                Diagnostic::new(
                    &rules::INVALID_PROFILE,
                    format!("integer type `{}` does not hold every value of `{prev}` before it", t.value.name.value),
                )
                .at(span, format!("{min}..={max}"))
                .help("list integer types narrowest first: a namespace uses the first that holds all its codes"),
            );
            ok = false;
        }
        int_types.push((t.value.name.value.clone(), min, max));
    }
    let strings = strings.filter(|_| ok)?;
    let int_range = int_types.last().map(|(ty, min, max)| IntRange {
        min: *min,
        max: *max,
        describe: format!("`{ty}`"),
    });
    Some(Profile {
        name: name.to_string(),
        type_case,
        type_suffix: g
            .type_suffix
            .as_ref()
            .map(|s| s.value.clone())
            .unwrap_or_default(),
        variant_case,
        member_case,
        formatter_case,
        module_case,
        keywords: g
            .keywords
            .iter()
            .map(|k| match g.keywords_ignore_case {
                Some(true) => k.value.to_lowercase(),
                _ => k.value.clone(),
            })
            .collect(),
        keywords_ignore_case: g.keywords_ignore_case == Some(true),
        keyword_fix: KeywordFix::Suffix(
            g.keyword_suffix
                .as_ref()
                .map_or("_".into(), |s| s.value.clone()),
        ),
        strings,
        interpolation: g
            .interpolation
            .as_ref()
            .map(|s| s.value.clone())
            .unwrap_or_default(),
        docs: match &g.block_comment {
            Some(b) => DocStyle::BlockComment {
                open: b.value.open.value.clone(),
                close: b.value.close.value.clone(),
            },
            None if reflowed => DocStyle::Reflowed,
            None => DocStyle::LineComment,
        },
        comment: CommentStyle::Line(g.line_comment.value.clone()),
        int_range,
        int_types,
        reserved: ReservedNames::default(),
        initialisms: g.initialisms.iter().map(|w| w.value.clone()).collect(),
    })
}

/// Adds the names a target.yaml reserves (`reserved:`) to its target's profile; a
/// name no identifier can be is refused, as it could never take effect.
pub fn reserve(
    cx: &mut Context,
    file: FileId,
    raw: &RawReservedNames,
    profile: &mut Profile,
) -> bool {
    let mut ok = true;
    let lists = [
        (&raw.params, &mut profile.reserved.params, "parameter"),
        (&raw.modules, &mut profile.reserved.modules, "module"),
    ];
    for (names, into, what) in lists {
        for name in names {
            let n = &name.value;
            let ident = n.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || c == '$')
                && n.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
            if ident {
                into.insert(n.clone());
                continue;
            }
            let span = cx.span(file, name);
            cx.emit(
                Diagnostic::new(
                    &rules::TARGET_CONFIG,
                    format!("reserved {what} name `{n}` is not an identifier"),
                )
                .at(span, "here")
                .help("list the names the templates themselves declare: ASCII letters, digits, `_` or `$`, not starting with a digit"),
            );
            ok = false;
        }
    }
    ok
}

/// The style a table names `name`.
fn named<T: Copy>(table: &[(&str, T)], name: &str) -> Option<T> {
    table.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

/// An unknown style name, with the closest known one as "did you mean".
fn unknown(cx: &mut Context, file: FileId, field: &S<String>, what: &str, names: &[&str]) {
    let span = cx.span(file, field);
    let known = format!("{what}s: {}", names.join(", "));
    let help = match suggest(&field.value, names) {
        Some(s) => format!("did you mean `{s}`? ({known})"),
        None => known,
    };
    cx.emit(
        Diagnostic::new(
            &rules::INVALID_PROFILE,
            format!("unknown {what} `{}`", field.value),
        )
        .at(span, what.to_string())
        .help(help),
    );
}
