//! The catalog as written: serde types with positions, before validation.
//!
//! Every field is `Spanned` so validation can point at it; unknown fields are
//! rejected by serde so typos never pass silently.

use std::collections::BTreeMap;
use std::fmt;

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use serde_saphyr::{Location, Spanned};

use super::number::{nullable_whole, opt_flag, opt_whole, whole};

/// A value and where it was written: serde-saphyr's `Spanned`, in a type of errcat's
/// own so the JSON Schema (`errcat schema`) can describe it as the bare value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct S<T> {
    pub value: T,
    pub referenced: Location,
    pub defined: Location,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for S<T> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Spanned::<T>::deserialize(d)?;
        Ok(S {
            value: s.value,
            referenced: s.referenced,
            defined: s.defined,
        })
    }
}

impl<T> S<T> {
    /// The same position with the value turned into another.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> S<U> {
        S {
            value: f(self.value),
            referenced: self.referenced,
            defined: self.defined,
        }
    }
}

/// Positions are not part of the file format: the schema is the inner value's.
impl<T: JsonSchema> JsonSchema for S<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

/// A catalog file (`schema/catalog.yaml`): the locales, the namespace files and the targets.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Catalog")]
pub struct RawCatalog {
    /// The catalog id: lower-case, dash-separated.
    pub catalog: S<String>,
    /// The version of this file format: 1.
    #[serde(deserialize_with = "whole")]
    pub format: S<i64>,
    /// The catalog's own version (bump it on breaking changes).
    #[serde(default)]
    pub version: Option<S<String>>,
    /// The project root, relative to the catalog file; every other path is relative to it.
    #[serde(default)]
    pub root: Option<S<String>>,
    /// The command that regenerates the output, as every generated file's header names
    /// it (`cargo xtask gen` where an xtask runs errcat); `errcat gen <catalog file>`
    /// when not given. One line.
    #[serde(default)]
    pub regenerate: Option<S<String>>,
    /// Every locale a text may use, e.g. `[en, zh-CN]`.
    pub locales: Vec<S<String>>,
    /// The locales every message must have where a namespace names none (its own
    /// `locales:`); default: all of `locales`. A locale left out is in progress: its
    /// texts are used where they exist, and a missing one is no finding.
    #[serde(default)]
    pub required_locales: Option<Vec<S<String>>>,
    /// The fallback locale; one of `locales`.
    pub default_locale: S<String>,
    /// Where the generated error dictionary is published.
    #[serde(default)]
    pub docs: Option<RawDocs>,
    /// Namespace files or globs, relative to the catalog file.
    pub namespaces: Vec<S<String>>,
    /// One entry per generated output (code or docs).
    #[serde(default)]
    pub targets: Vec<S<RawTarget>>,
    /// Namespaces that reach the same consumer: a code may appear once per surface.
    #[serde(default)]
    pub surfaces: Vec<S<RawSurface>>,
    /// Rule id → allow | warn | deny, for the whole catalog.
    #[serde(default)]
    pub lints: Option<S<SpannedMap>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Surface")]
pub struct RawSurface {
    /// The surface id: lower-case, dash-separated.
    pub id: S<String>,
    /// A title for docs.
    #[serde(default)]
    pub title: Option<S<RawText>>,
    /// The namespaces whose codes reach this consumer; inside a surface a code may appear once.
    pub namespaces: Vec<S<String>>,
}

/// Settings of the generated error dictionary.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Docs")]
pub struct RawDocs {
    /// Docs links are this URL + page + `#` + anchor.
    pub base_url: S<String>,
}

/// A generated output: a template set, an output directory and its options.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Target")]
pub struct RawTarget {
    /// The target id (`errcat gen --out-dir DIR` writes to `DIR/<id>/`).
    pub id: S<String>,
    /// Template directory under `<root>/templates/`.
    pub templates: S<String>,
    /// Output directory, relative to the root.
    pub out: S<String>,
    #[serde(default)]
    pub profile: Option<S<RawProfile>>,
    #[serde(default)]
    pub files: Option<Vec<S<RawFileSpec>>>,
    /// Values over the defaults of its target.yaml's `options:`.
    #[serde(default)]
    pub options: BTreeMap<String, S<OptionValue>>,
}

/// `target.yaml` in a template directory: the defaults a catalog's target entry may override.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "TemplateManifest")]
pub struct RawTemplateManifest {
    /// What the target generates.
    #[serde(default)]
    pub description: Option<String>,
    pub profile: S<RawProfile>,
    pub files: Vec<S<RawFileSpec>>,
    /// Options the templates read, with their defaults.
    #[serde(default)]
    pub options: BTreeMap<String, S<OptionValue>>,
    /// What an option's value must be (text, identifier, qualified-name, crate-name,
    /// npm-name, module-path, locale-map); errcat refuses a catalog that sets another.
    #[serde(default)]
    pub option_kinds: BTreeMap<String, S<String>>,
    /// What each option is for, in a line: shown in the options' docs, and beside the
    /// name errcat suggests for a misspelt one.
    #[serde(default)]
    pub option_docs: BTreeMap<String, S<String>>,
    /// What the generated code can hold; a catalog beyond a limit is refused.
    #[serde(default)]
    pub limits: Option<RawLimits>,
    /// Names the templates' own code takes, which identifiers made from the catalog avoid.
    #[serde(default)]
    pub reserved: Option<RawReservedNames>,
}

/// An option's value as written: the value, and where each key of a map in it was
/// written, so that a check of a key at any depth (`ui: { de: { mesage: … } }`)
/// points at that key.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionValue {
    pub json: serde_json::Value,
    /// Every map key in the value, at any depth: the keys that lead to it, and it
    /// (a list's item by its index), where it was written.
    pub keys: Vec<S<Vec<String>>>,
}

