//! docs/catalog-format.md's annotated example is a catalog that works as written:
//! copied into a project, it passes `errcat check` without a finding.

use crate::support::{errcat, repo};

/// The page's ```yaml blocks, in order.
fn yaml_blocks(page: &str) -> Vec<&str> {
    page.split("```yaml\n")
        .skip(1)
        .filter_map(|rest| rest.split("```").next())
        .collect()
}

#[test]
fn the_catalog_format_example_passes_check() {
    let page = std::fs::read_to_string(repo().join("docs/catalog-format.md")).unwrap();
    let blocks = yaml_blocks(&page);
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("schema");
    std::fs::create_dir_all(schema.join("edu")).unwrap();
    std::fs::create_dir_all(schema.join("av")).unwrap();
    std::fs::write(schema.join("catalog.yaml"), blocks[0]).unwrap();
    std::fs::write(schema.join("edu/rest.yaml"), blocks[1]).unwrap();
    // The namespaces the example names but does not show: its surface's other member,
    // and the AV code its acknowledged code-overlap is about.
    std::fs::write(
        schema.join("edu/client.yaml"),
        "namespace: edu.client\ntitle: { en: Client, zh-CN: 客户端 }\nentries:\n  - { code: 1, name: ONE, message: { en: One, zh-CN: 一 } }\n",
    )
    .unwrap();
    std::fs::write(
        schema.join("av/client.yaml"),
        "namespace: av.client\ntitle: { en: AV, zh-CN: 音视频 }\nentries:\n  - { code: 1004, name: ONE, message: { en: One, zh-CN: 一 } }\n",
    )
    .unwrap();
    let out = errcat(dir.path(), &["check"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert_eq!(err.trim(), "ok: 3 namespaces, 4 codes", "{err}");
}
