//! The `errcat` command line. `main.rs` and `xtask` both call [`run`].
//!
//! Exit codes: 0 success, 1 findings or stale output, 2 usage or I/O error, 141 the reader
//! of stdout or stderr went away.

mod export;
mod generate;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::console::{ColorChoice, Console, count};
use crate::diag::{self, Format, Report};
use crate::load::display_path;
use crate::output::{self, Printed, err, errln, out, outln};

#[derive(Debug, Parser)]
#[command(
    name = "errcat",
    version,
    about = "One YAML catalog of error codes; code and docs generated from it.",
    after_help = AFTER_HELP
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Print only errors: no progress, no summaries, no warnings that do not fail the run.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Also print the files read, the template of each output and the time of each phase.
    #[arg(long, short, global = true, conflicts_with = "quiet")]
    pub verbose: bool,
    /// When to colour diagnostics; auto: on a terminal, unless NO_COLOR is set.
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,
}

/// The command-line definition, for completions and manual pages.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

const COMPLETIONS_HELP: &str = "\
Install, for example:
  errcat completions bash > ~/.local/share/bash-completion/completions/errcat
  errcat completions zsh > ~/.zfunc/_errcat
  errcat completions fish > ~/.config/fish/completions/errcat.fish";

/// Shown after `--help`: what callers (CI, scripts) may rely on.
const AFTER_HELP: &str = "\
Without a CATALOG, errcat uses the catalog in the current directory or the nearest
parent directory that has one: its catalog.yaml (one with a `catalog:` id), else its
schema/catalog.yaml. A directory as CATALOG means its catalog.yaml,
or its schema/catalog.yaml.

Exit codes:
  0  success
  1  findings (errors, or warnings with --deny-warnings), breaking changes, stale output
  2  usage or I/O error (a bad argument, no catalog, a file that cannot be read or written)
  141  the reader of stdout or stderr went away (a pipe into `head`): errcat stopped there

Environment:
  ERRCAT_CACHE_DIR         where gen and check remember their last clean run (empty: nowhere)
  ERRCAT_THREADS           threads that parse and render (default: one per core)
  ERRCAT_TEMPLATE_TIMEOUT  seconds one template may take for one file (default: 120; 0: none)
  NO_COLOR                 no colour on a terminal either";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a catalog and report every finding.
    Check {
        /// The catalog file [default: catalog.yaml or schema/catalog.yaml here or in a parent directory].
        catalog: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// Fail on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Also fail on breaking changes since this git revision (e.g. main, HEAD~1).
        #[arg(long, value_name = "REV")]
        against: Option<String>,
        /// Parse and render even when these inputs passed in the last clean `gen`.
        #[arg(long)]
        no_cache: bool,
    },
    /// List every change between two catalogs, breaking or compatible; fail on breaking ones.
    Diff {
        /// The old side: a catalog file, a git revision (HEAD~1, main) or REV:path.
        old: String,
        /// The new side, the same way; the catalog in the working tree when left out.
        new: Option<String>,
        /// Where the catalog lives (revisions are read at this path, or where the catalog
        /// with its id is) [default: catalog.yaml or schema/catalog.yaml here or in a
        /// parent directory].
        #[arg(long)]
        catalog: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Print a Markdown changelog from the catalog's git history: per version, the codes
    /// added, deprecated, retired, changed and broken.
    Changelog {
        /// The catalog file, in a git working tree [default: catalog.yaml or
        /// schema/catalog.yaml here or in a parent directory].
        catalog: Option<PathBuf>,
    },
    /// Validate only, and summarise each namespace: codes, locale coverage, findings by rule
    /// (the summary when there is no error).
    Lint {
        /// The catalog file [default: catalog.yaml or schema/catalog.yaml here or in a parent directory].
        catalog: Option<PathBuf>,
        /// How to print findings (on stderr) and the summary (on stdout: a table; with
        /// json, one object per namespace and line; with github, none; with errors, none).
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// Fail on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Validate, then write every target's generated files.
    Gen {
        /// The catalog file [default: catalog.yaml or schema/catalog.yaml here or in a parent directory].
        catalog: Option<PathBuf>,
        /// Write nothing; fail if any generated file is stale, missing or extra.
        #[arg(long)]
        check: bool,
        /// Put each target's files in DIR/<target id>/ instead of its configured directory.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// Overwrite files that lack errcat's generated-file header (and replace those
        /// named like a generated file but for case or Unicode normalisation).
        #[arg(long)]
        force: bool,
        /// Parse and render even when nothing changed since the last clean run.
        #[arg(long)]
        no_cache: bool,
    },
    /// Show what a code or name means, in every namespace that defines it, with its docs URL.
    Explain {
        /// A bare code (1001, -2381), an entry name (ROOM_NOT_EXIST), either after its
        /// namespace (edu.rest/1004, edu.rest/ROOM_NOT_EXIST) or as a docs link, words a
        /// message holds ("Permission error"), or a log line with an error or a message
        /// in it ("12:00 TOKEN_EXPIRED (auth/1013): Token expired").
        #[arg(
            allow_negative_numbers = true,
            value_name = "CODE|NAME|NS/CODE|NS/NAME|\"WORDS\""
        )]
        query: String,
        /// Only this namespace.
        #[arg(long)]
        namespace: Option<String>,
        /// Texts in this locale, as the generated code shows them for a request's tag
        /// (zh-HK, pt_BR): the catalog locale that serves it, a text it lacks from the
        /// one that stands in [default: every locale's].
        #[arg(long, value_name = "TAG")]
        locale: Option<String>,
        /// The catalog file [default: catalog.yaml or schema/catalog.yaml here or in a parent directory].
        #[arg(long)]
        catalog: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t)]
        format: ExplainFormat,
    },
    /// Print a completion script for bash, zsh, fish, elvish or PowerShell.
    #[command(after_help = COMPLETIONS_HELP)]
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell.
        shell: crate::completions::Shell,
    },
    /// Import error tables (Markdown, a vertical list, a Java enum) into a namespace file.
    #[command(after_long_help = crate::import::help())]
    Import(crate::import::Args),
    /// Write a sheet of the catalog's texts for a translator, which `errcat import csv`
    /// reads back: one row per entry, the source text beside the translation.
    #[command(after_long_help = export::HELP)]
    Export(export::Args),
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

