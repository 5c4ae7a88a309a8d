//! Every rule errcat checks: stable id, default level, and its documentation.
//!
//! Ids are part of errcat's interface (config, JSON output, docs): never rename one.
//! `docs/rules.md` is generated from this table by `cargo xtask gen`.

use crate::diag::Severity;

#[derive(Debug)]
pub struct Rule {
    pub id: &'static str,
    pub default_severity: Severity,
    /// One line: what the rule catches.
    pub summary: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// How to fix a finding.
    pub fix: &'static str,
    /// Whether a catalog may lower it (`allow`/`warn`). Rules whose violation would make
    /// generation wrong or impossible (a duplicate code, an unreadable file) cannot be lowered.
    pub relaxable: bool,
}

macro_rules! rules {
    ($($name:ident = $id:literal, $sev:ident, $relax:literal, $summary:literal, why: $why:literal, fix: $fix:literal;)*) => {
        $(pub const $name: Rule = Rule { id: $id, default_severity: Severity::$sev, summary: $summary, why: $why, fix: $fix, relaxable: $relax };)*
        /// All rules, in documentation order.
        pub const ALL: &[Rule] = &[$($name),*];
    };
}

rules! {
    IO = "io", Error, false, "A file named by the catalog cannot be read, or an import's input cannot be read or is not UTF-8 text.",
        why: "errcat cannot validate, generate or import from what it cannot read.",
        fix: "Correct the path, create the file, or save it as UTF-8.";
    YAML_SYNTAX = "yaml-syntax", Error, false, "The file is not valid UTF-8 YAML, or breaks a parser limit (alias budget, nesting depth).",
        why: "A file that does not parse has no meaning to check; the limits stop alias bombs and runaway nesting.",
        fix: "Fix the YAML at the position shown; expand anchors by hand if the alias budget is hit.";
    DUPLICATE_KEY = "duplicate-key", Error, false, "A mapping has the same key twice.",
        why: "YAML parsers disagree on which of two equal keys wins; one of them is silently lost.",
        fix: "Keep one of the two keys; where a deleted `- code:` line made two entries one, write it back.";
    UNKNOWN_FIELD = "unknown-field", Error, false, "A field errcat does not know, usually a typo.",
        why: "A misspelt field (`mesage:`) would otherwise be ignored and its text lost.",
        fix: "Use the field the help suggests, or remove it.";
    INVALID_VALUE = "invalid-value", Error, false, "A required field is missing, or a field has the wrong type, spelling or an impossible value (a code of 1.5 or `0x10`, `retryable: \"true\"`, a map where text belongs).",
        why: "The model cannot hold it; generating from a guess would be worse than stopping. Numbers are read in decimal digits and flags as an unquoted `true` or `false`, as errcat's JSON Schema and YAML 1.2 read them, so that no editor or other tool reads a different value.",
        fix: "Write the value in the type the message names, as the help shows.";
    UNSUPPORTED_FORMAT = "unsupported-format", Error, false, "The catalog declares a format version this errcat does not read.",
        why: "A newer format may mean things this errcat would get wrong.",
        fix: "Upgrade errcat, or declare `format: 1`.";
    BAD_PATH = "bad-path", Error, false, "A path in the catalog, or an output path a pattern renders, leaves the catalog's root, is absolute, names a reserved device, holds a `:` or a control character, or matches nothing; an output path that a Windows or macOS clone could not hold (`<>\"|?*`, a name ending in a dot or a space, two paths that differ only in case or Unicode normalisation); or an output file's place is taken by a file or directory errcat may not remove.",
        why: "errcat must never read or write outside the project it was pointed at, nor remove what it did not generate.",
        fix: "Use a relative path inside the root, with `/` separators; move away what stands where an output file goes.";
    INVALID_ID = "invalid-id", Error, false, "A catalog, namespace, target, group, param or locale id is malformed or declared twice.",
        why: "Ids become identifiers, file names and URL anchors in every target.",
        fix: "Use the form the help shows (namespaces: dotted lower-case segments).";
    INVALID_NAME = "invalid-name", Error, false, "An entry name is not SCREAMING_SNAKE_CASE.",
        why: "Every target derives its identifiers from the name; one canonical spelling keeps them predictable.",
        fix: "Write the name as the help suggests.";
    CONFLICTING_DEFINITION = "conflicting-definition", Error, false, "The same namespace is split across files that disagree on a field, or define the same code.",
        why: "A namespace split across files must still mean one thing; two definitions of one code cannot both be true.",
        fix: "Make the files agree, or keep the namespace in one file.";
    DUPLICATE_CODE = "duplicate-code", Error, false, "A code is defined twice in one namespace.",
        why: "A client receiving the code could not tell which meaning was sent.",
        fix: "Give one entry a new code; retire old codes with `reserved:`.";
    DUPLICATE_NAME = "duplicate-name", Error, false, "A name is used twice in one namespace.",
        why: "Both entries would become the same identifier in every language.",
        fix: "Name each entry after what it means.";
    NAME_COLLISION = "name-collision", Error, false, "Two different names become the same identifier in a target after case conversion and keyword escaping.",
        why: "The generated code would not compile (or one constant would shadow the other).",
        fix: "Rename one of the two so their words differ, not only their underscores.";
    SURFACE_CONFLICT = "surface-conflict", Error, false, "A code is defined by two namespaces that reach the same consumer (a surface).",
        why: "The consumer receives bare codes through one callback and cannot tell the two meanings apart.",
        fix: "Renumber one of them, or move the namespaces to different surfaces if they never meet.";
    RESERVED_CODE_REUSED = "reserved-code-reused", Error, false, "An entry uses a code its namespace retired.",
        why: "Old clients still map the retired code to its old meaning.",
        fix: "Pick an unused code.";
    RESERVED_NAME_REUSED = "reserved-name-reused", Error, false, "An entry takes the name of a code its namespace retired.",
        why: "Code built against the old catalog knows the name as the retired code: rebuilt against the new one, the same name silently means another number.",
        fix: "Pick another name; the retired code keeps its name in `reserved:`.";
    CODE_OUT_OF_RANGE = "code-out-of-range", Error, true, "A code lies outside its namespace's declared range.",
        why: "Ranges keep families apart; a stray code will collide with another family's one day.",
        fix: "Move the code into the range, or widen the range deliberately.";
    RANGE_OVERLAP = "range-overlap", Error, true, "Two namespaces on one surface declare overlapping code ranges.",
        why: "Their codes will collide as they grow, even if they do not yet.",
        fix: "Make the ranges disjoint.";
    HTTP_STATUS = "http-status", Error, false, "An HTTP status outside 100-599.",
        why: "No client or proxy understands such a status.",
        fix: "Use a real HTTP status.";
    INTEGER_WIDTH = "integer-width", Error, false, "A code does not fit a target's integer type (Java int, TypeScript safe integer, a JSON number that every parser reads exactly).",
        why: "The generated code would silently truncate or fail to compile.",
        fix: "Use a smaller code, or drop the target.";
    TARGET_LIMIT = "target-limit", Error, false, "A namespace has more codes, a code more params, or a text more bytes, than a target's generated code can hold (`limits:` in its target.yaml).",
        why: "The generated code would not compile: a Java enum's constants are created in one static initializer, which may not exceed 64 KiB of bytecode, a Java method takes at most 255 parameters, and ISO C99 compilers need accept no string literal longer than 4,095 bytes.",
        fix: "Split the namespace or the message, shorten the text, or drop the target.";
    UNKNOWN_LOCALE = "unknown-locale", Error, false, "A text uses a locale the catalog does not declare, or `default_locale` is not in `locales:` (each reported once, at the first use, with the number of uses).",
        why: "No target has a slot for it; the text would be lost.",
        fix: "Declare the locale in the catalog's `locales:` (and leave it out of `required_locales:` until it is translated, so that no text is missing it yet), or correct the tag (the help names the declared tag it was probably meant as).";
    UNKNOWN_LANGUAGE = "unknown-language", Error, true, "A locale in `locales:` has a two-letter language that is no ISO 639-1 code: a country's (`jp` for Japanese, `cn` for Chinese) or none at all (`xx`). Three-letter languages (`yue`, private-use `qaa` to `qtz`) pass, and so do the withdrawn `iw`, `in`, `ji`, `jw`, `mo` and `sh`.",
        why: "The generated code chooses a locale by its language: a client asking for `ja-JP` never finds the texts filed under `jp`, and the docs cannot name their language.",
        fix: "Write the language's code (the help names it for a country's: `ja` for `jp`), under `locales:` and in the texts; for a pseudo-locale or a language of your own, use a private-use code (`qaa` to `qtz`), or allow the rule.";
    MISSING_TRANSLATION = "missing-translation", Error, true, "A message, description, cause or solution lacks a locale its namespace requires, or any text (a title too) lacks the default locale.",
        why: "Users of that locale would see the fallback language where a translation was promised; a text without the default locale leaves the other locales nothing to fall back on.",
        fix: "Add the text, or drop the locale from the namespace's `locales:`.";
    EMPTY_NAMESPACE = "empty-namespace", Error, false, "A namespace defines no code (in all its files together).",
        why: "Every target would make an empty type of it and the docs an empty page, of no use to anyone; like protoc with an enum without values, errcat stops rather than generate them.",
        fix: "Add the namespace's first entry, or leave the file out of `namespaces:` until it has one.";
    NAMESPACE_UNLISTED = "namespace-unlisted", Warning, true, "A namespace file beside the catalog's (in its directory, a directory below it, or a directory a pattern matched files in) that no pattern of `namespaces:` matches.",
        why: "errcat reads only the files the patterns name: a new family's file left out of them (`chat/client.yaml` beside `av/*.yaml`, `push.yml` under `*.yaml`) would be missing from every output without a word.",
        fix: "Add its path, or a pattern that matches it, to `namespaces:`; move a file that is not meant to be read out of the catalog's directories, or allow the rule.";
    EMPTY_TEXT = "empty-text", Error, false, "A message or other text is empty or blank.",
        why: "An empty message tells the user nothing.",
        fix: "Write the text, or remove the field.";
    CONTROL_CHAR = "control-char", Error, true, "A text contains a control character other than newline, carriage return and tab, or a line or paragraph separator (U+2028, U+2029); also one written as an escape in double quotes, such as the backspace of `\"C:\\bin\"` or the `\\L` of `\"Line\\LBreak\"`.",
        why: "Control characters are invisible in editors and break terminals, logs and some targets. The two separators and U+0085 (next line) are line breaks that only some programs make: a browser shows a space and a terminal no break at all, and JavaScript before ES2019 ends a string literal at either separator.",
        fix: "Remove the character; for a line break, start a new line (`\\n` in double quotes). For a backslash in double quotes, write `\\\\`, or quote the text in single quotes.";
    BIDI_CONTROL = "bidi-control", Error, false, "A text contains a bidirectional control or another invisible format character (the \"Trojan Source\" class).",
        why: "They make text display differently from what it is, in reviews and in generated code.",
        fix: "Remove the character; errcat will not generate from text that hides its content. The direction marks (U+200E, U+200F, U+061C) are allowed: right-to-left texts need them around numbers and Latin words, and they reorder nothing else.";
    MISREAD_TEXT = "misread-text", Warning, true, "A text that YAML reads otherwise than it looks: in an unquoted text, a `#` directly followed by a word or number after it, on its line or on a line that continues it (`en: Error #5 occurred`), starts a comment that ends the text; a text that starts with a declared locale and a colon without a space (`en:Item missing`) is one text, not that locale's; in a double-quoted text, `\\n`, `\\t` or `\\r` in a Windows path (a word that starts with a drive `C:\\`, a share `\\\\server` or a variable `%TEMP%\\`, or ends in a file name `\\report.txt`) and followed by a letter or digit (`\"C:\\new\\temp\"`) is a line break, a tab or a carriage return where a backslash was meant (`\"Line one\\nline two\"`, `\"Columns:\\tcode\"` and `\"Error:\\tfile.txt\"` are taken as meant). An unquoted text wrapped in one pair of curly quotes (`en: “Item not found”`, as a word processor writes `\"`) keeps them as text. A text over several lines without `|` whose lines YAML joins with a space between two Chinese or Japanese characters (`该项目不存在 或已被删除`). A tag holding a full-width comma (`tags: [billing，payment]`), which separates nothing in YAML. A block text (`message: |`) whose lines start with declared locales and a colon (`en: …`), which are words of one text, not its locales.",
        why: "The text is changed without a word from YAML: errcat, the generated code and the docs get `Error`, or `en:Item missing` as the text of another locale, while the file reads as meant to everyone who opens it. A comment that starts with `#` and a space, the usual way, is not reported.",
        fix: "If the words after ` #` belong to the text, quote the whole text (`en: \"Error #5 occurred\"`); if they are a comment, write a space after the `#`. Write a space after a locale's colon: `en: Item missing`. For a backslash in double quotes, write `\\\\` (`\"C:\\\\new\"`), or quote the text in single quotes (`'C:\\new'`). Remove curly quotes meant as YAML's quoting, or write ASCII ones; acknowledge the finding on a text that is a quotation. Write a Chinese or Japanese text on one line, or after `|` to keep its line breaks. Separate a list's items with ASCII commas. Remove the `|` above lines that give each locale its text.";
    TRAILING_WHITESPACE = "trailing-whitespace", Warning, true, "A text starts or ends with whitespace, or has spaces before a line break.",
        why: "Invisible differences make messages compare unequal and docs render oddly.",
        fix: "Trim the text.";
    LOCALE_SCRIPT = "locale-script", Warning, true, "A text of a locale is mostly in another script than its language's: Chinese under `en`, English under `ja` (at least 8 Latin letters, as names and acronyms are common), Chinese under `ar`; among Chinese, Japanese and Korean, only what one of them alone writes: Hangul (Korean), hiragana (Japanese), Simplified-only forms without kana (Chinese).",
        why: "A text under the wrong locale is shown to readers who cannot read it, and the locale it belongs to falls back to another language, or counts as translated when it is not. It happens when a table is pasted or imported under the wrong locale, or a translator's sheet keeps a row untranslated.",
        fix: "Move the text under its own locale (`zh-CN:`) and write this locale's text; `errcat import` takes `--locale`.";
    UNTRANSLATED_COPY = "untranslated-copy", Warning, true, "A text of a locale is the default locale's text, word for word, in another language's locale (`de: Single sign-on is unavailable` beside the same `en`); only texts of two or more words, one of them lower-case, so that names and acronyms (`OK`, `HTTP 404`, `WebRTC`) pass.",
        why: "A copy counts as translated in `errcat lint` and as present in `missing-translation`, so the gap is never seen, while readers of the locale get the default language. It happens when a translator's sheet keeps a row untranslated or a text is pasted into every locale.",
        fix: "Translate it, or leave the locale out (it then falls back, and is counted as missing); where the words are the same in both languages, acknowledge the finding on the code.";
    TERMINAL_PUNCTUATION = "terminal-punctuation", Warning, true, "A text of a locale ends a sentence (`.`, `!`, `?`, `。`, `！`, `？`, `…`) where the default locale's text does not, or the other way round (`en: The room is full.` beside `de: Der Raum ist voll`).",
        why: "Messages of one code are shown in the same places in every language; a full stop in one and none in another reads as an inconsistency, and a UI that adds its own punctuation ends up with two.",
        fix: "End both texts the same way (each in its own language's punctuation), or acknowledge the finding on the code.";
    DUPLICATE_MESSAGE = "duplicate-message", Warning, true, "Two codes in one namespace have the same message in a locale.",
        why: "Users and support cannot tell the two codes apart from what they see.",
        fix: "Say what differs, or acknowledge the finding on the code with a reason.";
    PLACEHOLDER_MISMATCH = "placeholder-mismatch", Error, false, "A locale's message does not use every param the entry declares.",
        why: "Typed formatters take every param; a locale that drops one loses information.",
        fix: "Use every declared param in every locale, under the name `params:` declares (a placeholder is not translated), in ASCII braces.";
    UNDECLARED_PLACEHOLDER = "undeclared-placeholder", Warning, true, "A message has `{name}` text that looks like a placeholder but is not a declared param, or `{camelCase}`, `{Benutzer}` or `{用户}` text, which no placeholder can be (a translated placeholder).",
        why: "It is printed literally; if it was meant as a placeholder, no formatter fills it in.",
        fix: "Declare it in `params:` (placeholders are lower_snake_case: `{user_id}`), or acknowledge that the braces are literal.";
    UNKNOWN_GROUP = "unknown-group", Error, false, "An entry names a group its namespace does not declare.",
        why: "The docs could not place the entry.",
        fix: "Declare the group under `groups:`, or correct the id.";
    DEPRECATED_TARGET = "deprecated-target", Error, true, "`replaced_by` names a code that does not exist or is itself deprecated.",
        why: "Users following the replacement would land on nothing, or on another dead end.",
        fix: "Point `replaced_by` at a live entry of the namespace; a code of another namespace is named in the deprecation's `reason` instead.";
    UNKNOWN_RULE = "unknown-rule", Error, false, "A `lints:` level or an acknowledgement names a rule errcat does not have, or a level that is not allow, warn or deny.",
        why: "A misspelt rule id would silently configure nothing.",
        fix: "Use a rule id from docs/rules.md.";
    UNUSED_ACKNOWLEDGEMENT = "unused-acknowledgement", Warning, true, "An acknowledgement matches no finding.",
        why: "Stale acknowledgements hide the next real finding of that rule on that code.",
        fix: "Remove the acknowledgement.";
    TARGET_CONFIG = "target-config", Error, false, "A target declaration is incomplete or its templates are missing.",
        why: "errcat cannot render a target it cannot find.",
        fix: "Point `templates:` at a directory under templates/ with a target.yaml.";
    UNKNOWN_TEMPLATE = "unknown-template", Error, false, "A file in a project's `templates/<set>/` that overrides a built-in template set replaces none of its templates, and nothing renders or includes it: usually a misspelt name (`lib.rs.tara`).",
        why: "errcat would render the built-in template instead, and the file meant to replace it would be ignored without a word.",
        fix: "Name the file after the built-in template it replaces (the help suggests the closest), list it under `files:`, or remove it.";
    INVALID_OPTION = "invalid-option", Error, false, "A target's options set one its target.yaml does not declare, or a value not of the kind `option_kinds:` declares (a Java package with a keyword, a crate name with a space, the docs' page words for a locale the catalog lacks or under a key the built-in words lack).",
        why: "Options land where nothing else checks them (a package line, a manifest's name, output paths): a wrong one makes code that does not build, and a misspelt one is silently ignored.",
        fix: "Correct the option's name or value as the help says.";
    INVALID_PROFILE = "invalid-profile", Error, false, "A generic profile declared under a target's `profile:` names an unknown case or escape style, or declares an empty token, a keyword with a space or impossible integer types.",
        why: "Every identifier, string literal and comment of the target is made with the profile; a wrong one writes code that does not compile.",
        fix: "Use the names docs/catalog-format.md lists (the help suggests the closest one).";
    TEMPLATE = "template", Error, false, "A template failed to parse or render: among other things, a target's templates include or extend each other in a loop or more than 16 deep, or its component calls recurse without end. A warning: a template reads a field that its value's view type does not have (`{% if e.htpp %}`, always false).",
        why: "A broken template would write broken output.",
        fix: "Fix the template at the position shown.";
    CODE_OVERLAP = "code-overlap", Warning, true, "The same code means different things in namespaces on different surfaces.",
        why: "A bare code is ambiguous to anyone who sees it without its namespace (support, logs).",
        fix: "Show codes with their namespace; acknowledge the overlap on the code with a reason once it is understood.";
    BREAKING_CHANGE = "breaking-change", Error, false, "Compared with an older catalog (`errcat diff`, `errcat check --against`), a change breaks deployed clients or code built on the generated code: a code removed, retired to `reserved:` (its generated name goes) or renamed, a name moved, a code moved to another namespace, its HTTP status or `retryable` changed, a reserved code released or reused, a namespace removed or its codes' integer type changed (a code that needs `i64` where all fit `i32`), a placeholder removed, added or reordered in `params:`, a locale removed from the catalog's `locales:`, the `default_locale` changed, `docs.base_url` removed, a target removed, a package renamed (a target option of a name kind: a Java package, a crate name), the catalog's `version` lower than the base's.",
        why: "Error codes are a wire contract: clients switch on them for years and cannot be updated with the catalog.",
        fix: "Deprecate a code and add a new one instead of changing or removing it; in the next major version retire it to `reserved:`, so its number is never reused; if the break is intended, bump the catalog's major `version` (1.4.0 → 2.0.0; before 1.0 the minor one, 0.3.0 → 0.4.0, as in semver).";
    COMPATIBLE_CHANGE = "compatible-change", Warning, false, "Compared with an older catalog (`errcat diff`), a change deployed clients survive: a code, namespace or catalog locale added, text changed, a translation added, a code deprecated or no longer deprecated, a deprecation's reason or replacement changed, a code's `severity`, `group`, `tags` or `since` changed, a namespace's `range` (which still holds its codes), title, description, `source` or required `locales` changed, a group added, removed or retitled, the catalog id or `docs.base_url` changed, a surface added, removed or changed, a target added, another of a target's options changed.",
        why: "Listed so a reviewer sees everything that changed; `errcat check --against` does not report them.",
        fix: "Nothing to fix; review the change.";
    IMPORT_NOT_A_TABLE = "import-not-a-table", Error, false, "`errcat import` found no table, list or enum it can read in a file, one without rows or constants, a table lacks a code or text column, an enum constant's text is not string literals alone, or no section has the title asked for.",
        why: "Importing nothing from a file the user named would hide that the file was not understood.",
        fix: "Check the format argument; give the table a code column (`Error Code`, `错误码`) and a text column (`Description`, `错误描述`).";
    IMPORT_BAD_CODE = "import-bad-code", Error, false, "An imported row's code is missing or not an integer.",
        why: "A code errcat cannot read would be dropped, and the row's texts with it.",
        fix: "Write the code as a decimal integer (`1004`, `-2381`); for a Java enum, as the constant's first argument.";
    IMPORT_RAGGED_ROW = "import-ragged-row", Error, false, "An imported row, or a Markdown table's delimiter row, has more or fewer cells than its header.",
        why: "Cells would land in the wrong fields: a solution read as a description.",
        fix: "Give the row one cell per header column; escape a `|` inside a cell as `\\|`.";
    IMPORT_BAD_STATUS = "import-bad-status", Error, false, "An imported HTTP status is not a number from 100 to 599 or a status constant errcat knows.",
        why: "The status would be lost or wrong in every generated target.",
        fix: "Use a standard status (`404`, `HttpStatus.SC_NOT_FOUND`).";
    IMPORT_CONFLICT = "import-conflict", Error, false, "An import gives a code a different text, name or HTTP status than the namespace already has, or one input gives a code twice.",
        why: "Silently keeping either side would lose what the other source says.",
        fix: "Make the two sources agree, or import into another namespace.";
    IMPORT_RENAMED = "import-renamed", Warning, false, "An imported name already belongs to another code, so the entry gets the name with its code appended.",
        why: "Two codes cannot share a name; the source most likely repeated one by mistake.",
        fix: "Rename the entry after what it means, in the source or in the imported file.";
    IMPORT_UNKNOWN_COLUMN = "import-unknown-column", Warning, false, "An imported table has a column errcat does not import, or a second column of a field an earlier column gives (`Message` and `Error message`); its cells are skipped.",
        why: "Text in that column does not reach the catalog.",
        fix: "Rename the header to one errcat knows (`--help` lists them), or drop the column.";
    IMPORT_STRAY_ROWS = "import-stray-rows", Warning, false, "Lines of an imported page look like rows of a table or list but belong to none: a table row after the blank line that ended its table, a code after the blank line that ended its list. They are skipped.",
        why: "A table or list ends at a blank line, so rows pasted after one do not reach the catalog.",
        fix: "Remove the blank line, or give the rows a header of their own, and import again.";
    IMPORT_UNLISTED = "import-unlisted", Warning, false, "An import writes a namespace file under the catalog's directory that no pattern of its `namespaces:` matches.",
        why: "`errcat check` and `gen` read only the files the patterns name: the imported codes would reach no target.",
        fix: "Add the file's path, or a pattern that matches it, to `namespaces:`; or import into a file a pattern matches.";
    IMPORT_UNKNOWN_NAMESPACE = "import-unknown-namespace", Error, false, "A row of an imported sheet names, in its `Namespace` column, a namespace the project's catalog does not have, or none when `--namespace` does not say which.",
        why: "Each row goes into the file of the namespace it names: a row whose namespace is unknown has no file to go into.",
        fix: "Write the namespace as the catalog has it (as `errcat export` wrote it), or import the rows with `--namespace NS --into FILE`.";
    IMPORT_SKIPPED_TEXT = "import-skipped-text", Warning, false, "An imported Java enum constant has a text errcat has no field for: a string argument whose constructor parameter is named for no field errcat fills, or for one an earlier string gave, a third string when no constructor names it, or a Javadoc whose field (`--javadoc-as`) a string argument gave; it is skipped. So is a constant's `@Deprecated`, which gives no reason, unless its Javadoc's `@deprecated` tag gives one.",
        why: "That text does not reach the catalog.",
        fix: "Name the constructor's String parameters for their fields (`String title, String message, String solution`), or file the Javadoc elsewhere with `--javadoc-as`, and import again; or add the text to the namespace file by hand.";
}

