//! `cargo xtask bench [N…]`: wall time and peak memory of `errcat gen`, `gen --check`
//! and the downstream compiles on synthetic catalogs, beside `protoc --java_out`
//! when it is installed, then the goals and whether they hold.
//!
//! Every command is a child process measured with `wait4`: wall clock from spawn
//! to exit, peak RSS and CPU time of the child and everything it waited for.

use std::fmt::Write as _;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use crate::ci::{cargo, run};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

#[derive(Clone, Copy, Debug)]
struct Sample {
    wall: Duration,
    cpu: Duration,
    rss_kib: u64,
}

struct Row {
    step: &'static str,
    codes: usize,
    sample: Sample,
}

/// Runs `cmd` to completion; its output goes to `log`. Fails with the log's tail if it fails
/// (unless `expect_failure`, for commands that must refuse their input).
fn measure(cmd: &mut Command, log: &Path, expect_failure: bool) -> Result<Sample, String> {
    let out = File::create(log).map_err(|e| format!("{}: {e}", log.display()))?;
    let err = out.try_clone().map_err(|e| e.to_string())?;
    cmd.stdin(Stdio::null()).stdout(out).stderr(err);
    let start = Instant::now();
    let child = cmd
        .spawn()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    let pid = libc::pid_t::try_from(child.id()).map_err(|e| e.to_string())?;
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child, not yet reaped (`Child` never waited for it);
    // `status` and `usage` are valid for writes. wait4 reports this child's own usage,
    // including its waited-for descendants (rustc under cargo, tsc under node).
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    if reaped != pid {
        return Err(format!(
            "wait4 on {cmd:?} failed: {}",
            std::io::Error::last_os_error()
        ));
    }
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    if ok == expect_failure {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        let tail: Vec<&str> = text.lines().rev().take(30).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        let what = if expect_failure {
            "succeeded but should have failed"
        } else {
            "failed"
        };
        return Err(format!(
            "{cmd:?} {what} (status {status}):\n{}",
            tail.join("\n")
        ));
    }
    let tv = |t: libc::timeval| {
        Duration::from_secs(u64::try_from(t.tv_sec).unwrap_or(0))
            + Duration::from_micros(u64::try_from(t.tv_usec).unwrap_or(0))
    };
    Ok(Sample {
        wall,
        cpu: tv(usage.ru_utime) + tv(usage.ru_stime),
        rss_kib: u64::try_from(usage.ru_maxrss).unwrap_or(0),
    })
}

/// The median run of `reps`, each after `prepare` (which is not timed).
fn median(
    reps: usize,
    mut prepare: impl FnMut() -> Result<(), String>,
    mut once: impl FnMut() -> Result<Sample, String>,
) -> Result<Sample, String> {
    let mut samples = Vec::new();
    for _ in 0..reps.max(1) {
        prepare()?;
        samples.push(once()?);
    }
    samples.sort_by_key(|s| s.wall);
    Ok(samples[samples.len() / 2])
}

