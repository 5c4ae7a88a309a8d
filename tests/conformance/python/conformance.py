"""Conformance harness of errcat's Python target (declared by templates/python alone).

Reads a generated catalog.json (the json target) at run time and checks, for
every entry of every namespace, that the generated package agrees: lookup by
namespace id + code through the registry, the IntEnum member by name and by
value, the message in every catalog locale (and the fallbacks), HTTP status,
retryable flag, docs URL, deprecation, ErrcatError (with a message of its
own; its to_dict(), the JSON shape every language's error writes, in order,
and its json.dumps text against JSON built here), the documentation (each
member's docstring in the source, which editors read, and its `__doc__`, which
help() and pydoc read: the message, description, cause, solution and
deprecation as written; the module's: title and description), the keyword-argument formatter of every message with placeholders in
every locale; and that codes a namespace does not have are rejected. It embeds no expected value, so it runs
on any catalog; the locale each tag of tests/conformance/locale-choice.json chooses (the table of
the catalog's locales, which every language's harness checks alike) is read from there.

    python3 -W error conformance.py PACKAGE_PARENT_DIR GEN/json/catalog.json

Every check is counted; each failure is printed with namespace, code, field,
expected and actual; the last line is `conformance: N passed, M failed`, and
the exit status is non-zero if M > 0.
"""

import ast
import copy
import importlib
import inspect
import json
import pickle
import re
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

passed = 0
failures: list[str] = []
# The pairs [asked tag, chosen locale or None (none: the default locale)] of
# locale-choice.json's table for the catalog's locales.
chosen: list[list[str | None]] = []
# Per catalog locale, the locales whose text it shows, in turn: its own, its
# fallbacks', then the default locale's text: its own, its fallbacks', else
# (`missing-translation` lowered) the first the message has in catalog order.
chains: dict[str, list[str]] = {}


def shown(message: dict[str, str], locale: str) -> str:
    """The text `locale` shows of `message` (see `chains`)."""
    return next(message[l] for l in chains[locale] if l in message)


# Unicode's White_Space, which errcat trims a line of a doc of (str.strip() would
# also take the separators U+001C to U+001F).
WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"


def doc_text(*labelled: str) -> str:
    """What a docstring of texts (each with its label) holds: each text a paragraph of
    its lines, split at every line break, trimmed, a tab a space, no empty line around."""
    paragraphs = []
    for text in labelled:
        lines = [l.strip(WHITE_SPACE).replace("\t", " ") for l in re.split("\r\n|[\n\r\x85\u2028\u2029]", text)]
        while lines and not lines[0]:
            lines.pop(0)
        while lines and not lines[-1]:
            lines.pop()
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def docstrings(module: Any, class_name: str) -> dict[str, object]:
    """The docstring after each assignment in the class `class_name` of `module`'s source."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    body = next(n.body for n in tree.body if isinstance(n, ast.ClassDef) and n.name == class_name)
    return {
        target.id: after.value.value
        for statement, after in zip(body, body[1:])
        if isinstance(statement, ast.Assign) and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
        for target in statement.targets
        if isinstance(target, ast.Name)
    }


# A message of its own with what JSON escapes (a quote, a backslash, a newline, U+0001)
# and a letter it does not (é), and its JSON string as written by hand.
OWN_MESSAGE = 'say "hi" \\ to\nthe\x01 café'
OWN_MESSAGE_JSON = r'"say \"hi\" \\ to\nthe\u0001 café"'


def json_string(s: str) -> str:
    """`s` as JSON.stringify writes it: `"` and `\\` escaped, control characters as
    `\\b \\f \\n \\r \\t` or `\\u00xx`, everything else (non-ASCII too) as it is."""
    short = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return '"' + "".join(short.get(ch) or (f"\\u{ord(ch):04x}" if ord(ch) < 0x20 else ch) for ch in s) + '"'


def error_json(nid: str, code: int, name: str, message_json: str) -> str:
    """The JSON text of an error's dict, built by hand."""
    return f'{{"namespace":{json_string(nid)},"code":{code},"name":{json_string(name)},"message":{message_json}}}'


