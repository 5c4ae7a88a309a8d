// Conformance harness of errcat's TypeScript target.
//
// Reads a generated catalog.json (the json target) at run time and checks, for
// every entry of every namespace, that the compiled TypeScript package agrees:
// lookup by namespace id + code through the generated registry, name, code
// round trip, message in every catalog locale (and the fallbacks), HTTP status,
// retryable flag, doc URL, deprecation, typed formatters, ErrcatError; and that
// codes a namespace does not have are rejected. It embeds no expected value,
// so it runs on any catalog; the locale each tag of
// tests/conformance/locale-choice.json chooses (the table of the catalog's
// locales, which every language's harness checks alike) is read from there.
//
//   npx tsc -p GEN/typescript --outDir BUILD
//   ERRCAT_TS_INDEX=BUILD/index.js ERRCAT_CATALOG_JSON=GEN/json/catalog.json \
//     node tests/conformance/typescript/conformance.test.mjs
//
// With ERRCAT_TS_REQUIRE=1 it loads the CommonJS build (tsconfig.cjs.json) with
// `require`, as a CommonJS user of the package does.
//
// (`node --test` runs it too.) Every check is counted; each failure is printed
// with namespace, code, field, expected and actual; the last line is
// `conformance: N passed, M failed`, and the exit status is non-zero if M > 0.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

const indexPath = process.env.ERRCAT_TS_INDEX;
const catalogPath = process.env.ERRCAT_CATALOG_JSON;
if (!indexPath || !catalogPath) {
  console.error(
    "set ERRCAT_TS_INDEX (the compiled index.js) and ERRCAT_CATALOG_JSON (a generated catalog.json)",
  );
  process.exit(2);
}

let passed = 0;
const failures = [];
process.on("exit", () => {
  if (failures.length > 0) process.exitCode = 1;
  console.log(`conformance: ${passed} passed, ${failures.length} failed`);
});

const show = (v) => {
  if (v === undefined) return "undefined";
  if (typeof v === "function") return "[function]";
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
};

/** One counted assertion: `actual` must deep-equal `expected`. */
function check(namespace, code, field, expected, actual) {
  try {
    assert.deepStrictEqual(actual, expected);
    passed += 1;
    return true;
  } catch {
    const line = `FAIL ${namespace} ${code ?? "-"} ${field}: expected ${show(expected)}, actual ${show(actual)}`;
    failures.push(line);
    console.log(line);
    return false;
  }
}

/** The checks of one namespace (and code): `c(field, expected, actual)`, `run(field, f)`. */
function checker(namespace, code = null) {
  const c = (field, expected, actual) =>
    check(namespace, code, field, expected, actual);
  // Runs `f`; an exception is a failed check of `field`.
  const run = (field, f) => {
    try {
      return f();
    } catch (e) {
      c(field, "no exception", `threw ${e}`);
      return undefined;
    }
  };
  return { c, run };
}

const catalog = JSON.parse(readFileSync(catalogPath, "utf8"));
let gen;
try {
  gen =
    process.env.ERRCAT_TS_REQUIRE === "1"
      ? createRequire(import.meta.url)(resolve(indexPath))
      : await import(pathToFileURL(resolve(indexPath)).href);
} catch (e) {
  check("-", null, `import ${indexPath}`, "no exception", `threw ${e}`);
  process.exit(1);
}

const locales = catalog.locales;
const defaultLocale = catalog.default_locale;
// The pairs [asked tag, chosen locale or null (none: the default locale)] of
// the table for the catalog's locales.
const chosen =
  JSON.parse(
    readFileSync(new URL("../locale-choice.json", import.meta.url), "utf8"),
  ).catalogs.find((t) => show(t.locales) === show(locales))?.chosen ?? [];
