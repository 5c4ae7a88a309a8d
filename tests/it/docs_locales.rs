//! The docs target in locales beyond its built-in words: a catalog adds a
//! locale's words under `options.ui` next to the built-in ones, and a word not yet
//! translated falls back to English.

use std::collections::BTreeMap;

use crate::support::project;

/// The docs target's pages of a catalog in `locales` with these docs `options`,
/// whose one code, 1, has these messages.
fn docs(locales: &str, options: &str, message: &str) -> BTreeMap<String, String> {
    docs_of(locales, options, 1, message)
}

/// As [`docs`], with this code.
fn docs_of(locales: &str, options: &str, code: i64, message: &str) -> BTreeMap<String, String> {
    // The first locale is the default.
    let default = locales.split(',').next().unwrap_or_default().trim();
    docs_with(
        locales,
        options,
        "",
        &format!(
            "namespace: app\ntitle: App\nlocales: [{default}]\nentries:\n  - {{ code: {code}, name: GONE, message: {message} }}\n"
        ),
    )
}

/// The docs target's pages of a catalog in `locales`, with these docs `options`,
/// these more lines of `catalog.yaml` and one namespace file, `app.yaml`.
fn docs_with(locales: &str, options: &str, more: &str, app: &str) -> BTreeMap<String, String> {
    let default = locales.split(',').next().unwrap_or_default().trim();
    let dir = project(&[
        (
            "schema/catalog.yaml",
            &format!(
                "catalog: t\nformat: 1\nroot: ..\nlocales: [{locales}]\ndefault_locale: {default}\n\
                 namespaces: [app.yaml]\nlints: {{ missing-translation: allow }}\n\
                 targets:\n  - {{ id: docs, templates: markdown, out: generated/docs, options: {options} }}\n{more}"
            ),
        ),
        ("schema/app.yaml", app),
    ]);
    let checked = errcat::check(&dir.path().join("schema/catalog.yaml"));
    let Some(catalog) = &checked.catalog else {
        panic!("{}", crate::support::diagnostics_text(&checked));
    };
    let rendered = errcat::generate(catalog)
        .unwrap_or_else(|r| panic!("{}", crate::support::report_text(&r, &checked.sources)));
    rendered
        .into_iter()
        .map(|r| (r.path.to_string_lossy().replace('\\', "/"), r.text))
        .collect()
}

/// The page at `path` (`de/app.md`), which the docs must have.
fn page<'a>(pages: &'a BTreeMap<String, String>, path: &str) -> &'a str {
    pages
        .get(path)
        .unwrap_or_else(|| panic!("no {path}: {:?}", pages.keys()))
}

/// Asserts that the page at `path` contains `text`.
fn assert_has(pages: &BTreeMap<String, String>, path: &str, text: &str) {
    assert_has_all(pages, path, &[text]);
}

/// Asserts that the page at `path` contains each of `texts`.
fn assert_has_all(pages: &BTreeMap<String, String>, path: &str, texts: &[&str]) {
    let p = page(pages, path);
    for text in texts {
        assert!(p.contains(text), "{path} lacks {text:?}:\n{p}");
    }
}

#[test]
fn a_catalog_adds_a_locales_words_to_the_built_in_ones() {
    let pages = docs(
        "en, zh-CN, de",
        "{ ui: { de: { catalog: Fehlercodes, details: Einzelheiten } } }",
        "Gone",
    );
    assert_has(&pages, "de/index.md", "Fehlercodes");
    assert_has(&pages, "de/app.md", "Einzelheiten");
    // Not translated: English.
    assert_has(&pages, "de/app.md", "| Code |");
    // The built-in words of the other locales stay.
    assert_has(&pages, "zh-CN/index.md", "错误码");
    assert_has(&pages, "en/index.md", "Error codes");
}

/// Chinese pages get the built-in words of their writing, whatever the region:
/// Traditional for `zh-TW`, `zh-HK` and `zh-Hant`, Simplified for `zh-CN` and `zh-SG`;
/// a catalog's own words for one locale stay that locale's.
#[test]
fn chinese_pages_get_the_words_of_their_script() {
    let pages = docs(
        "en, zh-TW, zh-HK, zh-Hant, zh-CN, zh-SG",
        "{ ui: { zh-HK: { catalog: 錯誤代碼 } } }",
        "Gone",
    );
    for tag in ["zh-TW", "zh-Hant"] {
        assert_has_all(
            &pages,
            &format!("{tag}/index.md"),
            &["錯誤碼查詢", "錯誤碼"],
        );
    }
    assert_has_all(&pages, "zh-HK/index.md", &["錯誤碼查詢", "錯誤代碼"]);
    assert_has(&pages, "zh-HK/app.md", "提示訊息");
    for tag in ["zh-CN", "zh-SG"] {
        assert_has_all(&pages, &format!("{tag}/app.md"), &["提示信息", "错误码"]);
    }
    assert!(!page(&pages, "zh-TW/index.md").contains("错误码"));
}

