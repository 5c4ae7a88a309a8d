//! Generated code, compiled and run by its own toolchain against `catalog.json`.
//!
//! Each language has a hand-written harness in `tests/conformance/<lang>/` that
//! reads catalog.json at run time and checks the generated code agrees with it.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use crate::ci::{cargo, run};

/// The package name in a generated crate's Cargo.toml.
pub fn crate_name(crate_dir: &Path) -> Result<String, String> {
    let toml = std::fs::read_to_string(crate_dir.join("Cargo.toml"))
        .map_err(|e| format!("{}: {e}", crate_dir.display()))?;
    toml.lines()
        .find_map(|l| l.strip_prefix("name = "))
        .map(|n| n.trim().trim_matches('"').to_string())
        .ok_or_else(|| format!("no package name in {}/Cargo.toml", crate_dir.display()))
}

pub fn scratch(root: &Path, name: &str) -> Result<PathBuf, String> {
    let dir = root.join("target/xtask").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}

/// Builds the Rust harness against the generated crate in `gen/rust` and runs it.
pub fn rust(root: &Path, generated: &Path, label: &str) -> Result<(), String> {
    let crate_dir = generated
        .join("rust")
        .canonicalize()
        .map_err(|e| format!("{}: {e}", generated.display()))?;
    let name = crate_name(&crate_dir)?;
    let dir = scratch(root, &format!("conformance-rust-{label}"))?;
    let harness = root.join("tests/conformance/rust/main.rs");
    let manifest = format!(
        "[package]\nname = \"errcat-conformance\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [[bin]]\nname = \"conformance\"\npath = {harness:?}\n\n\
         [dependencies]\ncodes = {{ package = {name:?}, path = {crate_dir:?}, features = [\"serde\"] }}\nserde_json = \"1\"\n\n[workspace]\n"
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    // The repository's lock file pins serde_json, so the build needs no network.
    let _ = std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock"));
    let json = generated.join("json/catalog.json");
    let target_dir = root.join("target/xtask/conformance-target");
    // Clippy as a user's workspace may run it, every lint denied. Clippy lints only
    // workspace members, and a crate inside this repository's tree belongs to its
    // workspace: the crate is linted from a copy outside it.
    let lint_dir = std::env::temp_dir().join(format!("errcat-clippy-{label}"));
    let _ = std::fs::remove_dir_all(&lint_dir);
    crate::synth::copy_tree(&crate_dir, &lint_dir)?;
    let _ = std::fs::copy(root.join("Cargo.lock"), lint_dir.join("Cargo.lock"));
    run(cargo()
        .args([
            "clippy",
            "--quiet",
            "--offline",
            "--all-features",
            "--manifest-path",
        ])
        .arg(lint_dir.join("Cargo.toml"))
        .args(["--", "-D", "warnings"])
        .env("CARGO_TARGET_DIR", &target_dir))?;
    let _ = std::fs::remove_dir_all(&lint_dir);
    run(cargo()
        .args(["run", "--quiet", "--offline", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .arg("--")
        .arg(&json)
        .env("CARGO_TARGET_DIR", &target_dir))
}

/// Compiles Java 17 with every lint as an error, as users of the generated code may.
pub fn javac(out: &Path, encoding: &str, sources: &[PathBuf]) -> Result<(), String> {
    run(&mut javac_command(out, encoding, sources))
}

/// The javac command line of [`javac`], also timed by `cargo xtask bench`.
pub fn javac_command(out: &Path, encoding: &str, sources: &[PathBuf]) -> Command {
    let mut cmd = Command::new("javac");
    cmd.args([
        "--release",
        "17",
        "-Xlint:all",
        "-Werror",
        "-encoding",
        encoding,
        "-d",
    ])
    .arg(out)
    .args(sources);
    cmd
}

/// Compiles the generated Java with `-Xlint:all -Werror` and runs the harness.
pub fn java(root: &Path, generated: &Path, label: &str) -> Result<(), String> {
    let out = scratch(root, &format!("conformance-java-{label}"))?;
    let mut sources = files_with_ext(&generated.join("java"), "java")?;
    // The harness imports the seed catalog's package; any other catalog's (the
    // `package` option) takes its place, as the generated ErrcatCatalog declares it.
    let catalog_class = sources
        .iter()
        .find(|p| p.ends_with("ErrcatCatalog.java"))
        .ok_or("no ErrcatCatalog.java was generated")?;
    let text = std::fs::read_to_string(catalog_class)
        .map_err(|e| format!("{}: {e}", catalog_class.display()))?;
    let package = text
        .lines()
        .find_map(|l| l.strip_prefix("package ")?.strip_suffix(';'))
        .ok_or_else(|| format!("no package line in {}", catalog_class.display()))?;
    let harness_src = scratch(root, &format!("conformance-java-src-{label}"))?;
    for harness in files_with_ext(&root.join("tests/conformance/java"), "java")? {
        let text =
            std::fs::read_to_string(&harness).map_err(|e| format!("{}: {e}", harness.display()))?;
        let to = harness_src.join(harness.file_name().ok_or("a harness file has no name")?);
        std::fs::write(
            &to,
            text.replace("dev.errcat.codes.", &format!("{package}.")),
        )
        .map_err(|e| format!("{}: {e}", to.display()))?;
        sources.push(to);
    }
    // Generated Java is ASCII-only: compiling it as US-ASCII proves it.
    javac(&out, "US-ASCII", &sources)?;
    run(Command::new("java")
        .arg("-cp")
        .arg(&out)
        .arg("Conformance")
        .arg(generated.join("json/catalog.json"))
        .arg(root.join("tests/conformance/locale-choice.json")))
}

/// Type-checks the generated TypeScript strictly, compiles it, and runs the node harness.
pub fn typescript(root: &Path, generated: &Path, label: &str) -> Result<(), String> {
    let out = scratch(root, &format!("conformance-ts-{label}"))?;
    let tsc = root.join("node_modules/.bin/tsc");
    if !tsc.exists() {
        return Err(
            "node_modules/.bin/tsc is missing: run `npm ci` (the README's set-up does)".into(),
        );
    }
    let project = generated.join("typescript");
    run(Command::new(&tsc)
        .arg("-p")
        .arg(&project)
        .args(["--strict", "--noUncheckedIndexedAccess", "--outDir"])
        .arg(&out))?;
    run(Command::new(root.join("node_modules/.bin/prettier"))
        .arg("--check")
        .arg(&project))?;
    let harness = |index: PathBuf, require: bool| {
        run(Command::new("node")
            .args(["--test", "--test-reporter=spec"])
            .arg(root.join("tests/conformance/typescript/conformance.test.mjs"))
            .env("ERRCAT_TS_INDEX", index)
            .env("ERRCAT_TS_REQUIRE", if require { "1" } else { "0" })
            .env("ERRCAT_CATALOG_JSON", generated.join("json/catalog.json")))
    };
    harness(out.join("index.js"), false)?;
    // The CommonJS build as the package's `build:cjs` makes it: its own tsconfig,
    // then a package.json that marks the output CommonJS; loaded with `require`.
    let cjs = scratch(root, &format!("conformance-ts-cjs-{label}"))?;
    run(Command::new(&tsc)
        .arg("-p")
        .arg(project.join("tsconfig.cjs.json"))
        .arg("--outDir")
        .arg(&cjs))?;
    std::fs::write(cjs.join("package.json"), "{ \"type\": \"commonjs\" }\n")
        .map_err(|e| format!("{}: {e}", cjs.display()))?;
    harness(cjs.join("index.js"), true)
}

pub fn files_with_ext(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))? {
            let p = entry.map_err(|e| e.to_string())?.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// All three languages on one generated tree, then every declared harness. Every
/// language runs, whichever fails: one change often breaks several, and a run names
/// them all.
pub fn all_languages(root: &Path, generated: &Path, what: &str) -> Result<(), String> {
    let label = what.replace(' ', "-");
    let mut failed = Vec::new();
    let mut check = |lang: &str, result: Result<(), String>| {
        if let Err(e) = result {
            eprintln!("xtask: conformance {lang} ({what}): {e}");
            failed.push(lang.to_string());
        }
    };
    for (lang, f) in [
        ("rust", rust as fn(&Path, &Path, &str) -> Result<(), String>),
        ("java", java),
        ("typescript", typescript),
    ] {
        eprintln!("\n== conformance: {lang} ({what})");
        check(lang, f(root, generated, &label));
    }
    for id in declared(root)? {
        eprintln!("\n== conformance: {id} ({what})");
        check(&id, run_declared(root, generated, &id, &label));
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "conformance ({what}) failed in {}",
            failed.join(", ")
        ))
    }
}

/// Targets whose harness declares how it runs: `tests/conformance/<target id>/run`, an
/// executable taking the generated target's directory and catalog.json. xtask knows
/// nothing else about them, so a target made of templates alone needs no Rust.
pub fn declared(root: &Path) -> Result<Vec<String>, String> {
    let dir = root.join("tests/conformance");
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.join("run").is_file()
            && let Some(id) = path.file_name()
        {
            ids.push(id.to_string_lossy().into_owned());
        }
    }
    ids.sort();
    Ok(ids)
}

