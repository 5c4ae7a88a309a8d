//! The `errcat` command line. `main.rs` and `xtask` both call [`run`].
//!
//! Exit codes: 0 success, 1 findings or stale output, 2 usage or I/O error.

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diag::{self, Format, Report};
use crate::load::display_path;
use crate::write::{self, Change};

#[derive(Debug, Parser)]
#[command(
    name = "errcat",
    version,
    about = "One YAML catalog of error codes; code and docs generated from it."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Print only findings and failures.
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a catalog and report every finding.
    Check {
        /// The catalog file.
        #[arg(default_value = "schema/catalog.yaml")]
        catalog: PathBuf,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// Fail on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Also fail on breaking changes since this git revision (e.g. main, HEAD~1).
        #[arg(long, value_name = "REV")]
        against: Option<String>,
    },
    /// List every change between two catalogs, breaking or compatible; fail on breaking ones.
    Diff {
        /// The old side: a catalog file, a git revision (HEAD~1, main) or REV:path.
        old: String,
        /// The new side, the same way; the catalog in the working tree when left out.
        new: Option<String>,
        /// Where the catalog lives (revisions are read at this path).
        #[arg(long, default_value = "schema/catalog.yaml")]
        catalog: PathBuf,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Print a Markdown changelog from the catalog's git history: per version, the codes
    /// added, deprecated, retired and broken.
    Changelog {
        /// The catalog file (in a git working tree).
        #[arg(default_value = "schema/catalog.yaml")]
        catalog: PathBuf,
    },
    /// Validate only, and summarise each namespace: codes, locale coverage, findings by rule.
    Lint {
        /// The catalog file.
        #[arg(default_value = "schema/catalog.yaml")]
        catalog: PathBuf,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// Fail on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Validate, then write every target's generated files.
    Gen {
        /// The catalog file.
        #[arg(default_value = "schema/catalog.yaml")]
        catalog: PathBuf,
        /// Write nothing; fail if any generated file is stale, missing or extra.
        #[arg(long)]
        check: bool,
        /// Put each target's files in DIR/<target id>/ instead of its configured directory.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// Overwrite files that lack errcat's generated-file header.
        #[arg(long)]
        force: bool,
        /// Parse and render even when nothing changed since the last clean run.
        #[arg(long)]
        no_cache: bool,
    },
    /// Show every namespace that defines a code.
    Explain {
        /// A numeric code, e.g. 1001 or -2381.
        #[arg(allow_negative_numbers = true)]
        code: i64,
        /// Only this namespace.
        #[arg(long)]
        namespace: Option<String>,
        /// The catalog file.
        #[arg(long, default_value = "schema/catalog.yaml")]
        catalog: PathBuf,
        #[arg(long, value_enum, default_value_t)]
        format: ExplainFormat,
    },
    /// Import error tables (Markdown, a vertical list, a Java enum) into a namespace file.
    #[command(after_long_help = crate::import::HELP)]
    Import(crate::import::Args),
    /// Print the JSON Schema (draft-07) of catalog and namespace files, for editors.
    Schema,
    /// Create a project: schema/catalog.yaml, an example namespace and the JSON Schema.
    Init {
        /// The project directory.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ExplainFormat {
    #[default]
    Human,
    Json,
}

/// How a command is run: the hint `check` prints for stale files differs between
/// `errcat gen` and a project's `cargo xtask gen`.
#[derive(Debug, Clone)]
pub struct Settings {
    pub regenerate_hint: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            regenerate_hint: "errcat gen".into(),
        }
    }
}

fn color_on(stream: &impl IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Parses `args` (including the program name) and runs the command.
pub fn run<I, T>(args: I, settings: &Settings) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    execute(&cli, settings)
}

