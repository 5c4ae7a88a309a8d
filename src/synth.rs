//! A synthetic catalog in the real format, for benchmarks and scale tests.
//!
//! [`files`] returns every file of a project directory: `schema/catalog.yaml`
//! (all five targets, `root: ..`), one namespace file per [`PER_FILE`] codes
//! with both locales, descriptions, some placeholders and deprecated codes, and
//! `proto/*.proto` with the same codes as proto enums (for `protoc --java_out`
//! side by side). The templates are not included: copy the project's
//! `templates/` next to `schema/`. The same size always gives the same bytes.

use std::fmt::Write as _;
use std::path::PathBuf;

/// Codes per namespace file, as in a real catalog split by component.
pub const PER_FILE: usize = 1000;

/// The catalog file, relative to the project directory.
pub const CATALOG: &str = "schema/catalog.yaml";

/// The first line of a synthetic `catalog.yaml`: marks a directory `synth` may overwrite.
pub const CATALOG_HEADER: &str = "# Synthetic catalog written by `cargo xtask synth`";

/// (English, Chinese) subjects and conditions that messages and names are built from.
const SUBJECTS: &[(&str, &str, &str)] = &[
    ("ROOM", "room", "房间"),
    ("USER", "user", "用户"),
    ("SESSION", "session", "会话"),
    ("TOKEN", "token", "令牌"),
    ("DEVICE", "device", "设备"),
    ("STREAM", "stream", "流"),
    ("FILE", "file", "文件"),
    ("CHANNEL", "channel", "频道"),
    ("MESSAGE", "message", "消息"),
    ("ACCOUNT", "account", "账号"),
    ("PAYMENT", "payment", "支付"),
    ("ORDER", "order", "订单"),
    ("COURSE", "course", "课程"),
    ("RECORDING", "recording", "录制"),
    ("QUOTA", "quota", "配额"),
    ("CERTIFICATE", "certificate", "证书"),
];

/// (name part, English, Chinese, HTTP status, retryable)
const CONDITIONS: &[(&str, &str, &str, u16, bool)] = &[
    ("NOT_FOUND", "does not exist", "不存在", 404, false),
    ("EXPIRED", "has expired", "已过期", 401, false),
    ("LOCKED", "is locked", "已被锁定", 423, false),
    ("NOT_READY", "is not ready yet", "尚未就绪", 409, true),
    ("REJECTED", "was rejected", "被拒绝", 403, false),
    ("TOO_LARGE", "is too large", "过大", 413, false),
    ("TIMEOUT", "did not respond in time", "响应超时", 504, true),
    ("INVALID", "is invalid", "无效", 400, false),
    ("EXISTS", "already exists", "已存在", 409, false),
    ("BUSY", "is busy", "正忙", 503, true),
    ("LIMIT", "exceeds its limit", "超出限制", 429, true),
    (
        "UNAVAILABLE",
        "is temporarily unavailable",
        "暂时不可用",
        503,
        true,
    ),
];

/// (English, Chinese) situations, so that messages differ.
const CONTEXTS: &[(&str, &str)] = &[
    ("while joining", "加入时"),
    ("during upload", "上传时"),
    ("at sign-in", "登录时"),
    ("during payment", "支付时"),
    ("while streaming", "推流时"),
    ("during sync", "同步时"),
    ("at checkout", "结算时"),
    ("while recording", "录制时"),
];

/// One synthetic entry: everything both the YAML and the proto need.
struct Entry {
    /// Position in the namespace.
    index: usize,
    code: i64,
    name: String,
    en: String,
    zh: String,
    params: &'static [&'static str],
    subject: usize,
    condition: usize,
    /// The name of the entry that replaces this deprecated one.
    replaced_by: Option<String>,
}

fn namespace_id(i: usize) -> String {
    format!("synth.ns{i:03}")
}

