//! Conformance of a generated Rust crate with its catalog.json.
//!
//! Built by `cargo xtask` against any generated crate (renamed `codes`), run as
//! `conformance path/to/catalog.json`. Expected values come only from the JSON.

use std::process::ExitCode;

use serde_json::Value;

struct Tally {
    passed: usize,
    failed: usize,
}

impl Tally {
    fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        if ok {
            self.passed += 1;
        } else {
            self.failed += 1;
            eprintln!("FAIL {}", what());
        }
    }
}

/// `codes::Error` of the code: its text in each locale or a message of its own, displayed
/// like the code, through `Box<dyn Error>` with a cause.
fn check_error(t: &mut Tally, found: &'static dyn codes::ErrorCode, id: &str, name: &str, locales: &[&str]) {
    let code = found.code();
    let error = codes::Error::new(found);
    let shown = error.to_string();
    let expected = format!("{name} ({id}/{code}): {}", found.message());
    t.check(shown == expected, || format!("{id}/{code}: Error displays {shown:?}, expected {expected:?}"));
    for l in locales {
        let locale = codes::Locale::from_tag(l).expect("locale");
        // Tags match in any case, with `_` for `-`.
        let variant = l.to_uppercase().replace('-', "_");
        let other = codes::Locale::from_tag(&variant);
        t.check(other == Some(locale), || format!("{id}/{code}: Locale::from_tag({variant:?}) is {other:?}, expected {locale:?}"));
        // The withdrawn code of its language (older Android reports `iw` for Hebrew)
        // finds the locale, as its language does.
        let (language, rest) = l.split_once('-').map_or((*l, None), |(a, b)| (a, Some(b)));
        let withdrawn = match language {
            "he" => Some("iw"),
            "id" => Some("in"),
            "yi" => Some("ji"),
            _ => None,
        };
        if let Some(w) = withdrawn {
            let legacy = rest.map_or(w.to_owned(), |r| format!("{w}-{r}"));
            let got = codes::Locale::from_tag(&legacy);
            t.check(got == Some(locale), || format!("{id}/{code}: Locale::from_tag({legacy:?}) is {got:?}, expected {locale:?}"));
        }
        // A Kelvin sign lowers to `k` in Unicode but is no ASCII letter: no locale.
        if language.contains('k') {
            let kelvin = l.replace('k', "\u{212A}");
            let got = codes::Locale::from_tag(&kelvin);
            t.check(got.is_none(), || format!("{id}/{code}: Locale::from_tag({kelvin:?}) is {got:?}, expected none"));
        }
        let error = codes::Error::in_locale(found, locale);
        t.check(error.message() == found.message_in(locale), || format!("{id}/{code}: Error::in_locale({l}) {:?}", error.message()));
    }
    let cause = codes::UnknownCode { namespace: "cause", code };
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(codes::Error::with_message(found, "formatted").with_source(cause));
    let shown = boxed.to_string();
    let expected = format!("{name} ({id}/{code}): formatted");
    t.check(shown == expected, || format!("{id}/{code}: Error::with_message displays {shown:?}"));
    let source = boxed.source().map(|s| s.to_string());
    t.check(source == Some(cause.to_string()), || format!("{id}/{code}: source {source:?}"));
    let back = boxed.downcast_ref::<codes::Error>();
    t.check(back.is_some_and(|e| e.code().code() == code && e.message() == "formatted"), || format!("{id}/{code}: downcast {back:?}"));
    // The JSON shape every language's error writes, members in this order, texts as
    // JavaScript's JSON.stringify writes them.
    let quoted = |s: &str| serde_json::to_string(s).expect("a string");
    let json = |message: &str| {
        format!("{{\"namespace\":{},\"code\":{code},\"name\":{},\"message\":{}}}", quoted(id), quoted(name), quoted(message))
    };
    let written = serde_json::to_string(&codes::Error::new(found)).ok();
    let expected = json(found.message());
    t.check(written.as_deref() == Some(expected.as_str()), || format!("{id}/{code}: Error as JSON {written:?}, expected {expected:?}"));
    let own = "a \"quote\", a \\, a\nline, \u{1}, é";
    let written = serde_json::to_string(&codes::Error::with_message(found, own)).ok();
    let tail = r#""message":"a \"quote\", a \\, a\nline, \u0001, é"}"#;
    t.check(written.as_deref().is_some_and(|w| w.ends_with(tail) && w == json(own)), || format!("{id}/{code}: Error with its own message as JSON {written:?}"));
}

/// The locale each tag of `tests/conformance/locale-choice.json` chooses (the table of the
/// catalog's locales, which every language's harness checks alike): `None` where it has none.
fn check_locale_choice(t: &mut Tally, locales: &[&str]) {
    let text = include_str!("../locale-choice.json");
    let tables: Value = serde_json::from_str(text).expect("parse locale-choice.json");
    let same = |c: &&Value| c["locales"].as_array().is_some_and(|l| l.iter().map(Value::as_str).eq(locales.iter().map(|l| Some(*l))));
    let Some(table) = tables["catalogs"].as_array().expect("catalogs").iter().find(same) else {
        t.check(false, || format!("locale-choice.json has no table for the locales {locales:?}"));
        return;
    };
    for pair in table["chosen"].as_array().expect("chosen") {
        let asked = pair[0].as_str().expect("asked tag");
        let expected = pair[1].as_str();
        let got = codes::Locale::from_tag(asked);
        t.check(got.map(codes::Locale::tag) == expected, || format!("Locale::from_tag({asked:?}) is {got:?}, expected {expected:?}"));
    }
}

