//! Locale tags, and texts in a locale the catalog does not declare: one typo in
//! `locales:` (`zh_CN`) must read as one mistake, not as one finding per text.

use super::catalog::Context;
use crate::diag::Diagnostic;
use crate::load::raw::S;
use crate::rules;
use crate::source::{FileId, Span};

/// A BCP 47 tag as it is conventionally written: the language in lower case, a
/// script in title case (`Hant`), a region in upper case (`CN`; `419`), variants in
/// lower case. The generated code matches tags in any case, so two tags that differ
/// only in case would be one locale declared twice; one way of writing each keeps
/// the docs' per-locale words and names, which are looked up by tag, in step.
pub fn is_locale_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let lang = parts.next().unwrap_or("");
    (2..=3).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| {
            let alphabetic = p.chars().all(|c| c.is_ascii_alphabetic());
            let mut chars = p.chars();
            match (p.len(), alphabetic) {
                (2, true) => p.chars().all(|c| c.is_ascii_uppercase()),
                (4, true) => {
                    chars.next().is_some_and(|c| c.is_ascii_uppercase())
                        && chars.all(|c| c.is_ascii_lowercase())
                }
                (2..=8, _) => p
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()),
                _ => false,
            }
        })
}

/// `s` written as a BCP 47 tag (`zh_CN` → `zh-CN`, `EN-us` → `en-US`, `zh_hant` →
/// `zh-Hant`), when that is a tag and not `s` itself.
pub fn tag_for(s: &str) -> Option<String> {
    let mut parts = s.split(['-', '_']);
    let mut tag = parts.next()?.to_ascii_lowercase();
    for p in parts {
        tag.push('-');
        let alphabetic = p.chars().all(|c| c.is_ascii_alphabetic());
        match p.len() {
            // A region: `CN`.
            2 if alphabetic => tag.push_str(&p.to_ascii_uppercase()),
            // A script: `Hant`.
            4 if alphabetic => {
                tag.push_str(&p[..1].to_ascii_uppercase());
                tag.push_str(&p[1..].to_ascii_lowercase());
            }
            _ => tag.push_str(&p.to_ascii_lowercase()),
        }
    }
    (tag != s && is_locale_tag(&tag)).then_some(tag)
}

/// The declared tag `s` was probably meant as: the same tag in other case or with
/// `_` (`zh_cn` for `zh-CN`), else one of the same language (`zh` for `zh-CN`), else one
/// of the language whose country's code it has (`ja` for `jp`). Edit distance says
/// nothing about two-letter tags: `fr` is not a typo of `en`.
pub fn near_tag<'a>(s: &str, declared: &[&'a str]) -> Option<&'a str> {
    let same = |k: &str| k.eq_ignore_ascii_case(s) || tag_for(s).as_deref() == Some(k);
    // Language and script, as the generated code chooses a locale: `zh-CN` is not
    // near `zh-Hant`, whose readers it would not serve.
    let kin = |t: &str| {
        let [language, script, _] = crate::view::match_subtags(&t.replace('_', "-"));
        (language, script)
    };
    let kin_of = |wanted: (String, String)| declared.iter().find(|k| kin(k) == wanted);
    declared
        .iter()
        .find(|k| same(k))
        .or_else(|| kin_of(kin(s)))
        // A country's code for its language's: `jp` for `ja`.
        .or_else(|| kin_of(kin(&super::language::meant_tag(s)?)))
        .copied()
}

/// The finding's message for an invalid tag in `locales:`.
pub fn invalid_tag_message(s: &str) -> String {
    match tag_for(s) {
        Some(tag) if tag.eq_ignore_ascii_case(s) => {
            format!("locale `{s}` is not written in the case BCP 47 writes it in")
        }
        _ => format!("`{s}` is not a locale tag"),
    }
}

/// The help of an invalid tag in `locales:`.
pub fn invalid_tag_help(s: &str) -> String {
    match tag_for(s) {
        Some(tag) if s.contains('_') => {
            format!("write it as `{tag}`: a BCP 47 tag joins its parts with `-`")
        }
        Some(tag) => format!(
            "write it as `{tag}`: the language in lower case, a script in title case, a region in upper case"
        ),
        None => "use a BCP 47 tag such as `en` or `zh-CN`".into(),
    }
}

/// Texts of one file in one undeclared locale (files are checked side by side: the
/// catalog's context gathers every file's and reports each locale once).
#[derive(Debug)]
pub struct UnknownUse {
    file: FileId,
    locale: String,
    /// The first use, and the text it is in ("the message of ROOM_FULL").
    first: Span,
    what: String,
    scope: Option<(String, Option<i64>)>,
    count: usize,
}

