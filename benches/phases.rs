//! The pipeline's phases on a synthetic catalog, so a slowdown can be located:
//! `cargo bench --bench phases` (`ERRCAT_BENCH_CODES` sets the size, default 2,000).
//! Whole-process timings at 1k–100k codes come from `cargo xtask bench`.
//! `cargo bench --bench phases -- floors` times the least the engines (serde-saphyr,
//! Tera) cost per code, the bound under any whole-catalog goal.

use std::path::{Path, PathBuf};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read templates") {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy template");
        }
    }
}

/// A synthetic project in a temporary directory; returns it and its catalog path.
fn project() -> (tempfile::TempDir, PathBuf) {
    let codes = std::env::var("ERRCAT_BENCH_CODES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    let dir = tempfile::tempdir().expect("temp dir");
    for (rel, text) in errcat::synth::files(codes, errcat::synth::PER_FILE) {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("create dir");
        std::fs::write(path, text).expect("write synthetic file");
    }
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"),
        &dir.path().join("templates"),
    );
    let catalog = dir.path().join(errcat::synth::CATALOG);
    (dir, catalog)
}

fn phases(c: &mut Criterion) {
    let (dir, path) = project();
    let mut g = c.benchmark_group("phases");
    g.sample_size(10);

    g.bench_function("load", |b| {
        b.iter(|| {
            let mut sources = errcat::source::Sources::default();
            let mut report = errcat::diag::Report::default();
            errcat::load::load(&path, &mut sources, &mut report)
        })
    });

    let mut sources = errcat::source::Sources::default();
    let mut report = errcat::diag::Report::default();
    let loaded = errcat::load::load(&path, &mut sources, &mut report).expect("loads");
    g.bench_function("validate", |b| {
        b.iter(|| {
            let mut report = errcat::diag::Report::default();
            errcat::validate::validate(&loaded, &sources, &mut report)
        })
    });

    let catalog = errcat::validate::validate(&loaded, &sources, &mut report).expect("valid");
    for target in &catalog.targets {
        g.bench_function(format!("render/{}", target.id), |b| {
            b.iter(|| errcat::render::render_target(&catalog, target, 1).expect("renders"))
        });
    }
    g.bench_function("render/all, every core", |b| {
        b.iter(|| errcat::render::generate(&catalog).expect("renders"))
    });

    let out = dir.path().join("bench-out");
    let placed = errcat::render_to_paths(&catalog, dir.path(), Some(&out)).expect("renders");
    g.bench_function("write (empty output dir)", |b| {
        b.iter_batched(
            || {
                let _ = std::fs::remove_dir_all(&out);
                placed.files.clone()
            },
            |files| {
                let plan = errcat::write::plan(files, &placed.dirs).expect("plans");
                errcat::write::apply(&plan).expect("writes")
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("write (up to date)", |b| {
        b.iter_batched(
            || placed.files.clone(),
            |files| errcat::write::plan(files, &placed.dirs).expect("plans"),
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

/// What the engines errcat is built on cost at the least, per 1,000 codes: parsing
/// one synthetic namespace file with serde-saphyr into nothing (no positions, no
/// model), and Tera rendering the smallest useful per-code line (an identifier, the
/// code, the HTTP status and two messages) from a serialized list. Whole-catalog
/// goals cannot beat codes × (parse + targets × render) spread over the cores.
fn floors(c: &mut Criterion) {
    let mut g = c.benchmark_group("floors");
    g.sample_size(20);
    let files = errcat::synth::files(errcat::synth::PER_FILE, errcat::synth::PER_FILE);
    let (_, namespace) = files
        .iter()
        .find(|(p, _)| p.extension().is_some_and(|e| e == "yaml") && !p.ends_with("catalog.yaml"))
        .expect("a namespace file");
    g.bench_function("serde-saphyr: parse 1,000 codes, keep nothing", |b| {
        b.iter(|| serde_saphyr::from_str::<serde::de::IgnoredAny>(namespace).expect("parses"))
    });

    #[derive(serde::Serialize)]
    struct Row {
        ident: String,
        code: i64,
        http: u16,
        en: String,
        zh: String,
    }
    let rows: Vec<Row> = (0..errcat::synth::PER_FILE)
        .map(|i| Row {
            ident: format!("ROOM_NOT_FOUND_{i:04}"),
            code: 10_000 + 3 * i as i64,
            http: 404,
            en: format!("\"The room {i} does not exist while joining\""),
            zh: "\"\\u52a0\\u5165\\u65f6\\u623f\\u95f4\\u4e0d\\u5b58\\u5728\"".to_string(),
        })
        .collect();
    let mut tera = tera::Tera::default();
    tera.add_raw_template(
        "floor",
        "{% for e in entries %}{{ e.ident }}({{ e.code }}, {{ e.http }}, {{ e.en }}, {{ e.zh }}),\n{% endfor %}",
    )
    .expect("template");
    g.bench_function("tera: one line per code, 1,000 codes", |b| {
        b.iter(|| {
            let mut context = tera::Context::new();
            context.insert("entries", &rows);
            tera.render("floor", &context).expect("renders")
        })
    });
    g.finish();
}

criterion_group!(benches, phases, floors);
criterion_main!(benches);
