//! A bound on the time one template takes for one file. Tera can neither be interrupted
//! nor asked how far it got, and a template whose loops multiply (`range` inside
//! `range`, each up to 100,000 steps) or run on while writing nothing never trips the
//! bound on output ([`super::capped`]): the run would go on for hours without a word. A
//! watchdog thread knows which template each worker renders, and since when, and hands
//! the first to run over the limit to whoever installed it: errcat's command line names
//! it, removes what it staged and exits. Without [`install`] nothing is watched.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use crate::model::Target;

/// A template that rendered one file for longer than the limit.
#[derive(Clone, Debug)]
pub struct Stuck {
    pub target: String,
    /// What it renders, as a finding names it: ``template `x.tera` ``, or an output
    /// path pattern (``output path `{{ namespace.id }}.rs` ``).
    pub what: String,
    /// The template's file, for a template (an output path is in the target's declaration).
    pub file: Option<PathBuf>,
    pub limit: Duration,
}

struct Watch {
    limit: Duration,
    on_stuck: Box<dyn Fn(&Stuck) + Send + Sync>,
    /// The renders under way: an id, when each started, and what it renders.
    under_way: Mutex<Vec<(u64, Instant, Stuck)>>,
    next: AtomicU64,
}

impl Watch {
    fn under_way(&self) -> MutexGuard<'_, Vec<(u64, Instant, Stuck)>> {
        // A worker that panicked holding the lock left a list that is still whole.
        self.under_way.lock().unwrap_or_else(|e| e.into_inner())
    }
}

static WATCH: OnceLock<Watch> = OnceLock::new();

/// Watches every render from now on: `on_stuck` is called, on the watchdog's thread,
/// with the first template to render one file for longer than `limit`, and nothing
/// after it; until it returns, no render under way can end. The first call in a
/// process decides; later ones change nothing.
pub fn install(limit: Duration, on_stuck: impl Fn(&Stuck) + Send + Sync + 'static) {
    let mut first = false;
    let watch = WATCH.get_or_init(|| {
        first = true;
        Watch {
            limit,
            on_stuck: Box::new(on_stuck),
            under_way: Mutex::new(Vec::new()),
            next: AtomicU64::new(0),
        }
    });
    if first {
        // Without its thread nothing is watched, as before `install`.
        let _ = std::thread::Builder::new()
            .name("errcat-watch".into())
            .spawn(move || watchdog(watch));
    }
}

/// While the guard lives, `target` is rendering `name` (a template, or `__path_N`: the
/// N-th output path pattern).
pub(super) fn rendering(target: &Target, name: &str) -> Option<Rendering> {
    let watch = WATCH.get()?;
    let what = match name
        .strip_prefix("__path_")
        .and_then(|i| target.files.get(i.parse::<usize>().ok()?))
    {
        Some(spec) => format!("output path `{}`", spec.path),
        None => format!("template `{name}`"),
    };
    let stuck = Stuck {
        target: target.id.clone(),
        what,
        file: target.template_origins.get(name).cloned(),
        limit: watch.limit,
    };
    let id = watch.next.fetch_add(1, Ordering::Relaxed);
    watch.under_way().push((id, Instant::now(), stuck));
    Some(Rendering { id })
}

/// A render under way, watched until it drops.
pub(super) struct Rendering {
    id: u64,
}

impl Drop for Rendering {
    fn drop(&mut self) {
        if let Some(watch) = WATCH.get() {
            watch.under_way().retain(|(id, ..)| *id != self.id);
        }
    }
}

fn watchdog(watch: &'static Watch) {
    let tick = (watch.limit / 10).clamp(Duration::from_millis(10), Duration::from_secs(1));
    loop {
        std::thread::sleep(tick);
        let under_way = watch.under_way();
        if let Some((.., stuck)) = under_way
            .iter()
            .find(|(_, since, _)| since.elapsed() >= watch.limit)
        {
            // Called holding the list: a render that ends meanwhile waits to say so, and
            // the run cannot go on to write what the handler says was not written.
            (watch.on_stuck)(stuck);
            return;
        }
    }
}