/// Arabic and Hebrew run right to left: their pages, and their text and names on
/// other pages, say so; each locale is named in its own language.
#[test]
fn right_to_left_locales_are_marked_so() {
    let pages = docs(
        "en, ar, de-CH, zh-Hant-TW",
        "{}",
        "{ en: The room is full, ar: الغرفة ممتلئة }",
    );
    for p in ["ar/index.md", "ar/app.md", "ar/codes.md"] {
        assert_has(&pages, p, "<div lang=\"ar\" dir=\"rtl\">");
    }
    for text in [
        "<span lang=\"ar\" dir=\"rtl\">الغرفة ممتلئة</span>",
        "<span lang=\"ar\" dir=\"rtl\">العربية</span>",
        ">Deutsch (Schweiz)</span>",
        ">繁體中文</span>",
    ] {
        assert_has(&pages, "en/app.md", text);
    }
    // On a right-to-left page, each item of a list of languages is a run of its own
    // (an element with `dir`), the current one and the namespace id too: Latin
    // names side by side made one left-to-right run, in the wrong order.
    for text in [
        "<span dir=\"ltr\">`app`</span> · [<span lang=\"en\" dir=\"ltr\">English</span>](../en/app.md) · **<span lang=\"ar\" dir=\"rtl\">العربية</span>** · [<span lang=\"de-CH\" dir=\"ltr\">Deutsch (Schweiz)</span>](../de-CH/app.md)",
        ": [<span lang=\"en\" dir=\"ltr\">English</span>](../en/app.md#app-1) · **<span lang=\"ar\" dir=\"rtl\">العربية</span>**",
    ] {
        assert_has(&pages, "ar/app.md", text);
    }
}

/// The default locale's page gives a code's every translation; another locale's
/// page gives its own and the default locale's, so the docs grow with codes ×
/// locales, not with codes × locales².
#[test]
fn other_locales_pages_give_the_default_locales_text_beside_their_own() {
    let pages = docs(
        "en, zh-CN, ja",
        "{}",
        "{ en: The room is full, zh-CN: 房间已满, ja: 部屋は満員です }",
    );
    assert_has_all(
        &pages,
        "en/app.md",
        &[
            "- Message (zh-CN): <span lang=\"zh-CN\" dir=\"ltr\">房间已满</span>",
            "- Message (ja): <span lang=\"ja\" dir=\"ltr\">部屋は満員です</span>",
            "- Languages: **<span lang=\"en\" dir=\"ltr\">English</span>** · [<span lang=\"zh-CN\" dir=\"ltr\">简体中文</span>](../zh-CN/app.md#app-1) · [<span lang=\"ja\" dir=\"ltr\">日本語</span>](../ja/app.md#app-1)",
        ],
    );
    assert_has_all(
        &pages,
        "ja/app.md",
        &[
            "- メッセージ (en)：<span lang=\"en\" dir=\"ltr\">The room is full</span>",
            "- 言語：[<span lang=\"en\" dir=\"ltr\">English</span>](../en/app.md#app-1) · **<span lang=\"ja\" dir=\"ltr\">日本語</span>**",
        ],
    );
    let ja = page(&pages, "ja/app.md");
    // The switcher at the top of the page still reaches every locale.
    assert!(ja.contains("(../zh-CN/app.md)"), "{ja}");
    let details = &ja[ja.find("## 詳細").expect("details")..];
    assert!(
        !details.contains("房间已满") && !details.contains("zh-CN"),
        "{details}"
    );
}

/// A code is a left-to-right run on a right-to-left page: -5 reads as -5, not 5-.
#[test]
fn codes_run_left_to_right_on_right_to_left_pages() {
    let pages = docs_of("en, he", "{}", -5, "{ en: Negative, he: שלילי }");
    for (path, text) in [
        (
            "he/app.md",
            "| [<span dir=\"ltr\">-5</span>](#app-minus-5) |",
        ),
        ("he/app.md", "### <span dir=\"ltr\">-5 `GONE`</span>"),
        (
            "he/codes.md",
            "<a id=\"code-minus-5\"></a><span dir=\"ltr\">-5</span> |",
        ),
        ("he/index.md", "| <span dir=\"ltr\">-5 … -5</span> |"),
    ] {
        assert_has(&pages, path, text);
    }
    // Left-to-right pages need no mark on a code.
    assert!(!page(&pages, "en/app.md").contains("<span dir=\"ltr\">"));
}

