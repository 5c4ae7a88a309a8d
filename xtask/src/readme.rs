//! The README's usage examples, compiled and run against generated/ so they cannot drift.

use std::path::Path;
use std::process::Command;

use crate::ci::{cargo, run};

/// The code block after `<!-- example:LANG -->` in the README.
fn example(root: &Path, lang: &str) -> Result<String, String> {
    let readme = std::fs::read_to_string(root.join("README.md")).map_err(|e| e.to_string())?;
    let marker = format!("<!-- example:{lang} -->");
    let after = readme
        .split_once(&marker)
        .ok_or(format!("README has no {marker}"))?
        .1;
    let body = after
        .split_once("```")
        .and_then(|(_, b)| b.split_once('\n'))
        .map(|(_, b)| b)
        .ok_or("no code block")?;
    Ok(body
        .split_once("```")
        .ok_or("unclosed code block")?
        .0
        .to_string())
}

/// Splits an example into its import lines and its statements.
fn split(code: &str) -> (String, String) {
    let (imports, body): (Vec<&str>, Vec<&str>) = code
        .lines()
        .partition(|l| l.starts_with("import ") || l.starts_with("use "));
    (imports.join("\n"), body.join("\n"))
}

/// Every README example, in the order CI runs them; after the TypeScript conformance
/// step of the seed catalog, whose compiled output the TypeScript example imports.
pub fn all(root: &Path) -> Result<(), String> {
    rust(root)?;
    java(root)?;
    typescript(root, &root.join("target/xtask/conformance-ts-seed-catalog"))?;
    declared(root)
}

fn rust(root: &Path) -> Result<(), String> {
    let dir = root.join("target/xtask/readme-rust");
    std::fs::create_dir_all(dir.join("src")).map_err(|e| e.to_string())?;
    let (uses, body) = split(&example(root, "rust")?);
    let main = format!(
        "{uses}\n\nfn main() {{\n{body}\n    println!(\"README example (rust): ok\");\n}}\n"
    );
    std::fs::write(dir.join("src/main.rs"), main).map_err(|e| e.to_string())?;
    let krate = root.join("generated/rust");
    let manifest = format!(
        "[package]\nname = \"readme-example\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\nerrcat-codes = {{ path = {krate:?} }}\n\n[workspace]\n"
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    let _ = std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock"));
    run(cargo()
        .args(["run", "--quiet", "--offline", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .env(
            "CARGO_TARGET_DIR",
            root.join("target/xtask/conformance-target"),
        ))
}

fn java(root: &Path) -> Result<(), String> {
    let dir = root.join("target/xtask/readme-java");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let (imports, body) = split(&example(root, "java")?);
    let class = format!(
        "{imports}\n\npublic final class ReadmeExample {{\n    static void check(boolean ok) {{\n        if (!ok) throw new AssertionError(\"README example failed\");\n    }}\n\n    public static void main(String[] args) {{\n{body}\n        System.out.println(\"README example (java): ok\");\n    }}\n}}\n"
    );
    std::fs::write(dir.join("ReadmeExample.java"), class).map_err(|e| e.to_string())?;
    let mut sources = crate::conformance::files_with_ext(&root.join("generated/java"), "java")?;
    sources.push(dir.join("ReadmeExample.java"));
    crate::conformance::javac(&dir.join("classes"), "UTF-8", &sources)?;
    run(Command::new("java")
        .arg("-cp")
        .arg(dir.join("classes"))
        .arg("ReadmeExample"))
}

/// Runs after the TypeScript conformance step compiled generated/typescript into `compiled`.
fn typescript(root: &Path, compiled: &Path) -> Result<(), String> {
    let (imports, body) = split(&example(root, "typescript")?);
    let imports = imports.replace("\"@errcat/codes\"", "\"./index.js\"");
    let ts = format!(
        "{imports}\n\nfunction check(ok: boolean): void {{\n  if (!ok) throw new Error(\"README example failed\");\n}}\n\n{body}\nconsole.log(\"README example (typescript): ok\");\n"
    );
    std::fs::write(compiled.join("readme-example.ts"), ts).map_err(|e| e.to_string())?;
    let tsc = root.join("node_modules/.bin/tsc");
    run(Command::new(&tsc)
        .args([
            "--strict",
            "--noUncheckedIndexedAccess",
            // A consumer's strictest settings: an option passed as `string | undefined`.
            "--exactOptionalPropertyTypes",
            "--target",
            "ES2022",
            "--module",
            "NodeNext",
            "--moduleResolution",
            "NodeNext",
            "--skipLibCheck",
        ])
        .arg(compiled.join("readme-example.ts")))?;
    run(Command::new("node").arg(compiled.join("readme-example.js")))
}

/// The README's examples in the languages errcat knows from templates alone: each
/// `<!-- example:ID -->` other than the three above is run by
/// `tests/conformance/ID/readme-example EXAMPLE_FILE generated/ID`, so that xtask need
/// not know the language. An example without its runner is an error: it would drift.
fn declared(root: &Path) -> Result<(), String> {
    let readme = std::fs::read_to_string(root.join("README.md")).map_err(|e| e.to_string())?;
    let ids = readme
        .split("<!-- example:")
        .skip(1)
        .filter_map(|rest| rest.split_once(" -->").map(|(id, _)| id))
        .filter(|id| !["rust", "java", "typescript"].contains(id));
    for id in ids {
        let runner = root
            .join("tests/conformance")
            .join(id)
            .join("readme-example");
        if !runner.is_file() {
            return Err(format!(
                "the README's example `{id}` has no runner: tests/conformance/{id}/readme-example"
            ));
        }
        let work = crate::conformance::scratch(root, &format!("readme-{id}"))?;
        let file = work.join("example");
        std::fs::write(&file, example(root, id)?)
            .map_err(|e| format!("{}: {e}", file.display()))?;
        run(Command::new(runner)
            .arg(&file)
            .arg(root.join("generated").join(id))
            .env("ERRCAT_SCRATCH", &work)
            .current_dir(root))?;
    }
    Ok(())
}