/// Runs `tests/conformance/<id>/run GEN/<id> GEN/json/catalog.json` from the root.
fn run_declared(root: &Path, generated: &Path, id: &str, label: &str) -> Result<(), String> {
    let out = generated.join(id);
    if !out.is_dir() {
        return Err(format!(
            "{} was not generated: the catalog needs a target with id `{id}`",
            out.display()
        ));
    }
    let work = scratch(root, &format!("conformance-{id}-{label}"))?;
    run(
        Command::new(root.join("tests/conformance").join(id).join("run"))
            .arg(&out)
            .arg(generated.join("json/catalog.json"))
            .env("ERRCAT_SCRATCH", &work)
            .current_dir(root),
    )
}

/// The hostile fixture: generated into a scratch directory, then every language's checks.
pub fn hostile(root: &Path) -> Result<(), String> {
    let out = fixture_gen(root, "hostile")?;
    // Formatting must survive hostile text too.
    let sources = files_with_ext(&out.join("rust/src"), "rs")?;
    run(Command::new("rustfmt")
        .args(["--check", "--edition", "2021"])
        .args(&sources))?;
    all_languages(root, &out, "hostile fixture")
}

/// The fallback fixture (messages without some locale's text, even the default one's):
/// every language's checks of the text that stands in.
pub fn fallback(root: &Path) -> Result<(), String> {
    let out = fixture_gen(root, "fallback")?;
    all_languages(root, &out, "fallback fixture")
}

