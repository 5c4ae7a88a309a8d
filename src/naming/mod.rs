//! Per-language naming and escaping, decided in Rust and handed to templates ready-made.
//!
//! A [`Profile`] is data, not code: case styles, a keyword list, and the escape
//! styles for strings, doc comments and headers. Built-in profiles cover errcat's
//! own targets; a catalog may use any of them for a target of its own.

mod escape;
mod keywords;

pub use escape::{CommentStyle, DocStyle, StringStyle, is_invisible};

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
    pub fn apply(self, s: &str) -> String {
        match self {
            Case::UpperCamel => s.to_upper_camel_case(),
            Case::LowerCamel => s.to_lower_camel_case(),
            Case::Snake => s.to_snake_case(),
            Case::ScreamingSnake => s.to_shouty_snake_case(),
            Case::Kebab => s.to_kebab_case(),
        }
    }
}

/// How an identifier that is a keyword is made legal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeywordFix {
    /// `r#type`, falling back to a `_` suffix for words that cannot be raw (`self`, `Self`, `crate`, `super`).
    RawOrSuffix,
    /// `class_`
    Suffix,
}

/// The integer type codes must fit in a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntRange {
    pub min: i64,
    pub max: i64,
    /// How users know it: "Java int", "TypeScript safe integer".
    pub describe: &'static str,
}

#[derive(Clone, Debug)]
pub struct Profile {
    pub name: &'static str,
    pub type_case: Case,
    pub type_suffix: &'static str,
    pub variant_case: Case,
    pub member_case: Case,
    pub module_case: Case,
    pub keywords: &'static [&'static str],
    pub keyword_fix: KeywordFix,
    pub strings: StringStyle,
    pub docs: DocStyle,
    pub comment: CommentStyle,
    pub int_range: Option<IntRange>,
    /// Integer type names, narrowest first, with their ranges: a namespace uses the first that holds all its codes.
    pub int_types: &'static [(&'static str, i64, i64)],
}

pub const RUST: Profile = Profile {
    name: "rust",
    type_case: Case::UpperCamel,
    type_suffix: "Error",
    variant_case: Case::UpperCamel,
    member_case: Case::Snake,
    module_case: Case::Snake,
    keywords: keywords::RUST,
    keyword_fix: KeywordFix::RawOrSuffix,
    strings: StringStyle::Rust,
    docs: DocStyle::RustMarkdown,
    comment: CommentStyle::Line("//"),
    int_range: Some(IntRange {
        min: i64::MIN,
        max: i64::MAX,
        describe: "Rust i64",
    }),
    int_types: &[
        ("i32", i32::MIN as i64, i32::MAX as i64),
        ("i64", i64::MIN, i64::MAX),
    ],
};

pub const JAVA: Profile = Profile {
    name: "java",
    type_case: Case::UpperCamel,
    type_suffix: "Error",
    variant_case: Case::ScreamingSnake,
    member_case: Case::LowerCamel,
    module_case: Case::UpperCamel,
    keywords: keywords::JAVA,
    keyword_fix: KeywordFix::Suffix,
    strings: StringStyle::Java,
    docs: DocStyle::JavaDoc,
    comment: CommentStyle::Line("//"),
    int_range: Some(IntRange {
        min: i32::MIN as i64,
        max: i32::MAX as i64,
        describe: "Java int",
    }),
    int_types: &[("int", i32::MIN as i64, i32::MAX as i64)],
};

pub const TYPESCRIPT: Profile = Profile {
    name: "typescript",
    type_case: Case::UpperCamel,
    type_suffix: "Error",
    variant_case: Case::ScreamingSnake,
    member_case: Case::LowerCamel,
    module_case: Case::Kebab,
    keywords: keywords::TYPESCRIPT,
    keyword_fix: KeywordFix::Suffix,
    strings: StringStyle::JavaScript,
    docs: DocStyle::JsDoc,
    comment: CommentStyle::Line("//"),
    int_range: Some(IntRange {
        min: -9_007_199_254_740_991,
        max: 9_007_199_254_740_991,
        describe: "TypeScript safe integer",
    }),
    int_types: &[("number", i64::MIN, i64::MAX)],
};

pub const MARKDOWN: Profile = Profile {
    name: "markdown",
    type_case: Case::UpperCamel,
    type_suffix: "",
    variant_case: Case::ScreamingSnake,
    member_case: Case::Snake,
    module_case: Case::Kebab,
    keywords: &[],
    keyword_fix: KeywordFix::Suffix,
    strings: StringStyle::Markdown,
    docs: DocStyle::Markdown,
    comment: CommentStyle::Html,
    int_range: None,
    int_types: &[],
};

pub const JSON: Profile = Profile {
    name: "json",
    type_case: Case::UpperCamel,
    type_suffix: "",
    variant_case: Case::ScreamingSnake,
    member_case: Case::Snake,
    module_case: Case::Snake,
    keywords: &[],
    keyword_fix: KeywordFix::Suffix,
    strings: StringStyle::Json,
    docs: DocStyle::Plain,
    comment: CommentStyle::JsonField,
    int_range: None,
    int_types: &[],
};

/// The profiles a target may name.
pub const BUILTIN: &[Profile] = &[RUST, JAVA, TYPESCRIPT, MARKDOWN, JSON];

pub fn builtin(name: &str) -> Option<Profile> {
    BUILTIN.iter().find(|p| p.name == name).cloned()
}

impl Profile {
    /// Makes `ident` legal: keywords get the profile's fix; a leading digit gets `_`.
    pub fn sanitize(&self, ident: String) -> String {
        let ident = if ident.starts_with(|c: char| c.is_ascii_digit()) {
            format!("_{ident}")
        } else {
            ident
        };
        if !self.keywords.contains(&ident.as_str()) {
            return ident;
        }
        match self.keyword_fix {
            KeywordFix::RawOrSuffix if !keywords::RUST_NOT_RAW.contains(&ident.as_str()) => {
                format!("r#{ident}")
            }
            _ => format!("{ident}_"),
        }
    }

    /// Identifier of a namespace's type: `edu.rest` → `EduRestError`.
    pub fn type_name(&self, namespace: &str) -> String {
        let base = self.type_case.apply(&namespace.replace('.', "_"));
        self.sanitize(format!("{base}{}", self.type_suffix))
    }

    /// Identifier of a namespace's module or file stem: `edu.rest` → `edu_rest` / `edu-rest` / `EduRest`.
    pub fn module_name(&self, namespace: &str) -> String {
        self.sanitize(self.module_case.apply(&namespace.replace('.', "_")))
    }

    /// Identifier of an entry: `ROOM_NOT_EXIST` → `RoomNotExist` / `ROOM_NOT_EXIST`.
    pub fn variant_name(&self, name: &str) -> String {
        self.sanitize(self.variant_case.apply(name))
    }

    /// Identifier of a parameter or field: `room_id` → `room_id` / `roomId`.
    pub fn member_name(&self, name: &str) -> String {
        self.sanitize(self.member_case.apply(name))
    }

    /// Identifier for a locale: `zh-CN` → `ZhCn` (Rust) / `ZH_CN` (Java).
    pub fn locale_name(&self, tag: &str) -> String {
        self.sanitize(self.variant_case.apply(&tag.replace('-', "_")))
    }

    pub fn string(&self, s: &str) -> String {
        self.strings.literal(s)
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
            .is_none_or(|r| (r.min..=r.max).contains(&code))
    }
}

#[cfg(test)]
mod tests;