/// errcat's own command, which takes the catalog's path; a wrapper's knows its catalog.
const REGENERATE: &str = "errcat gen";

impl Default for Settings {
    fn default() -> Self {
        Settings {
            regenerate_hint: REGENERATE.into(),
        }
    }
}

impl Settings {
    /// The command that regenerates the output of the catalog at `path`, run from here:
    /// `errcat gen` names the catalog when errcat would not find it by itself (`errcat
    /// gen errors`, after `git mv schema errors`).
    pub fn regenerate(&self, path: &Path) -> String {
        if self.regenerate_hint != REGENERATE || crate::project::is_found_here(path) {
            return self.regenerate_hint.clone();
        }
        format!(
            "{} {}",
            self.regenerate_hint,
            shell_word(&display_path(path))
        )
    }
}

/// A path as a shell reads it back, in a command a hint says to run.
fn shell_word(path: &Path) -> String {
    let shown = path.to_string_lossy();
    let plain = shown
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "._/-+@".contains(c));
    match plain {
        true => shown.into_owned(),
        false => format!("'{}'", shown.replace('\'', r"'\''")),
    }
}

/// Parses `args` (including the program name) and runs the command.
pub fn run<I, T>(args: I, settings: &Settings) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        // A machine format asked for gets its usage error as a record too.
        Err(e) if e.use_stderr() && asked_format(&args) != Format::Human => {
            let text = e.to_string();
            let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
            let message = lines.next().unwrap_or_default();
            let message = message.strip_prefix("error: ").unwrap_or(message);
            let help = lines.collect::<Vec<_>>().join("; ");
            let _ = fatal(asked_format(&args), message, Some(&help));
            return ExitCode::from(2);
        }
        Err(e) => {
            // `--help` and `--version` come here too, printed on stdout.
            return match e.print() {
                Err(io) if io.kind() == std::io::ErrorKind::BrokenPipe => {
                    ExitCode::from(output::GONE_STATUS)
                }
                _ => ExitCode::from(if e.use_stderr() { 2 } else { 0 }),
            };
        }
    };
    execute(&cli, settings)
}

/// The `--format` the arguments ask for, when clap could not read them.
fn asked_format(args: &[OsString]) -> Format {
    let mut asked = Format::Human;
    for (i, a) in args.iter().enumerate() {
        let value = match a.to_str() {
            Some("--format") => args.get(i + 1).and_then(|v| v.to_str()),
            Some(a) => a.strip_prefix("--format="),
            None => None,
        };
        match value {
            Some("json") => asked = Format::Json,
            Some("github") => asked = Format::Github,
            _ => {}
        }
    }
    asked
}

pub fn execute(cli: &Cli, settings: &Settings) -> ExitCode {
    output::exit(command_result(cli, settings), format_of(&cli.command))
}

/// How the command prints its findings and errors: in a machine format, every line.
fn format_of(command: &Command) -> Format {
    match command {
        Command::Check { format, .. }
        | Command::Diff { format, .. }
        | Command::Lint { format, .. }
        | Command::Gen { format, .. } => *format,
        // explain's result is on stdout; its errors, like every command's, on stderr.
        Command::Explain {
            format: ExplainFormat::Json,
            ..
        } => Format::Json,
        _ => Format::Human,
    }
}

/// An error that stops the command, as a line of the command's format.
fn fatal(format: Format, message: &str, help: Option<&str>) -> Printed {
    err!("{}", diag::Status::fatal(message, help).render(format))
}

