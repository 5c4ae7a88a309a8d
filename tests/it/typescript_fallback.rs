//! The TypeScript target's comments about fallback texts say whose text stands in,
//! also where a lowered `missing-translation` lets a message lack the default locale.

use crate::support::{copy_tree, errcat, repo};

/// Generates the TypeScript of a namespace whose messages lack `zh-CN`, or `en`
/// (the default locale), with the rule lowered; returns `app.ts`.
fn generated_app_ts() -> String {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    copy_tree(&repo().join("templates"), &root.join("templates"));
    std::fs::create_dir_all(root.join("schema")).unwrap();
    std::fs::write(
        root.join("schema/catalog.yaml"),
        "catalog: fallback\nformat: 1\nroot: ..\nlocales: [en, zh-CN]\ndefault_locale: en\n\
         namespaces: [app.yaml]\nlints: { missing-translation: warn }\ntargets:\n  \
         - { id: typescript, templates: typescript, out: generated/typescript }\n",
    )
    .unwrap();
    std::fs::write(
        root.join("schema/app.yaml"),
        "namespace: app\ntitle: { en: App }\nlocales: [en, zh-CN]\nentries:\n\
         \x20 - { code: 1, name: NO_ZH, message: { en: The room is full } }\n\
         \x20 - { code: 2, name: NO_EN, message: { zh-CN: 房间不存在 } }\n\
         \x20 - { code: 3, name: NO_ZH_ARG, params: [n], message: { en: \"Seat {n} is taken\" } }\n\
         \x20 - { code: 4, name: NO_EN_ARG, params: [n], message: { zh-CN: \"座位 {n} 已占用\" } }\n",
    )
    .unwrap();
    let out = errcat(root, &["gen"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(root.join("generated/typescript/src/app.ts")).unwrap()
}

#[test]
fn fallback_comments_name_the_text_that_stands_in() {
    let ts = generated_app_ts();
    // zh-CN missing: the default locale's text stands in, as the comment says.
    let no_zh = "      // en\n      \"The room is full\",\n      \
                 // zh-CN (no text: the default locale's)\n      \"The room is full\",\n";
    assert!(ts.contains(no_zh), "{ts}");
    // en (the default locale) missing: the zh-CN text stands in, also in en's slot.
    let no_en = "      // en (no text: zh-CN's)\n      \"房间不存在\",\n      \
                 // zh-CN\n      \"房间不存在\",\n";
    assert!(ts.contains(no_en), "{ts}");
    // A formatter with one text for every locale says whose it is.
    let seat = "    // Every locale has the default locale's text.\n    void locale;\n    \
                return [\n      // en\n      \"Seat \",";
    assert!(ts.contains(seat), "{ts}");
    let zuo = "    // Every locale has the zh-CN text.\n    void locale;\n    \
               return [\n      // en (no text: zh-CN's)\n      \"座位 \",";
    assert!(ts.contains(zuo), "{ts}");
}
