//! Every rule errcat checks, with its stable id and default level.
//!
//! Ids are part of errcat's interface (config, JSON output, docs): never rename one.

use crate::diag::Severity;

#[derive(Debug)]
pub struct Rule {
    pub id: &'static str,
    pub default_severity: Severity,
    /// One line: what the rule catches.
    pub summary: &'static str,
}

macro_rules! rules {
    ($($name:ident = $id:literal, $sev:ident, $summary:literal;)*) => {
        $(pub const $name: Rule = Rule { id: $id, default_severity: Severity::$sev, summary: $summary };)*
        /// All rules, in documentation order.
        pub const ALL: &[Rule] = &[$($name),*];
    };
}

rules! {
    IO = "io", Error, "A file named by the catalog cannot be read.";
    YAML_SYNTAX = "yaml-syntax", Error, "The file is not valid YAML, or breaks a parser limit (alias budget, nesting).";
    DUPLICATE_KEY = "duplicate-key", Error, "A mapping has the same key twice.";
    UNKNOWN_FIELD = "unknown-field", Error, "A field errcat does not know (often a typo).";
    INVALID_VALUE = "invalid-value", Error, "A field has the wrong type or an impossible value.";
    UNSUPPORTED_FORMAT = "unsupported-format", Error, "The catalog declares a format version this errcat does not read.";
    BAD_PATH = "bad-path", Error, "A path in the catalog leaves the catalog's root, is absolute, or matches nothing.";
    INVALID_ID = "invalid-id", Error, "A catalog, namespace, target, group or locale id is malformed.";
    INVALID_NAME = "invalid-name", Error, "An entry name is not SCREAMING_SNAKE_CASE.";
    DUPLICATE_NAMESPACE = "duplicate-namespace", Error, "Two files declare the same namespace.";
    DUPLICATE_CODE = "duplicate-code", Error, "A code is defined twice in one namespace.";
    DUPLICATE_NAME = "duplicate-name", Error, "A name is used twice in one namespace.";
    RESERVED_CODE_REUSED = "reserved-code-reused", Error, "An entry uses a code the namespace retired.";
    CODE_OUT_OF_RANGE = "code-out-of-range", Error, "A code lies outside its namespace's declared range.";
    HTTP_STATUS = "http-status", Error, "An HTTP status outside 100-599.";
    INTEGER_WIDTH = "integer-width", Error, "A code does not fit a target's integer type.";
    UNKNOWN_LOCALE = "unknown-locale", Error, "A text uses a locale the catalog does not declare.";
    MISSING_TRANSLATION = "missing-translation", Error, "A message lacks a locale its namespace requires.";
    EMPTY_TEXT = "empty-text", Error, "A message or other text is empty.";
    PLACEHOLDER_MISMATCH = "placeholder-mismatch", Error, "A locale's message does not use every param the entry declares.";
    UNDECLARED_PLACEHOLDER = "undeclared-placeholder", Warning, "A message has `{name}` text that looks like a placeholder but is not a declared param (it stays literal).";
    UNKNOWN_GROUP = "unknown-group", Error, "An entry names a group its namespace does not declare.";
    DEPRECATED_TARGET = "deprecated-target", Error, "`replaced_by` names a code that does not exist or is itself deprecated.";
    TARGET_CONFIG = "target-config", Error, "A target declaration is incomplete or its templates are missing.";
    TEMPLATE = "template", Error, "A template failed to parse or render.";
    CODE_OVERLAP = "code-overlap", Warning, "The same code means different things in different namespaces.";
}

/// Looks a rule up by id.
pub fn find(id: &str) -> Option<&'static Rule> {
    ALL.iter().find(|r| r.id == id)
}