/// How long one template may take for one file, in seconds, unless
/// `ERRCAT_TEMPLATE_TIMEOUT` says otherwise. The built-in templates take about 20 ms
/// per 1,000 codes of a namespace: 2 s for a namespace of 100,000.
const TEMPLATE_TIMEOUT: u64 = 120;

/// Stops the run when a template takes longer than the limit for one file, naming it
/// and removing what was staged (see [`crate::render::watch`]).
fn watch_templates(format: Format) {
    let seconds = std::env::var("ERRCAT_TEMPLATE_TIMEOUT")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(TEMPLATE_TIMEOUT);
    if seconds == 0 {
        return;
    }
    crate::render::watch::install(std::time::Duration::from_secs(seconds), move |stuck| {
        let subject = match &stuck.file {
            Some(_) => String::new(),
            None => format!("{} ", stuck.what),
        };
        let message = format!(
            "{subject}ran for {} without finishing a file of target `{}`, and was stopped: a loop that never ends, or loops inside loops whose steps multiply",
            count(
                usize::try_from(stuck.limit.as_secs()).unwrap_or(usize::MAX),
                "second"
            ),
            stuck.target
        );
        let file = stuck.file.as_deref().map(display_path);
        let status = diag::Status {
            level: diag::Severity::Error,
            rule: Some(crate::rules::TEMPLATE.id),
            message: &message,
            file: file.as_deref(),
            help: Some(
                "bound its loops (`range` inside `range` takes as many steps as both ranges multiplied); ERRCAT_TEMPLATE_TIMEOUT sets the limit in seconds, 0 for none; nothing was written",
            ),
        };
        // The reader may be gone; the run stops all the same.
        let _ = err!("{}", status.render(format));
        crate::write::abandon_and_exit(1);
    });
}

