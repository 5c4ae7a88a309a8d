//! Per-language naming and escaping, decided in Rust and handed to templates ready-made.
//!
//! A [`Profile`] is data, not code: case styles, a keyword list, and the escape
//! styles for strings, doc comments and headers. Built-in profiles cover errcat's
//! own targets; a catalog may use any of them for a target of its own.

mod ascii;
mod doc;
mod escape;
mod keywords;
mod reflowed;

pub use ascii::latin_to_ascii;

pub use doc::{DocStyle, doc_paragraphs};
pub use escape::{
    CommentStyle, StringStyle, double_quoted, escape_also, interpolation_char_ok, is_invisible,
    visible,
};

use std::collections::BTreeSet;
use std::sync::LazyLock;

use heck::{ToKebabCase, ToLowerCamelCase, ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    UpperCamel,
    LowerCamel,
    Snake,
    ScreamingSnake,
    Kebab,
}

impl Case {
    /// Every case style, by the name a generic profile declares it with.
    pub const NAMED: [(&'static str, Case); 5] = [
        ("UpperCamelCase", Case::UpperCamel),
        ("lowerCamelCase", Case::LowerCamel),
        ("snake_case", Case::Snake),
        ("SCREAMING_SNAKE_CASE", Case::ScreamingSnake),
        ("kebab-case", Case::Kebab),
    ];

    pub fn apply(self, s: &str) -> String {
        if let Some(fast) = self.apply_one_case(s) {
            return fast;
        }
        match self {
            Case::UpperCamel => s.to_upper_camel_case(),
            Case::LowerCamel => s.to_lower_camel_case(),
            Case::Snake => s.to_snake_case(),
            Case::ScreamingSnake => s.to_shouty_snake_case(),
            Case::Kebab => s.to_kebab_case(),
        }
    }

    /// The common cases without heck's general word splitting: a name whose
    /// `_`-separated words are each ASCII letters of one case and digits
    /// (`ROOM_NOT_EXIST`, and `format_room_not_exist` of a formatter's name) has
    /// exactly those words, so each style only re-cases and re-joins them. Proven
    /// equal to heck in tests; `None` for any other input.
    fn apply_one_case(self, s: &str) -> Option<String> {
        // One pass over the bytes, re-cased as they come; given up at the first byte
        // that shows the name is of another form (rare for a code's name), as heck
        // then splits its words.
        let mut out = Vec::with_capacity(s.len());
        let (mut word, mut at, mut upper, mut lower) = (0, 0, false, false);
        for &b in s.as_bytes() {
            if b == b'_' {
                if at == 0 {
                    return None;
                }
                (word, at, upper, lower) = (word + 1, 0, false, false);
                continue;
            }
            upper |= b.is_ascii_uppercase();
            lower |= b.is_ascii_lowercase();
            if (upper && lower) || !b.is_ascii_alphanumeric() {
                return None;
            }
            if at == 0 && word > 0 {
                match self {
                    Case::ScreamingSnake | Case::Snake => out.push(b'_'),
                    Case::Kebab => out.push(b'-'),
                    Case::UpperCamel | Case::LowerCamel => {}
                }
            }
            let capital = match self {
                Case::ScreamingSnake => true,
                Case::Snake | Case::Kebab => false,
                Case::LowerCamel => at == 0 && word > 0,
                Case::UpperCamel => at == 0,
            };
            out.push(if capital {
                b.to_ascii_uppercase()
            } else {
                b.to_ascii_lowercase()
            });
            at += 1;
        }
        if at == 0 {
            return None;
        }
        // Only ASCII letters and digits were pushed.
        String::from_utf8(out).ok()
    }
}

/// How an identifier that is a keyword is made legal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeywordFix {
    /// `r#type`, falling back to a `_` suffix for words that cannot be raw (`self`, `Self`, `crate`, `super`).
    RawOrSuffix,
    /// `class_` (with the suffix `_`)
    Suffix(String),
}

/// The integer type codes must fit in a target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntRange {
    pub min: i64,
    pub max: i64,
    /// How users know it: "Java int", "TypeScript safe integer".
    pub describe: String,
}

