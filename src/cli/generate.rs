//! `errcat gen` and `gen --check`: render, compare with the disk, then write or report.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Read, Settings, fatal, findings_exit, print_report, read};
use crate::console::{Console, count};
use crate::diag::{self, Format, Report};
use crate::load::display_path;
use crate::output::{self, Printed, err, errln};
use crate::write::{self, Change};

pub(super) struct Options<'a> {
    pub check_only: bool,
    pub out_dir: Option<&'a Path>,
    pub format: Format,
    pub force: bool,
    pub cache: bool,
}

/// A line about a generated file, under a rule; `--quiet` drops the warnings.
#[derive(Clone, Copy)]
struct Say {
    out: Console,
    format: Format,
}

impl Say {
    fn line(
        self,
        level: diag::Severity,
        rule: &str,
        message: &str,
        file: &Path,
        help: Option<&str>,
    ) -> Printed {
        if self.out.quiet && level == diag::Severity::Warning {
            return Ok(());
        }
        let file = display_path(file);
        let status = diag::Status {
            level,
            rule: Some(rule),
            message,
            file: Some(&file),
            help,
        };
        err!("{}", status.render(self.format))
    }

    /// Plain lines for people; in the machine formats every line is a record.
    fn human(self) -> bool {
        self.format == Format::Human
    }
}