// The text a locale shows: its own, else the first of its fallbacks' that the
// message has, else the default locale's: its own, its fallbacks', else
// (`missing-translation` lowered) the first the message has in catalog order.
const chain = (locale) => [
  locale,
  ...catalog.fallbacks[locale],
  defaultLocale,
  ...catalog.fallbacks[defaultLocale],
  ...locales,
];
const expectedText = (t, locale) =>
  chain(locale)
    .map((l) => t[l])
    .find((x) => x !== undefined);
const standIn = (t) => expectedText(t, defaultLocale);
const languageOf = (tag) => tag.split("-")[0];
// Requests every target must read alike: the tag in other case with `_`; the
// withdrawn code of its language (older Android reports `iw` for Hebrew), which
// finds the locale, as its language does; a Kelvin sign for `k`, which lowers to
// `k` in Unicode but is no ASCII letter, so it finds no locale.
const upperVariant = (tag) => tag.toUpperCase().replaceAll("-", "_");
const withdrawn = { he: "iw", id: "in", yi: "ji" };
const legacyVariant = (tag) => {
  const [language, ...rest] = tag.split("-");
  return Object.hasOwn(withdrawn, language)
    ? [withdrawn[language], ...rest].join("-")
    : undefined;
};
const kelvinVariant = (tag) =>
  languageOf(tag).includes("k") ? tag.replace(/k/g, "\u212A") : undefined;
const hasOwn = (o, k) =>
  o != null && Object.prototype.hasOwnProperty.call(o, k);
// Names an untrusted caller may pass that a plain object would answer with an
// Object.prototype member: a name-keyed object must answer them `undefined`.
const inherited = ["constructor", "toString", "__proto__", "hasOwnProperty"];

/**
 * A message's pieces: literal text and placeholders: `{name}` in single braces
 * where `name` is one of the entry's declared `params`. Everything else
 * (`{{ x }}`, `{%`, `{undeclared}`) is literal.
 */
function segments(text, params) {
  const out = [];
  let literal = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] === "{" && text[i - 1] !== "{" && text[i + 1] !== "{") {
      const m = /^[a-z][a-z0-9_]*/.exec(text.slice(i + 1));
      const end = m ? i + 1 + m[0].length : -1;
      if (
        m &&
        params.includes(m[0]) &&
        text[end] === "}" &&
        text[end + 1] !== "}"
      ) {
        if (literal) out.push({ text: literal });
        literal = "";
        out.push({ param: m[0] });
        i = end + 1;
        continue;
      }
    }
    literal += text[i];
    i += 1;
  }
  if (literal) out.push({ text: literal });
  return out;
}

/**
 * The formatter of `e` in every locale. It reads its params in message order;
 * each read is recorded and answered with a marker, so the generated parameter
 * names need not be known: the message with each placeholder replaced by the
 * marker of the key read for it is the expected output.
 */
function checkFormatter({ c, run }, e, fmt) {
  if (!c("format (is a function)", "function", typeof fmt)) return;
  for (const locale of locales) {
    const field = `format[${locale}]`;
    const reads = [];
    const params = new Proxy(
      {},
      {
        get(_, key) {
          if (typeof key !== "string") return undefined;
          reads.push(key);
          return `\u27e6${key}\u27e7`;
        },
      },
    );
    const actual = run(field, () => fmt(params, locale));
    if (actual === undefined) continue;
    const keyOf = new Map();
    let next = 0;
    let expected = "";
    let consistent = true;
    for (const s of segments(expectedText(e.message, locale), e.params)) {
      if (s.text !== undefined) {
        expected += s.text;
        continue;
      }
      const key = reads[next++];
      if (keyOf.has(s.param) && keyOf.get(s.param) !== key) consistent = false;
      keyOf.set(s.param, key);
      expected += `\u27e6${key}\u27e7`;
    }
    const keys = [...keyOf.values()];
    c(`${field} (params used)`, e.params.length, keys.length);
    c(
      `${field} (one key per param)`,
      true,
      consistent && new Set(keys).size === keys.length,
    );
    c(field, expected, actual);
    // A value a JavaScript caller left out (undefined, null) shows its
    // placeholder as written, as in every language; "" is a value.
    const text = expectedText(e.message, locale);
    const bare = segments(text, e.params)
      .map((s) => s.text ?? `{${s.param}}`)
      .join("");
    const each = (value) => new Proxy({}, { get: () => value });
    c(`${field} (no values)`, bare, run(field, () => fmt({}, locale)));
    c(`${field} (null values)`, bare, run(field, () => fmt(each(null), locale)));
    c(
      `${field} (empty values)`,
      segments(text, e.params)
        .map((s) => s.text ?? "")
        .join(""),
      run(field, () => fmt(each(""), locale)),
    );
  }
}