/// Naming and escaping for one output language: data, built in or declared by a target.
#[derive(Clone, Debug)]
pub struct Profile {
    pub name: String,
    pub type_case: Case,
    pub type_suffix: String,
    pub variant_case: Case,
    pub member_case: Case,
    /// Case of a typed formatter's identifier, when not `member_case`: where a
    /// capital exports a name, a formatter has one and its parameters do not.
    pub formatter_case: Option<Case>,
    pub module_case: Case,
    pub keywords: BTreeSet<String>,
    /// Keywords match in any case (SQL's `select` is `Select`); `keywords` are then
    /// lower-case.
    pub keywords_ignore_case: bool,
    pub keyword_fix: KeywordFix,
    pub strings: StringStyle,
    /// Characters that start an interpolation in the language's strings (`$` in
    /// Kotlin): every literal writes them with a backslash. Empty for most languages.
    pub interpolation: String,
    pub docs: DocStyle,
    pub comment: CommentStyle,
    pub int_range: Option<IntRange>,
    /// Integer type names, narrowest first, with their ranges: a namespace uses the first that holds all its codes.
    pub int_types: Vec<(String, i64, i64)>,
    /// Names identifiers of one kind must not take, beyond the keywords.
    pub reserved: ReservedNames,
    /// Words a camel-case identifier writes in capitals (`ID`, `URL`: `roomID`),
    /// upper-case; none for most languages.
    pub initialisms: BTreeSet<String>,
}

/// Names that identifiers of one kind must avoid though the language allows them:
/// they would shadow, or be shadowed by, a name the generated code uses. Such an
/// identifier gets the keyword suffix (never `r#`, which does not rename: `r#std`
/// is still `std`).
#[derive(Clone, Debug, Default)]
pub struct ReservedNames {
    /// Names a typed formatter's template gives its own parameters and locals
    /// (`reserved: params` in target.yaml): no placeholder's parameter takes one.
    pub params: BTreeSet<String>,
    /// Names a namespace's module must not take.
    pub modules: BTreeSet<String>,
}

fn owned(words: &[&str]) -> BTreeSet<String> {
    words.iter().map(|w| w.to_string()).collect()
}

fn int_range(min: i64, max: i64, describe: &str) -> Option<IntRange> {
    Some(IntRange {
        min,
        max,
        describe: describe.to_string(),
    })
}

fn suffix() -> KeywordFix {
    KeywordFix::Suffix("_".to_string())
}

fn rust() -> Profile {
    Profile {
        name: "rust".into(),
        type_case: Case::UpperCamel,
        type_suffix: "Error".into(),
        variant_case: Case::UpperCamel,
        member_case: Case::Snake,
        formatter_case: None,
        module_case: Case::Snake,
        keywords: owned(keywords::RUST),
        keywords_ignore_case: false,
        keyword_fix: KeywordFix::RawOrSuffix,
        strings: StringStyle::Rust,
        interpolation: String::new(),
        docs: DocStyle::RustMarkdown,
        comment: CommentStyle::Line("//".into()),
        int_range: int_range(i64::MIN, i64::MAX, "Rust i64"),
        int_types: vec![
            ("i32".into(), i32::MIN as i64, i32::MAX as i64),
            ("i64".into(), i64::MIN, i64::MAX),
        ],
        // A crate-root module named like a standard crate shadows it in every path
        // of the crate root (`std::error::Error` would look inside the module); and
        // cargo reads a `src/main.rs` as the crate's binary.
        reserved: ReservedNames {
            params: BTreeSet::new(),
            modules: owned(&["std", "core", "alloc", "main"]),
        },
        initialisms: BTreeSet::new(),
    }
}

fn java() -> Profile {
    Profile {
        name: "java".into(),
        type_case: Case::UpperCamel,
        type_suffix: "Error".into(),
        variant_case: Case::ScreamingSnake,
        member_case: Case::LowerCamel,
        formatter_case: None,
        module_case: Case::UpperCamel,
        keywords: owned(keywords::JAVA),
        keywords_ignore_case: false,
        keyword_fix: suffix(),
        strings: StringStyle::Java,
        interpolation: String::new(),
        docs: DocStyle::JavaDoc,
        comment: CommentStyle::Line("//".into()),
        int_range: int_range(i32::MIN as i64, i32::MAX as i64, "Java int"),
        int_types: vec![("int".into(), i32::MIN as i64, i32::MAX as i64)],
        reserved: ReservedNames::default(),
        initialisms: BTreeSet::new(),
    }
}