pub(super) fn run(
    path: &Path,
    opts: &Options,
    out: Console,
    settings: &Settings,
) -> Printed<ExitCode> {
    let &Options {
        check_only,
        out_dir,
        format,
        force,
        cache,
    } = opts;
    super::watch_templates(format);
    let read = read(path, out_dir, cache, out);
    let say = Say { out, format };
    let human = say.human();
    let error = |message: &str| fatal(format, message, None);
    // A check never writes: saying that nothing was written would suggest it might have.
    let unwritten = if check_only {
        ""
    } else {
        "; nothing was written"
    };
    // Unchanged inputs and untouched outputs since the last clean run: nothing can be stale.
    if let Some(n) = read.key.and_then(|k| crate::cache::fresh(path, out_dir, k)) {
        out.files_read(&read.sources)?;
        out.detail("cache: inputs and outputs unchanged since the last clean run")?;
        print_report(&Report::default(), &read.sources, format, out, false)?;
        if !out.quiet && human {
            if check_only {
                errln!("ok: {n} generated files are up to date (unchanged since the last run)")?;
            } else {
                errln!("wrote 0 files, removed 0, {n} unchanged (unchanged since the last run)")?;
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    // Changed inputs: the files of namespaces whose inputs did not change may still be
    // as the last clean run left them (looked at once this run holds the lock).
    let base = read.base(path, out_dir);
    let (mut memory, file_keys) = read.known_checks(path, out_dir, base);
    let Read {
        sources,
        report,
        inputs,
        key,
        ..
    } = read;
    let checked = out.phase("parse and validate", || {
        crate::check_inputs_with(inputs, sources, report, &mut memory)
    });
    out.files_read(&checked.sources)?;
    super::keep_checks(out, path, out_dir, &checked, &file_keys, memory)?;
    print_report(&checked.report, &checked.sources, format, out, false)?;
    let (Some(catalog), Some(root)) = (&checked.catalog, &checked.root) else {
        error(&format!("the catalog has errors{unwritten}"))?;
        return Ok(findings_exit(&checked.report, true));
    };
    // Only a run without findings is remembered, so a cached answer never hides one.
    let remember = |dirs: &[PathBuf], generated: usize, rendered: &[crate::cache::Rendered]| {
        if let (Some(key), Some(base)) = (key, base)
            && checked.report.diagnostics.is_empty()
        {
            let size = crate::cache::Size {
                namespaces: catalog.namespaces.len(),
                codes: catalog.namespaces.iter().map(|n| n.entries.len()).sum(),
            };
            let run = crate::cache::Run { key, base, size };
            crate::cache::store(path, out_dir, run, dirs, generated, rendered);
        }
    };
    // A Ctrl-C or a cancelled CI job from here on removes what was staged, as an
    // error does (the default action would leave hidden temporary files behind).
    on_interrupt_abandon();
    // Another run on the same tree waits here until this one has written.
    let mut waiting = |lock: &Path| {
        if !out.quiet && human {
            // A line lost to a reader gone is no reason not to wait.
            let _ = errln!(
                "waiting for another errcat run that writes this output (lock file {})",
                lock.display()
            );
        }
    };
    let _lock = match write::lock(root, &mut waiting) {
        Ok(l) => l,
        Err(e) => {
            error(&e)?;
            return Ok(ExitCode::from(2));
        }
    };
    // After the lock: a run that wrote meanwhile may have changed what is on disk.
    let reuse = base
        .map(|base| crate::cache::reusable(path, out_dir, base))
        .unwrap_or_default();
    // Rendered files are compared with the disk as they come, and (unless this is a
    // check) new and changed ones staged next to their place.
    let mut total = 0;
    let mut reused = 0;
    let mut parts_taken = 0;
    // The files rendered per namespace and their keys, and the files of keyed parts,
    // for the next run.
    let mut keyed: Vec<crate::cache::Rendered> = Vec::new();
    // Where the last clean run wrote: a target whose `out:` changed left files there.
    let previous = crate::cache::previous_dirs(path, out_dir);
    let staged = out.phase("render and compare", || {
        crate::stage(
            catalog,
            root,
            out_dir,
            &previous,
            &reuse,
            !check_only,
            &mut |f| {
                total += 1;
                parts_taken += f.parts_taken;
                if f.key.is_some() || !f.parts.is_empty() {
                    keyed.push(crate::cache::Rendered {
                        path: f.path.clone(),
                        rel: f.rel.clone(),
                        key: f.key,
                        len: f.text.len(),
                        digest: (!f.parts.is_empty()).then(|| crate::cache::digest(&f.text)),
                        parts: f.parts.clone(),
                    });
                }
                // A line lost to a reader gone stops the run before anything is written.
                let _ = if f.reused {
                    reused += 1;
                    out.detail(format_args!(
                        "unchanged: {} (its namespace and templates are as in the last clean run)",
                        display_path(&f.path).display()
                    ))
                } else {
                    out.detail(format_args!(
                        "render: {} <- {}",
                        display_path(&f.path).display(),
                        f.origin
                    ))
                };
            },
        )
    });
    super::say_kept(out, reused)?;
    if parts_taken > 0 {
        out.detail(format_args!(
            "cache: {parts_taken} parts of catalog-wide files, of namespaces unchanged since the last clean run, were taken from its output"
        ))?;
    }
    // From here on, whatever stops the run before the rename (a `?` included) drops
    // the plan, and with it the staged files.
    let mut plan = match staged {
        Ok(p) => write::Staged::new(p),
        Err(crate::StageError::Render(report)) => {
            print_report(&report, &checked.sources, format, out, false)?;
            error(&format!("generation failed{unwritten}"))?;
            return Ok(ExitCode::from(1));
        }
        Err(crate::StageError::Io(e)) => {
            error(&format!("{e}{unwritten}"))?;
            return Ok(ExitCode::from(2));
        }
    };
    let dirs = crate::target_dirs(catalog, root, out_dir);
    // Perhaps this catalog's output from before it moved: said, and removed only when told.
    if !force {
        for (orphan, named) in &plan.orphans {
            say.line(
                diag::Severity::Warning,
                crate::rules::output::FOREIGN,
                &format!(
                    "is rendered by no target, and {} ({named}), which git cannot say was \
                     this catalog",
                    write::GONE
                ),
                orphan,
                Some("if it was this catalog, moved, remove the file, or pass --force to have errcat remove it"),
            )?;
        }
    }
    if force {
        take_over(&mut plan);
    } else if !plan.foreign.is_empty() || !plan.clashes.is_empty() {
        refuse(&plan, say)?;
        return Ok(ExitCode::from(1));
    }
    if check_only {
        if plan.changes.is_empty() {
            remember(&dirs, total, &keyed);
            if !out.quiet && human {
                errln!("ok: {total} generated files are up to date")?;
            }
            return Ok(ExitCode::SUCCESS);
        }
        report_stale(
            &plan,
            say,
            &format!("run `{}` and commit", settings.regenerate(path)),
        )?;
        return Ok(ExitCode::from(1));
    }
    // A stale file edited by hand may be no generated file at all (a copied header):
    // errcat never deletes text it cannot regenerate without being told to.
    let kept_edits: Vec<&write::Planned> = plan
        .changes
        .iter()
        .filter(|p| p.change == Change::Remove && p.edited_by_hand && !p.conflicted)
        .collect();
    if !force && !kept_edits.is_empty() {
        for p in &kept_edits {
            let others: Vec<&Path> = kept_edits.iter().map(|k| k.path.as_path()).collect();
            let help = match compiled_from(&p.path, &others) {
                Some(source) => format!(
                    "it is named after {}, which errcat writes: a compiler that writes its output beside its sources (tsc without outDir) copies the header; have it write elsewhere, or remove the file yourself, or pass --force; nothing was written",
                    crate::load::display_path(&source).display()
                ),
                None => "remove it yourself, or pass --force to remove it; nothing was written"
                    .to_string(),
            };
            say.line(
                diag::Severity::Error,
                crate::rules::output::EDITED,
                "was edited by hand, and no target renders it any more: removing it would lose those edits",
                &p.path,
                Some(&help),
            )?;
        }
        return Ok(ExitCode::from(1));
    }
    // Where the catalog is: its directory holds what the generated files are made from.
    let change_instead = match display_path(path).parent() {
        Some(dir) if !dir.as_os_str().is_empty() => {
            format!("change {}/ or templates/ instead", dir.display())
        }
        _ => "change the catalog or templates/ instead".to_string(),
    };
    for p in plan.changes.iter().filter(|p| p.edited_by_hand) {
        // Two branches changed a generated file, and git left both sides: the merged
        // catalog decides, which is what regenerating writes.
        if p.conflicted {
            say.line(
                diag::Severity::Warning,
                crate::rules::output::EDITED,
                "held a git merge's conflict markers; regenerating it from the merged catalog resolves them",
                &p.path,
                Some("commit the regenerated file with the merge"),
            )?;
            continue;
        }
        let what = match p.change {
            Change::Remove => {
                "was edited by hand; no target renders it any more, so removing it drops those edits"
            }
            _ => "was edited by hand; regenerating it drops those edits",
        };
        say.line(
            diag::Severity::Warning,
            crate::rules::output::EDITED,
            what,
            &p.path,
            Some(&change_instead),
        )?;
    }
    // A `--verbose` line lost while rendering: the reader has gone, so stop unwritten.
    if output::gone() {
        return Err(output::Cut::Gone);
    }
    let removed = plan
        .changes
        .iter()
        .filter(|p| p.change == Change::Remove)
        .count();
    let (written, unchanged) = (plan.changes.len() - removed, plan.unchanged);
    // The directories the removals leave empty go with them (`write::emptied`).
    let emptied = match plan.emptied.len() {
        0 => String::new(),
        1 => " (and 1 emptied directory)".to_string(),
        n => format!(" (and {n} emptied directories)"),
    };
    let outside = outside_listed(&plan);
    if let Err(e) = out.phase("write", || plan.apply()) {
        error(&format!("writing failed: {e}"))?;
        return Ok(ExitCode::from(2));
    }
    remember(&dirs, total, &keyed);
    if !out.quiet && human {
        if let Some(listed) = outside {
            errln!(
                "removed, as outside every target's output directory now (a target's `out:` changed, or a target was removed): {listed}"
            )?;
        }
        errln!(
            "wrote {}, removed {removed}{emptied}, {unchanged} unchanged",
            count(written, "file"),
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The files a plan removes from outside every output directory, for a line: the first
/// few, and how many more.
fn outside_listed(plan: &write::Plan) -> Option<String> {
    const SHOWN: usize = 5;
    let shown: Vec<String> = plan
        .outside
        .iter()
        .take(SHOWN)
        .map(|p| display_path(p).display().to_string())
        .collect();
    let more = plan.outside.len().saturating_sub(SHOWN);
    (!shown.is_empty()).then(|| match more {
        0 => shown.join(", "),
        n => format!("{} and {n} more", shown.join(", ")),
    })
}

/// Names every file in the way of a rendered one: without errcat's header, from another
/// catalog, or named like a rendered file but for case or normalisation.
fn refuse(plan: &write::Staged, say: Say) -> Printed {
    let help = "move the file away, or pass --force to overwrite it; nothing was written";
    let in_the_way = plan.foreign.iter().map(|(f, why)| {
        let old = match &f.change {
            Change::Update(old) => old.as_str(),
            _ => "",
        };
        let why = match write::generated_from(old) {
            Some(other) if *why == write::GONE => {
                format!("exists and {why} ({other}), which git cannot say was this catalog")
            }
            Some(other) => format!(
                "exists and {why} ({other}): two catalogs writing one file would \
                 overwrite each other's output in turn"
            ),
            None => format!("exists and {why} (no generated-file header)"),
        };
        (f.path.as_path(), why)
    });
    // A file beside a rendered one, named alike: one file on other systems.
    let alike = plan.clashes.iter().map(|c| {
        let why = format!(
            "{}, and {}, which gen writes, differs from it only in {}: on {} writing that file overwrites this one",
            c.why,
            display_path(&c.rendered).display(),
            c.alike.how,
            c.alike.systems
        );
        (c.on_disk.as_path(), why)
    });
    let refused: Vec<(&Path, String)> = in_the_way.chain(alike).collect();
    for (i, (path, why)) in refused.iter().enumerate() {
        let last = i + 1 == refused.len();
        say.line(
            diag::Severity::Error,
            crate::rules::output::FOREIGN,
            why,
            path,
            Some(help).filter(|_| last || !say.human()),
        )?;
    }
    Ok(())
}

/// `--force`: the files in the way are overwritten, those named alike removed, and so
/// are the stale files of a catalog file that is gone.
fn take_over(plan: &mut write::Staged) {
    for (orphan, _) in std::mem::take(&mut plan.orphans) {
        plan.changes.push(write::Planned {
            path: orphan,
            change: Change::Remove,
            text: String::new(),
            edited_by_hand: false,
            conflicted: false,
            staged: None,
        });
    }
    let foreign = std::mem::take(&mut plan.foreign);
    plan.changes.extend(foreign.into_iter().map(|(p, _)| p));
    // The rendered file takes its place, as it would on Windows and macOS.
    for c in std::mem::take(&mut plan.clashes) {
        plan.changes.push(write::Planned {
            path: c.on_disk,
            change: Change::Remove,
            text: String::new(),
            edited_by_hand: false,
            conflicted: false,
            staged: None,
        });
    }
}

/// `gen --check` found work: each missing, extra or stale file, with a diff of the stale.
fn report_stale(plan: &write::Staged, say: Say, hint: &str) -> Printed {
    let human = say.human();
    for p in &plan.changes {
        let shown = display_path(&p.path);
        use crate::rules::output as rule;
        let (what, rule) = match &p.change {
            Change::Create => ("missing", rule::MISSING),
            Change::Remove
                if p.path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(write::is_temp_name) =>
            {
                (
                    "extra (a temporary file an interrupted run left)",
                    rule::EXTRA,
                )
            }
            Change::Remove if p.edited_by_hand => (
                "extra (no target renders it any more; edited by hand since it was generated)",
                rule::EXTRA,
            ),
            Change::Remove if plan.outside.contains(&p.path) => (
                "extra (this catalog's output, outside every target's output directory now)",
                rule::EXTRA,
            ),
            Change::Remove => ("extra (no target renders it any more)", rule::EXTRA),
            Change::Update(_) if p.conflicted => (
                "stale (a git merge left conflict markers in it; regenerate it)",
                rule::EDITED,
            ),
            Change::Update(_) if p.edited_by_hand => (
                "stale (edited by hand since it was generated)",
                rule::EDITED,
            ),
            Change::Update(_) => ("stale", rule::STALE),
        };
        if !human {
            let message = format!("is {what}");
            say.line(diag::Severity::Error, rule, &message, &p.path, Some(hint))?;
            continue;
        }
        let (label, rest) = what.split_once(' ').unwrap_or((what, ""));
        let note = if rest.is_empty() {
            String::new()
        } else {
            format!(" {rest}")
        };
        errln!("{:<8} {}{note}", format!("{label}:"), shown.display())?;
        if let Change::Update(old) = &p.change {
            err!("{}", write::short_diff(old, &p.text, 12))?;
        }
    }
    if !human {
        return Ok(());
    }
    // Not an error of its own: a directory goes with the last of its extra files.
    for dir in &plan.emptied {
        let shown = display_path(dir);
        errln!(
            "empty:   {}/ (left empty once the extra files go)",
            shown.display()
        )?;
    }
    let n = plan.changes.len();
    errln!(
        "error: {n} generated file{} out of date",
        if n == 1 { " is" } else { "s are" }
    )?;
    errln!("{hint}")
}

/// On SIGINT, SIGTERM or SIGHUP, a thread removes what was staged and exits as the
/// signal would (128 + its number). Installed once per process.
#[cfg(unix)]
fn on_interrupt_abandon() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) {
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    write::abandon_and_exit(128 + signal);
                }
            });
        }
    });
}

#[cfg(not(unix))]
fn on_interrupt_abandon() {}

/// The generated file `path` was most likely compiled from: a sibling of the same name
/// before its first dot (`app.ts` for `app.js`, `app.d.ts`, `app.js.map`) that carries
/// errcat's header and is none of `others` (files in `path`'s plight: compiled too).
fn compiled_from(path: &Path, others: &[&Path]) -> Option<PathBuf> {
    let stem = |p: &Path| {
        let name = p.file_name()?.to_str()?;
        Some(name.split('.').next().unwrap_or(name).to_string())
    };
    let own = stem(path)?;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut siblings: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            !others.iter().any(|o| paths_equal(o, p)) && stem(p).as_deref() == Some(own.as_str())
        })
        .collect();
    siblings.sort();
    siblings.into_iter().find(|p| {
        std::fs::read_to_string(p)
            .is_ok_and(|t| t.lines().take(5).any(|l| l.contains(crate::view::MARKER)))
    })
}

/// Whether two paths, as shown or as read from a directory, name one file.
fn paths_equal(a: &Path, b: &Path) -> bool {
    a == b
        || a.canonicalize()
            .ok()
            .is_some_and(|a| b.canonicalize().ok() == Some(a))
}
