//! `errcat diff` on edits that move together: each fact is reported once, by the kind that
//! owns it, and a value that only looks different (a reason rewrapped, a replacement
//! renamed with its code) is no change.

use errcat::diff::Kind;

use crate::support::{copy_tree, repo};

/// The changes from a diff fixture's `old/` to its `new/`, with `edit` applied to the text
/// of each file (`true` for the old side; the file's path from the side's directory; an
/// empty text removes the file): kinds and messages.
pub fn edited(fixture: &str, edit: impl Fn(bool, &str, String) -> String) -> Vec<(Kind, String)> {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &repo().join("tests/fixtures/diff").join(fixture),
        dir.path(),
    );
    for (old, side) in [(true, "old"), (false, "new")] {
        let side = dir.path().join(side);
        let mut stack = vec![side.clone()];
        while let Some(d) = stack.pop() {
            for file in std::fs::read_dir(d).unwrap() {
                let path = file.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let name = path.strip_prefix(&side).unwrap().to_string_lossy();
                let text = std::fs::read_to_string(&path).unwrap();
                match edit(old, &name.replace('\\', "/"), text) {
                    gone if gone.is_empty() => std::fs::remove_file(&path).unwrap(),
                    text => std::fs::write(&path, text).unwrap(),
                }
            }
        }
    }
    let side = |s: &str| dir.path().join(s).join("catalog.yaml");
    let (changes, _, _) = crate::diff::compare(&side("old"), &side("new"));
    changes.into_iter().map(|c| (c.kind, c.message)).collect()
}

fn kinds(changes: &[(Kind, String)]) -> Vec<Kind> {
    changes.iter().map(|(k, _)| *k).collect()
}

#[test]
fn a_code_deprecated_with_a_reason_and_a_replacement_is_one_change() {
    let changes = edited("code-deprecated", |_, _, t| t);
    assert_eq!(kinds(&changes), [Kind::CodeDeprecated], "{changes:?}");
    // And un-deprecated: the reason and the replacement go with it.
    let back = edited("code-deprecated", |old, _, t| {
        if old {
            t.replace(
                "retryable: true }",
                "retryable: true, deprecated: { reason: Use ROOM_FULL., replaced_by: ROOM_FULL } }",
            )
        } else {
            t.replace(
                ", deprecated: { reason: Use ROOM_FULL., replaced_by: ROOM_FULL }",
                "",
            )
        }
    });
    assert_eq!(kinds(&back), [Kind::CodeUndeprecated], "{back:?}");
}

#[test]
fn a_replacement_added_or_dropped_says_none() {
    let dropped = edited("replacement-changed", |old, _, t| match old {
        true => t,
        false => t.replace(", replaced_by: ROOM_CLOSED", ""),
    });
    let message = "the replacement of code 1003 `ROOM_BUSY` changed from `ROOM_FULL` to none";
    assert!(dropped.iter().any(|(_, m)| m == message), "{dropped:?}");
    let added = edited("replacement-changed", |old, _, t| match old {
        true => t.replace(", replaced_by: ROOM_FULL", ""),
        false => t,
    });
    let message = "the replacement of code 1003 `ROOM_BUSY` changed from none to `ROOM_CLOSED`";
    assert_eq!(added, [(Kind::ReplacementChanged, message.to_string())]);
}

#[test]
fn a_replacement_is_followed_by_its_code() {
    // ROOM_FULL renamed, and the deprecation renamed with it: one rename, no new replacement.
    let renamed = edited("code-deprecated", |old, _, t| {
        let t = t.replace(
            "retryable: true }",
            "retryable: true, deprecated: { reason: Use ROOM_FULL., replaced_by: ROOM_FULL } }",
        );
        match old {
            true => t,
            false => t.replace("ROOM_FULL", "ROOM_IS_FULL"),
        }
    });
    let kinds_found = kinds(&renamed);
    assert!(
        !kinds_found.contains(&Kind::ReplacementChanged),
        "{renamed:?}"
    );
    assert!(kinds_found.contains(&Kind::NameChanged), "{renamed:?}");
    // The name kept but moved to another code: the deprecation now points elsewhere.
    let moved = edited("replacement-changed", |old, _, t| {
        let t = t.replace("replaced_by: ROOM_CLOSED", "replaced_by: ROOM_FULL");
        match old {
            true => t,
            false => t
                .replace("name: ROOM_FULL,", "name: ROOM_WAS_FULL,")
                .replace("name: ROOM_CLOSED,", "name: ROOM_FULL,")
                .replace(
                    "\"The room {room} is closed\" }, params: [room]",
                    "The room is full }",
                )
                .replace(
                    "{ en: The room is full }, http: 409",
                    "{ en: The room was full }, http: 409",
                ),
        }
    });
    let message = "the replacement of code 1003 `ROOM_BUSY` changed from `ROOM_FULL` (code 1001) \
                   to `ROOM_FULL` (code 1002)";
    assert!(
        moved.contains(&(Kind::ReplacementChanged, message.to_string())),
        "{moved:?}"
    );
}