fn typescript() -> Profile {
    Profile {
        name: "typescript".into(),
        type_case: Case::UpperCamel,
        type_suffix: "Error".into(),
        variant_case: Case::ScreamingSnake,
        member_case: Case::LowerCamel,
        formatter_case: None,
        module_case: Case::Kebab,
        keywords: owned(keywords::TYPESCRIPT),
        keywords_ignore_case: false,
        keyword_fix: suffix(),
        strings: StringStyle::JavaScript,
        interpolation: String::new(),
        docs: DocStyle::JsDoc,
        comment: CommentStyle::Line("//".into()),
        int_range: int_range(
            -9_007_199_254_740_991,
            9_007_199_254_740_991,
            "TypeScript safe integer",
        ),
        int_types: vec![("number".into(), i64::MIN, i64::MAX)],
        reserved: ReservedNames::default(),
        initialisms: BTreeSet::new(),
    }
}

fn markdown() -> Profile {
    Profile {
        name: "markdown".into(),
        type_case: Case::UpperCamel,
        type_suffix: String::new(),
        variant_case: Case::ScreamingSnake,
        member_case: Case::Snake,
        formatter_case: None,
        module_case: Case::Kebab,
        keywords: BTreeSet::new(),
        keywords_ignore_case: false,
        keyword_fix: suffix(),
        strings: StringStyle::Markdown,
        interpolation: String::new(),
        docs: DocStyle::Markdown,
        comment: CommentStyle::Html,
        int_range: None,
        int_types: Vec::new(),
        reserved: ReservedNames::default(),
        initialisms: BTreeSet::new(),
    }
}

fn json() -> Profile {
    Profile {
        name: "json".into(),
        type_case: Case::UpperCamel,
        type_suffix: String::new(),
        variant_case: Case::ScreamingSnake,
        member_case: Case::Snake,
        formatter_case: None,
        module_case: Case::Snake,
        keywords: BTreeSet::new(),
        keywords_ignore_case: false,
        keyword_fix: suffix(),
        strings: StringStyle::Json,
        interpolation: String::new(),
        docs: DocStyle::Plain,
        comment: CommentStyle::JsonField,
        // RFC 8259: beyond ±(2^53 − 1) JavaScript's JSON.parse, and other readers
        // that hold numbers as doubles, merge neighbouring codes.
        int_range: int_range(
            -9_007_199_254_740_991,
            9_007_199_254_740_991,
            "JSON integer every parser reads exactly (RFC 8259)",
        ),
        int_types: Vec::new(),
        reserved: ReservedNames::default(),
        initialisms: BTreeSet::new(),
    }
}

/// The profiles a target may name.
pub static BUILTIN: LazyLock<Vec<Profile>> =
    LazyLock::new(|| vec![rust(), java(), typescript(), markdown(), json()]);

pub fn builtin(name: &str) -> Option<Profile> {
    BUILTIN.iter().find(|p| p.name == name).cloned()
}

/// The first of `int_types` (a profile's, narrowest first) that holds every one of
/// `codes`: a namespace's integer type, which `errcat diff` compares too.
pub fn int_type(
    int_types: &[(String, i64, i64)],
    codes: impl Iterator<Item = i64> + Clone,
) -> Option<&str> {
    int_types
        .iter()
        .find(|(_, min, max)| codes.clone().all(|c| (*min..=*max).contains(&c)))
        .map(|(name, _, _)| name.as_str())
}

impl Profile {
    /// Makes `ident` legal: keywords get the profile's fix; a leading digit gets `_`.
    pub fn sanitize(&self, ident: String) -> String {
        let ident = if ident.starts_with(|c: char| c.is_ascii_digit()) {
            format!("_{ident}")
        } else {
            ident
        };
        if !self.is_keyword(&ident) {
            return ident;
        }
        match &self.keyword_fix {
            KeywordFix::RawOrSuffix if !keywords::RUST_NOT_RAW.contains(&ident.as_str()) => {
                format!("r#{ident}")
            }
            _ => format!("{ident}{}", self.keyword_suffix()),
        }
    }

    /// Whether `word` is one of the profile's keywords (in any case, if it says so).
    pub fn is_keyword(&self, word: &str) -> bool {
        if self.keywords_ignore_case {
            self.keywords.contains(&word.to_lowercase())
        } else {
            self.keywords.contains(word)
        }
    }

