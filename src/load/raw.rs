//! The catalog as written: serde types with positions, before validation.
//!
//! Every field is `Spanned` so validation can point at it; unknown fields are
//! rejected by serde so typos never pass silently.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use serde_saphyr::Spanned;

pub type S<T> = Spanned<T>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCatalog {
    pub catalog: S<String>,
    pub format: S<i64>,
    #[serde(default)]
    pub version: Option<S<String>>,
    /// The project root, relative to the catalog file; every other path is relative to it.
    #[serde(default)]
    pub root: Option<S<String>>,
    pub locales: Vec<S<String>>,
    pub default_locale: S<String>,
    #[serde(default)]
    pub docs: Option<RawDocs>,
    /// Namespace files or globs, relative to the catalog file.
    pub namespaces: Vec<S<String>>,
    #[serde(default)]
    pub targets: Vec<S<RawTarget>>,
    /// Namespaces that reach the same consumer: a code may appear once per surface.
    #[serde(default)]
    pub surfaces: Vec<S<RawSurface>>,
    /// Rule id → allow | warn | deny, for the whole catalog.
    #[serde(default)]
    pub lints: Option<S<SpannedMap>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSurface {
    pub id: S<String>,
    #[serde(default)]
    pub title: Option<S<RawText>>,
    pub namespaces: Vec<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocs {
    pub base_url: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTarget {
    pub id: S<String>,
    /// Template directory under `<root>/templates/`.
    pub templates: S<String>,
    /// Output directory, relative to the root.
    pub out: S<String>,
    #[serde(default)]
    pub profile: Option<S<RawProfile>>,
    #[serde(default)]
    pub files: Option<Vec<S<RawFileSpec>>>,
    #[serde(default)]
    pub options: BTreeMap<String, serde_json::Value>,
}

/// `target.yaml` in a template directory: the defaults a catalog's target entry may override.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTemplateManifest {
    #[serde(default)]
    pub description: Option<String>,
    pub profile: S<RawProfile>,
    pub files: Vec<S<RawFileSpec>>,
    /// Options the templates read, with their defaults.
    #[serde(default)]
    pub options: BTreeMap<String, serde_json::Value>,
}

/// `profile:` the name of a built-in profile, or a generic profile declared in place.
#[derive(Debug)]
pub enum RawProfile {
    Builtin(String),
    Generic(Box<RawGenericProfile>),
}

impl<'de> Deserialize<'de> for RawProfile {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawProfile;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a built-in profile name, or a map declaring a generic profile")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<RawProfile, E> {
                Ok(RawProfile::Builtin(s.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, m: A) -> Result<RawProfile, A::Error> {
                let generic =
                    RawGenericProfile::deserialize(de::value::MapAccessDeserializer::new(m))?;
                Ok(RawProfile::Generic(Box::new(generic)))
            }
        }
        d.deserialize_any(V)
    }
}

/// A profile declared by a target: names and escapes for a language errcat has no built-in profile for.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGenericProfile {
    /// Case styles by their usual names: `UpperCamelCase`, `snake_case`, …
    pub type_case: S<String>,
    pub variant_case: S<String>,
    pub member_case: S<String>,
    pub module_case: S<String>,
    /// Appended to every namespace's type name (`Error` in `EduRestError`).
    #[serde(default)]
    pub type_suffix: Option<S<String>>,
    /// Identifiers that must be changed (with `keyword_suffix`) to be legal.
    #[serde(default)]
    pub keywords: Vec<S<String>>,
    /// Appended to an identifier that is a keyword; `_` when not given.
    #[serde(default)]
    pub keyword_suffix: Option<S<String>>,
    /// The string-literal escape style, by name.
    pub strings: S<String>,
    /// The line-comment token of headers and doc lines: `#`, `//`, `--`.
    pub line_comment: S<String>,
    /// The integer types codes may use, narrowest first; none: codes are unbounded.
    #[serde(default)]
    pub integers: Vec<S<RawIntType>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIntType {
    #[serde(rename = "type")]
    pub name: S<String>,
    pub min: S<i64>,
    pub max: S<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFileSpec {
    /// Template file name inside the template directory.
    pub template: S<String>,
    /// Output path (a Tera template itself), relative to the target's output directory.
    pub path: S<String>,
    /// `catalog` (one file) or `namespace` (one file per namespace).
    #[serde(default)]
    pub each: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNamespace {
    pub namespace: S<String>,
    #[serde(default)]
    pub title: Option<S<RawText>>,
    #[serde(default)]
    pub description: Option<S<RawText>>,
    #[serde(default)]
    pub locales: Option<Vec<S<String>>>,
    #[serde(default)]
    pub range: Option<S<RawRange>>,
    #[serde(default)]
    pub defaults: Option<RawDefaults>,
    #[serde(default)]
    pub source: Option<RawSource>,
    #[serde(default)]
    pub groups: Vec<S<RawGroup>>,
    #[serde(default)]
    pub reserved: Vec<S<RawReserved>>,
    #[serde(default)]
    pub entries: Vec<S<RawEntry>>,
    /// Rule id → allow | warn | deny, for this namespace.
    #[serde(default)]
    pub lints: Option<S<SpannedMap>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRange {
    pub min: S<i64>,
    pub max: S<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDefaults {
    #[serde(default)]
    pub http: Option<S<i64>>,
    #[serde(default)]
    pub retryable: Option<S<bool>>,
    #[serde(default)]
    pub severity: Option<S<RawSeverity>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    #[serde(default)]
    pub file: Option<S<String>>,
    #[serde(default)]
    pub section: Option<S<String>>,
    #[serde(default)]
    pub url: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    pub id: S<String>,
    pub title: S<RawText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReserved {
    pub code: S<i64>,
    #[serde(default)]
    pub name: Option<S<String>>,
    pub reason: S<String>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum RawSeverity {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntry {
    pub code: S<i64>,
    pub name: S<String>,
    #[serde(default)]
    pub title: Option<S<RawText>>,
    pub message: S<RawText>,
    #[serde(default)]
    pub description: Option<S<RawText>>,
    #[serde(default)]
    pub cause: Option<S<RawText>>,
    #[serde(default)]
    pub solution: Option<S<RawText>>,
    #[serde(default)]
    pub http: Option<S<i64>>,
    #[serde(default)]
    pub retryable: Option<S<bool>>,
    #[serde(default)]
    pub severity: Option<S<RawSeverity>>,
    #[serde(default)]
    pub group: Option<S<String>>,
    #[serde(default)]
    pub since: Option<S<String>>,
    #[serde(default)]
    pub tags: Vec<S<String>>,
    #[serde(default)]
    pub params: Vec<S<String>>,
    #[serde(default)]
    pub deprecated: Option<S<RawDeprecated>>,
    /// Findings accepted for this code, each with a reason.
    #[serde(default)]
    pub acknowledge: Vec<S<RawAcknowledgement>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAcknowledgement {
    pub rule: S<String>,
    pub reason: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeprecated {
    pub reason: S<String>,
    #[serde(default)]
    pub replaced_by: Option<S<String>>,
}

/// A text: a plain string (in the default locale) or a map locale → string.
#[derive(Debug)]
pub enum RawText {
    Plain(String),
    ByLocale(Vec<(S<String>, String)>),
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text: a string, or a map from locale to string")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<RawText, E> {
                Ok(RawText::Plain(s.to_owned()))
            }
            // `message: 404` reads unambiguously as the text "404"; floats and booleans do not.
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<RawText, E> {
                Ok(RawText::Plain(n.to_string()))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<RawText, E> {
                Ok(RawText::Plain(n.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<RawText, A::Error> {
                let mut v = Vec::new();
                while let Some(k) = m.next_key::<S<String>>()? {
                    v.push((k, m.next_value::<String>()?));
                }
                Ok(RawText::ByLocale(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// A string → string map that keeps the position of every key and value.
#[derive(Debug, Default)]
pub struct SpannedMap(pub Vec<(S<String>, S<String>)>);

impl<'de> Deserialize<'de> for SpannedMap {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = SpannedMap;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map from rule id to allow, warn or deny")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<SpannedMap, A::Error> {
                let mut v = Vec::new();
                while let Some(k) = m.next_key::<S<String>>()? {
                    v.push((k, m.next_value::<S<String>>()?));
                }
                Ok(SpannedMap(v))
            }
        }
        d.deserialize_map(V)
    }
}