impl OptionValue {
    fn leaf(json: serde_json::Value) -> OptionValue {
        OptionValue {
            json,
            keys: Vec::new(),
        }
    }

    /// Where the key at `path` was written.
    pub fn key(&self, path: &[&str]) -> Option<&S<Vec<String>>> {
        self.keys.iter().find(|k| k.value.iter().eq(path.iter()))
    }

    /// `inner`'s keys, under the key or index `at` of this value.
    fn keys_under(at: &str, inner: Vec<S<Vec<String>>>) -> impl Iterator<Item = S<Vec<String>>> {
        inner
            .into_iter()
            .map(move |k| k.map(|path| std::iter::once(at.to_owned()).chain(path).collect()))
    }
}

/// Any value, as `serde_json::Value` takes it.
impl JsonSchema for OptionValue {
    fn inline_schema() -> bool {
        serde_json::Value::inline_schema()
    }
    fn schema_name() -> Cow<'static, str> {
        serde_json::Value::schema_name()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        serde_json::Value::json_schema(generator)
    }
}

impl<'de> Deserialize<'de> for OptionValue {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OptionValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an option's value")
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<OptionValue, E> {
                Ok(OptionValue::leaf(b.into()))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<OptionValue, E> {
                Ok(OptionValue::leaf(n.into()))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<OptionValue, E> {
                Ok(OptionValue::leaf(n.into()))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<OptionValue, E> {
                let n = serde_json::Number::from_f64(n);
                Ok(OptionValue::leaf(
                    n.map_or(serde_json::Value::Null, Into::into),
                ))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<OptionValue, E> {
                Ok(OptionValue::leaf(s.into()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<OptionValue, E> {
                Ok(OptionValue::leaf(serde_json::Value::Null))
            }
            fn visit_none<E: de::Error>(self) -> Result<OptionValue, E> {
                self.visit_unit()
            }
            fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<OptionValue, D::Error> {
                OptionValue::deserialize(d)
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut s: A) -> Result<OptionValue, A::Error> {
                let (mut items, mut keys) = (Vec::new(), Vec::new());
                while let Some(item) = s.next_element::<OptionValue>()? {
                    keys.extend(OptionValue::keys_under(&items.len().to_string(), item.keys));
                    items.push(item.json);
                }
                Ok(OptionValue {
                    json: serde_json::Value::Array(items),
                    keys,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<OptionValue, A::Error> {
                let (mut map, mut keys) = (serde_json::Map::new(), Vec::new());
                while let Some(k) = m.next_key::<S<String>>()? {
                    let v = m.next_value::<OptionValue>()?;
                    keys.push(k.clone().map(|name| vec![name]));
                    keys.extend(OptionValue::keys_under(&k.value, v.keys));
                    map.insert(k.value, v.json);
                }
                Ok(OptionValue {
                    json: serde_json::Value::Object(map),
                    keys,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// `reserved:` in `target.yaml`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawReservedNames {
    /// The names a typed formatter gives its own parameters and locals beside one
    /// parameter per placeholder (`locale`): a placeholder's parameter that would
    /// take one gets the keyword suffix instead (`locale_`).
    #[serde(default)]
    pub params: Vec<S<String>>,
    /// The names the templates' own code gives locals or receivers where it also names a
    /// namespace's module (`module_name`: a package-level variable, a file stem): a
    /// namespace whose module would take one gets the keyword suffix instead (`code_`).
    #[serde(default)]
    pub modules: Vec<S<String>>,
}

/// `limits:` in `target.yaml`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLimits {
    /// The most codes one namespace may have (a Java enum's static initializer, which
    /// creates every constant, may not exceed 64 KiB of bytecode).
    #[serde(default, deserialize_with = "opt_whole")]
    pub codes_per_namespace: Option<S<u32>>,
    /// The most params (placeholders) one code may declare (a Java method takes at
    /// most 255 parameters, and a typed formatter has one for the locale).
    #[serde(default, deserialize_with = "opt_whole")]
    pub params_per_code: Option<S<u32>>,
    /// The most bytes one text may have in one locale, counted in UTF-8 before any
    /// escaping (ISO C99 compilers need accept no string literal beyond 4,095).
    #[serde(default, deserialize_with = "opt_whole")]
    pub text_bytes: Option<S<u32>>,
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

/// Either form: a built-in name (offered by editors), or a generic profile.
impl JsonSchema for RawProfile {
    fn schema_name() -> Cow<'static, str> {
        "Profile".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let names: Vec<String> = crate::naming::BUILTIN
            .iter()
            .map(|p| p.name.to_string())
            .collect();
        let generic = generator.subschema_for::<RawGenericProfile>();
        json_schema!({
            "description": "The naming and escaping profile: a built-in one by name, or a generic profile declared in place.",
            "oneOf": [
                { "type": "string", "enum": names },
                generic
            ]
        })
    }
}

/// A profile declared by a target: names and escapes for a language errcat has no built-in profile for.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "GenericProfile")]
pub struct RawGenericProfile {
    /// Case styles by their usual names: `UpperCamelCase`, `snake_case`, …
    pub type_case: S<String>,
    pub variant_case: S<String>,
    pub member_case: S<String>,
    /// Case of `formatter_ident` when not `member_case`'s: `FormatRoomNotExist` where a capital exports a name.
    #[serde(default)]
    pub formatter_case: Option<S<String>>,
    pub module_case: S<String>,
    /// Appended to every namespace's type name (`Error` in `EduRestError`).
    #[serde(default)]
    pub type_suffix: Option<S<String>>,
    /// Identifiers that must be changed (with `keyword_suffix`) to be legal.
    #[serde(default)]
    pub keywords: Vec<S<String>>,
    /// Whether `keywords` match in any case, as in SQL (`Select` is `select`).
    #[serde(default)]
    pub keywords_ignore_case: Option<bool>,
    /// Words that camel-case identifiers write in capitals: `ID`, `URL` (`roomID`).
    #[serde(default)]
    pub initialisms: Vec<S<String>>,
    /// Appended to an identifier that is a keyword; `_` when not given.
    #[serde(default)]
    pub keyword_suffix: Option<S<String>>,
    /// The string-literal escape style, by name.
    pub strings: S<String>,
    /// Characters that start an interpolation in the language's strings (`$` in Kotlin, `#` in Ruby): written with a backslash.
    #[serde(default)]
    pub interpolation: Option<S<String>>,
    /// The line-comment token of headers and doc lines: `#`, `//`, `--`.
    pub line_comment: S<String>,
    /// The language's block comment, for doc lines written inside one (KDoc's `/** … */`):
    /// every opening or closing token in a text is broken with a space.
    #[serde(default)]
    pub block_comment: Option<S<RawBlockComment>>,
    /// How doc lines lay out a text: `lines` (the default: each line of the text a line
    /// of the comment), or `reflowed`, for a doc tool that joins the lines of a
    /// paragraph and reads some lines as markup (headings, links, quote pairs): each
    /// line of the text a paragraph, a line it would read as markup preformatted.
    #[serde(default)]
    pub doc_format: Option<S<String>>,
    /// The integer types codes may use, narrowest first; none: codes are unbounded.
    #[serde(default)]
    pub integers: Vec<S<RawIntType>>,
}

/// A block comment's tokens: `{ open: "/*", close: "*/" }`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "BlockComment")]
pub struct RawBlockComment {
    /// The token that opens the comment (and a nested one, in languages that nest them).
    pub open: S<String>,
    /// The token that closes it.
    pub close: S<String>,
}

/// An integer type of the target language and the codes it holds.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "IntType")]
pub struct RawIntType {
    #[serde(rename = "type")]
    pub name: S<String>,
    #[serde(deserialize_with = "whole")]
    pub min: S<i64>,
    #[serde(deserialize_with = "whole")]
    pub max: S<i64>,
}

/// One file (or one per namespace, locale, or namespace and locale) that a target renders from a template.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "FileSpec")]
pub struct RawFileSpec {
    /// Template file name inside the template directory.
    pub template: S<String>,
    /// Output path (a Tera template itself), relative to the target's output directory.
    pub path: S<String>,
    /// What the file is rendered once for: `catalog` (one file, the default),
    /// `namespace`, `locale` or `namespace_locale`.
    #[serde(default)]
    #[schemars(schema_with = "each_schema")]
    pub each: Option<S<String>>,
    /// For a file rendered once per catalog or locale: a template of this directory
    /// rendered once per namespace (or run of codes, see `parts_by`), on every core,
    /// whose outputs the file's template reads as `parts`
    /// (in namespace order). A file that lists every namespace's entries then need not
    /// hold them all as template values at once.
    #[serde(default)]
    pub parts: Option<S<String>>,
    /// What `parts` is rendered once for: `namespace` (the default; the part sees
    /// `namespace`) or `codes` (each run of up to 1,000 codes of the code lookup, in
    /// code order; the part sees that run as `codes`).
    #[serde(default)]
    #[schemars(schema_with = "parts_by_schema")]
    pub parts_by: Option<S<String>>,
}

/// `each:` as the schema offers it to editors (the validator names the same values).
fn each_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "enum": ["catalog", "namespace", "locale", "namespace_locale", null] })
}

/// `parts_by:` as the schema offers it to editors.
fn parts_by_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "enum": ["namespace", "codes", null] })
}

/// `since:`, which errcat reads as written: `since: 1.10` is "1.10", not the number
/// 1.1, so the schema must not flag an unquoted one that errcat accepts.
fn since_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "anyOf": [{ "type": "string" }, { "type": "number" }, { "type": "null" }] })
}

/// A namespace file: one family of error codes.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Namespace")]
pub struct RawNamespace {
    /// The namespace id: dotted lower-case segments, e.g. `edu.rest`.
    pub namespace: S<String>,
    /// A title for docs.
    #[serde(default)]
    pub title: Option<S<RawText>>,
    /// What the codes of this namespace have in common: plain text, shown as written
    /// (no Markdown or HTML), line breaks kept.
    #[serde(default)]
    pub description: Option<S<RawText>>,
    /// Locales every message must have (default: the catalog's).
    #[serde(default)]
    pub locales: Option<Vec<S<String>>>,
    /// The inclusive range every code must be in.
    #[serde(default)]
    pub range: Option<S<RawRange>>,
    /// Defaults for the entries.
    #[serde(default)]
    pub defaults: Option<RawDefaults>,
    /// Where the codes were imported from.
    #[serde(default)]
    pub source: Option<RawSource>,
    /// How the docs group the entries, in order.
    #[serde(default)]
    pub groups: Vec<S<RawGroup>>,
    /// Retired codes, never to be reused.
    #[serde(default)]
    pub reserved: Vec<S<RawReserved>>,
    /// The error codes.
    #[serde(default)]
    pub entries: Vec<S<RawEntry>>,
    /// Rule id → allow | warn | deny, for this namespace.
    #[serde(default)]
    pub lints: Option<S<SpannedMap>>,
}

/// An inclusive range of codes.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Range")]
pub struct RawRange {
    /// The smallest code allowed.
    #[serde(deserialize_with = "whole")]
    pub min: S<i64>,
    /// The largest code allowed.
    #[serde(deserialize_with = "whole")]
    pub max: S<i64>,
}

/// Values for the entries that do not set them.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Defaults")]
pub struct RawDefaults {
    /// The HTTP status of entries that name none.
    #[serde(default, deserialize_with = "opt_whole")]
    pub http: Option<S<i64>>,
    /// Whether entries that do not say are retryable.
    #[serde(default, deserialize_with = "opt_flag")]
    pub retryable: Option<S<bool>>,
    /// The severity of entries that name none.
    #[serde(default)]
    pub severity: Option<S<RawSeverity>>,
}

/// Where the codes of a namespace were imported from.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Source")]
pub struct RawSource {
    /// The file the codes came from.
    #[serde(default)]
    pub file: Option<S<String>>,
    /// The section of that file.
    #[serde(default)]
    pub section: Option<S<String>>,
    /// Where the source is published.
    #[serde(default)]
    pub url: Option<S<String>>,
}

/// A group of entries: a heading in the docs.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Group")]
pub struct RawGroup {
    /// The group id that entries name in `group`.
    pub id: S<String>,
    /// The heading of the group in docs.
    pub title: S<RawText>,
}

/// A retired code, never to be reused.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Reserved")]
pub struct RawReserved {
    /// The retired code.
    #[serde(deserialize_with = "whole")]
    pub code: S<i64>,
    /// The name it had.
    #[serde(default)]
    pub name: Option<S<String>>,
    /// Why it was retired.
    pub reason: S<String>,
}

/// How serious an error is.
#[derive(Clone, Copy, Debug, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
#[schemars(rename = "Severity")]
pub enum RawSeverity {
    Error,
    Warning,
    Info,
}

/// One error code.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Entry")]
pub struct RawEntry {
    /// The code: a whole number, negative allowed.
    #[serde(deserialize_with = "whole")]
    pub code: S<i64>,
    /// The name: SCREAMING_SNAKE_CASE, unique in the namespace.
    pub name: S<String>,
    /// A short title for docs.
    #[serde(default)]
    pub title: Option<S<RawText>>,
    /// The text shown to users; `{param}` placeholders are declared in `params`.
    ///
    /// Plain text, as every text: shown as written, never read as Markdown or HTML.
    pub message: S<RawText>,
    /// What the code means: plain text, shown as written (no Markdown or HTML); each
    /// line break is kept, an empty line starts a paragraph. Write several lines as a
    /// block scalar (`|`), whose final line break is no part of the text.
    #[serde(default)]
    pub description: Option<S<RawText>>,
    /// What causes it: plain text, shown as written, line breaks kept.
    #[serde(default)]
    pub cause: Option<S<RawText>>,
    /// What to do about it: plain text, shown as written, line breaks kept.
    #[serde(default)]
    pub solution: Option<S<RawText>>,
    /// The HTTP status that goes with it (100-599); `null`: none, whatever `defaults.http` says.
    #[serde(default, deserialize_with = "nullable_whole")]
    pub http: Option<S<Option<i64>>>,
    /// Whether the operation may be retried as it is.
    #[serde(default, deserialize_with = "opt_flag")]
    pub retryable: Option<S<bool>>,
    /// error, warning or info.
    #[serde(default)]
    pub severity: Option<S<RawSeverity>>,
    /// One of the namespace's `groups`.
    #[serde(default)]
    pub group: Option<S<String>>,
    /// The version that introduced it, read as written (`since: 1.10` is "1.10").
    #[serde(default)]
    #[schemars(schema_with = "since_schema")]
    pub since: Option<S<String>>,
    /// Free tags.
    #[serde(default)]
    pub tags: Vec<S<String>>,
    /// The message's placeholders, in order.
    #[serde(default)]
    pub params: Vec<S<String>>,
    /// Set when the code should no longer be used.
    #[serde(default, deserialize_with = "given")]
    #[schemars(with = "RawDeprecated")]
    pub deprecated: Option<S<RawDeprecated>>,
    /// Findings accepted for this code, each with a reason.
    #[serde(default)]
    pub acknowledge: Vec<S<RawAcknowledgement>>,
}

/// A finding accepted for one code.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Acknowledgement")]
pub struct RawAcknowledgement {
    /// The rule id (see docs/rules.md).
    pub rule: S<String>,
    /// Why the finding is accepted.
    pub reason: S<String>,
}

/// A key that must have a value: `deprecated:` left empty is a slip (its `reason:`
/// forgotten, or not indented under it), not "not deprecated".
fn given<'de, D: de::Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<S<T>>, D::Error> {
    let s = S::<Option<T>>::deserialize(d)?;
    match s.value {
        Some(value) => Ok(Some(S {
            value,
            referenced: s.referenced,
            defined: s.defined,
        })),
        None => Err(de::Error::custom(
            "`deprecated` has no value: give its `reason:`, indented under it, or remove the key",
        )),
    }
}

/// Why a code should no longer be used.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Deprecated")]
pub struct RawDeprecated {
    /// Why, and what to use instead.
    pub reason: S<String>,
    /// The name of the code that replaces it, in the same namespace.
    #[serde(default)]
    pub replaced_by: Option<S<String>>,
}

/// A text: a plain string (in the default locale) or a map locale → string.
#[derive(Debug)]
pub enum RawText {
    Plain(String),
    ByLocale(Vec<(S<String>, S<String>)>),
    /// A plain scalar YAML reads as a number or a flag (`0x10`, `1.0`, `true`): the value
    /// as YAML read it until the loader puts back the text as written (`load::written`).
    Scalar(String),
}

impl RawText {
    /// The one text in the default locale, when it is not given per locale.
    pub fn plain(&self) -> Option<&str> {
        match self {
            RawText::Plain(s) | RawText::Scalar(s) => Some(s),
            RawText::ByLocale(_) => None,
        }
    }
}

impl JsonSchema for RawText {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A text: a string in the default locale, or a map from locale to string; a number or a flag is the text as written (`0x10`, `1.0`, `true`). Plain text, shown as written in every output: no Markdown, HTML or template syntax is read in it; each line break is kept, and a block scalar's (`|`) final line break is no part of it.",
            "anyOf": [
                { "type": "string" },
                { "type": "number" },
                { "type": "boolean" },
                {
                    "type": "object",
                    "additionalProperties": {
                        "anyOf": [{ "type": "string" }, { "type": "number" }, { "type": "boolean" }]
                    }
                }
            ]
        })
    }
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text (a string, or a map from locale to string)")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<RawText, E> {
                Ok(RawText::Plain(s.to_owned()))
            }
            // `message: 0x10` is the text "0x10", as `message: { en: 0x10 }` is: what
            // YAML infers is only the value until the loader recovers the spelling.
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<RawText, E> {
                Ok(RawText::Scalar(n.to_string()))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<RawText, E> {
                Ok(RawText::Scalar(n.to_string()))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<RawText, E> {
                Ok(RawText::Scalar(n.to_string()))
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<RawText, E> {
                Ok(RawText::Scalar(b.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<RawText, A::Error> {
                let mut v = Vec::new();
                while let Some(k) = m.next_key::<S<String>>()? {
                    v.push((k, m.next_value::<S<String>>()?));
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

impl JsonSchema for SpannedMap {
    fn schema_name() -> Cow<'static, str> {
        "Lints".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Rule id → allow, warn or deny.",
            "type": "object",
            "additionalProperties": { "type": "string" }
        })
    }
}

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
