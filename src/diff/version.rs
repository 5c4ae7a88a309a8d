//! The catalog's `version`: a major bump acknowledges breaking changes, and a version
//! lower than the base's is a change of its own.

use super::catalog::change;
use super::{Change, Kind};
use crate::model::Catalog;

/// `1.4.0-rc.1` as (1, 4, 0, true): the numbers, and whether it is a pre-release. A
/// missing patch reads as 0; `None` for a version that does not start with numbers.
fn parse(v: &str) -> Option<(u64, u64, u64, bool)> {
    let core = v.split('+').next()?;
    let (numbers, pre) = match core.split_once('-') {
        Some((n, _)) => (n, true),
        None => (core, false),
    };
    let mut it = numbers.split('.');
    let major = it.next()?.parse().ok()?;
    let minor = it.next()?.parse().ok()?;
    let patch = it.next().map_or(Some(0), |p| p.parse().ok())?;
    Some((major, minor, patch, pre))
}

/// The major version bump that acknowledges breaking changes, e.g. `1.4.0 → 2.0.0`
/// (for 0.x versions a minor bump counts, as in semver).
pub fn major_bump(old: &Catalog, new: &Catalog) -> Option<String> {
    let (ov, nv) = (old.version.as_deref()?, new.version.as_deref()?);
    let (o, n) = (parse(ov)?, parse(nv)?);
    let bumped = n.0 > o.0 || (o.0 == 0 && n.0 == 0 && n.1 > o.1);
    bumped.then(|| format!("{ov} → {nv}"))
}

/// The new version when it is lower than the old, as semver orders them (a pre-release
/// below its release; two pre-releases of one version are not compared).
pub(super) fn lowered(old: &Catalog, new: &Catalog) -> Option<Change> {
    let (ov, nv) = (old.version.as_deref()?, new.version.as_deref()?);
    let (o, n) = (parse(ov)?, parse(nv)?);
    let numbers = |v: (u64, u64, u64, bool)| (v.0, v.1, v.2);
    let lower = numbers(n) < numbers(o) || (numbers(n) == numbers(o) && n.3 && !o.3);
    lower.then(|| {
        let message = format!(
            "the catalog's version went down from {ov} to {nv}: generated packages would be \
             published as older than the release they follow"
        );
        change(
            Kind::VersionLowered,
            (message, None),
            old.spans.version,
            new.spans.version,
        )
    })
}
