//! The kinds of change, each with a stable id, whether it breaks deployed clients and why.

/// Declares the kinds in order: the breaking ones first, up to `CodeAdded`.
macro_rules! kinds {
    ($($kind:ident = $id:literal, $why:literal;)*) => {
        /// What changed. The ids (`Kind::id`) are stable: they start every message and name
        /// the fixtures in `tests/fixtures/diff/`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
        pub enum Kind {
            $($kind,)*
        }

        impl Kind {
            pub const ALL: &[Kind] = &[$(Kind::$kind,)*];

            pub fn id(self) -> &'static str {
                match self {
                    $(Kind::$kind => $id,)*
                }
            }

            /// Why it is breaking or compatible, for users of the generated code and docs
            /// (docs/rules.md lists it under `breaking-change` or `compatible-change`).
            pub fn why(self) -> &'static str {
                match self {
                    $(Kind::$kind => $why,)*
                }
            }
        }
    };
}

kinds! {
    CodeRemoved = "code-removed",
        "deployed clients still receive the code, and its number is free to come back with another meaning";
    NameChanged = "name-changed",
        "generated code names the code by it: code that names it stops compiling";
    NameMoved = "name-moved",
        "code that names it still compiles and now means another code";
    CodeMovedNamespace = "code-moved-namespace",
        "clients look a code up in its namespace, which no longer has it";
    HttpChanged = "http-changed",
        "clients and gateways act on the status";
    RetryableChanged = "retryable-changed",
        "clients decide by it whether to try again";
    ReservedRemoved = "reserved-removed",
        "the number is free to come back with a meaning deployed clients would misread";
    ReservedReused = "reserved-reused",
        "deployed clients may still send or expect its old meaning";
    NamespaceRemoved = "namespace-removed",
        "its codes and its generated type go with it";
    ParamRemoved = "param-removed",
        "callers of the code's formatter pass an argument it no longer takes";
    ParamAdded = "param-added",
        "every caller of the code's formatter must now pass it";
    ParamOrderChanged = "param-order-changed",
        "callers of the code's formatter still compile and pass the arguments swapped";
    LocaleRemoved = "locale-removed",
        "generated code has a constant per locale: code that names it stops compiling";
    LocaleRenamed = "locale-renamed",
        "generated code has a constant per locale, named after its tag: code that names the old one stops compiling, and a client that asks for the old tag exactly may get another locale";
    DefaultLocaleChanged = "default-locale-changed",
        "code that asks for no locale, and every untranslated text, shows another language; every docs link goes to that locale's pages";
    DocsUrlRemoved = "docs-url-removed",
        "generated code's docs link of every code is gone (`doc_url()` is `None`, the field `null`)";
    TargetRemoved = "target-removed",
        "its code is no longer generated: its consumers get no new codes, and its files go stale";
    PackageRenamed = "package-renamed",
        "an option of a name kind (`option_kinds:` other than `text`) names the package, module or crate: every import of the generated code must change";
    CodeRetired = "code-retired",
        "generated code no longer names it: code that names it stops compiling (its number stays reserved, never reused); deprecating it first warns its users, and the next major version retires it";
    IntTypeChanged = "int-type-changed",
        "generated code types a namespace's codes by the narrowest integer that holds them all (Rust's `i32` or `i64`): code that stores a code in the old type stops compiling";
    VersionLowered = "version-lowered",
        "generated packages carry the catalog's version (a crate's, an npm package's): package managers take the release for an older one, consumers' version requirements do not reach it, and the changelog lists it below the release it follows";
    CodeAdded = "code-added",
        "old clients see an unknown code, which they handle already";
    TextChanged = "text-changed",
        "texts are shown to people, not matched on";
    TranslationAdded = "translation-added",
        "clients in that locale get the text instead of a fallback (another locale's of its language and script, else the default locale's)";
    CodeDeprecated = "code-deprecated",
        "the code keeps working; users are told what to use instead";
    NamespaceAdded = "namespace-added",
        "new codes in a new type; nothing old changes";
    // Added later; compatible, so they sort after `CodeAdded` like the rest.
    CodeUndeprecated = "code-undeprecated",
        "the code keeps working; only the warning goes";
    SeverityChanged = "severity-changed",
        "severity is shown and logged, not matched on";
    GroupChanged = "group-changed",
        "groups arrange the docs";
    TagsChanged = "tags-changed",
        "tags label the code in the docs";
    SinceChanged = "since-changed",
        "`since` documents when the code came";
    RangeChanged = "range-changed",
        "every code stays inside the range (validation sees to it): only where future codes go changes";
    NamespaceTextChanged = "namespace-text-changed",
        "texts are shown to people, not matched on";
    DeprecationReasonChanged = "deprecation-reason-changed",
        "the code keeps working; the reason is shown to people, not matched on";
    ReplacementChanged = "replacement-changed",
        "the code keeps working; users are pointed at another code to move to";
    GroupAdded = "group-added",
        "groups arrange the docs";
    GroupRemoved = "group-removed",
        "groups arrange the docs; its codes moved to other groups, each reported as `group-changed`";
    GroupTitleChanged = "group-title-changed",
        "texts are shown to people, not matched on";
    NamespaceSourceChanged = "namespace-source-changed",
        "`source:` records where the codes were taken from, for the docs";
    LocaleAdded = "locale-added",
        "generated code gains a constant for it (Rust's enum is `#[non_exhaustive]`); a code without a text in it shows another locale's of its language and script, else the default locale's";
    CatalogRenamed = "catalog-renamed",
        "no code, name or namespace that clients match on changes: the id labels generated headers, docs titles and `catalog.json`";
    DocsUrlChanged = "docs-url-changed",
        "generated code links to the docs there (deployed clients keep linking to the old place, which should keep serving or redirect)";
    SurfaceAdded = "surface-added",
        "surfaces are listed in the docs and checked for clashing codes; generated code does not use them";
    SurfaceRemoved = "surface-removed",
        "surfaces are listed in the docs and checked for clashing codes; generated code does not use them";
    SurfaceChanged = "surface-changed",
        "surfaces are listed in the docs and checked for clashing codes; generated code does not use them";
    TargetAdded = "target-added",
        "new generated code for new consumers; nothing old changes";
    TargetOptionChanged = "target-option-changed",
        "an option whose `option_kinds:` kind is `text` or `locale-map`, or that has none, shapes texts and layout (the docs' interface labels), not a name code imports";
    RequiredLocalesChanged = "required-locales-changed",
        "a rule for the catalog's authors, which validation applies to every message; users see the texts, compared code by code (`translation-added`, `text-changed`), and an untranslated text falls back to another locale's of its language and script, else the default locale's";
}

/// What the comparison leaves out, and why (docs/rules.md shows it under the kinds).
pub const NOT_COMPARED: &str = "Not compared, as users of the generated code and docs do not \
    meet them or meet them elsewhere: `format`; `root` and the `namespaces:` patterns (the \
    namespaces they find are compared); a namespace's `defaults:` (the entries that take them \
    are); `lints:` and entries' `acknowledge:` (they change findings, not outputs); the \
    catalog's `version` going up (a major bump acknowledges breaking changes; going down is \
    `version-lowered`). Nor how a target renders \
    (its template set, `profile:`, `files:` and `out:`): they can change what the generated \
    code declares, which only its templates tell, and errcat does not compare templates; \
    the generated code's own diff shows it.";

impl Kind {
    /// Whether a client built against the old catalog can misread the new one.
    pub fn breaking(self) -> bool {
        self < Kind::CodeAdded
    }
}