    /// What a keyword that cannot be raw, or a reserved name, gets appended.
    fn keyword_suffix(&self) -> &str {
        match &self.keyword_fix {
            KeywordFix::RawOrSuffix => "_",
            KeywordFix::Suffix(s) => s,
        }
    }

    /// `s` in `case`; in the camel cases each word that is one of the profile's
    /// initialisms in capitals: `room_id` → `roomID`, `format_user_id` →
    /// `FormatUserID` (a lower-camel identifier's first word stays lower-case: `idCard`).
    fn cased(&self, case: Case, s: &str) -> String {
        let out = case.apply(s);
        if self.initialisms.is_empty() || !matches!(case, Case::UpperCamel | Case::LowerCamel) {
            return out;
        }
        let mut result = String::with_capacity(out.len());
        let mut words = out
            .char_indices()
            .filter(|&(i, c)| i == 0 || c.is_uppercase());
        let mut start = words.next().map_or(0, |(i, _)| i);
        for end in words.map(|(i, _)| i).chain(std::iter::once(out.len())) {
            let word = &out[start..end];
            let upper = word.to_uppercase();
            let first_of_lower = case == Case::LowerCamel && start == 0;
            if !first_of_lower && self.initialisms.contains(&upper) {
                result.push_str(&upper);
            } else {
                result.push_str(word);
            }
            start = end;
        }
        result
    }

    /// Identifier of a namespace's type: `edu.rest` → `EduRestError`.
    pub fn type_name(&self, namespace: &str) -> String {
        let base = self.cased(self.type_case, &namespace.replace('.', "_"));
        self.sanitize(format!("{base}{}", self.type_suffix))
    }

    /// Identifier of a namespace's module or file stem: `edu.rest` → `edu_rest` / `edu-rest` / `EduRest`.
    pub fn module_name(&self, namespace: &str) -> String {
        let ident = self.sanitize(self.cased(self.module_case, &namespace.replace('.', "_")));
        self.avoid(&self.reserved.modules, ident)
    }

    /// Identifier of an entry: `ROOM_NOT_EXIST` → `RoomNotExist` / `ROOM_NOT_EXIST`.
    pub fn variant_name(&self, name: &str) -> String {
        self.sanitize(self.cased(self.variant_case, name))
    }

    /// Identifier of a parameter or field: `room_id` → `room_id` / `roomId`.
    pub fn member_name(&self, name: &str) -> String {
        self.sanitize(self.cased(self.member_case, name))
    }

    /// Identifier of the typed formatter of entry `name`: `ROOM_NOT_EXIST` →
    /// `format_room_not_exist` / `formatRoomNotExist` / `FormatRoomNotExist`.
    pub fn formatter_name(&self, name: &str) -> String {
        let case = self.formatter_case.unwrap_or(self.member_case);
        self.sanitize(self.cased(case, &format!("format_{}", name.to_lowercase())))
    }

    /// Identifier of a typed formatter's parameter: a member name that is none of the
    /// formatter's own names (`locale` → `locale_` where the formatter takes a `locale`).
    pub fn param_name(&self, name: &str) -> String {
        self.avoid(&self.reserved.params, self.member_name(name))
    }

    /// `ident`, or `ident` with the keyword suffix when `reserved` holds it.
    fn avoid(&self, reserved: &BTreeSet<String>, ident: String) -> String {
        if reserved.contains(&ident) {
            format!("{ident}{}", self.keyword_suffix())
        } else {
            ident
        }
    }

    /// Identifier for a locale: `zh-CN` → `ZhCn` (Rust) / `ZH_CN` (Java).
    pub fn locale_name(&self, tag: &str) -> String {
        self.sanitize(self.cased(self.variant_case, &tag.replace('-', "_")))
    }

    pub fn string(&self, s: &str) -> String {
        escape_also(self.strings.literal(s), &self.interpolation)
    }

    pub fn doc_lines(&self, s: &str) -> Vec<String> {
        self.docs.lines(s)
    }

    /// The generated-file header in this language's comment syntax.
    pub fn header(&self, lines: &[String]) -> String {
        self.comment.render(lines, self.strings)
    }

    pub fn fits(&self, code: i64) -> bool {
        self.int_range
            .as_ref()
            .is_none_or(|r| (r.min..=r.max).contains(&code))
    }
}

#[cfg(test)]
mod tests;
