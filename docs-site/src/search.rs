//! The site's search index as the browser reads it (`searchindex-<hash>.js`),
//! queried the way mdBook's searcher does: elasticlunr's tokenizer and English
//! pipeline on the query, then the inverted index of a field.

use std::collections::BTreeSet;
use std::path::Path;

use elasticlunr::Language as _;
use elasticlunr::lang::English;
use serde_json::Value;

pub struct SearchIndex {
    /// Section URL per document, relative to the site root.
    urls: Vec<String>,
    index: Value,
}

impl SearchIndex {
    pub fn load(site: &Path) -> Result<SearchIndex, String> {
        let entries = std::fs::read_dir(site).map_err(|e| format!("{}: {e}", site.display()))?;
        let file = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("searchindex") && n.ends_with(".js"))
            })
            .ok_or_else(|| format!("no searchindex*.js in {}", site.display()))?;
        let js = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let json =
            unquote_js(&js).ok_or_else(|| format!("{}: unexpected format", file.display()))?;
        let mut v: Value =
            serde_json::from_str(&json).map_err(|e| format!("{}: {e}", file.display()))?;
        let urls = v["doc_urls"]
            .as_array()
            .ok_or_else(|| format!("{}: no doc_urls", file.display()))?
            .iter()
            .map(|u| u.as_str().unwrap_or_default().to_string())
            .collect();
        Ok(SearchIndex {
            urls,
            index: v["index"]["index"].take(),
        })
    }

    /// URLs of the sections whose `field` (`title`, `body`, `breadcrumbs`)
    /// holds every word of `query`, after the same processing the searcher applies.
    pub fn find(&self, field: &str, query: &str) -> BTreeSet<String> {
        let en = English::new();
        let terms = en.make_pipeline().run(en.tokenize(query));
        let mut hits: Option<BTreeSet<String>> = None;
        for term in terms {
            let mut node = &self.index[field]["root"];
            for c in term.chars() {
                node = &node[c.to_string().as_str()];
            }
            let docs: BTreeSet<String> = node["docs"]
                .as_object()
                .map(|d| {
                    d.keys()
                        .filter_map(|k| k.parse::<usize>().ok())
                        .filter_map(|i| self.urls.get(i).cloned())
                        .collect()
                })
                .unwrap_or_default();
            hits = Some(match hits {
                None => docs,
                Some(h) => h.intersection(&docs).cloned().collect(),
            });
        }
        hits.unwrap_or_default()
    }
}

/// The JSON inside `…JSON.parse('…')…`, with mdBook's `\\` and `\'` escapes undone.
fn unquote_js(js: &str) -> Option<String> {
    let start = js.find("JSON.parse('")? + "JSON.parse('".len();
    let end = js.rfind("')")?;
    let mut out = String::with_capacity(end.saturating_sub(start));
    let mut chars = js.get(start..end)?.chars();
    while let Some(c) = chars.next() {
        out.push(if c == '\\' { chars.next()? } else { c });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::unquote_js;

    #[test]
    fn unquote_undoes_mdbook_escapes() {
        let js = r#"window.search = Object.assign(window.search, JSON.parse('{"a":"it\'s \\\\ \\"q\\""}'));"#;
        assert_eq!(unquote_js(js).as_deref(), Some(r#"{"a":"it's \\ \"q\""}"#));
    }
}