def dumped(d: object) -> str:
    """`d` as json.dumps writes it with the options to_dict's docstring names."""
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def legacy_variant(tag: str) -> str | None:
    """`tag` with the withdrawn code of its language (`iw` for `he`), if it has one."""
    language, _, rest = tag.partition("-")
    withdrawn = {"he": "iw", "id": "in", "yi": "ji"}.get(language)
    if withdrawn is None:
        return None
    return f"{withdrawn}-{rest}" if rest else withdrawn


def check(namespace: str, code: object, field: str, expected: object, actual: object) -> bool:
    """One counted check: `actual` must equal `expected` (and have its type)."""
    global passed
    if type(actual) is type(expected) and actual == expected:
        passed += 1
        return True
    line = f"FAIL {namespace} {code if code is not None else '-'} {field}: expected {expected!r}, actual {actual!r}"
    failures.append(line)
    print(line)
    return False


def attempt(namespace: str, code: object, field: str, f: Callable[[], Any]) -> Any:
    """Runs `f`; an exception is a failed check of `field`."""
    try:
        return f()
    except Exception as e:  # noqa: BLE001 - any exception is a finding
        check(namespace, code, field, "no exception", f"raised {e!r}")
        return None


def main() -> int:
    if len(sys.argv) != 3:
        print("usage: conformance.py PACKAGE_PARENT_DIR CATALOG_JSON", file=sys.stderr)
        return 2
    parent, catalog_path = Path(sys.argv[1]), Path(sys.argv[2])
    packages = sorted(p.name for p in parent.iterdir() if (p / "__init__.py").is_file())
    if len(packages) != 1:
        print(f"expected one package in {parent}, found {packages}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(parent))
    gen = importlib.import_module(packages[0])
    catalog = json.loads(catalog_path.read_text(encoding="utf-8"))
    locales: list[str] = catalog["locales"]
    default = catalog["default_locale"]
    fallbacks: dict[str, list[str]] = catalog["fallbacks"]
    for locale in locales:
        chains[locale] = [locale, *fallbacks[locale], default, *fallbacks[default], *locales]

    check("-", None, "LOCALES", tuple(locales), gen.LOCALES)
    check("-", None, "DEFAULT_LOCALE", default, gen.DEFAULT_LOCALE)
    check("-", None, "namespaces", sorted(n["id"] for n in catalog["namespaces"]), sorted(gen.NAMESPACES))
    check("-", None, "lookup (unknown namespace)", None, attempt("-", None, "lookup", lambda: gen.lookup("no.such.namespace", 0)))
    tables = json.loads((Path(__file__).parent.parent / "locale-choice.json").read_text(encoding="utf-8"))
    chosen.extend(next((t["chosen"] for t in tables["catalogs"] if t["locales"] == locales), []))
    check("-", None, f"a table of locale-choice.json for {locales}", True, bool(chosen))
    for asked, want in chosen:
        index = attempt("-", None, "locale_index", lambda: gen.locale_index(asked))
        check("-", None, f"locale_index({asked!r})", want or default, locales[index] if isinstance(index, int) else index)

    for ns in catalog["namespaces"]:
        nid = ns["id"]
        found = gen.NAMESPACES.get(nid)
        if not check(nid, None, "registry entry", True, found is not None):
            continue
        codes = found.codes
        module = sys.modules[codes.__module__]
        check(nid, None, "id", nid, found.id)
        check(nid, None, "NAMESPACE_ID", nid, module.NAMESPACE_ID)
        check(nid, None, "Code subclass", True, issubclass(codes, gen.Code))
        check(nid, None, "exported from the package", codes, getattr(gen, codes.__name__, None))
        check(nid, None, "entry count", len(ns["entries"]), attempt(nid, None, "all", lambda: len(found.all)))
        check(nid, None, "member count", len(ns["entries"]), len(codes))
        description = [shown(ns["description"], default)] if ns["description"] else []
        check(nid, None, "module docstring", doc_text(shown(ns["title"], default), *description), module.__doc__)
        in_source = docstrings(module, codes.__name__)
        for e in ns["entries"]:
            check_entry(gen, nid, found, module, e, locales, default)
            labelled = [shown(e["message"], default)]
            # A description that repeats the message is not said twice.
            labelled += [
                label + shown(e[field], default)
                for label, field in [("", "description"), ("Cause: ", "cause"), ("Solution: ", "solution")]
                if e[field] and shown(e[field], default) != (labelled[0] if field == "description" else None)
            ]
            if e["deprecated"]:
                labelled.append("Deprecated: " + e["deprecated"]["reason"])
            doc = doc_text(*labelled)
            check(nid, e["code"], "docstring in the source", doc, in_source.get(e["name"]))
            member = attempt(nid, e["code"], "member by name", lambda: codes[e["name"]])
            check(nid, e["code"], "member.__doc__", doc, getattr(member, "__doc__", None))
        present = {e["code"] for e in ns["entries"]}
        probes = [max(present) + 1, min(present) - 1] if present else [0]
        for absent in (p for p in probes if p not in present):
            for field, f in [
                ("lookup", lambda: gen.lookup(nid, absent)),
                ("from_code", lambda: found.from_code(absent)),
                ("message", lambda: found.message(absent)),
                ("module lookup", lambda: module.lookup(absent)),
            ]:
                check(nid, absent, f"{field} (absent code)", None, attempt(nid, absent, field, f))
            try:
                codes(absent)
                check(nid, absent, "Code(absent)", "ValueError", "no exception")
            except ValueError as e:
                # What every language says of a code its namespace lacks.
                check(nid, absent, "Code(absent)", f"code {absent} is not defined in namespace {nid}", str(e))

    print(f"conformance: {passed} passed, {len(failures)} failed")
    return 1 if failures else 0


def check_entry(gen: Any, nid: str, found: Any, module: Any, e: dict[str, Any], locales: list[str], default: str) -> None:
    code = e["code"]

    def c(field: str, expected: object, actual: object) -> bool:
        return check(nid, code, field, expected, actual)

    def run(field: str, f: Callable[[], Any]) -> Any:
        return attempt(nid, code, field, f)

    info = run("lookup", lambda: gen.lookup(nid, code))
    if not c("lookup (found)", True, info is not None):
        return
    c("name", e["name"], info.name)
    c("code", code, info.code)
    c("namespace", nid, info.namespace)
    c("module lookup", info, run("module lookup", lambda: module.lookup(code)))
    member = run("member by name", lambda: found.codes[e["name"]])
    if c("member by name (found)", True, member is not None):
        c("member value", code, int(member))
        c("member is an int", True, isinstance(member, int))
        # As an int prints, on every Python: 3.10's IntEnum printed `Cls.NAME`.
        c("str(member), f-string, %s", [str(code)] * 3, [str(member), f"{member}", "%s" % member])
        c("member by value", member, run("member by value", lambda: found.codes(code)))
        c("from_code", member, run("from_code", lambda: found.from_code(code)))
        c("member.info", info, run("member.info", lambda: member.info))
        c("member.http_status", e["http"], run("member.http_status", lambda: member.http_status))
        c("member.retryable", e["retryable"], run("member.retryable", lambda: member.retryable))
        c("member.doc_url", e["doc_url"], run("member.doc_url", lambda: member.doc_url))
        deprecated = e["deprecated"]["reason"] if e["deprecated"] else None
        c("member.deprecated", deprecated, run("member.deprecated", lambda: member.deprecated))
    fallback = shown(e["message"], default)
    for i, locale in enumerate(locales):
        expected = shown(e["message"], locale)
        c(f"info.messages[{i}] ({locale})", expected, info.messages[i] if i < len(info.messages) else None)
        c(f"info.message({locale})", expected, run("info.message", lambda: info.message(locale)))
        c(f"message({locale})", expected, run("message", lambda: found.message(code, locale)))
        c(f"module message({locale})", expected, run("module message", lambda: module.message(code, locale)))
        # Tags match in any case, with `_` for `-`.
        variant = locale.upper().replace("-", "_")
        c(f"message({variant})", expected, run("message", lambda: found.message(code, variant)))
        # The withdrawn code of its language (older Android reports `iw` for Hebrew)
        # finds the locale, as its language does.
        legacy = legacy_variant(locale)
        if legacy is not None:
            c(f"message({legacy})", expected, run("message", lambda: found.message(code, legacy)))
        # A Kelvin sign lowers to `k` in Unicode but is no ASCII letter: no locale.
        if "k" in locale.split("-")[0]:
            kelvin = locale.replace("k", "\u212a")
            c(f"message({kelvin!a})", fallback, run("message", lambda: found.message(code, kelvin)))
        if member is not None:
            c(f"member.message({locale})", expected, run("member.message", lambda: member.message(locale)))
    for asked, want in chosen:
        text = fallback if want is None else shown(e["message"], want)
        c(f"message({asked!r})", text, run("message", lambda: found.message(code, asked)))
    c("message (no locale)", fallback, run("message", lambda: found.message(code)))
    # No catalog locale is "x-none" (a language subtag has 2 or 3 letters).
    c("message (unknown locale)", fallback, run("message", lambda: found.message(code, "x-none")))
    c("http", e["http"], info.http)
    c("retryable", e["retryable"], info.retryable)
    c("doc_url", e["doc_url"], info.doc_url)
    c("deprecated", e["deprecated"]["reason"] if e["deprecated"] else None, info.deprecated)
    if member is not None:
        err = run("error", lambda: member.error())
        if err is not None:
            c("error (ErrcatError)", True, isinstance(err, gen.ErrcatError) and isinstance(err, Exception))
            c("error (namespace, code, name, str)", (nid, code, e["name"], fallback), (err.namespace, err.code, err.name, str(err)))
            # The JSON shape of every language's error, its members in this order.
            d = run("to_dict", lambda: err.to_dict())
            want = {"namespace": nid, "code": code, "name": e["name"], "message": fallback}
            c("error to_dict()", want, d)
            c("error to_dict() items in order", list(want.items()), list(d.items()) if isinstance(d, dict) else d)
            c("error to_dict() code is an int", int, type(d.get("code")) if isinstance(d, dict) else d)
            c("error to_dict() JSON", error_json(nid, code, e["name"], json_string(fallback)), run("json.dumps", lambda: dumped(d)))
        for locale in locales:
            err = run("error", lambda: member.error(locale))
            c(f"error({locale}) str", shown(e["message"], locale), str(err))
            c(f"error({locale}) to_dict() message", shown(e["message"], locale), run("to_dict", lambda: err.to_dict()["message"]))
        err = run("error", lambda: member.error(message="formatted"))
        c("error(message=) str", "formatted", str(err))
        c("error repr", f"<ErrcatError {e['name']} ({nid}/{code}): 'formatted'>", repr(err))
        # A traceback names the code under the message (notes print from 3.11 on).
        if sys.version_info >= (3, 11):
            shown_tb = "".join(traceback.format_exception(err)).splitlines()[-2:]
            c("error traceback", [f"{err.__module__}.ErrcatError: formatted", f"{e['name']} ({nid}/{code})"], shown_tb)
        # A process pool pickles a worker's exception; copy reduces it the same way.
        for how, again in (("pickle", lambda: pickle.loads(pickle.dumps(err))), ("copy", lambda: copy.copy(err))):
            back = run(how, again)
            c(f"error {how} round trip", (type(err), err.info, err.namespace, err.code, err.name, "formatted", getattr(err, "__notes__", None)),
              (type(back), getattr(back, "info", None), getattr(back, "namespace", None), getattr(back, "code", None),
               getattr(back, "name", None), str(back), getattr(back, "__notes__", None)))
        err = run("error", lambda: member.error(message=OWN_MESSAGE))
        d = run("to_dict", lambda: err.to_dict())
        c("error(message=own) to_dict() message", OWN_MESSAGE, d.get("message") if isinstance(d, dict) else d)
        c("error(message=own) to_dict() JSON", error_json(nid, code, e["name"], OWN_MESSAGE_JSON), run("json.dumps", lambda: dumped(d)))
        err = run("ErrcatError", lambda: gen.ErrcatError(info, message="formatted"))
        c("ErrcatError(info, message=) str", "formatted", str(err))
        # A message left out (None) is the code's, as in every language; "" is a message.
        c("error(message=None) str", fallback, str(run("error", lambda: member.error(message=None))))
        c("error(message='') str", "", str(run("error", lambda: member.error(message=""))))
    check_formatter(module, e, locales, fallback, c, run)


def squash(name: str) -> str:
    return name.replace("_", "").lower()


def check_formatter(
    module: Any,
    e: dict[str, Any],
    locales: list[str],
    fallback: str,
    c: Callable[[str, object, object], bool],
    run: Callable[[str, Callable[[], Any]], Any],
) -> None:
    """The formatter of `e` (`format_<name>`, matched ignoring case and underscores),
    called in every locale with a distinct value per placeholder: keyword-only
    parameters typed `str | int` (an id may come as a number, as TypeScript takes
    one), one per placeholder in order, then `locale`."""
    wanted = squash("format_" + e["name"])
    found = [n for n in vars(module) if squash(n) == wanted and callable(getattr(module, n))]
    if not e["params"]:
        c("formatter (none without params)", [], found)
        return
    if not c("formatter (found)", 1, len(found)):
        return
    name = found[0]
    f = getattr(module, name)
    params = list(inspect.signature(f).parameters.values())
    shape = [(p.kind, p.annotation, p.default) for p in params]
    keyword = inspect.Parameter.KEYWORD_ONLY
    expected_shape = [(keyword, "str | int", inspect.Parameter.empty)] * len(e["params"])
    expected_shape.append((keyword, "str | None", None))
    # The module may postpone annotations (strings) or not (types): compare their text.
    shape = [(k, a if isinstance(a, str) else inspect.formatannotation(a), d) for k, a, d in shape]
    if not c(f"{name} signature (kind, annotation, default)", expected_shape, shape):
        return
    c(f"{name} last parameter", "locale", params[-1].name)
    values = {p: f"<{i}:{p}>" for i, p in enumerate(e["params"])}
    kwargs = {param.name: values[p] for param, p in zip(params, e["params"])}
    for locale in [*locales, "x-none"]:
        text = shown(e["message"], locale) if locale in chains else fallback
        c(f"{name}({locale})", substitute(text, values), run(name, lambda: f(**kwargs, locale=locale)))
    c(f"{name}(no locale)", substitute(fallback, values), run(name, lambda: f(**kwargs)))
    numbers = {param.name: 4711 + i for i, param in enumerate(params[:-1])}
    as_text = {p: str(4711 + i) for i, p in enumerate(e["params"])}
    c(f"{name}(numbers)", substitute(fallback, as_text), run(name, lambda: f(**numbers)))
    # None (which mypy refuses, but a caller without it may pass) shows its placeholder as
    # written, as a value left out does in every language; "" is a value.
    for locale in locales:
        text = shown(e["message"], locale)
        nones = {param.name: None for param in params[:-1]}
        c(f"{name}({locale}, None values)", text, run(name, lambda: f(**nones, locale=locale)))
        empty = {param.name: "" for param in params[:-1]}
        c(f"{name}({locale}, empty values)", substitute(text, dict.fromkeys(e["params"], "")), run(name, lambda: f(**empty, locale=locale)))


def substitute(s: str, values: dict[str, str]) -> str:
    """`s` with each placeholder (`{name}`: a lower_snake name in single braces, not
    inside `{{ }}`, one of `values`) replaced by its value; other braces are text."""
    out = []
    i = 0
    while i < len(s):
        if s[i] == "{" and (i == 0 or s[i - 1] != "{") and s[i + 1 : i + 2] != "{":
            j = i + 1
            while j < len(s) and (s[j].islower() and s[j].isascii() or s[j].isdigit() and s[j].isascii() or s[j] == "_"):
                j += 1
            name = s[i + 1 : j]
            closes = s[j : j + 1] == "}" and s[j + 1 : j + 2] != "}"
            if closes and name[:1].isascii() and name[:1].islower() and name in values:
                out.append(values[name])
                i = j + 1
                continue
        out.append(s[i])
        i += 1
    return "".join(out)


if __name__ == "__main__":
    sys.exit(main())