function checkEntry(ns, mod, e) {
  const { c, run } = checker(ns.id, e.code);
  const info = run("lookup", () => gen.lookup(ns.id, e.code));
  if (!c("lookup (found)", true, info !== undefined && info !== null)) return;
  c("name", e.name, info.name);
  c("code", e.code, info.code);
  c("namespace", ns.id, info.namespace);
  c("constant (codes[name])", e.code, mod.codes?.[e.name]);
  c("constant (module export)", e.code, mod[e.name]);
  c(
    "fromCode (round trip)",
    e.code,
    run("fromCode", () => mod.fromCode(e.code)),
  );
  c(
    "info (same as lookup)",
    info,
    run("info", () => mod.info(e.code)),
  );
  locales.forEach((locale, i) => {
    const expected = expectedText(e.message, locale);
    c(
      `message[${locale}]`,
      expected,
      run(`message[${locale}]`, () => mod.message(e.code, locale)),
    );
    c(`info.messages[${i}] (${locale})`, expected, info.messages?.[i]);
    c(
      `info.message(${locale})`,
      expected,
      run(`info.message(${locale})`, () => info.message(locale)),
    );
    const upper = upperVariant(locale);
    c(
      `message[${upper}]`,
      expected,
      run(`message[${upper}]`, () => mod.message(e.code, upper)),
    );
    const legacy = legacyVariant(locale);
    if (legacy !== undefined) {
      c(
        `message[${legacy}]`,
        expected,
        run(`message[${legacy}]`, () => mod.message(e.code, legacy)),
      );
    }
    const kelvin = kelvinVariant(locale);
    if (kelvin !== undefined) {
      c(
        `message[${kelvin}]`,
        standIn(e.message),
        run(`message[${kelvin}]`, () => mod.message(e.code, kelvin)),
      );
    }
  });
  const fallback = standIn(e.message);
  for (const [asked, locale] of chosen) {
    c(
      `message[${show(asked)}]`,
      locale === null ? fallback : expectedText(e.message, locale),
      run(`message[${show(asked)}]`, () => mod.message(e.code, asked)),
    );
  }
  c(
    "message (no locale)",
    fallback,
    run("message", () => mod.message(e.code)),
  );
  // From JavaScript, which has no types to keep null out.
  c(
    "message (null locale)",
    fallback,
    run("message", () => mod.message(e.code, null)),
  );
  // No catalog locale is "x-none" (a language subtag has 2 or 3 letters).
  c(
    "message (unknown locale)",
    fallback,
    run("message", () => mod.message(e.code, "x-none")),
  );
  c("http", e.http, info.http);
  c("retryable", e.retryable, info.retryable);
  c("docUrl", e.doc_url, info.docUrl);
  c("deprecated", e.deprecated ? e.deprecated.reason : null, info.deprecated);
  if (e.params.length > 0) {
    checkFormatter({ c, run }, e, mod.format?.[e.name]);
  } else {
    c("format (none without params)", false, hasOwn(mod.format, e.name));
  }
  const err = run("error", () => mod.error(e.code));
  if (err !== undefined) {
    c("error (isErrcatError)", true, gen.isErrcatError(err));
    c(
      "error (namespace, code, name, message)",
      [ns.id, e.code, e.name, fallback],
      [err.namespace, err.code, err.name, err.message],
    );
    c(
      "error (JSON)",
      { namespace: ns.id, code: e.code, name: e.name, message: fallback },
      JSON.parse(JSON.stringify(err)),
    );
    // As every language shows a code: a name alone may be another namespace's.
    const label = `${e.name} (${ns.id}/${e.code}): ${fallback}`;
    c("error (String)", label, String(err));
    c("error (stack's first line)", label.split("\n")[0], err.stack.split("\n")[0]);
  }
  // A message left out (undefined, null) is the code's, as in every language.
  for (const message of [undefined, null]) {
    c(
      `error (message ${message})`,
      fallback,
      run("error", () => mod.error(e.code, { message })?.message),
    );
  }
}

