//! Explain's answer as a person reads it.

use std::fmt::Write as _;

use super::{Definition, Explanation};

impl Explanation {
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let n = self.definitions.len();
        let q = &self.query;
        match (n, &self.not_found) {
            (0, Some(why)) => {
                let _ = writeln!(out, "{why}");
            }
            (_, _) if q.starts_with('"') => {
                let how = match self.words_in_message {
                    true => "is in the message of",
                    false => "matches",
                };
                let _ = writeln!(out, "{q} {how} {}:", crate::console::count(n, "code"));
            }
            (_, _) if q.contains('/') => {
                let _ = writeln!(out, "{q}:");
            }
            _ => {
                let _ = writeln!(
                    out,
                    "{q} is defined in {}:",
                    crate::console::count(n, "namespace")
                );
            }
        }
        write_definitions(&mut out, &self.definitions);
        if let Some(first) = self.opposite_sign.first() {
            // Only a negative code loses its sign on the way to the query.
            let how = if first.code < 0 {
                "drops the sign"
            } else {
                "negates codes"
            };
            let _ = writeln!(
                out,
                "\nWith the other sign, {} (a log or UI that {how} shows it as {}):",
                first.code, -first.code
            );
            write_definitions(&mut out, &self.opposite_sign);
        }
        if !self.retired.is_empty() {
            let _ = writeln!(out, "\nRetired (never to be reused):\n");
            for r in &self.retired {
                let name = r
                    .name
                    .as_deref()
                    .map(|n| format!("  {n}"))
                    .unwrap_or_default();
                let _ = writeln!(out, "  {}  {}{name}  {}", r.namespace, r.code, r.reason);
                if let Some(u) = &r.doc_url {
                    let _ = writeln!(out, "    docs     {u}");
                }
            }
        }
        if !self.weaker_matches.is_empty() {
            let _ = writeln!(
                out,
                "\nLess closely, it also matches {}.",
                super::near::listed(&self.weaker_matches, 8)
            );
        }
        if !self.did_you_mean.is_empty() {
            let _ = writeln!(out, "\ndid you mean {}?", self.did_you_mean.join(" or "));
        }
        out
    }
}

fn write_definitions(out: &mut String, definitions: &[Definition]) {
    for d in definitions {
        let _ = writeln!(
            out,
            "\n  {}  {}  {}  ({}:{})",
            d.namespace, d.code, d.name, d.file, d.line
        );
        if let Some(t) = &d.title {
            let _ = writeln!(out, "    title    {t}");
        }
        for (i, m) in d.message.iter().enumerate() {
            let label = if i == 0 { "message" } else { "" };
            let text = m.text.replace('\n', "\n                    ");
            let _ = writeln!(out, "    {label:<8} {:<6} {text}", m.locale);
        }
        if let Some(h) = d.http {
            let _ = writeln!(out, "    http     {h}");
        }
        if d.retryable {
            let _ = writeln!(out, "    retry    yes");
        }
        if let Some(r) = &d.deprecated {
            let _ = writeln!(out, "    deprecated  {r}");
        }
        if let Some(by) = &d.replaced_by {
            let _ = writeln!(out, "    use      {by}");
        }
        if let Some(u) = &d.doc_url {
            let _ = writeln!(out, "    docs     {u}");
        }
    }
}
