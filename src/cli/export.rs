//! `errcat export csv`: check the catalog, build the sheet in memory, then write it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{fatal, findings_exit, load, print_report, shell_word};
use crate::console::{Console, count};
use crate::diag::{self, Format};
use crate::load::display_path;
use crate::output::{Printed, errln, out};

/// What `errcat export --help` shows after the options.
pub(super) const HELP: &str = "\
The sheet has a header row, then one row per entry: Namespace, Code, Name,
Placeholders (the {placeholders} a message must keep), then for each text field
(Message, Title, Description, Cause, Solution) its text in the source locale
beside its text in --locale, empty where there is none yet: `Message (en)`,
`Message (zh-CN)`. A field no entry of the sheet has is left out.

The translator fills in and corrects the --locale columns and leaves the others
as they are. `errcat import csv` reads the sheet back into the catalog's files
(the Namespace column says which), changing only the texts that were edited:

  errcat export csv --locale zh-CN --missing --out zh-CN.csv
  errcat import csv zh-CN.csv --locale zh-CN --replace-texts

With --locale, --replace-texts replaces only that locale's texts: a source text
that differs from the catalog's (changed since the export, or edited in the
sheet) is a conflict at its cell, as the translation may be stale.

The file is CSV (RFC 4180) in UTF-8 with a byte order mark, which Excel needs to
read it as UTF-8. In Excel, open it with Data > From Text/CSV and save it as
\"CSV UTF-8\"; LibreOffice and Google Sheets read and write it as it is.";

/// The sheet's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// a spreadsheet's CSV (UTF-8), which `errcat import csv` reads back
    Csv,
}

/// `errcat export` options.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_enum)]
    pub format: ExportFormat,
    /// The catalog file [default: catalog.yaml or schema/catalog.yaml here or in a parent directory].
    pub catalog: Option<PathBuf>,
    /// The locale to translate into (a locale of the catalog).
    #[arg(long, value_name = "L")]
    pub locale: String,
    /// Only this namespace (repeatable) [default: every namespace].
    #[arg(long = "namespace", value_name = "NS")]
    pub namespaces: Vec<String>,
    /// Only the entries with a text to translate: one the locale lacks, or one that is
    /// the default locale's word for word.
    #[arg(long)]
    pub missing: bool,
    /// The locale to translate from [default: the catalog's default locale].
    #[arg(long, value_name = "L")]
    pub from: Option<String>,
    /// Write the sheet to FILE [default: standard output].
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub(super) fn run(path: &Path, args: &Args, out: Console) -> Printed<ExitCode> {
    let checked = load(path, out)?;
    // Texts still to translate are errors (`missing-translation`), and what the sheet
    // is for: every entry is in the model all the same.
    let missing = crate::rules::MISSING_TRANSLATION.id;
    let translating = (checked.report.diagnostics.iter())
        .all(|d| d.severity != diag::Severity::Error || d.rule == missing);
    let catalog = match (&checked.catalog, &checked.with_errors) {
        (Some(c), _) => c,
        (None, Some(c)) if translating => c,
        _ => {
            // The texts to translate are no fault to fix before an export.
            let mut errors = checked.report.errors_only();
            errors.diagnostics.retain(|d| d.rule != missing);
            print_report(&errors, &checked.sources, Format::Human, out, false)?;
            fatal(
                Format::Human,
                "the catalog has errors; nothing was exported",
                Some("fix them (`errcat check` lists every finding), then export again"),
            )?;
            return Ok(findings_exit(&checked.report, true));
        }
    };
    let opts = crate::export::Options {
        locale: &args.locale,
        from: args.from.as_deref(),
        namespaces: &args.namespaces,
        missing: args.missing,
    };
    if let Err(usage) = crate::export::check(catalog, &opts, path) {
        fatal(Format::Human, &usage.message, usage.help.as_deref())?;
        return Ok(ExitCode::from(2));
    }
    let sheet = out.phase("export", || crate::export::csv(catalog, &opts));
    let Some(file) = &args.out else {
        out!("{}", sheet.text)?;
        return Ok(ExitCode::SUCCESS);
    };
    // A sheet written over a namespace file (`--out schema/app.yaml`) would lose it.
    let target = crate::load::identity(file);
    if file.exists()
        && checked
            .sources
            .paths()
            .any(|p| crate::load::identity(p) == target)
    {
        fatal(
            Format::Human,
            &format!(
                "--out {} is a file of the catalog; the sheet would replace it",
                display_path(file).display()
            ),
            Some("write the sheet elsewhere, as in --out zh-CN.csv"),
        )?;
        return Ok(ExitCode::from(2));
    }
    if let Err(e) = crate::write::write_atomic(file, sheet.text.as_bytes()) {
        fatal(
            Format::Human,
            &format!("cannot write {}: {e}", display_path(file).display()),
            None,
        )?;
        return Ok(ExitCode::from(2));
    }
    if !out.quiet {
        let shown = display_path(file);
        errln!(
            "{}: {} of {} to translate from {} into {}",
            shown.display(),
            count(sheet.rows, "row"),
            count(sheet.namespaces, "namespace"),
            opts.from.unwrap_or(&catalog.default_locale),
            opts.locale
        )?;
        errln!(
            "import the translated sheet with `errcat import csv {} --locale {} --replace-texts{}`",
            shell_word(&shown),
            opts.locale,
            catalog_flag(path)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `--catalog PATH` when `errcat import` would not find the catalog by itself: it
/// looks for schema/catalog.yaml in the current directory.
fn catalog_flag(path: &Path) -> String {
    let here = Path::new(super::DEFAULT_CATALOG);
    let same = here.is_file() && crate::load::identity(here) == crate::load::identity(path);
    match same {
        true => String::new(),
        false => format!(" --catalog {}", shell_word(&display_path(path))),
    }
}
