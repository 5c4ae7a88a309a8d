//! A text written as a YAML block scalar (`description: |`) is its lines, without the
//! final line break YAML's default chomping keeps: no `trailing-whitespace` warning,
//! no line break after it in any output. `|+` keeps it, and is warned of.

use crate::support::{diagnostics_text, project};

const CATALOG: &str = "catalog: t\nformat: 1\nlocales: [en, zh-CN]\ndefault_locale: en\nnamespaces: [pay.yaml]\ntargets:\n  - { id: docs, templates: markdown, out: generated/docs }\n";

/// Checks a catalog of one code, CARD_DECLINED, with `fields` after its message.
fn check(fields: &str) -> errcat::Checked {
    let namespace = format!(
        "namespace: pay\ntitle: {{ en: Payments, zh-CN: 支付 }}\nentries:\n  - code: 1\n    name: CARD_DECLINED\n    message: {{ en: The card was declined, zh-CN: 银行卡被拒绝 }}\n{fields}"
    );
    let dir = project(&[
        ("schema/catalog.yaml", CATALOG),
        ("schema/pay.yaml", &namespace),
    ]);
    errcat::check(&dir.path().join("schema/catalog.yaml"))
}

#[test]
fn a_block_scalar_ends_with_its_last_line() {
    let checked = check(
        "    description:
      en: |
        The issuer refused the charge.

        Offer another payment method.
      zh-CN: >  # folded, as clipped
        发卡行拒绝了扣款。
    cause:
      en: |
        The card is expired.
      zh-CN: 银行卡已过期。
    deprecated:
      reason: |
        Merged into another code.
",
    );
    assert!(
        checked.report.diagnostics.is_empty(),
        "{}",
        diagnostics_text(&checked)
    );
    let catalog = checked.catalog.expect("the catalog validates");
    let entry = &catalog.namespaces[0].entries[0];
    let description = entry.description.as_ref().unwrap();
    assert_eq!(
        description.get("en"),
        Some("The issuer refused the charge.\n\nOffer another payment method.")
    );
    assert_eq!(description.get("zh-CN"), Some("发卡行拒绝了扣款。"));
    assert_eq!(
        entry.cause.as_ref().unwrap().get("en"),
        Some("The card is expired.")
    );
    assert_eq!(
        entry.deprecated.as_ref().unwrap().reason,
        "Merged into another code."
    );
    // The docs site breaks the description's lines, and nothing after them.
    let page = errcat::generate(&catalog)
        .unwrap()
        .into_iter()
        .find(|r| r.path.ends_with("en/pay.md"))
        .expect("the namespace's page");
    assert!(
        page.text
            .contains("The issuer refused the charge.<br><br>Offer another payment method.\n"),
        "{}",
        page.text
    );
}

/// Kept line breaks (`|+`), and spaces before a line break, are still found, each
/// said as what it is.
#[test]
fn kept_line_breaks_and_inner_spaces_are_warned_of() {
    let checked = check(
        "    description:
      en: |+
        The issuer refused the charge.

      zh-CN: \"发卡行拒绝了扣款。  \\n请提供其他支付方式。\"
",
    );
    let text = diagnostics_text(&checked);
    assert!(
        text.contains("the description of CARD_DECLINED in `en` ends with a line break"),
        "{text}"
    );
    assert!(
        text.contains(
            "the description of CARD_DECLINED in `zh-CN` has whitespace before a line break"
        ),
        "{text}"
    );
    assert!(!text.contains("leading or trailing"), "{text}");
}