#[test]
fn a_reason_rewrapped_is_the_same_reason() {
    let wrapped = edited("deprecation-reason-changed", |old, _, t| {
        let t = t.replace("Merged into ROOM_FULL in 2.3.", "Use ROOM_FULL.");
        match old {
            true => t,
            false => t.replace("reason: Use ROOM_FULL.", "reason: \"Use\\n  ROOM_FULL.\""),
        }
    });
    assert_eq!(wrapped, []);
}

#[test]
fn a_group_title_in_a_removed_locale_goes_with_the_locale() {
    let changes = edited("group-title-changed", |old, file, t| match (old, file) {
        (true, _) => t.replace("{ en: Rooms }", "{ en: Rooms, zh-CN: 房间 }"),
        (false, "a.yaml") => t.replace("{ en: Meeting rooms }", "{ en: Rooms }"),
        (false, _) => t.replace("[en, zh-CN]", "[en]"),
    });
    let kinds: Vec<Kind> = changes.iter().map(|c| c.0).collect();
    assert_eq!(kinds, [Kind::LocaleRemoved], "{changes:?}");
}

/// A diff fixture's `a.yaml` with a Chinese message for each of its codes.
pub fn in_chinese(text: String) -> String {
    text.replace(
        "{ en: The room is full }",
        "{ en: The room is full, zh-CN: 房间已满 }",
    )
    .replace(
        "{ en: \"The room {room} is closed\" }",
        "{ en: \"The room {room} is closed\", zh-CN: \"房间 {room} 已关闭\" }",
    )
    .replace(
        "{ en: The room is busy }",
        "{ en: The room is busy, zh-CN: 房间忙 }",
    )
}

#[test]
fn a_namespace_that_follows_the_catalog_locales_changes_with_them() {
    // No `locales:` in the namespace: it requires the catalog's, and gains zh-CN with it
    // (its codes' new messages are each a translation).
    let changes = edited("locale-added", |old, file, t| match (old, file) {
        (true, "a.yaml") => t.replace("locales: [en]\n", ""),
        (false, "a.yaml") => in_chinese(t.replace("locales: [en]\n", "")),
        _ => t,
    });
    let translated = [Kind::TranslationAdded; 3];
    assert_eq!(
        kinds(&changes),
        [&[Kind::LocaleAdded][..], &translated].concat(),
        "{changes:?}"
    );
    // Dropped from the catalog and the namespace at once: one change, the locale's.
    let changes = edited("required-locales-changed", |old, file, t| {
        match (old, file) {
            (true, "a.yaml") => t.replace("locales: [en]", "locales: [en, zh-CN]"),
            (false, "a.yaml") => t
                .replace(", zh-CN: 房间已满", "")
                .replace(", zh-CN: \"房间 {room} 已关闭\"", "")
                .replace(", zh-CN: 房间忙", "")
                .replace("locales: [en, zh-CN]", "locales: [en]"),
            (true, _) => t,
            (false, _) => t.replace("[en, zh-CN]", "[en]"),
        }
    });
    assert_eq!(kinds(&changes), [Kind::LocaleRemoved], "{changes:?}");
}

#[test]
fn a_docs_url_set_for_the_first_time_is_a_change_of_it() {
    let changes = edited("docs-url-changed", |old, _, t| match old {
        true => t.replace("docs:\n  base_url: https://errcat.dev/codes/\n", ""),
        false => t,
    });
    let message = "the docs base URL changed from none to https://docs.example.com/errors/";
    assert_eq!(changes, [(Kind::DocsUrlChanged, message.to_string())]);
}

#[test]
fn a_namespace_removed_takes_its_place_in_a_surface_with_it() {
    // app.room leaves the catalog, and so the surface: one change, the namespace's.
    let changes = edited("surface-changed", |old, file, t| match (old, file) {
        (true, _) => t.replace(
            "namespaces: [app.core] }",
            "namespaces: [app.core, app.room] }",
        ),
        (false, "b.yaml") => String::new(),
        (false, _) => t.replace("namespaces: [app.core, app.room]", "namespaces: [app.core]"),
    });
    assert_eq!(
        kinds(&changes),
        [Kind::SurfaceChanged, Kind::NamespaceRemoved],
        "{changes:?}"
    );
    assert!(
        changes[0]
            .1
            .ends_with(": title (en): \"Room app\" → \"Meeting room app\""),
        "{changes:?}"
    );
}