fn entries(ns: usize, count: usize, per_file: usize) -> Vec<Entry> {
    // Codes of different namespaces never overlap; every tenth namespace uses negative codes.
    let stride = (per_file as i64 * 10).max(10_000);
    let base = (ns as i64 + 1) * stride;
    let sign = if ns % 10 == 9 { -1 } else { 1 };
    // Subject, condition, context and region follow from the position, so every
    // message of a namespace differs (a real catalog's do; errcat warns otherwise).
    let pick = |j: usize| {
        let s = j % SUBJECTS.len();
        let c = (j / SUBJECTS.len()) % CONDITIONS.len();
        let rest = j / (SUBJECTS.len() * CONDITIONS.len());
        (s, c, rest % CONTEXTS.len(), rest / CONTEXTS.len())
    };
    let name = |j: usize| {
        let (s, c, _, _) = pick(j);
        format!("{}_{}_{j:04}", SUBJECTS[s].0, CONDITIONS[c].0)
    };
    (0..count)
        .map(|j| {
            let (s, c, x, region) = pick(j);
            let n = name(j);
            let (_, subject_en, subject_zh) = SUBJECTS[s];
            let (_, cond_en, cond_zh, _, _) = CONDITIONS[c];
            let (mut ctx_en, mut ctx_zh) = (CONTEXTS[x].0.to_string(), CONTEXTS[x].1.to_string());
            if region > 0 {
                ctx_en = format!("{ctx_en} in region {region}");
                ctx_zh = format!("区域 {region} {ctx_zh}");
            }
            let params: &'static [&'static str] = match j % 50 {
                7 => &["id"],
                31 => &["id", "seconds"],
                _ => &[],
            };
            let (en, zh) = match params {
                [_] => (
                    format!("The {subject_en} {{id}} {cond_en} {ctx_en}"),
                    format!("{ctx_zh}{subject_zh} {{id}} {cond_zh}"),
                ),
                [_, _] => (
                    format!("The {subject_en} {{id}} {cond_en} {ctx_en}; retry in {{seconds}} s"),
                    format!("{ctx_zh}{subject_zh} {{id}} {cond_zh}，请在 {{seconds}} 秒后重试"),
                ),
                _ => (
                    format!("The {subject_en} {cond_en} {ctx_en}"),
                    format!("{ctx_zh}{subject_zh}{cond_zh}"),
                ),
            };
            // One code in 250 is deprecated in favour of the code before it.
            let replaced_by = (j % 250 == 249).then(|| name(j - 1));
            Entry {
                index: j,
                code: sign * (base + 3 * j as i64),
                name: n,
                en,
                zh,
                params,
                subject: s,
                condition: c,
                replaced_by,
            }
        })
        .collect()
}

/// YAML double-quoted string (the generated texts hold no `"` or `\`, but `{` and `:` need quoting).
fn q(s: &str) -> String {
    format!("\"{s}\"")
}

fn namespace_yaml(ns: usize, entries: &[Entry]) -> String {
    let mut y = String::with_capacity(entries.len() * 700);
    let _ = write!(
        y,
        "# Synthetic namespace written by `cargo xtask synth`.\n\
         namespace: {id}\n\
         title:\n  en: Synthetic namespace {ns:03}\n  zh-CN: 合成命名空间 {ns:03}\n\
         description:\n  en: Codes of synthetic component {ns:03}, for benchmarks.\n  zh-CN: 合成组件 {ns:03} 的错误码，用于基准测试。\n\
         defaults:\n  severity: error\n\
         entries:\n",
        id = namespace_id(ns)
    );
    for e in entries {
        let (_, subject_en, subject_zh) = SUBJECTS[e.subject];
        let (_, cond_en, cond_zh, http, retryable) = CONDITIONS[e.condition];
        let _ = write!(
            y,
            "  - code: {}\n    name: {}\n    message:\n      en: {}\n      zh-CN: {}\n",
            e.code,
            e.name,
            q(&e.en),
            q(&e.zh)
        );
        // A quarter of the codes are documented; an eighth also say what to do.
        if e.index % 4 == 0 {
            let _ = write!(
                y,
                "    description:\n      en: Returned when the {subject_en} {cond_en} while the request is handled.\n      zh-CN: 处理请求时{subject_zh}{cond_zh}。\n"
            );
        }
        if e.index % 8 == 0 {
            let _ = write!(
                y,
                "    solution:\n      en: Check the {subject_en} and send the request again.\n      zh-CN: 请检查{subject_zh}后重新发送请求。\n"
            );
        }
        let _ = writeln!(y, "    http: {http}");
        if retryable {
            y.push_str("    retryable: true\n");
        }
        if !e.params.is_empty() {
            let _ = writeln!(y, "    params: [{}]", e.params.join(", "));
        }
        if let Some(r) = &e.replaced_by {
            let _ = write!(
                y,
                "    deprecated:\n      reason: Merged into {r}.\n      replaced_by: {r}\n"
            );
        }
    }
    y
}

/// The same codes as a proto2 enum (proto2 keeps the codes as they are: no zero value needed).
fn namespace_proto(ns: usize, entries: &[Entry]) -> String {
    let ty = format!("SynthNs{ns:03}");
    let mut p = String::with_capacity(entries.len() * 80);
    let _ = write!(
        p,
        "// Synthetic namespace written by `cargo xtask synth`: the codes of {id} as a proto enum.\n\
         syntax = \"proto2\";\n\n\
         package errcat.synth.ns{ns:03};\n\n\
         option java_package = \"dev.errcat.synth.proto\";\n\
         option java_multiple_files = true;\n\
         option java_outer_classname = \"{ty}Proto\";\n\n\
         // Synthetic namespace {ns:03}\n\
         enum {ty} {{\n",
        id = namespace_id(ns)
    );
    for e in entries {
        let deprecated = if e.replaced_by.is_some() {
            " [deprecated = true]"
        } else {
            ""
        };
        let _ = writeln!(p, "  // {}\n  {} = {}{deprecated};", e.en, e.name, e.code);
    }
    p.push_str("}\n");
    p
}