fn remove(path: &Path) -> Result<(), String> {
    match std::fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

struct Bench {
    root: PathBuf,
    errcat: PathBuf,
    dir: PathBuf,
    rows: Vec<Row>,
}

impl Bench {
    fn log(&self) -> PathBuf {
        self.dir.join("last-command.log")
    }

    fn errcat(&self, args: &[&str]) -> Command {
        let mut c = Command::new(&self.errcat);
        // errcat's up-to-date cache lives with the bench, not in the user's home.
        c.args(args)
            .env("NO_COLOR", "1")
            .env("ERRCAT_CACHE_DIR", self.dir.join("cache"));
        c
    }

    /// Before a run from scratch: no output, and no cache (whose namespace files'
    /// checks would spare the run its parsing).
    fn cold(&self, out: &Path) -> Result<(), String> {
        remove(out)?;
        remove(&self.dir.join("cache"))
    }

    fn row(&mut self, step: &'static str, codes: usize, sample: Sample) {
        eprintln!(
            "  {step:<36} {codes:>7}  {:>8.3} s  {:>6} MiB",
            sample.wall.as_secs_f64(),
            sample.rss_kib / 1024
        );
        self.rows.push(Row {
            step,
            codes,
            sample,
        });
    }

    fn get(&self, step: &str, codes: usize) -> Option<Sample> {
        self.rows
            .iter()
            .find(|r| r.step == step && r.codes == codes)
            .map(|r| r.sample)
    }

    /// `gen` after one message of the first namespace changed, each time to another
    /// text (its own files were written by the run before, within the cache's racy
    /// window, so they render again too); the catalog is put back as it was.
    fn edited(
        &mut self,
        n: usize,
        project: &Path,
        catalog: &str,
        reps: usize,
    ) -> Result<(), String> {
        let file = project.join("schema/synth/ns000.yaml");
        let original =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let message = "\"The room does not exist while joining\"";
        if !original.contains(message) {
            return Err(format!("{}: no message {message} to edit", file.display()));
        }
        let mut edits = 0;
        let mut edit = |text: &str| {
            edits += 1;
            let changed = original.replacen(message, &format!("\"{text} {edits}\""), 1);
            std::fs::write(&file, changed).map_err(|e| format!("{}: {e}", file.display()))
        };
        let s = median(
            reps,
            || edit("The room is unknown"),
            || {
                measure(
                    &mut self.errcat(&["gen", "-q", catalog]),
                    &self.log(),
                    false,
                )
            },
        )?;
        self.row("errcat gen, one message edited", n, s);
        std::fs::write(&file, &original).map_err(|e| format!("{}: {e}", file.display()))?;
        measure(
            &mut self.errcat(&["gen", "-q", catalog]),
            &self.log(),
            false,
        )?;
        Ok(())
    }

    /// Every measurement on a synthetic catalog of `n` codes.
    fn size(&mut self, n: usize) -> Result<(), String> {
        eprintln!("\n== {n} codes");
        let project = self.dir.join(format!("n{n}"));
        remove(&project)?;
        crate::synth::write(&self.root, n, errcat::synth::PER_FILE, &project)?;
        let catalog = project.join(errcat::synth::CATALOG);
        let catalog = catalog.to_str().ok_or("non-UTF-8 bench path")?.to_string();
        let generated = project.join("generated");
        let log = self.log();
        let reps = if n >= 100_000 { 3 } else { 5 };

        let s = median(
            reps,
            || self.cold(&generated),
            || measure(&mut self.errcat(&["gen", "-q", &catalog]), &log, false),
        )?;
        self.row("errcat gen (empty output dir)", n, s);
        let s = median(
            if n >= 100_000 { 1 } else { 3 },
            || self.cold(&generated),
            || {
                measure(
                    self.errcat(&["gen", "-q", &catalog])
                        .env("ERRCAT_THREADS", "1"),
                    &log,
                    false,
                )
            },
        )?;
        self.row("errcat gen, one thread", n, s);
        // The next save comes later than the last write: a cache entry written within
        // errcat's racy window (2 s) of its outputs is not trusted, however fast the run.
        std::thread::sleep(std::time::Duration::from_millis(2_100));
        let s = median(
            reps,
            || Ok(()),
            || measure(&mut self.errcat(&["gen", "-q", &catalog]), &log, false),
        )?;
        self.row("errcat gen (up to date)", n, s);
        let s = median(
            reps,
            || Ok(()),
            || {
                measure(
                    &mut self.errcat(&["gen", "-q", "--check", &catalog]),
                    &log,
                    false,
                )
            },
        )?;
        self.row("errcat gen --check (nothing stale)", n, s);
        // The same two without the cache: what a clean clone (CI) pays.
        for (step, args) in [
            (
                "errcat gen --no-cache (up to date)",
                &["gen", "-q", "--no-cache"][..],
            ),
            (
                "errcat gen --check --no-cache",
                &["gen", "-q", "--check", "--no-cache"][..],
            ),
        ] {
            let s = median(
                reps,
                || Ok(()),
                || measure(self.errcat(args).arg(&catalog), &log, false),
            )?;
            self.row(step, n, s);
        }
        // A save that changed one message: the files of the other namespaces are kept.
        self.edited(n, &project, &catalog, reps)?;

        if which("protoc") {
            let out = project.join("protoc-java");
            let protos = crate::conformance::files_with_ext(&project.join("proto"), "proto")?;
            let s = median(
                reps,
                || {
                    remove(&out)
                        .and_then(|()| std::fs::create_dir_all(&out).map_err(|e| e.to_string()))
                },
                || {
                    measure(
                        Command::new("protoc")
                            .arg("-I")
                            .arg(project.join("proto"))
                            .arg(format!("--java_out={}", out.display()))
                            .args(&protos),
                        &log,
                        false,
                    )
                },
            )?;
            self.row("protoc --java_out (Java only)", n, s);
        }

        let downstream_reps = if n >= 100_000 { 1 } else { 3 };
        let tsc = self.root.join("node_modules/.bin/tsc");
        if tsc.exists() {
            let out = project.join("tsc-out");
            let s = median(
                downstream_reps,
                || remove(&out),
                || {
                    measure(
                        Command::new(&tsc)
                            .arg("-p")
                            .arg(generated.join("typescript"))
                            .args(["--strict", "--outDir"])
                            .arg(&out),
                        &log,
                        false,
                    )
                },
            )?;
            self.row("tsc --strict", n, s);
        } else {
            eprintln!("  (no node_modules/.bin/tsc: run `npm ci` to include tsc)");
        }

        if which("javac") {
            let out = project.join("javac-out");
            let sources = crate::conformance::files_with_ext(&generated.join("java"), "java")?;
            let s = median(
                downstream_reps,
                || remove(&out),
                || {
                    measure(
                        &mut crate::conformance::javac_command(&out, "US-ASCII", &sources),
                        &log,
                        false,
                    )
                },
            )?;
            self.row("javac", n, s);
        }

        // A throwaway workspace that depends on the generated crate (which is not a member of ours).
        let host = project.join("cargo-host");
        std::fs::create_dir_all(host.join("src")).map_err(|e| e.to_string())?;
        let crate_dir = generated.join("rust");
        let name = crate::conformance::crate_name(&crate_dir)?;
        std::fs::write(
            host.join("Cargo.toml"),
            format!(
                "[package]\nname = \"bench-host\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
                 [dependencies]\ncodes = {{ package = {name:?}, path = {:?} }}\n\n[workspace]\n",
                crate_dir.display().to_string()
            ),
        )
        .map_err(|e| e.to_string())?;
        std::fs::write(host.join("src/lib.rs"), "pub use codes;\n").map_err(|e| e.to_string())?;
        let target = project.join("cargo-target");
        let s = median(
            downstream_reps,
            || remove(&target),
            || {
                measure(
                    cargo()
                        .args([
                            "build",
                            "--offline",
                            "--quiet",
                            "-p",
                            &name,
                            "--manifest-path",
                        ])
                        .arg(host.join("Cargo.toml"))
                        .env("CARGO_TARGET_DIR", &target),
                    &log,
                    false,
                )
            },
        )?;
        self.row("cargo build (generated crate, debug)", n, s);
        Ok(())
    }

    /// The seed catalog, a single 100,000-code file, 2,000 small files, one namespace
    /// split across 1,000 files, and an alias bomb.
    fn special(&mut self) -> Result<(), String> {
        eprintln!(
            "\n== seed catalog, one big file, many small files, a split namespace, alias bomb"
        );
        let log = self.log();
        let seed_out = self.dir.join("seed-out");
        let catalog = self.root.join("schema/catalog.yaml");
        let catalog = catalog.to_str().ok_or("non-UTF-8 path")?.to_string();
        let out = seed_out.to_str().ok_or("non-UTF-8 path")?.to_string();
        let s = median(
            9,
            || self.cold(&seed_out),
            || {
                measure(
                    &mut self.errcat(&["gen", "-q", &catalog, "--out-dir", &out]),
                    &log,
                    false,
                )
            },
        )?;
        let seed_codes = errcat::check(Path::new(&catalog))
            .catalog
            .map_or(0, |c| c.namespaces.iter().map(|n| n.entries.len()).sum());
        self.row("seed: errcat gen (empty output dir)", seed_codes, s);

        let one = self.dir.join("one-file");
        remove(&one)?;
        crate::synth::write(&self.root, 100_000, 100_000, &one)?;
        let one_catalog = one.join(errcat::synth::CATALOG);
        // `lint` loads and validates only: the parser's limits are what this row is
        // about. Without targets: a 100k-code namespace is beyond the java target's
        // `limits:` (`target-limit`), and no target matters to the parser.
        let text = std::fs::read_to_string(&one_catalog).map_err(|e| e.to_string())?;
        let (head, _targets) = text
            .split_once("\ntargets:\n")
            .ok_or("the synthetic catalog has no targets: section")?;
        std::fs::write(&one_catalog, format!("{head}\ntargets: []\n"))
            .map_err(|e| e.to_string())?;
        self.lint_row(&one_catalog, "errcat lint, one 100k-code file", 100_000)?;

        // Many small files: reading them once compared every file with every other
        // through the file system (22 s for these 2,000).
        let many = self.dir.join("many-files");
        remove(&many)?;
        crate::synth::write(&self.root, 10_000, 5, &many)?;
        self.lint_row(
            &many.join(errcat::synth::CATALOG),
            "errcat lint, 2,000 files of 5 codes",
            10_000,
        )?;

        // One namespace in many files: checking the files across each other once
        // rebuilt what the earlier files held for each later one (quadratic).
        let split = self.dir.join("split-namespace");
        remove(&split)?;
        crate::synth::write_files(&split, errcat::synth::split_namespace_files(100_000, 100))?;
        self.lint_row(
            &split.join(errcat::synth::CATALOG),
            "errcat lint, one namespace in 1,000 files of 100 codes",
            100_000,
        )?;
        // The same catalog with one message changed, compared with it: the comparison
        // once searched the other side's namespace for each code (quadratic).
        let changed = self.dir.join("split-namespace-changed");
        remove(&changed)?;
        let mut files = errcat::synth::split_namespace_files(100_000, 100);
        let (_, text) = files
            .get_mut(1)
            .ok_or("the split catalog has no namespace file")?;
        *text = text.replacen("      en: \"The ", "      en: \"This time, the ", 1);
        crate::synth::write_files(&changed, files)?;
        let s = measure(
            self.errcat(&["diff", "-q"])
                .arg(split.join(errcat::synth::CATALOG))
                .arg(changed.join(errcat::synth::CATALOG)),
            &log,
            false,
        )?;
        self.row(
            "errcat diff, one namespace in 1,000 files, a message changed",
            100_000,
            s,
        );

        let bomb = self.dir.join("alias-bomb");
        remove(&bomb)?;
        std::fs::create_dir_all(&bomb).map_err(|e| e.to_string())?;
        std::fs::write(
            bomb.join("catalog.yaml"),
            errcat::synth::alias_bomb_catalog(9),
        )
        .map_err(|e| e.to_string())?;
        let s = measure(
            self.errcat(&["check"]).arg(bomb.join("catalog.yaml")),
            &log,
            true,
        )?;
        self.row("errcat check, alias bomb (refused)", 0, s);
        Ok(())
    }

    /// `errcat lint` of `catalog`: loading and validating only.
    fn lint_row(&mut self, catalog: &Path, step: &'static str, codes: usize) -> Result<(), String> {
        let log = self.log();
        let s = measure(self.errcat(&["lint", "-q"]).arg(catalog), &log, false)?;
        self.row(step, codes, s);
        Ok(())
    }

    fn table(&self) -> String {
        let mut t = String::from(
            "| step | codes | wall | peak RSS | CPU |\n| --- | ---: | ---: | ---: | ---: |\n",
        );
        for r in &self.rows {
            let _ = writeln!(
                t,
                "| {} | {} | {:.3} s | {} MiB | {:.2} s |",
                r.step,
                r.codes,
                r.sample.wall.as_secs_f64(),
                r.sample.rss_kib / 1024,
                r.sample.cpu.as_secs_f64()
            );
        }
        t
    }

    /// The goals: (goal, held?, the numbers), or `None` when not measured.
    fn goals(&self) -> Vec<(String, Option<bool>, String)> {
        let secs = |s: Sample| s.wall.as_secs_f64();
        let mib = |s: Sample| s.rss_kib as f64 / 1024.0;
        let mut g = Vec::new();
        let gen100 = self.get("errcat gen (empty output dir)", 100_000);
        let protoc100 = self.get("protoc --java_out (Java only)", 100_000);
        g.push(match (gen100, protoc100) {
            (Some(e), Some(p)) => (
                "1. gen, 100k codes, all targets: faster than protoc --java_out, peak RSS <= 400 MiB".into(),
                Some(secs(e) < secs(p) && mib(e) <= 400.0),
                format!("{:.2} s vs protoc {:.2} s; {:.0} MiB", secs(e), secs(p), mib(e)),
            ),
            (Some(e), None) => (
                "1. gen, 100k codes, all targets: below 2.17 s (protoc not installed), peak RSS <= 400 MiB".into(),
                Some(secs(e) < 2.17 && mib(e) <= 400.0),
                format!("{:.2} s; {:.0} MiB", secs(e), mib(e)),
            ),
            _ => ("1. gen at 100k".into(), None, String::new()),
        });
        let gen10 = self.get("errcat gen (empty output dir)", 10_000);
        g.push(match (gen10, gen100) {
            (Some(a), Some(b)) => (
                "2. linear: gen 100k <= 11 x gen 10k".into(),
                Some(secs(b) <= 11.0 * secs(a)),
                format!("{:.1} x", secs(b) / secs(a)),
            ),
            _ => ("2. linear".into(), None, String::new()),
        });
        g.push(
            match self.get("errcat gen --check (nothing stale)", 100_000) {
                Some(s) => (
                    "3a. gen --check at 100k <= 1 s".into(),
                    Some(secs(s) <= 1.0),
                    format!(
                        "{:.2} s ({} without the cache)",
                        secs(s),
                        self.get("errcat gen --check --no-cache", 100_000)
                            .map_or_else(|| "not measured".into(), |u| format!("{:.2} s", secs(u)))
                    ),
                ),
                None => ("3a. gen --check at 100k".into(), None, String::new()),
            },
        );
        g.push(
            match self
                .rows
                .iter()
                .find(|r| r.step == "seed: errcat gen (empty output dir)")
            {
                Some(r) => (
                    "3b. seed catalog: errcat gen <= 50 ms".into(),
                    Some(r.sample.wall <= Duration::from_millis(50)),
                    format!("{:.0} ms", r.sample.wall.as_secs_f64() * 1000.0),
                ),
                None => ("3b. seed catalog".into(), None, String::new()),
            },
        );
        let limit = |step: &str, max_s: f64, max_mib: Option<f64>, label: String| match self
            .get(step, 10_000)
        {
            Some(s) => (
                label,
                Some(secs(s) <= max_s && max_mib.is_none_or(|m| mib(s) <= m)),
                format!("{:.2} s, {:.0} MiB", secs(s), mib(s)),
            ),
            None => (label, None, String::new()),
        };
        g.push(limit(
            "tsc --strict",
            2.5,
            Some(400.0),
            "4a. tsc --strict at 10k <= 2.5 s, <= 400 MiB".into(),
        ));
        g.push(limit(
            "javac",
            2.2,
            None,
            "4b. javac at 10k <= 2.2 s".into(),
        ));
        g.push(limit(
            "cargo build (generated crate, debug)",
            2.5,
            None,
            "4c. cargo build of the generated crate at 10k <= 2.5 s".into(),
        ));
        let one = self
            .get("errcat gen, one thread", 100_000)
            .or(self.get("errcat gen, one thread", 10_000));
        let many = gen100.or(gen10);
        g.push(match (one, many) {
            (Some(o), Some(m)) => {
                let cores = m.cpu.as_secs_f64() / secs(m);
                (
                    "5. both cores: CPU/wall >= 1.3 and faster than one thread (same bytes: tests/it/parallel.rs)"
                        .into(),
                    Some(m.wall < o.wall && cores >= 1.3),
                    format!("{:.2} s vs {:.2} s on one thread; CPU/wall {cores:.2}", secs(m), secs(o)),
                )
            }
            _ => ("5. both cores".into(), None, String::new()),
        });
        g
    }
}

fn which(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or_else(
            || "?".into(),
            |kib| format!("{:.0} GiB", kib as f64 / 1024.0 / 1024.0),
        );
    format!("{cores} cores, {mem}")
}

/// The 1-, 5- and 15-minute load averages: wall times mean little on a busy machine.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "?".into())
}