/// The catalog `errcat init` starts a project with, generated as a new user would:
/// every target it declares must pass its language's checks; and so must the same
/// catalog with no namespace at all (a project before its first codes).
pub fn starter(root: &Path) -> Result<(), String> {
    let dir = init_starter(root, "init-starter")?;
    gen_starter(&dir, "errcat init's catalog")?;
    all_languages(root, &dir.join("generated"), "starter catalog")?;

    let dir = init_starter(root, "init-empty")?;
    let catalog = dir.join("schema/catalog.yaml");
    let text = std::fs::read_to_string(&catalog).map_err(|e| e.to_string())?;
    let empty =
        without_namespaces(&text).ok_or("errcat init's catalog has no `namespaces:` list")?;
    std::fs::write(&catalog, empty).map_err(|e| e.to_string())?;
    gen_starter(&dir, "errcat init's catalog without namespaces")?;
    all_languages(
        root,
        &dir.join("generated"),
        "starter catalog without namespaces",
    )
}

/// A scratch project `errcat init` made.
fn init_starter(root: &Path, name: &str) -> Result<PathBuf, String> {
    let dir = scratch(root, name)?;
    let project = dir.to_string_lossy().into_owned();
    if crate::errcat_cli(&["init", &project, "--quiet"]) != ExitCode::SUCCESS {
        return Err("errcat init failed".into());
    }
    Ok(dir)
}

fn gen_starter(dir: &Path, what: &str) -> Result<(), String> {
    let catalog = dir
        .join("schema/catalog.yaml")
        .to_string_lossy()
        .into_owned();
    if crate::errcat_cli(&["gen", &catalog, "--quiet"]) != ExitCode::SUCCESS {
        return Err(format!("generating {what} failed"));
    }
    Ok(())
}

/// `catalog.yaml`'s text with its block list `namespaces:` replaced by `[]`.
fn without_namespaces(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut found = false;
    let mut in_list = false;
    for line in text.lines() {
        if line.trim_end() == "namespaces:" {
            out.push_str("namespaces: []\n");
            (found, in_list) = (true, true);
            continue;
        }
        if in_list && line.starts_with("  - ") {
            continue;
        }
        in_list = false;
        out.push_str(line);
        out.push('\n');
    }
    found.then_some(out)
}