test("registry", () => {
  const before = failures.length;
  const { c, run } = checker("-");
  c(
    "namespaces",
    catalog.namespaces.map((n) => n.id).sort(),
    Object.keys(gen.namespaces ?? {}).sort(),
  );
  c(
    "lookup (unknown namespace)",
    undefined,
    run("lookup", () => gen.lookup("no.such.namespace", 0)),
  );
  c(
    "lookup (inherited property)",
    undefined,
    run("lookup", () => gen.lookup("toString", 0)),
  );
  for (const key of inherited) {
    if (catalog.namespaces.some((n) => n.id === key)) continue;
    c(`namespaces[${show(key)}] (none)`, undefined, gen.namespaces?.[key]);
  }
  c(
    `a table of locale-choice.json for ${show(locales)}`,
    true,
    chosen.length > 0,
  );
  for (const [asked, locale] of chosen) {
    c(
      `localeIndex(${show(asked)})`,
      locale ?? defaultLocale,
      locales[run("localeIndex", () => gen.localeIndex(asked))],
    );
  }
  assert.equal(failures.length - before, 0, "registry checks failed");
});

for (const ns of catalog.namespaces) {
  test(`namespace ${ns.id}`, () => {
    const before = failures.length;
    const { c, run } = checker(ns.id);
    const mod = hasOwn(gen.namespaces, ns.id)
      ? gen.namespaces[ns.id]
      : undefined;
    if (c("registry entry", true, mod !== undefined)) {
      c("namespaceId", ns.id, mod.namespaceId);
      c(
        "entry count",
        ns.entries.length,
        run("all", () => mod.all.length),
      );
      // Shared by every importer: no one can change them for the others.
      c("all (frozen)", true, Object.isFrozen(mod.all));
      c("codes (frozen)", true, Object.isFrozen(mod.codes));
      c("format (frozen)", true, Object.isFrozen(mod.format));
      // Only a code's name finds a code, or a formatter.
      for (const key of inherited) {
        if (ns.entries.some((e) => e.name === key)) continue;
        c(`codes[${show(key)}] (none)`, undefined, mod.codes?.[key]);
        c(`format[${show(key)}] (none)`, undefined, mod.format?.[key]);
      }
      for (const e of ns.entries) checkEntry(ns, mod, e);
      // Codes the namespace does not have are rejected.
      const codes = new Set(ns.entries.map((e) => e.code));
      const probes =
        codes.size === 0
          ? [0]
          : [Math.max(...codes) + 1, Math.min(...codes) - 1];
      for (const absent of probes.filter((p) => !codes.has(p))) {
        const a = checker(ns.id, absent);
        a.c(
          "fromCode (absent code)",
          undefined,
          a.run("fromCode", () => mod.fromCode(absent)),
        );
        a.c(
          "lookup (absent code)",
          undefined,
          a.run("lookup", () => gen.lookup(ns.id, absent)),
        );
        // What every language says of a code its namespace lacks.
        let thrown = "no exception";
        try {
          mod.info(absent);
        } catch (e) {
          thrown = `${e?.name}: ${e?.message}`;
        }
        a.c(
          "info (absent code)",
          `RangeError: code ${absent} is not defined in namespace ${ns.id}`,
          thrown,
        );
      }
    }
    const failed = failures.length - before;
    assert.equal(failed, 0, `${failed} checks failed in ${ns.id}`);
  });
}
