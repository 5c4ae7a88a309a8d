//! The `errcat import` command line: its options and its `--help` text.

use std::path::PathBuf;

/// What `errcat import --help` shows after the options: [`HELP`], then every header
/// the readers understand, from their table.
pub fn help() -> String {
    format!(
        "{HELP}\nHeaders (lower-case; `source (…)` only with a locale):\n{}",
        super::headers::headers_by_language()
    )
}

/// Each format by example, and how an import goes.
const HELP: &str = "\
Formats:

  markdown   Pipe tables, one section per heading. Headers name the columns (in
             English, Chinese, Japanese, Korean, German, French, Spanish or
             Portuguese: Headers below): Error Code / Err No / 错误码 (the code;
             else the first column of numbers, unless the second is one too),
             Error Code Name (the name), Error message / 错误提示 (the message),
             Description / 错误描述 (the description, or the message when there
             is no message column), Reason (cause), Solution / 处理建议
             (solution), Title, HTTP (404, 404 Not Found or a status constant:
             SC_NOT_FOUND). A locale tag in parentheses after a text's header
             names the locale of its cells, whatever --locale says: Source (en)
             and Translation (ja), Error message (zh-CN).
             Bold, <br/>, quoted cells and blank rows
             are understood, and a code in backticks; a code is written as the
             catalog writes it (no leading zero, an ASCII minus); code blocks and HTML comments are skipped, and a row
             after the blank line that ended its table is pointed out.

               ## Room errors
               | Error Code | Description | Solution |
               |---|---|---|
               | 1004 | **The room does not exist** | \"Create the room first\" |

  csv        A spreadsheet saved as CSV: a header row naming the columns as a
             Markdown table's, then one row per code, as one section. Quoted fields
             may hold the separator, `\"\"` for a quote and line breaks; the separator
             is `,`, or `;` or a tab when the header holds more of those. `#` lines
             above the header are comments. A Namespace column (a sheet `errcat
             export` wrote) names each row's namespace: without --namespace, each
             row goes into the project's file that defines its code; with it, only
             that namespace's rows are imported. A Placeholders column is shown to
             the translator, not read.

               Error Code,Error Code Name,Error message
               1004,ROOM_NOT_EXIST,\"The room \"\"A\"\" does not exist\"

  list       A table pasted from a rendered page: a header of one column name per
             line, then each row's cells one per line, up to a blank line. A line
             standing alone above the header is the section title.

               Room errors

               Error Code
               Description
               -2100
               Room Does Not Exist When Entering

  java-enum  Enum constants: the first argument is the code, a lone string the
             title (and the message until a table supplies one: a message equal to
             the title is replaced by an imported message, never reported), an
             HttpStatus.SC_* (or Spring HttpStatus.*) constant the HTTP status.
             Several strings go each to the field its constructor parameter is
             named for (String title, message, errorMsg, description, desc, cause,
             solution: the words of the Markdown headers); with no constructor of
             that arity in the file, the first is the title and the second the
             message, and a note says so. A string no field takes (a parameter
             named for none, or for one an earlier string gave; a third string
             without names) is skipped with a warning at it. The Javadoc above a
             constant fills --javadoc-as, in --doc-locale, up to its block tags;
             its @deprecated text is the deprecation's reason, and a constant
             of the enum it says to use is the replacement. The enum
             may sit in a Markdown code block; the heading above it is its section.
             String literals joined with + are one text; a text that needs
             evaluating (\"a\" + PREFIX, a call) is an error at the expression. A
             status may also be HttpStatus.valueOf(409), or an int where other
             constants pass a status or the constructor's parameter is named for
             one (int httpStatus); an int elsewhere is not a status.

               /** The roomUuid matches no live room */
               ROOM_NOT_EXIST(1004, \"Room Not Found\", HttpStatus.SC_NOT_FOUND),

Sections: one section imports into NS. A file with several asks for
--sections namespaces (each its own namespace NS.<id from its title>; --into is
then a directory), --sections groups (one namespace, a group per section) or
--sections merge; --section TITLE picks sections by title.

Locales: the texts of a FILE are in --locale (default: the catalog's default
locale, else en). Given once, it covers every FILE; given once per FILE, each
FILE is in its own, in order, and the files merge by code: a table and its
translation in one run, which a namespace that requires both locales needs
(each file alone lacks the other's texts). --doc-locale names the language of
the Javadoc in every FILE; without it, each FILE's Javadoc is in that FILE's
--locale. Each is a locale the catalog declares (a BCP 47 tag: ja, not jp;
pt-BR, not pt_BR): any other is refused before a FILE is read.

Names: a source without names gets SCREAMING_SNAKE names from the English text
(stop words and {placeholders} dropped, at most five words), unique in the
namespace (the code is appended where two would clash) and never a keyword of a
built-in profile. A name so appended is errcat's, not the source's: rename the
entry in the file, and a later import of the source keeps the new name. A {lower_snake} placeholder in every locale of a new code's
message is declared in its `params`.

Merging: with --into an existing file, the file is read with errcat's loader. A
file no entry of which changes is left as it is; one whose texts alone change
gets each where it stands (a new locale's beside the text's others), comments
and layout kept; any other change writes the file back in canonical form: its
comments are not kept, and a warning says how many lines went. A code already
there gains the texts it lacks; a different text for the same code, field and
locale is a conflict, reported with both places: nothing is overwritten
(--replace-texts replaces it; with --locale, only that locale's texts: a
translator's sheet shows the source text beside the translation, and a source
text that differs from the file's is a conflict, as the translation may be
stale). A code one FILE gives twice is an error naming both rows, whatever the flags. Import
a source that has names (an enum, a table with a name column) before tables
without names.

A new namespace requires the locales every message has. Where other texts exist
in fewer locales (a Chinese Javadoc beside English titles), it also gets
`lints: { missing-translation: warn }`, so `errcat check` lists what to translate.

The result is validated before anything is written, as `errcat check` will read
it: written into the project of --catalog (default schema/catalog.yaml when it
exists), beside the project's other files and targets, so a code another file of
the namespace defines, or one a target's integers cannot hold, is refused; a
file outside the project is checked on its own. A finding about an imported text
points at its cell in the FILE. Of the result's warnings, those at an imported
text are shown; the others (the namespace's to-do list) are counted, and
`errcat check` lists them. So are the texts an entry the file had still lacks in
a locale its namespace requires (a translation imported in part): no import
removes a text, so they are not the import's errors. Without --into the result goes to standard output.

Examples:

  errcat import java-enum ResCode.java --namespace edu.rest --locale en \\
      --doc-locale zh-CN --javadoc-as cause --into schema/edu/rest.yaml
  errcat import markdown codes.zh.md --namespace edu.rest --locale zh-CN \\
      --into schema/edu/rest.yaml
  errcat import csv translations-ja.csv --namespace edu.rest --locale ja \\
      --into schema/edu/rest.yaml
  errcat import csv ja.csv --locale ja --replace-texts   # a sheet errcat export wrote
  errcat import markdown en.md zh.md --locale en --locale zh-CN --namespace app \\
      --into schema/app.yaml
  errcat import markdown sdk.md --namespace av --sections namespaces --into schema/av
";

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Markdown pipe tables
    Markdown,
    /// a spreadsheet saved as CSV
    Csv,
    /// a vertical list: one cell per line
    List,
    /// Java enum constants
    JavaEnum,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SectionsAs {
    /// each section its own namespace, NS.<id>
    Namespaces,
    /// one namespace, a group per section
    Groups,
    /// one namespace, sections merged
    Merge,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum DocField {
    #[default]
    Description,
    Cause,
    Solution,
}

/// `errcat import` options.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The format of the files.
    #[arg(value_enum)]
    pub format: InputFormat,
    /// The files to import, in order.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The namespace to import into (the prefix with --sections namespaces). A sheet
    /// with a Namespace column (as `errcat export` writes) needs none: each row goes
    /// into its namespace's file; with --namespace, only that namespace's rows.
    #[arg(long, value_name = "NS", value_parser = namespace_id)]
    pub namespace: Option<String>,
    /// The language of the texts: once for every FILE, or once per FILE in their
    /// order [default: the catalog's default locale, else en].
    #[arg(long, value_name = "L")]
    pub locale: Vec<String>,
    /// The namespace file to write or merge into (a directory with --sections namespaces).
    #[arg(long, value_name = "PATH")]
    pub into: Option<PathBuf>,
    /// A text the file already has in the same locale and field is replaced by the
    /// imported one (a reviewed translation's corrections); names, codes and HTTP
    /// statuses are never replaced, nor a text another input of the same run gave.
    #[arg(long)]
    pub replace_texts: bool,
    /// A prefix for proposed names, e.g. REC.
    #[arg(long, value_name = "P")]
    pub name_prefix: Option<String>,
    /// What several sections become.
    #[arg(long, value_enum, value_name = "AS")]
    pub sections: Option<SectionsAs>,
    /// Import only the sections with this title (repeatable).
    #[arg(long = "section", value_name = "TITLE")]
    pub section: Vec<String>,
    /// java-enum: the language of the Javadoc in every FILE [default: that FILE's --locale].
    #[arg(long, value_name = "L")]
    pub doc_locale: Option<String>,
    /// java-enum: the field the Javadoc fills.
    #[arg(long, value_enum, default_value_t, value_name = "FIELD")]
    pub javadoc_as: DocField,
    /// The project catalog the result is validated in (its locales, its other files and targets).
    #[arg(long, value_name = "PATH")]
    pub catalog: Option<PathBuf>,
}

/// `--namespace`: a bad id is a usage error, said before any file is read.
fn namespace_id(s: &str) -> Result<String, String> {
    if crate::validate::is_namespace_id(s) {
        Ok(s.to_owned())
    } else {
        Err("a namespace id is dotted lower-case: segments of [a-z][a-z0-9_]* joined by `.`, e.g. `edu.rest`".into())
    }
}