/// `tests/fixtures/<name>/catalog.yaml` generated into a scratch directory, returned.
fn fixture_gen(root: &Path, name: &str) -> Result<PathBuf, String> {
    let out = scratch(root, &format!("{name}-gen"))?;
    let dir = out.to_string_lossy().into_owned();
    let catalog = format!("tests/fixtures/{name}/catalog.yaml");
    if crate::errcat_cli(&["gen", &catalog, "--out-dir", &dir, "--quiet"]) != ExitCode::SUCCESS {
        return Err(format!("generating the {name} fixture failed"));
    }
    Ok(out)
}

/// `cargo xtask conformance [LANG…]` on generated/.
pub fn run_all(root: &Path, langs: &[String]) -> ExitCode {
    let generated = root.join("generated");
    let result = if langs.is_empty() {
        all_languages(root, &generated, "seed catalog")
            .and_then(|()| hostile(root))
            .and_then(|()| fallback(root))
            .and_then(|()| starter(root))
    } else {
        langs.iter().try_for_each(|l| match l.as_str() {
            // Every language on generated/, as the run without arguments starts.
            "seed" => all_languages(root, &generated, "seed catalog"),
            "rust" => rust(root, &generated, "seed"),
            "java" => java(root, &generated, "seed"),
            "typescript" => typescript(root, &generated, "seed"),
            "hostile" => hostile(root),
            "fallback" => fallback(root),
            "starter" => starter(root),
            // The README's examples; TypeScript's runs on the harness's compiled output.
            "readme" => {
                typescript(root, &generated, "seed-catalog").and_then(|()| crate::readme::all(root))
            }
            "large-namespace" => large_namespace(root),
            other
                if root
                    .join("tests/conformance")
                    .join(other)
                    .join("run")
                    .is_file() =>
            {
                run_declared(root, &generated, other, "seed")
            }
            other => Err(format!("unknown language `{other}`")),
        })
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A synthetic project of `codes` codes in namespaces of `per_file`, generated into
/// its `generated/`, which is returned.
fn synth_gen(root: &Path, name: &str, codes: usize, per_file: usize) -> Result<PathBuf, String> {
    let dir = scratch(root, name)?;
    crate::synth::write(root, codes, per_file, &dir)?;
    let out = dir.join("generated");
    let catalog = dir.join(errcat::synth::CATALOG);
    let [catalog, out_dir] = [&catalog, &out].map(|p| p.to_string_lossy().into_owned());
    if crate::errcat_cli(&["gen", &catalog, "--out-dir", &out_dir, "--quiet"]) != ExitCode::SUCCESS
    {
        return Err(format!(
            "generating {codes} codes in namespaces of {per_file} failed"
        ));
    }
    Ok(out)
}

/// One namespace as large as the java target's `limits: codes_per_namespace` allows:
/// Java and TypeScript compile it and pass their conformance checks (tsc refused a
/// namespace of 1,500 codes once); 2,000 namespaces of one code compile in Java and
/// pass its checks; and one code more than the limit is refused by `errcat check`
/// (rule `target-limit`) before anything is written. The limit is read from the
/// catalog, so a template change that adds bytecode per Java constant fails here.
pub fn large_namespace(root: &Path) -> Result<(), String> {
    let limit = errcat::check(&root.join("schema/catalog.yaml"))
        .catalog
        .and_then(|c| {
            c.targets
                .iter()
                .find(|t| t.id == "java")?
                .limits
                .codes_per_namespace
        })
        .map(|(n, _)| n as usize)
        .ok_or("the java target of schema/catalog.yaml declares no codes_per_namespace")?;
    let out = synth_gen(root, "large-namespace", limit, limit)?;
    java(root, &out, "large-namespace")?;
    typescript(root, &out, "large-namespace")?;

    // The registry (`ErrcatCatalog`) switches over namespace ids: one method for
    // 2,000 of them would exceed javac's 64 KiB; it runs over methods of 1,000.
    let out = synth_gen(root, "many-namespaces", 2_000, 1)?;
    java(root, &out, "many-namespaces")?;

    let beyond = scratch(root, "large-namespace-beyond")?;
    crate::synth::write(root, limit + 1, limit + 1, &beyond)?;
    let checked = errcat::check(&beyond.join(errcat::synth::CATALOG));
    if !checked
        .report
        .diagnostics
        .iter()
        .any(|d| d.rule == "target-limit")
    {
        return Err(format!(
            "a namespace of {} codes was not refused",
            limit + 1
        ));
    }
    eprintln!(
        "a namespace of {} codes is refused (target-limit)",
        limit + 1
    );
    Ok(())
}