pub fn main(root: &Path, args: &[String]) -> ExitCode {
    let sizes: Result<Vec<usize>, String> = if args.is_empty() {
        Ok(SIZES.to_vec())
    } else {
        args.iter()
            .map(|a| {
                a.replace('_', "")
                    .parse()
                    .map_err(|_| format!("`{a}` is not a number of codes"))
            })
            .collect()
    };
    let result = sizes.and_then(|sizes| {
        run(cargo().args([
            "build",
            "--release",
            "--quiet",
            "-p",
            "errcat",
            "--bin",
            "errcat",
        ]))?;
        let dir = root.join("target/bench");
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut bench = Bench {
            root: root.to_path_buf(),
            errcat: root.join("target/release/errcat"),
            dir,
            rows: Vec::new(),
        };
        eprintln!("machine: {}; load average {}", machine(), load_average());
        for n in sizes {
            bench.size(n)?;
        }
        bench.special()?;
        Ok(bench)
    });
    let bench = match result {
        Ok(b) => b,
        Err(e) => {
            eprintln!("xtask bench: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "\nMachine: {}; load average at the end {} (other work slows wall times, not CPU times).\n\
         Median of 5 runs (3 at 100k; downstream compiles 3, 1 at 100k).\n",
        machine(),
        load_average()
    );
    print!("{}", bench.table());
    println!("\nGoals:");
    let mut all = true;
    for (goal, held, detail) in bench.goals() {
        let mark = match held {
            Some(true) => "holds ",
            Some(false) => "FAILS ",
            None => "not measured",
        };
        all &= held != Some(false);
        println!("- {mark} {goal}: {detail}");
    }
    if all {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