/// Runs the command; `Err` when its output was cut (see [`output`]).
fn command_result(cli: &Cli, settings: &Settings) -> Printed<ExitCode> {
    let format = format_of(&cli.command);
    let out = Console {
        quiet: cli.quiet,
        verbose: cli.verbose,
        color: cli.color,
        format,
    };
    // The command's catalog; when there is none, the message says why (exit code 2).
    let with_catalog =
        |named: &Option<PathBuf>, run: &dyn Fn(PathBuf) -> Printed<ExitCode>| match catalog_path(
            named.as_deref(),
        ) {
            Ok(path) => run(path),
            Err((message, help)) => {
                fatal(format, &message, Some(&help))?;
                Ok(ExitCode::from(2))
            }
        };
    match &cli.command {
        Command::Check {
            catalog: named,
            format,
            deny_warnings,
            against,
            no_cache,
        } => with_catalog(named, &|path| {
            check(
                &path,
                &CheckOptions {
                    format: *format,
                    deny_warnings: *deny_warnings,
                    against: against.as_deref(),
                    cache: !*no_cache,
                },
                out,
            )
        }),
        Command::Changelog { catalog: named } => {
            with_catalog(
                named,
                &|path| match out.phase("read the history and compare", || {
                    // A line lost to a reader gone stops the run at its next one.
                    crate::diff::changelog::changelog(&path, &|line| {
                        let _ = out.detail(line);
                    })
                }) {
                    Ok(text) => {
                        out!("{text}")?;
                        Ok(ExitCode::SUCCESS)
                    }
                    Err(e) => {
                        errln!("error: {e}")?;
                        Ok(ExitCode::from(2))
                    }
                },
            )
        }
        Command::Diff {
            old,
            new,
            catalog: named,
            format,
        } => {
            // Two catalog files need no project catalog; a revision is read where the
            // catalog would be: `--catalog`, else NEW when it is a catalog (`diff
            // HEAD:errors/catalog.yaml errors/catalog.yaml`), else the project's.
            let on_disk = |p: &Path| match p.is_dir() {
                true => crate::project::catalog_in(p),
                false => p.is_file().then(|| p.to_path_buf()),
            };
            let path = named
                .as_deref()
                .map(|p| on_disk(p).unwrap_or_else(|| p.to_path_buf()))
                .or_else(|| new.as_deref().map(Path::new).and_then(on_disk))
                .or_else(|| {
                    std::env::current_dir()
                        .ok()
                        .and_then(|cwd| crate::project::find_catalog(&cwd))
                });
            match (path, new) {
                (Some(path), _) => diff(old, new.as_deref(), &path, *format, out),
                // The new side is the working tree's catalog, and there is none: say so
                // as every command does.
                (None, None) => with_catalog(&None, &|_| Ok(ExitCode::from(2))),
                (None, Some(_)) => diff(
                    old,
                    new.as_deref(),
                    Path::new(DEFAULT_CATALOG),
                    *format,
                    out,
                ),
            }
        }
        Command::Lint {
            catalog: named,
            format,
            deny_warnings,
        } => with_catalog(named, &|path| lint(&path, *format, *deny_warnings, out)),
        Command::Gen {
            catalog: named,
            check,
            out_dir,
            format,
            force,
            no_cache,
        } => with_catalog(named, &|path| {
            generate::run(
                &path,
                &generate::Options {
                    check_only: *check,
                    out_dir: out_dir.as_deref(),
                    format: *format,
                    force: *force,
                    cache: !*no_cache,
                },
                out,
                settings,
            )
        }),
        Command::Explain {
            query,
            namespace,
            locale,
            catalog: named,
            format,
        } => with_catalog(named, &|path| {
            let asked = Asked {
                namespace: namespace.as_deref(),
                locale: locale.as_deref(),
            };
            explain(&path, query, asked, *format, out)
        }),
        Command::Completions { shell } => {
            crate::completions::print(*shell)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Import(args) => import(args, out),
        Command::Export(args) => with_catalog(&args.catalog, &|path| export::run(&path, args, out)),
        Command::Schema => {
            out!("{}", crate::schema::text())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Init { dir } => init(dir, out.quiet),
    }
}

fn init(dir: &Path, quiet: bool) -> Printed<ExitCode> {
    match crate::init::init(dir) {
        Ok(written) => {
            if !quiet {
                for path in written {
                    errln!("created {}", display_path(&path).display())?;
                }
                let cd = display_path(dir);
                let cd = if cd == Path::new(".") {
                    String::new()
                } else {
                    format!("cd {} && ", cd.display())
                };
                errln!(
                    "next: `{cd}errcat gen` writes generated/ (targets {})",
                    crate::init::target_ids().join(", ")
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            errln!("error: {e}")?;
            if let Some(help) = e.help() {
                errln!("help: {help}")?;
            }
            Ok(ExitCode::from(2))
        }
    }
}

/// Findings on stderr. `--deny-warnings` makes warnings errors; `--quiet` leaves out
/// the warnings that are left, in every format.
fn print_report(
    report: &Report,
    sources: &crate::source::Sources,
    format: Format,
    out: Console,
    deny_warnings: bool,
) -> Printed {
    let shown;
    let report = if deny_warnings && report.warnings() > 0 {
        shown = report.denying_warnings();
        &shown
    } else if out.quiet && report.warnings() > 0 {
        shown = report.errors_only();
        &shown
    } else {
        report
    };
    let color = out.color_on(&std::io::stderr());
    err!("{}", diag::render(report, sources, format, color))?;
    if format == Format::Human && !report.diagnostics.is_empty() {
        errln!("{}", report.summary())?;
    }
    Ok(())
}

/// Prints a checked catalog's findings; whether they fail the run.
fn print_findings(
    checked: &crate::Checked,
    format: Format,
    out: Console,
    deny_warnings: bool,
) -> Printed<bool> {
    print_report(
        &checked.report,
        &checked.sources,
        format,
        out,
        deny_warnings,
    )?;
    Ok(checked.report.has_errors() || (deny_warnings && checked.report.warnings() > 0))
}

const DEFAULT_CATALOG: &str = "schema/catalog.yaml";

/// The catalog a command works on: the one named, else `schema/catalog.yaml` here or in
/// the nearest parent directory. `Err` when there is none: what to say, and a help line.
fn catalog_path(named: Option<&Path>) -> Result<PathBuf, (String, String)> {
    const HELP: &str = "pass the catalog file, or run `errcat init` to create one";
    if let Some(path) = named {
        if path.is_dir() {
            if let Some(found) = crate::project::catalog_in(path) {
                return Ok(found);
            }
            return Err((
                format!(
                    "no catalog.yaml or {DEFAULT_CATALOG} in {}",
                    display_path(path).display()
                ),
                HELP.to_string(),
            ));
        }
        if path.exists() {
            return Ok(path.to_path_buf());
        }
        return Err((
            format!("no catalog at {}", display_path(path).display()),
            HELP.to_string(),
        ));
    }
    let cwd = std::env::current_dir().ok();
    let found = cwd.as_deref().and_then(crate::project::find_catalog);
    found.ok_or_else(|| {
        // At a monorepo's root the catalogs are below: name them.
        let below = cwd
            .map(|c| crate::project::catalogs_below(&c, 4))
            .unwrap_or_default();
        match below.first() {
            None => (
                format!("no {DEFAULT_CATALOG} here; run `errcat init`"),
                "errcat looks for schema/catalog.yaml, or an errcat catalog.yaml, in the current directory and its parents; or pass the catalog file"
                    .to_string(),
            ),
            Some(first) => (
                format!("no {DEFAULT_CATALOG} here or in a parent directory"),
                format!(
                    "catalogs below this directory: {}; pass one, as in `errcat check {}`",
                    below
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                    first.display()
                ),
            ),
        }
    })
}

/// A catalog's input files, read but not parsed.
struct Read {
    sources: crate::source::Sources,
    report: Report,
    inputs: Option<crate::load::Inputs>,
    /// Their cache key, when a cached answer may serve (and reading found nothing).
    key: Option<crate::cache::Key>,
    /// Each file's digest, for the keys (none without a key).
    digests: crate::cache::Digests,
}

fn read(path: &Path, out_dir: Option<&Path>, cache: bool, out: Console) -> Read {
    let mut sources = crate::source::Sources::default();
    let mut report = Report::default();
    let inputs = out.phase("read", || {
        crate::load::read_inputs(path, &mut sources, &mut report, true)
    });
    let (digests, key) = match &inputs {
        Some(_) if cache && report.diagnostics.is_empty() => {
            let digests = crate::cache::digests(&sources);
            let key = crate::cache::key(path, out_dir, &digests);
            (digests, key)
        }
        _ => Default::default(),
    };
    Read {
        sources,
        report,
        inputs,
        key,
        digests,
    }
}

impl Read {
    /// What the cache knows of the namespace files' checks, given [`Read::base`]:
    /// nothing without it.
    fn known_checks(
        &self,
        path: &Path,
        out_dir: Option<&Path>,
        base: Option<u64>,
    ) -> (crate::validate::FileMemory, crate::cache::FileKeys) {
        match (base, &self.inputs) {
            (Some(base), Some(inputs)) => crate::cache::known_checks(
                path,
                out_dir,
                base,
                &self.digests,
                &inputs.namespace_files,
            ),
            _ => Default::default(),
        }
    }

    /// The hash of every input but the namespace files (of their digests), which keys
    /// each file rendered per namespace and each namespace file's checks: when the
    /// cache may serve.
    fn base(&self, path: &Path, out_dir: Option<&Path>) -> Option<u64> {
        let files = &self
            .inputs
            .as_ref()
            .filter(|_| self.key.is_some())?
            .namespace_files;
        crate::cache::base(path, out_dir, &self.digests, files)
    }
}

/// With `-v`, how many namespace files' checks were taken from the cache; then, when
/// the checks found nothing, keeps those of every namespace file for the next run.
fn keep_checks(
    out: Console,
    path: &Path,
    out_dir: Option<&Path>,
    checked: &crate::Checked,
    keys: &crate::cache::FileKeys,
    memory: crate::validate::FileMemory,
) -> Printed<()> {
    if !memory.known.is_empty() {
        out.detail(format_args!(
            "cache: the checks of {} unchanged since the last clean run were taken from it, not run again",
            count(memory.known.len(), "namespace file")
        ))?;
    }
    if checked.report.diagnostics.is_empty() && memory.learn {
        crate::cache::store_checks(path, out_dir, keys, memory);
    }
    Ok(())
}

/// With `-v`, how many files the cache spared rendering (`gen` and `check`).
fn say_kept(out: Console, kept: usize) -> Printed<()> {
    if kept > 0 {
        out.detail(format_args!(
            "cache: {kept} files of namespaces unchanged since the last clean run were not rendered again"
        ))?;
    }
    Ok(())
}

struct CheckOptions<'a> {
    format: Format,
    deny_warnings: bool,
    against: Option<&'a str>,
    cache: bool,
}

fn check(path: &Path, opts: &CheckOptions, out: Console) -> Printed<ExitCode> {
    let &CheckOptions {
        format,
        deny_warnings,
        against,
        cache,
    } = opts;
    watch_templates(format);
    // A comparison with another revision needs the catalog itself.
    let read = read(path, None, cache && against.is_none(), out);
    // The same inputs passed in the last clean `gen`: no finding, every target rendered.
    if let Some(size) = read.key.and_then(|k| crate::cache::clean(path, k)) {
        out.files_read(&read.sources)?;
        out.detail("cache: these inputs passed in the last clean run")?;
        print_report(
            &Report::default(),
            &read.sources,
            format,
            out,
            deny_warnings,
        )?;
        if !out.quiet && format == Format::Human {
            errln!(
                "ok: {}, {} (unchanged since the last run)",
                count(size.namespaces, "namespace"),
                count(size.codes, "code")
            )?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    // Changed inputs: files of namespaces whose inputs did not change rendered cleanly
    // in the last clean run, and would again.
    let base = read.base(path, None);
    let reuse = base
        .map(|base| crate::cache::passed(path, base))
        .unwrap_or_default();
    let (mut memory, file_keys) = read.known_checks(path, None, base);
    let mut checked = out.phase("parse and validate", || {
        crate::check_inputs_with(read.inputs, read.sources, read.report, &mut memory)
    });
    out.files_read(&checked.sources)?;
    keep_checks(out, path, None, &checked, &file_keys, memory)?;
    // Render in memory too, so template errors surface without writing anything; each
    // target's files are dropped as they come (unstamped: nothing reads their checksums).
    let (mut reused, mut parts) = (0, 0);
    if let Some(c) = &checked.catalog
        && let Err(report) = out.phase("render", || {
            crate::render::generate_each(c, crate::par::threads(), &reuse, &mut |files| {
                reused += files.iter().filter(|f| f.reused).count();
                parts += files.iter().map(|f| f.parts_taken).sum::<usize>();
            })
        })
    {
        checked.report.extend(report);
        checked.catalog = None;
    }
    say_kept(out, reused)?;
    if parts > 0 {
        out.detail(format_args!(
            "cache: {parts} parts of catalog-wide files, of namespaces unchanged since the last clean run, were not rendered again"
        ))?;
    }
    if let (Some(rev), Some(new)) = (against, &checked.catalog) {
        let mut found = Report::default();
        let place = crate::diff::git::Place::at(path);
        let old = crate::diff::git::load_old_side(
            rev,
            place,
            &mut checked.sources,
            &mut found,
            &mut |note| {
                // A note lost to a reader gone stops the run at its next line.
                let _ = say_note(note, format, out);
            },
        );
        let old = match old {
            Err(usage) => {
                fatal(format, &usage, None)?;
                return Ok(ExitCode::from(2));
            }
            Ok(Some(old)) => old,
            // A base broken by a merge must not block the change that mends it: the gate
            // compares with the newest commit before it that loads.
            Ok(None) => {
                match crate::diff::git::earlier_loadable(rev, place, &mut checked.sources) {
                    Some((commit, old)) => {
                        say_note(
                            &format!(
                                "the catalog at {rev} has {}: compared with commit {commit}, the newest \
                             before it whose catalog loads (`errcat diff {commit} {rev}` shows what \
                             changed since)",
                                count(found.errors(), "error")
                            ),
                            format,
                            out,
                        )?;
                        old
                    }
                    None => {
                        print_report(&found, &checked.sources, format, out, false)?;
                        let why =
                            format!("the catalog at {rev} has errors; cannot compare with it");
                        fatal(format, &why, None)?;
                        return Ok(ExitCode::from(1));
                    }
                }
            }
        };
        let changes = crate::diff::compare(&old, new);
        let bump = crate::diff::major_bump(&old, new);
        checked.report.extend(crate::diff::report::diagnostics(
            &changes,
            bump.as_deref(),
            false,
        ));
        checked.report.sort(&checked.sources);
    }
    let failed = print_findings(&checked, format, out, deny_warnings)?;
    if !failed
        && !out.quiet
        && format == Format::Human
        && let Some(c) = &checked.catalog
    {
        let n: usize = c.namespaces.iter().map(|n| n.entries.len()).sum();
        errln!(
            "ok: {}, {}",
            count(c.namespaces.len(), "namespace"),
            count(n, "code")
        )?;
    }
    Ok(findings_exit(&checked.report, failed))
}

/// The exit code of a run whose findings `failed` it (or not): 2, as documented for
/// I/O errors, when one of them is a file that could not be read.
fn findings_exit(report: &Report, failed: bool) -> ExitCode {
    match (failed, report.unreadable()) {
        (false, _) => ExitCode::SUCCESS,
        (true, true) => ExitCode::from(2),
        (true, false) => ExitCode::from(1),
    }
}

/// A warning about the comparison itself (not a finding), in the output's format.
fn say_note(note: &str, format: Format, out: Console) -> Printed {
    if !out.quiet {
        let status = diag::Status {
            level: diag::Severity::Warning,
            ..diag::Status::fatal(note, None)
        };
        err!("{}", status.render(format))?;
    }
    Ok(())
}

fn diff(
    old: &str,
    new: Option<&str>,
    catalog: &Path,
    format: Format,
    out: Console,
) -> Printed<ExitCode> {
    // The working tree's catalog is the new side and names the old side's path: a
    // mistyped --catalog is said to be one, before any revision is read.
    if new.is_none() && !catalog.exists() {
        fatal(
            format,
            &format!("there is no catalog at {}", catalog.display()),
            Some("pass --catalog the catalog file, or its directory"),
        )?;
        return Ok(ExitCode::from(2));
    }
    use crate::diff::git::{self, Place, Unloaded};
    let mut sources = crate::source::Sources::default();
    let mut report = Report::default();
    let new_spec = new.map_or_else(|| catalog.to_string_lossy().into_owned(), str::to_string);
    // Said once both sides are read: a side found by its id, an old side compared as empty.
    let mut notes: Vec<String> = Vec::new();
    let mut heard = |n: &str| notes.push(n.to_string());
    let place = Place::at(catalog);
    let mut a = out.phase("read and validate the old side", || {
        git::load_any(old, place, &mut sources, &mut report, &mut heard)
    });
    // With no catalog in the working tree, a side's catalog tells the other which to find.
    let id = |side: &Result<Option<crate::model::Catalog>, Unloaded>| match side {
        Ok(Some(c)) if !catalog.exists() => Some(c.id.clone()),
        _ => None,
    };
    let a_id = id(&a);
    let b = out.phase("read and validate the new side", || {
        let place = Place {
            id: a_id.as_deref(),
            ..place
        };
        git::load_any(&new_spec, place, &mut sources, &mut report, &mut heard)
    });
    if let (Err(Unloaded::NoCatalog { .. }), Some(b_id)) = (&a, id(&b)) {
        let place = Place {
            id: Some(&b_id),
            ..place
        };
        a = git::load_any(old, place, &mut sources, &mut report, &mut heard);
    }
    let (a, b) = match (a, b) {
        // Before the catalog existed: everything in the new one is added.
        (Err(Unloaded::NoCatalog { missing, hint }), Ok(b)) => {
            notes.push(git::empty_note(&missing, hint.as_deref()));
            (Ok(Some(git::empty(old, &mut sources))), Ok(b))
        }
        sides => sides,
    };
    out.files_read(&sources)?;
    for note in &notes {
        say_note(note, format, out)?;
    }
    let (a, b) = match (a, b) {
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => {
            // Neither side has the catalog where it was looked for: the path is wrong.
            let misplaced = [&a, &b]
                .iter()
                .any(|s| matches!(s, Err(Unloaded::NoCatalog { .. })));
            let errors: Vec<String> = [a.err(), b.err()]
                .into_iter()
                .flatten()
                .map(Unloaded::into_message)
                .collect();
            for (i, usage) in errors.iter().enumerate() {
                let help = (misplaced && i + 1 == errors.len()).then_some(
                    "a revision's catalog is read where --catalog (or the working tree's catalog) is, or found by its `catalog:` id: pass --catalog the catalog file",
                );
                fatal(format, usage, help)?;
            }
            return Ok(ExitCode::from(2));
        }
    };
    let (Some(a), Some(b)) = (a, b) else {
        report.sort(&sources);
        print_report(&report, &sources, format, out, false)?;
        fatal(format, "a catalog has errors; cannot compare", None)?;
        return Ok(ExitCode::from(1));
    };
    let changes = out.phase("compare", || crate::diff::compare(&a, &b));
    let bump = crate::diff::major_bump(&a, &b);
    let mut found = crate::diff::report::diagnostics(&changes, bump.as_deref(), true);
    found.sort(&sources);
    print_report(&found, &sources, format, out, false)?;
    if !out.quiet && format == Format::Human {
        let breaking = changes.iter().filter(|c| c.breaking()).count();
        errln!(
            "{}, {breaking} breaking{}",
            crate::console::count(changes.len(), "change"),
            if bump.is_some() && breaking > 0 {
                " (acknowledged by the major version bump)"
            } else {
                ""
            }
        )?;
    }
    Ok(ExitCode::from(u8::from(found.has_errors())))
}

/// Loads and validates the catalog; `--verbose` lists the files read and the time taken.
fn load(path: &Path, out: Console) -> Printed<crate::Checked> {
    let checked = out.phase("load and validate", || crate::check(path));
    out.files_read(&checked.sources)?;
    Ok(checked)
}

/// What explain is asked beside its query: `--namespace`, `--locale`.
struct Asked<'a> {
    namespace: Option<&'a str>,
    locale: Option<&'a str>,
}

fn explain(
    path: &Path,
    query: &str,
    asked: Asked,
    format: ExplainFormat,
    out: Console,
) -> Printed<ExitCode> {
    let namespace = asked.namespace;
    let query = match crate::explain::Query::parse_or_words(query) {
        Ok(q) => q,
        // What was typed, pasted from anywhere, is shown as explain's answers show it:
        // an escape sequence in it cannot retitle the window or recolour the terminal.
        Err(usage) => {
            fatal(out.format, &crate::console::printable(&usage), None)?;
            return Ok(ExitCode::from(2));
        }
    };
    if let (Some(named), Some(flag)) = (query.namespace(), namespace)
        && named != flag
    {
        let both = format!(
            "`{query}` names namespace {named}, but --namespace asks for {flag}; give one of the two"
        );
        fatal(out.format, &crate::console::printable(&both), None)?;
        return Ok(ExitCode::from(2));
    }
    let checked = load(path, out)?;
    // A catalog half-way through an edit still answers for the entries that validated:
    // a support engineer's question is seldom about the entry being edited.
    let (catalog, partial) = match (&checked.catalog, &checked.with_errors) {
        (Some(c), _) => (c, false),
        (None, Some(c)) => (c, true),
        (None, None) => {
            print_report(&checked.report, &checked.sources, out.format, out, false)?;
            return Ok(findings_exit(&checked.report, true));
        }
    };
    let ex = crate::explain::explain(catalog, &checked.sources, &query, namespace, asked.locale);
    if let Some(tag) = asked.locale
        && crate::view::chosen_locale(&catalog.locales, tag).is_none()
        && !out.quiet
    {
        // The generated code falls back silently; on-call should know the texts are not
        // the ones asked for.
        let message = format!(
            "no locale of the catalog serves `{}`: the texts are the default locale's ({}), as the generated code shows them",
            crate::console::printable(tag),
            catalog.default_locale
        );
        let status = diag::Status {
            level: diag::Severity::Warning,
            ..diag::Status::fatal(&message, None)
        };
        err!("{}", status.render(out.format))?;
    }
    if partial {
        print_report(&checked.report, &checked.sources, out.format, out, false)?;
        err!(
            "{}",
            diag::Status::fatal(
                &format!("the catalog has errors: `{query}` is explained from the entries that validated"),
                Some("an entry with an error of its own is left out; fix the errors above for a whole answer"),
            )
            .render(out.format)
        )?;
    }
    match format {
        ExplainFormat::Human => out!("{}", crate::console::printable(&ex.to_text()))?,
        ExplainFormat::Json => outln!("{}", serde_json::to_string_pretty(&ex).unwrap_or_default())?,
    }
    Ok(ExitCode::from(u8::from(
        partial || (ex.definitions.is_empty() && ex.opposite_sign.is_empty()),
    )))
}

fn lint(path: &Path, format: Format, deny_warnings: bool, out: Console) -> Printed<ExitCode> {
    let checked = load(path, out)?;
    let failed = print_findings(&checked, format, out, deny_warnings)?;
    // Texts still to translate are errors, yet the coverage table is what a
    // translation in progress needs: every entry is in the model all the same.
    let translating = checked.report.diagnostics.iter().all(|d| {
        d.severity != diag::Severity::Error || d.rule == crate::rules::MISSING_TRANSLATION.id
    });
    let summarised = match (&checked.catalog, &checked.with_errors) {
        (Some(c), _) => Some(c),
        (None, Some(c)) if translating => Some(c),
        _ => None,
    };
    match summarised {
        // `--quiet`: errors only, so no summary.
        Some(_) if out.quiet => {}
        Some(c) => match format {
            // GitHub's format is for the findings' annotations; the table reads as it is in the log.
            Format::Human | Format::Github => out!("{}", crate::lint::summary(c, &checked.report))?,
            Format::Json => out!("{}", crate::lint::summary_json(c, &checked.report))?,
        },
        None => fatal(format, "fix the errors above to see the summary", None)?,
    }
    Ok(findings_exit(&checked.report, failed))
}

fn import(args: &crate::import::Args, console: Console) -> Printed<ExitCode> {
    let quiet = console.quiet;
    let out = match crate::import::run(args) {
        Ok(out) => out,
        Err(usage) => {
            errln!("error: {usage}")?;
            return Ok(ExitCode::from(2));
        }
    };
    print_report(&out.report, &out.sources, Format::Human, console, false)?;
    if out.report.has_errors() {
        errln!("error: nothing was written")?;
        return Ok(findings_exit(&out.report, true));
    }
    if let Err(e) = crate::import::write(&out.outputs) {
        errln!("error: {e}")?;
        return Ok(ExitCode::from(2));
    }
    if out.result_warnings > 0 && !quiet {
        // The warnings above are the imported rows'; these are the namespace's to-do list.
        let other = if out.report.warnings() > 0 {
            "other warning"
        } else {
            "warning"
        };
        errln!(
            "note: the result has {}, none at an imported text; `errcat check` lists them",
            count(out.result_warnings, other)
        )?;
    }
    if out.still_missing > 0 && !quiet {
        errln!(
            "note: {} of the entries the files had still {} a locale their namespace requires (missing-translation); `errcat check` lists them",
            count(out.still_missing, "text"),
            if out.still_missing == 1 {
                "lacks"
            } else {
                "lack"
            }
        )?;
    }
    for note in out.notes.iter().chain(&out.script_notes).filter(|_| !quiet) {
        errln!("note: {note}")?;
    }
    if out.filed_by_position > 0 && !quiet {
        errln!(
            "note: {} passed several strings that no constructor parameter names: the \
             first became the title, the second the message; declare the enum's constructor \
             (`String title, String message, String solution`) to file them by name",
            count(out.filed_by_position, "enum constant")
        )?;
    }
    for o in out
        .outputs
        .iter()
        .filter(|o| o.dropped_comments > 0 && !quiet)
    {
        if let Some(p) = &o.path {
            errln!(
                "warning: {} lost its {}: a merge writes the file in canonical form; restore them from version control",
                display_path(p).display(),
                count(o.dropped_comments, "comment line")
            )?;
        }
    }
    for (i, o) in out.outputs.iter().enumerate() {
        match &o.path {
            None => out!("{}{}", if i > 0 { "---\n" } else { "" }, o.text)?,
            Some(p) if !quiet => errln!(
                "{}: namespace {}, {} ({} new, {} changed)",
                display_path(p).display(),
                o.namespace,
                match o.entries {
                    1 => "1 entry".to_owned(),
                    n => format!("{n} entries"),
                },
                o.added,
                o.changed
            )?,
            Some(_) => {}
        }
    }
    Ok(ExitCode::SUCCESS)
}