impl Context<'_> {
    /// A list of locales every text must have, `key` of `owner` ("`locales:`",
    /// "namespace app"): each one declared, none twice, the default among them.
    pub fn required_list(
        &mut self,
        file: FileId,
        list: &[S<String>],
        key: &str,
        owner: &str,
    ) -> Vec<String> {
        let mut v = Vec::new();
        for l in list {
            let s = self.span(file, l);
            if v.contains(&l.value) {
                self.emit(
                    Diagnostic::new(
                        &rules::INVALID_ID,
                        format!("locale `{}` is listed twice in {owner}", l.value),
                    )
                    .at(s, "listed again here"),
                );
            } else if self.locales.contains(&l.value) {
                v.push(l.value.clone());
            } else {
                self.unknown_locale(s, &format!("the {key} of {owner}"), &l.value);
            }
        }
        if let Some(first) = list.first()
            && !v.contains(&self.default_locale)
            && self.default_declared()
        {
            let s = self.span(file, first);
            let d = self.default_locale.clone();
            self.emit(
                Diagnostic::new(
                    &rules::MISSING_TRANSLATION,
                    format!("required locales must include the default locale `{d}`"),
                )
                .at(s, "required locales")
                .help(format!("add `{d}`")),
            );
        }
        v
    }

    /// A text in `locale`, which the catalog does not declare: counted, and reported
    /// by [`Context::report_unknown_locales`]. A text in the default locale
    /// when that is undeclared is not counted: `default_locale` has the one finding.
    pub fn unknown_locale(&mut self, span: Span, what: &str, locale: &str) {
        if locale == self.default_locale {
            return;
        }
        if let Some(u) = self
            .unknown_locales
            .iter_mut()
            .find(|u| u.file == span.file && u.locale == locale)
        {
            u.count += 1;
            return;
        }
        self.unknown_locales.push(UnknownUse {
            file: span.file,
            locale: locale.to_owned(),
            first: span,
            what: what.to_owned(),
            scope: self.scope.clone(),
            count: 1,
        });
    }

    /// One finding per undeclared locale, at its first use, with how many texts (in
    /// how many files) use it.
    pub fn report_unknown_locales(&mut self) {
        let uses = std::mem::take(&mut self.unknown_locales);
        let mut done: Vec<&str> = Vec::new();
        for u in &uses {
            if done.contains(&u.locale.as_str()) {
                continue;
            }
            done.push(&u.locale);
            let same: Vec<&UnknownUse> = uses.iter().filter(|x| x.locale == u.locale).collect();
            let count: usize = same.iter().map(|x| x.count).sum();
            let (message, label) = match (count, same.len()) {
                (1, _) => (
                    format!(
                        "{} uses locale `{}`, which the catalog does not declare",
                        u.what, u.locale
                    ),
                    "unknown locale".to_owned(),
                ),
                (n, 1) => (
                    format!(
                        "locale `{}` is used {n} times in {}, but the catalog does not declare it",
                        u.locale,
                        self.sources.path(u.file).display(),
                    ),
                    format!("the first, in {}", u.what),
                ),
                (n, files) => (
                    format!(
                        "locale `{}` is used {n} times in {files} files, but the catalog does not declare it",
                        u.locale
                    ),
                    format!("the first, in {}", u.what),
                ),
            };
            let mut d = Diagnostic::new(&rules::UNKNOWN_LOCALE, message).at(u.first, label);
            if let Some((ns, code)) = u.scope.as_ref().filter(|_| same.len() == 1) {
                d = d.about(ns, code.filter(|_| count == 1));
            }
            let d = self.undeclared(d, &u.locale);
            self.emit(d);
        }
    }

    /// `d`, about `locale`, which the catalog does not declare, with how to declare or
    /// correct it: the invalid tag in `locales:` it was meant as, or the closest tag.
    pub fn undeclared(&self, d: Diagnostic, locale: &str) -> Diagnostic {
        let catalog = self.loaded.catalog_file;
        let meant = self
            .loaded
            .catalog
            .locales
            .iter()
            .find(|l| !is_locale_tag(&l.value) && tag_for(&l.value).as_deref() == Some(locale));
        let listed = || {
            self.loaded.catalog.locales.iter().find(|l| {
                super::misread::split_at_full_width_commas(&l.value)
                    .is_some_and(|items| items.split(", ").any(|i| i == locale))
            })
        };
        if let Some(l) = meant.or_else(listed).filter(|l| !is_locale_tag(&l.value)) {
            if let Some(items) = super::misread::split_at_full_width_commas(&l.value) {
                return d.related(self.span(catalog, l), "declared here").help(format!(
                    "the catalog's `locales:` lists `{}`, one item: write `{items}`, with ASCII commas",
                    l.value
                ));
            }
            return d
                .related(self.span(catalog, l), "declared here")
                .help(format!(
                    "the catalog's `locales:` lists `{}` instead: write it as `{locale}`",
                    l.value
                ));
        }
        let known: Vec<&str> = self.locales.iter().map(String::as_str).collect();
        match near_tag(locale, &known) {
            Some(near) => d.help(format!(
                "did you mean `{near}`? declared locales: {}",
                known.join(", ")
            )),
            None if known.is_empty() => d.help(format!(
                "the catalog's `locales:` is empty: add `{locale}` to it"
            )),
            None => {
                let known = known.join(", ");
                if let Some(country) = super::language::country_help(locale) {
                    return d.help(format!("{country}; declared locales: {known}"));
                }
                // Declared and required are two lists: a locale being translated is
                // declared alone, so that no text is missing it yet.
                let add = format!(
                    "to use `{locale}`, add it to `locales:` in {}",
                    self.rel_path(catalog)
                );
                let required = match &self.loaded.catalog.required_locales {
                    Some(_) => {
                        format!(
                            "{add}, and leave it out of `required_locales:` until it is translated"
                        )
                    }
                    None => format!(
                        "{add}, with `required_locales: [{known}]` beside it until it is translated"
                    ),
                };
                d.help(format!("declared locales: {known}; {required}"))
            }
        }
    }

    /// Whether the default locale is one of `locales:` (else its finding stands for
    /// every text in it, and no text can be checked for it).
    pub fn default_declared(&self) -> bool {
        self.locales.contains(&self.default_locale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_as_bcp_47_writes_them() {
        assert_eq!(tag_for("zh_CN").as_deref(), Some("zh-CN"));
        assert_eq!(tag_for("EN-us").as_deref(), Some("en-US"));
        assert_eq!(tag_for("zh_hant_TW").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(tag_for("zh-CN"), None, "already a tag");
        assert_eq!(tag_for("english"), None, "no tag");
        assert!(is_locale_tag("zh-Hant-TW") && !is_locale_tag("zh_CN"));
    }

    /// One way of writing each tag: `zh-cn` would be `zh-CN` declared again, since
    /// every generated language matches tags in any case.
    #[test]
    fn tags_are_written_in_their_conventional_case() {
        for ok in [
            "en",
            "zh-CN",
            "es-419",
            "sr-Latn",
            "zh-Hant-TW",
            "de-CH-1996",
            "yue",
        ] {
            assert!(is_locale_tag(ok), "{ok}");
        }
        for (bad, tag) in [
            ("zh-cn", "zh-CN"),
            ("EN", "en"),
            ("sr-latn", "sr-Latn"),
            ("zh-HANT-tw", "zh-Hant-TW"),
            ("de-CH-1996X", "de-CH-1996x"),
        ] {
            assert!(!is_locale_tag(bad), "{bad}");
            assert_eq!(tag_for(bad).as_deref(), Some(tag), "{bad}");
        }
        assert!(invalid_tag_help("zh-cn").contains("region in upper case"));
        assert!(invalid_tag_help("zh_CN").contains("joins its parts with `-`"));
    }

    #[test]
    fn the_tag_meant() {
        let declared = ["en", "zh-CN"];
        assert_eq!(near_tag("zh_cn", &declared), Some("zh-CN"));
        assert_eq!(near_tag("zh", &declared), Some("zh-CN"));
        assert_eq!(near_tag("en-US", &declared), Some("en"));
        assert_eq!(near_tag("fr", &declared), None, "not a typo of `en`");
        assert_eq!(near_tag("cn", &declared), Some("zh-CN"), "China's code");
        let declared = ["en", "ja"];
        assert_eq!(near_tag("jp", &declared), Some("ja"), "Japan's code");
        assert_eq!(near_tag("jp-JP", &declared), Some("ja"));
        assert_eq!(near_tag("xx", &declared), None);
        // Chinese of the other script serves other readers: not a slip for it.
        let declared = ["en", "zh-Hant"];
        assert_eq!(near_tag("zh-CN", &declared), None);
        assert_eq!(near_tag("zh-TW", &declared), Some("zh-Hant"));
        // A country code for its language; one that is a language (`se`) is not read so.
        let declared = ["en", "ja", "zh-CN", "sv"];
        assert_eq!(near_tag("jp", &declared), Some("ja"));
        assert_eq!(near_tag("JP", &declared), Some("ja"));
        assert_eq!(near_tag("cn", &declared), Some("zh-CN"));
        assert_eq!(near_tag("se", &declared), None);
    }
}