/// The Java package is the one the conformance harness imports (`cargo xtask
/// conformance large-namespace` runs it on a synthetic namespace).
fn catalog_yaml() -> String {
    let body = "catalog: errcat-synth\n\
     format: 1\n\
     version: 1.0.0\n\
     root: ..\n\
     locales: [en, zh-CN]\n\
     default_locale: en\n\
     docs:\n  base_url: https://errcat.dev/codes/\n\
     namespaces:\n  - synth/*.yaml\n\
     targets:\n\
     \x20 - id: rust\n    templates: rust\n    out: generated/rust\n    options:\n      crate_name: errcat-synth-codes\n\
     \x20 - id: java\n    templates: java\n    out: generated/java\n    options:\n      package: dev.errcat.codes\n\
     \x20 - id: typescript\n    templates: typescript\n    out: generated/typescript\n    options:\n      package_name: \"@errcat/synth\"\n\
     \x20 - id: docs\n    templates: markdown\n    out: generated/docs\n\
     \x20 - id: json\n    templates: json\n    out: generated/json\n";
    format!("{CATALOG_HEADER}; templates/ is a copy of errcat's.\n{body}")
}

/// Every file of a synthetic project of `codes` codes in namespace files of
/// `per_file` codes (the last one may hold fewer), relative to the project directory.
pub fn files(codes: usize, per_file: usize) -> Vec<(PathBuf, String)> {
    let per_file = per_file.max(1);
    let mut out = vec![(PathBuf::from(CATALOG), catalog_yaml())];
    let mut ns = 0;
    let mut left = codes;
    while left > 0 {
        let n = left.min(per_file);
        let entries = entries(ns, n, per_file);
        out.push((
            PathBuf::from(format!("schema/synth/ns{ns:03}.yaml")),
            namespace_yaml(ns, &entries),
        ));
        out.push((
            PathBuf::from(format!("proto/synth_ns{ns:03}.proto")),
            namespace_proto(ns, &entries),
        ));
        left -= n;
        ns += 1;
    }
    out
}

/// A catalog without targets whose one namespace holds `codes` codes split across
/// files of `per_file` codes: the files are checked one by one, then across each
/// other, and that second check must not grow with the square of the files.
pub fn split_namespace_files(codes: usize, per_file: usize) -> Vec<(PathBuf, String)> {
    let per_file = per_file.max(1);
    let catalog = catalog_yaml();
    let (head, _targets) = catalog
        .split_once("targets:\n")
        .unwrap_or((catalog.as_str(), ""));
    let mut out = vec![(PathBuf::from(CATALOG), format!("{head}targets: []\n"))];
    let all = entries(0, codes, codes);
    for (i, chunk) in all.chunks(per_file).enumerate() {
        out.push((
            PathBuf::from(format!("schema/synth/part{i:04}.yaml")),
            namespace_yaml(0, chunk),
        ));
    }
    out
}

/// A catalog whose target options hold a "billion laughs" alias bomb: `levels`
/// anchors, each a list of nine aliases of the one before (9^levels strings once expanded).
pub fn alias_bomb_catalog(levels: usize) -> String {
    let mut y = format!("{CATALOG_HEADER}: an alias bomb the loader must refuse.\n");
    y.push_str("catalog: alias-bomb\nformat: 1\nlocales: [en]\ndefault_locale: en\nnamespaces: []\ntargets:\n");
    y.push_str("  - id: json\n    templates: json\n    out: out\n    options:\n");
    y.push_str("      l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..=levels {
        let prev = format!("*l{}", i - 1);
        let _ = writeln!(y, "      l{i}: &l{i} [{}]", vec![prev; 9].join(", "));
    }
    y
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_split_into_files_of_per_file_codes() {
        let f = files(2500, PER_FILE);
        let yaml: Vec<_> = f
            .iter()
            .filter(|(p, _)| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        // catalog.yaml + three namespace files (1000, 1000, 500).
        assert_eq!(yaml.len(), 4);
        let codes = |t: &str| t.matches("\n  - code: ").count();
        assert_eq!(codes(&yaml[3].1), 500);
        assert_eq!(f, files(2500, PER_FILE));
    }

    #[test]
    fn a_split_namespace_is_one_namespace_in_many_files() {
        let f = split_namespace_files(250, 100);
        assert_eq!(f.len(), 4);
        assert!(f[0].1.ends_with("targets: []\n"), "{}", f[0].1);
        for (_, text) in &f[1..] {
            assert!(text.contains("namespace: synth.ns000\n"), "{text}");
        }
        let codes = |t: &str| t.matches("\n  - code: ").count();
        assert_eq!(codes(&f[3].1), 50);
    }

    #[test]
    fn codes_never_overlap_between_namespaces() {
        let mut all: Vec<i64> = (0..12)
            .flat_map(|ns| entries(ns, PER_FILE, PER_FILE))
            .map(|e| e.code)
            .collect();
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n);
    }
}