/// The locales whose text `locale` shows, in turn: its own, its fallbacks', then the
/// default locale's text: its own, its fallbacks', else (`missing-translation` lowered)
/// the first the message has in catalog order.
fn chain<'a>(catalog: &'a Value, locale: &'a str) -> Vec<&'a str> {
    let strings = |v: &'a Value| v.as_array().expect("a list of locales").iter().filter_map(Value::as_str);
    let default = catalog["default_locale"].as_str().expect("default_locale");
    let mut chain = vec![locale];
    chain.extend(strings(&catalog["fallbacks"][locale]));
    chain.push(default);
    chain.extend(strings(&catalog["fallbacks"][default]));
    chain.extend(strings(&catalog["locales"]));
    chain
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: conformance CATALOG_JSON");
        return ExitCode::from(2);
    };
    let text = std::fs::read_to_string(&path).expect("read catalog.json");
    let catalog: Value = serde_json::from_str(&text).expect("parse catalog.json");
    let default = catalog["default_locale"].as_str().expect("default_locale");
    let locales: Vec<&str> = catalog["locales"].as_array().expect("locales").iter().filter_map(Value::as_str).collect();
    let chains: Vec<Vec<&str>> = locales.iter().map(|l| chain(&catalog, l)).collect();
    let mut t = Tally { passed: 0, failed: 0 };
    check_locale_choice(&mut t, &locales);

    for ns in catalog["namespaces"].as_array().expect("namespaces") {
        let id = ns["id"].as_str().expect("namespace id");
        let generated = codes::NAMESPACES.iter().find(|n| n.id == id);
        t.check(generated.is_some(), || format!("{id}: namespace missing from NAMESPACES"));
        let Some(generated) = generated else { continue };
        let entries = ns["entries"].as_array().expect("entries");
        t.check(generated.codes.len() == entries.len(), || format!("{id}: {} codes, catalog has {}", generated.codes.len(), entries.len()));
        let mut max = i64::MIN;
        for e in entries {
            let code = e["code"].as_i64().expect("code");
            max = max.max(code);
            let Some(found) = generated.lookup(code) else {
                t.check(false, || format!("{id}/{code}: lookup found nothing"));
                continue;
            };
            let name = e["name"].as_str().expect("name");
            t.check(found.code() == code, || format!("{id}/{code}: code {} ", found.code()));
            t.check(found.name() == name, || format!("{id}/{code}: name {:?}, expected {name:?}", found.name()));
            t.check(found.namespace() == id, || format!("{id}/{code}: namespace {:?}", found.namespace()));
            let shown = |chain: &[&str]| chain.iter().find_map(|l| e["message"][*l].as_str()).expect("message");
            let stand_in = shown(&chain(&catalog, default));
            for (l, chain) in locales.iter().zip(&chains) {
                let expected = shown(chain);
                let locale = codes::Locale::from_tag(l).expect("locale");
                let actual = found.message_in(locale);
                t.check(actual == expected, || format!("{id}/{code}: message[{l}] {actual:?}, expected {expected:?}"));
            }
            t.check(found.message() == stand_in, || format!("{id}/{code}: message() {:?}", found.message()));
            check_error(&mut t, found, id, name, &locales);
            let http = e["http"].as_u64().map(|h| h as u16);
            t.check(found.http_status() == http, || format!("{id}/{code}: http {:?}, expected {http:?}", found.http_status()));
            let retryable = e["retryable"].as_bool().expect("retryable");
            t.check(found.is_retryable() == retryable, || format!("{id}/{code}: retryable {}", found.is_retryable()));
            let url = e["doc_url"].as_str();
            t.check(found.doc_url() == url, || format!("{id}/{code}: doc_url {:?}, expected {url:?}", found.doc_url()));
            let reason = e["deprecated"]["reason"].as_str();
            t.check(found.deprecated() == reason, || format!("{id}/{code}: deprecated {:?}, expected {reason:?}", found.deprecated()));
            t.check(codes::lookup(id, code).is_some(), || format!("{id}/{code}: codes::lookup failed"));
            // By name: the enum's from_name, exact, through the registry.
            let by_name = generated.lookup_name(name).map(|c| c.code());
            t.check(by_name == Some(code), || format!("{id}/{code}: lookup_name({name:?}) is {by_name:?}"));
            let lower = name.to_lowercase();
            if lower != name {
                let got = generated.lookup_name(&lower).map(|c| c.code());
                t.check(got.is_none(), || format!("{id}/{code}: lookup_name({lower:?}) is {got:?}, expected none"));
            }
        }
        for miss in ["", "NO_SUCH_NAME_", "constructor"] {
            if !entries.iter().any(|e| e["name"] == miss) {
                let got = generated.lookup_name(miss).map(|c| c.code());
                t.check(got.is_none(), || format!("{id}: lookup_name({miss:?}) is {got:?}, expected none"));
            }
        }
        let unknown = max.checked_add(1).unwrap_or(i64::MIN);
        t.check(generated.lookup(unknown).is_none(), || format!("{id}: unknown code {unknown} was accepted"));
        // What every language says of a code its namespace lacks.
        let said = codes::UnknownCode { namespace: generated.id, code: unknown }.to_string();
        let expected = format!("code {unknown} is not defined in namespace {id}");
        t.check(said == expected, || format!("{id}: UnknownCode displays {said:?}, expected {expected:?}"));
    }
    t.check(codes::lookup("no.such.namespace", 0).is_none(), || "unknown namespace accepted".into());

    println!("conformance: {} passed, {} failed", t.passed, t.failed);
    if t.failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