/// A word the page's locale lacks is the default locale's, as an untranslated text
/// is; English only when the default locale lacks it too.
#[test]
fn a_word_not_translated_is_the_default_locales() {
    let pages = docs(
        "zh-CN, en, nl",
        "{ ui: { nl: { details: Bijzonderheden } } }",
        "{ zh-CN: 房间已满, en: The room is full }",
    );
    assert_has(&pages, "nl/app.md", "## Bijzonderheden");
    // Marked as the default locale's: the page is not in Chinese.
    assert_has(
        &pages,
        "nl/app.md",
        "| <span lang=\"zh-CN\" dir=\"auto\">错误码</span> | <span lang=\"zh-CN\" dir=\"auto\">名称</span> |",
    );
    assert_has(&pages, "en/app.md", "## Details");
    assert_has(&pages, "zh-CN/app.md", "## 详细说明");
}

/// A namespace or surface without a title is shown by its id, which is no text of
/// any locale: a page in another locale marks it neither as English nor with `lang`.
#[test]
fn an_id_standing_in_for_a_title_is_no_fallback() {
    let pages = docs_with(
        "en, zh-CN",
        "{}",
        "surfaces:\n  - { id: web, namespaces: [edu.rest] }\n",
        "namespace: edu.rest\nentries:\n  - { code: 1, name: GONE, message: { en: Gone, zh-CN: 已删除 } }\n",
    );
    for (path, text) in [
        ("SUMMARY.md", "  - [edu.rest](zh-CN/edu.rest.md)\n"),
        ("zh-CN/edu.rest.md", "\n# edu.rest\n"),
        ("zh-CN/edu.rest.md", "\n调用面: web\n"),
        (
            "zh-CN/index.md",
            "| [`edu.rest`](edu.rest.md) | edu.rest | 1 | 1 … 1 | web |",
        ),
        ("site.js", "var errcatFallbackTitles = {\n};"),
    ] {
        assert_has(&pages, path, text);
    }
    // A title of its own still says when it falls back.
    let titled = docs_with(
        "en, zh-CN",
        "{}",
        "",
        "namespace: edu.rest\ntitle: Rest\nentries:\n  - { code: 1, name: GONE, message: { en: Gone, zh-CN: 已删除 } }\n",
    );
    assert_has(
        &titled,
        "SUMMARY.md",
        "  - [Rest (英文)](zh-CN/edu.rest.md)",
    );
    assert_has(&titled, "site.js", "\"zh-CN/edu.rest.html\": \"en\"");
}

/// A namespace that requires only some locales: a message missing in another is
/// expected, and the default locale's page does not list it as a gap; a missing
/// message in a required locale still is one.
#[test]
fn a_text_missing_in_a_locale_not_required_is_no_gap() {
    let pages = docs_with(
        "en, zh-CN, ja",
        "{}",
        "",
        "namespace: app\nlocales: [en, ja]\nentries:\n  - { code: 1, name: GONE, message: { en: Gone } }\n  - { code: 2, name: FULL, message: { en: Full, zh-CN: 已满 } }\n",
    );
    let en = page(&pages, "en/app.md");
    let one =
        &en[en.find("### 1 `GONE`").expect("code 1")..en.find("### 2 `FULL`").expect("code 2")];
    assert!(!one.contains("(zh-CN)"), "{one}");
    assert!(
        one.contains("- Message (ja): — _(not translated)_"),
        "{one}"
    );
    // A text the namespace does not require is still shown when it has one.
    assert_has(
        &pages,
        "en/app.md",
        "- Message (zh-CN): <span lang=\"zh-CN\" dir=\"ltr\">已满</span>",
    );
}

/// A word a page takes from another locale says which language it is in, as a text
/// that falls back does: a screen reader spoke English words on an Italian page with
/// an Italian voice. The page's own words, and its language's, are not marked.
#[test]
fn a_word_not_in_the_pages_language_is_marked_with_its_own() {
    let pages = docs(
        "en, it, pt-BR, ja",
        "{ ui: { it: { details: Dettagli, fallback_short: \"{language}\", language_names: { en: inglese } } } }",
        "{ en: The room is full }",
    );
    assert_has_all(
        &pages,
        "it/app.md",
        &[
            "## Dettagli",
            "| <span lang=\"en\" dir=\"auto\">Code</span> | <span lang=\"en\" dir=\"auto\">Name</span> |",
            "- <span lang=\"en\" dir=\"auto\">Retryable</span>: <span lang=\"en\" dir=\"auto\">no</span>",
            // The short note is Italian, and names English in Italian; the long one is
            // English, and names it in English.
            "<span lang=\"en\" dir=\"auto\">The room is full</span> _(inglese)_ |",
            "<span lang=\"en\" dir=\"auto\">The room is full</span> _(<span lang=\"en\" dir=\"auto\">not translated; shown in English</span>)_",
        ],
    );
    assert_has(
        &pages,
        "it/index.md",
        "# <span lang=\"en\" dir=\"auto\">Error codes</span>",
    );
    assert_has(
        &pages,
        "index.md",
        "**Italiano**: [<span lang=\"en\" dir=\"auto\">Error codes</span>](it/index.md)",
    );
    // site.js marks the skip link and the sidebar's code lookup, where it must.
    assert_has_all(
        &pages,
        "site.js",
        &[
            "\"it\": { dir: \"ltr\", skip: \"Skip to content\", skipLang: \"en\", lookupLang: \"en\" },",
            "\"ja\": { dir: \"ltr\", skip: \"本文へスキップ\", skipLang: \"\", lookupLang: \"\" },",
        ],
    );
    // Brazilian Portuguese has the words of its language, Japanese its own: unmarked.
    assert_has_all(
        &pages,
        "pt-BR/app.md",
        &[
            "| Código | Nome | HTTP | Mensagem |",
            "\n- Nova tentativa possível: não\n",
        ],
    );
    assert_has_all(
        &pages,
        "ja/app.md",
        &["## 詳細", "\n- 再試行可能：いいえ\n"],
    );
    assert!(!page(&pages, "en/app.md").contains("dir=\"auto\""));
}

