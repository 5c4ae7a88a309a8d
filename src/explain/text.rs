//! Explain's answer as a person reads it.

use std::fmt::Write as _;

use super::{Definition, Explanation, LocalizedText};

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

/// Where a text starts: after the indent, the label and the locale.
const TEXT_AT: usize = 4 + 8 + 1 + 6 + 1;

/// Prose is wrapped to this width: a paragraph of cause stays beside its label in a
/// terminal of 80 columns rather than wrapping back to the first column.
const WIDTH: usize = 80;

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
        // A message stays one line, as a log shows it (and a search finds it).
        write_texts(out, "message", &d.message, false);
        // A description that only repeats the message (as imported tables often
        // have it) tells nothing more.
        let description: Vec<LocalizedText> = d
            .description
            .iter()
            .flatten()
            .filter(|t| {
                !d.message
                    .iter()
                    .any(|m| m.locale == t.locale && m.text == t.text)
            })
            .cloned()
            .collect();
        for (label, texts) in [
            ("desc", Some(&description)),
            ("cause", d.cause.as_ref()),
            ("solution", d.solution.as_ref()),
        ] {
            write_texts(out, label, texts.map_or(&[], Vec::as_slice), true);
        }
        // Most codes are errors: only another severity is news.
        if d.severity != crate::model::Severity::Error {
            let _ = writeln!(out, "    severity {}", d.severity.as_str());
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

/// A text in each of its locales: the label on the first line, each locale beside
/// its text, and the text's further lines (its own line breaks, and `wrap`ped ones)
/// indented under it.
fn write_texts(out: &mut String, label: &str, texts: &[LocalizedText], wrap: bool) {
    let indent = format!("\n{:TEXT_AT$}", "");
    for (i, m) in texts.iter().enumerate() {
        let label = if i == 0 { label } else { "" };
        let lines: Vec<String> = match wrap {
            true => wrapped(&m.text, WIDTH - TEXT_AT),
            false => m.text.lines().map(str::to_owned).collect(),
        };
        let _ = writeln!(
            out,
            "    {label:<8} {:<6} {}",
            m.locale,
            lines.join(&indent)
        );
    }
}

/// `text` in lines of at most `width` columns (a wide character takes two), broken
/// between words, or anywhere in a word longer than a line (a sentence of Chinese);
/// its own line breaks kept.
fn wrapped(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr as _;
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let gap = usize::from(!line.is_empty());
            if line.width() + gap + word.width() <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for c in word.chars() {
                if line.width() + c.to_string().width() > width {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrapped;

    #[test]
    fn prose_wraps_between_words_and_inside_wide_ones() {
        assert_eq!(
            wrapped("Check whether a network problem occurred.", 16),
            ["Check whether a", "network problem", "occurred."]
        );
        // Chinese has no spaces: two columns a character.
        assert_eq!(wrapped("检查网络是否正常", 6), ["检查网", "络是否", "正常"]);
        assert_eq!(wrapped("one\ntwo", 80), ["one", "two"]);
    }
}