/// Looks a rule up by id.
pub fn find(id: &str) -> Option<&'static Rule> {
    ALL.iter().find(|r| r.id == id)
}

/// The ids of `gen`'s findings about generated files, which name their records in
/// `--format json|github` as a rule does. They are no catalog rules: nothing in the
/// catalog is wrong and no `lints:` level applies, so docs/use-errcat.md lists them.
pub mod output {
    /// `gen --check`: a file a target renders is not on disk.
    pub const MISSING: &str = "missing-output";
    /// `gen --check`: a generated file no target renders any more.
    pub const EXTRA: &str = "extra-output";
    /// `gen --check`: a generated file's bytes differ from what `gen` would write.
    pub const STALE: &str = "stale-output";
    /// A generated file edited since it was written (stale in `gen --check`, a warning in
    /// `gen`, an error there when no target renders it any more and `--force` is not given).
    pub const EDITED: &str = "edited-output";
    /// A file without errcat's generated-file header, or another catalog's output, stands
    /// where `gen` would write, or one not this catalog's is named like a file `gen`
    /// writes but for case or normalisation.
    pub const FOREIGN: &str = "foreign-file";
    /// All of them, for the docs' test.
    pub const ALL: &[&str] = &[MISSING, EXTRA, STALE, EDITED, FOREIGN];
}