/// The diagnostics of a catalog in `locales` whose docs target sets `options`.
fn check_text(locales: &str, options: &str) -> String {
    let dir = project(&[
        (
            "schema/catalog.yaml",
            &format!(
                "catalog: t\nformat: 1\nroot: ..\nlocales: [{locales}]\ndefault_locale: en\n\
                 namespaces: [app.yaml]\nlints: {{ missing-translation: allow }}\n\
                 targets:\n  - id: docs\n    templates: markdown\n    out: generated/docs\n    options: {options}\n"
            ),
        ),
        (
            "schema/app.yaml",
            "namespace: app\nentries:\n  - { code: 1, name: GONE, message: Gone }\n",
        ),
    ]);
    crate::support::diagnostics_text(&errcat::check(&dir.path().join("schema/catalog.yaml")))
}

/// Page words a catalog sets for a locale it lacks, or under a key the built-in
/// words lack, were ignored without a word: they are `invalid-option` errors at
/// that key. The built-in words of a locale the catalog lacks (fr) are not its
/// own and no error; words for a locale's language (`pt` for pt-BR) are its own.
#[test]
fn page_words_for_no_locale_or_under_no_key_are_refused() {
    let text = check_text(
        "en, ar, pt-BR, de",
        "{ ui: { pt_BR: { catalog: Erros }, fr: { catalog: Codes }, de: { mesage: Meldung } } }",
    );
    for part in [
        "error[invalid-option]: option `ui` of target `docs` is not a map by locale: `pt_BR` is no locale of the catalog",
        "help: did you mean `pt-BR`?",
        "`fr` is no locale of the catalog",
        "help: the catalog's locales are `en`, `ar`, `pt-BR`, `de`; add `fr` to `locales:` for its pages",
        "`de` has a key `mesage` that its default does not have",
        "schema/catalog.yaml:12:79",
        "help: did you mean `message`?",
        "3 errors, 0 warnings",
    ] {
        assert!(text.contains(part), "lacks {part:?}:\n{text}");
    }
    let fine = check_text(
        "en, ar, pt-BR, de",
        "{ ui: { pt: { details: Pormenores }, de: { message: Meldung } } }",
    );
    assert!(!fine.contains("error["), "{fine}");
}

/// A text missing in a locale is shown in another locale of its language and script,
/// and the page marks it with that locale and names its language, as any fallback.
#[test]
fn a_fallback_to_a_sibling_locale_is_marked_with_it() {
    let pages = docs(
        "en, pt, pt-BR, zh-TW, zh-Hant-HK, zh-CN",
        "{}",
        "{ en: The room is closed, pt: A sala está fechada, zh-TW: 房間已關閉 }",
    );
    let pt_br = page(&pages, "pt-BR/app.md");
    let pt = "<span lang=\"pt\" dir=\"auto\">A sala está fechada</span> _(não traduzido; mostrado em português)_";
    assert!(pt_br.contains(pt), "{pt_br}");
    let hk = page(&pages, "zh-Hant-HK/app.md");
    // The note in Traditional Chinese, the built-in words of the page's writing.
    let tw = "<span lang=\"zh-TW\" dir=\"auto\">房間已關閉</span> _(暫無翻譯，顯示繁體中文原文)_";
    assert!(hk.contains(tw), "{hk}");
    // Never another script's: Simplified Chinese shows the default locale's text.
    let cn = page(&pages, "zh-CN/app.md");
    assert!(
        cn.contains("<span lang=\"en\" dir=\"auto\">The room is closed</span>"),
        "{cn}"
    );
}