pub fn execute(cli: &Cli, settings: &Settings) -> ExitCode {
    match &cli.command {
        Command::Check {
            catalog,
            format,
            deny_warnings,
            against,
        } => check(
            catalog,
            *format,
            *deny_warnings,
            against.as_deref(),
            cli.quiet,
        ),
        Command::Changelog { catalog } => match crate::diff::changelog::changelog(catalog) {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
        Command::Diff {
            old,
            new,
            catalog,
            format,
        } => diff(old, new.as_deref(), catalog, *format, cli.quiet),
        Command::Lint {
            catalog,
            format,
            deny_warnings,
        } => lint(catalog, *format, *deny_warnings, cli.quiet),
        Command::Gen {
            catalog,
            check,
            out_dir,
            format,
            force,
            no_cache,
        } => generate(
            catalog,
            &GenOptions {
                check_only: *check,
                out_dir: out_dir.as_deref(),
                format: *format,
                force: *force,
                cache: !*no_cache,
            },
            cli.quiet,
            settings,
        ),
        Command::Explain {
            code,
            namespace,
            catalog,
            format,
        } => explain(catalog, *code, namespace.as_deref(), *format),
        Command::Import(args) => import(args, cli.quiet),
        Command::Schema => {
            print!("{}", crate::schema::text());
            ExitCode::SUCCESS
        }
        Command::Init { dir } => init(dir, cli.quiet),
    }
}

fn init(dir: &Path, quiet: bool) -> ExitCode {
    match crate::init::init(dir) {
        Ok(written) => {
            if !quiet {
                for path in written {
                    eprintln!("created {}", display_path(&path).display());
                }
                let cd = display_path(dir);
                let cd = if cd == Path::new(".") {
                    String::new()
                } else {
                    format!("cd {} && ", cd.display())
                };
                eprintln!(
                    "next: `{cd}errcat gen` writes generated/ (Rust, Java, TypeScript, docs, JSON)"
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn print_report(report: &Report, sources: &crate::source::Sources, format: Format, quiet: bool) {
    let mut err = std::io::stderr().lock();
    let _ = err
        .write_all(diag::render(report, sources, format, color_on(&std::io::stderr())).as_bytes());
    if format == Format::Human
        && (!report.diagnostics.is_empty() || !quiet)
        && !report.diagnostics.is_empty()
    {
        let _ = writeln!(err, "{}", report.summary());
    }
}

fn missing_catalog(path: &Path) -> Option<ExitCode> {
    if path.exists() {
        return None;
    }
    eprintln!("error: no catalog at {}", display_path(path).display());
    eprintln!("help: pass the catalog file, or run errcat where schema/catalog.yaml exists");
    Some(ExitCode::from(2))
}

fn check(
    path: &Path,
    format: Format,
    deny_warnings: bool,
    against: Option<&str>,
    quiet: bool,
) -> ExitCode {
    if let Some(code) = missing_catalog(path) {
        return code;
    }
    let mut checked = crate::check(path);
    // Render in memory too, so template errors surface without writing anything.
    if let Some(c) = &checked.catalog
        && let Err(report) = crate::generate(c)
    {
        checked.report.extend(report);
        checked.catalog = None;
    }
    if let (Some(rev), Some(new)) = (against, &checked.catalog) {
        let mut found = Report::default();
        match crate::diff::git::load_side(rev, path, &mut checked.sources, &mut found) {
            Err(usage) => {
                eprintln!("error: {usage}");
                return ExitCode::from(2);
            }
            Ok(None) => {
                print_report(&found, &checked.sources, format, quiet);
                eprintln!("error: the catalog at {rev} has errors; cannot compare with it");
                return ExitCode::from(1);
            }
            Ok(Some(old)) => {
                let changes = crate::diff::compare(&old, new);
                let bump = crate::diff::major_bump(&old, new);
                checked.report.extend(crate::diff::report::diagnostics(
                    &changes,
                    bump.as_deref(),
                    false,
                ));
                checked.report.sort(&checked.sources);
            }
        }
    }
    print_report(&checked.report, &checked.sources, format, quiet);
    let failed = checked.report.has_errors() || (deny_warnings && checked.report.warnings() > 0);
    if !failed
        && !quiet
        && format == Format::Human
        && let Some(c) = &checked.catalog
    {
        let n: usize = c.namespaces.iter().map(|n| n.entries.len()).sum();
        eprintln!("ok: {} namespaces, {n} codes", c.namespaces.len());
    }
    ExitCode::from(u8::from(failed))
}

fn diff(old: &str, new: Option<&str>, catalog: &Path, format: Format, quiet: bool) -> ExitCode {
    let mut sources = crate::source::Sources::default();
    let mut report = Report::default();
    let new_spec = new.map_or_else(|| catalog.to_string_lossy().into_owned(), str::to_string);
    let mut side = |spec: &str| {
        crate::diff::git::load_side(spec, catalog, &mut sources, &mut report)
            .map_err(|usage| eprintln!("error: {usage}"))
    };
    let (Ok(a), Ok(b)) = (side(old), side(&new_spec)) else {
        return ExitCode::from(2);
    };
    let (Some(a), Some(b)) = (a, b) else {
        report.sort(&sources);
        print_report(&report, &sources, format, quiet);
        eprintln!("error: a catalog has errors; cannot compare");
        return ExitCode::from(1);
    };
    let changes = crate::diff::compare(&a, &b);
    let bump = crate::diff::major_bump(&a, &b);
    let mut found = crate::diff::report::diagnostics(&changes, bump.as_deref(), true);
    found.sort(&sources);
    print_report(&found, &sources, format, quiet);
    if !quiet && format == Format::Human {
        let breaking = changes.iter().filter(|c| c.breaking()).count();
        eprintln!(
            "{} changes, {breaking} breaking{}",
            changes.len(),
            if bump.is_some() && breaking > 0 {
                " (acknowledged by the major version bump)"
            } else {
                ""
            }
        );
    }
    ExitCode::from(u8::from(found.has_errors()))
}

struct GenOptions<'a> {
    check_only: bool,
    out_dir: Option<&'a Path>,
    format: Format,
    force: bool,
    cache: bool,
}

fn generate(path: &Path, opts: &GenOptions, quiet: bool, settings: &Settings) -> ExitCode {
    let &GenOptions {
        check_only,
        out_dir,
        format,
        force,
        cache,
    } = opts;
    if let Some(code) = missing_catalog(path) {
        return code;
    }
    let mut sources = crate::source::Sources::default();
    let mut report = Report::default();
    let inputs = crate::load::read_inputs(path, &mut sources, &mut report, true);
    // Unchanged inputs and untouched outputs since the last clean run: nothing can be stale.
    let key = match &inputs {
        Some(i) if cache && report.diagnostics.is_empty() => {
            crate::cache::key(path, out_dir, i, &sources)
        }
        _ => None,
    };
    if let Some(n) = key.and_then(|k| crate::cache::fresh(path, out_dir, k)) {
        print_report(&Report::default(), &sources, format, quiet);
        if !quiet {
            if check_only {
                eprintln!("ok: {n} generated files are up to date (unchanged since the last run)");
            } else {
                eprintln!("wrote 0 files, removed 0, {n} unchanged (unchanged since the last run)");
            }
        }
        return ExitCode::SUCCESS;
    }
    let checked = crate::check_inputs(inputs, sources, report);
    print_report(&checked.report, &checked.sources, format, quiet);
    // Only a run without findings is remembered, so a cached answer never hides one.
    let remember = |dirs: &[PathBuf], generated: usize| {
        if let Some(k) = key.filter(|_| checked.report.diagnostics.is_empty()) {
            crate::cache::store(path, out_dir, k, dirs, generated);
        }
    };
    let (Some(catalog), Some(root)) = (&checked.catalog, &checked.root) else {
        eprintln!("error: the catalog has errors; nothing was written");
        return ExitCode::from(1);
    };
    let crate::Placed { files, dirs } = match crate::render_to_paths(catalog, root, out_dir) {
        Ok(x) => x,
        Err(report) => {
            print_report(&report, &checked.sources, format, quiet);
            eprintln!("error: rendering failed; nothing was written");
            return ExitCode::from(1);
        }
    };
    let total = files.len();
    // Another run on the same tree waits here until this one has written.
    let _lock = match write::lock(root) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: cannot lock the output: {e}");
            return ExitCode::from(2);
        }
    };
    let mut plan = match write::plan(files, &dirs) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    if !plan.foreign.is_empty() {
        if !force {
            for f in &plan.foreign {
                eprintln!(
                    "error: {} exists and was not generated by errcat (no generated-file header)",
                    display_path(&f.path).display()
                );
            }
            eprintln!(
                "help: move the file away, or pass --force to overwrite it; nothing was written"
            );
            return ExitCode::from(1);
        }
        plan.changes.append(&mut plan.foreign);
    }
    if check_only {
        if plan.changes.is_empty() {
            remember(&dirs, total);
            if !quiet {
                eprintln!("ok: {total} generated files are up to date");
            }
            return ExitCode::SUCCESS;
        }
        for p in &plan.changes {
            let shown = display_path(&p.path);
            match &p.change {
                Change::Create => eprintln!("missing: {}", shown.display()),
                Change::Remove => eprintln!(
                    "extra:   {} (no target renders it any more)",
                    shown.display()
                ),
                Change::Update(old) => {
                    let note = if p.edited_by_hand {
                        " (edited by hand since it was generated)"
                    } else {
                        ""
                    };
                    eprintln!("stale:   {}{note}", shown.display());
                    eprint!("{}", write::short_diff(old, &p.text, 12));
                }
            }
        }
        eprintln!(
            "error: {} generated file{} out of date",
            plan.changes.len(),
            if plan.changes.len() == 1 {
                " is"
            } else {
                "s are"
            }
        );
        eprintln!("run `{}` and commit", settings.regenerate_hint);
        return ExitCode::from(1);
    }
    for p in plan.changes.iter().filter(|p| p.edited_by_hand) {
        eprintln!(
            "warning: {} was edited by hand; regenerating it drops those edits (change schema/ or templates/ instead)",
            display_path(&p.path).display()
        );
    }
    if let Err(e) = write::apply(&plan) {
        eprintln!("error: writing failed: {e}");
        return ExitCode::from(2);
    }
    remember(&dirs, total);
    if !quiet {
        let removed = plan
            .changes
            .iter()
            .filter(|p| p.change == Change::Remove)
            .count();
        let written = plan.changes.len() - removed;
        eprintln!(
            "wrote {written} file{}, removed {removed}, {} unchanged",
            if written == 1 { "" } else { "s" },
            plan.unchanged
        );
    }
    ExitCode::SUCCESS
}

fn explain(path: &Path, code: i64, namespace: Option<&str>, format: ExplainFormat) -> ExitCode {
    if let Some(c) = missing_catalog(path) {
        return c;
    }
    let checked = crate::check(path);
    let Some(catalog) = &checked.catalog else {
        print_report(&checked.report, &checked.sources, Format::Human, true);
        return ExitCode::from(1);
    };
    let ex = crate::explain::explain(catalog, &checked.sources, code, namespace);
    match format {
        ExplainFormat::Human => print!("{}", ex.to_text()),
        ExplainFormat::Json => {
            println!("{}", serde_json::to_string_pretty(&ex).unwrap_or_default())
        }
    }
    ExitCode::from(u8::from(
        ex.definitions.is_empty() && ex.opposite_sign.is_empty(),
    ))
}

fn lint(path: &Path, format: Format, deny_warnings: bool, quiet: bool) -> ExitCode {
    if let Some(code) = missing_catalog(path) {
        return code;
    }
    let checked = crate::check(path);
    print_report(&checked.report, &checked.sources, format, quiet);
    let failed = checked.report.has_errors() || (deny_warnings && checked.report.warnings() > 0);
    match &checked.catalog {
        Some(c) if format == Format::Human => {
            print!("{}", crate::lint::summary(c, &checked.report))
        }
        Some(_) => {}
        None => eprintln!("error: fix the errors above to see the summary"),
    }
    ExitCode::from(u8::from(failed))
}

fn import(args: &crate::import::Args, quiet: bool) -> ExitCode {
    let out = match crate::import::run(args) {
        Ok(out) => out,
        Err(usage) => {
            eprintln!("error: {usage}");
            return ExitCode::from(2);
        }
    };
    print_report(&out.report, &out.sources, Format::Human, quiet);
    if out.report.has_errors() {
        eprintln!("error: nothing was written");
        let io = out
            .report
            .diagnostics
            .iter()
            .any(|d| d.rule == crate::rules::IO.id);
        return ExitCode::from(if io { 2 } else { 1 });
    }
    if let Err(e) = crate::import::write(&out.outputs) {
        eprintln!("error: writing failed: {e}");
        return ExitCode::from(2);
    }
    if out.result_warnings > 0 && !quiet {
        eprintln!(
            "note: the result has {} warning{}; `errcat check` lists them",
            out.result_warnings,
            if out.result_warnings == 1 { "" } else { "s" }
        );
    }
    for (i, o) in out.outputs.iter().enumerate() {
        match &o.path {
            None => print!("{}{}", if i > 0 { "---\n" } else { "" }, o.text),
            Some(p) if !quiet => eprintln!(
                "{}: namespace {}, {} entries ({} new)",
                display_path(p).display(),
                o.namespace,
                o.entries,
                o.added
            ),
            Some(_) => {}
        }
    }
    ExitCode::SUCCESS
}
