//! What the checks need from a built HTML page: its ids, its links and its text,
//! read with html5ever's tokenizer (the one mdBook itself uses).

use std::cell::RefCell;
use std::collections::BTreeSet;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

#[derive(Debug, Default)]
pub struct Page {
    /// Every `id` attribute.
    pub ids: BTreeSet<String>,
    /// Every `href` and `src` attribute, in page order.
    pub links: Vec<String>,
    /// The text between tags, one run per gap between two tags, outside scripts and styles.
    pub text_runs: Vec<String>,
}

impl Page {
    pub fn parse(html: &str) -> Page {
        let sink = Sink::default();
        let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
        let queue = BufferQueue::default();
        queue.push_back(StrTendril::from_slice(html));
        let _ = tokenizer.feed(&queue);
        tokenizer.end();
        let mut page = tokenizer.sink.page.take();
        let last = tokenizer.sink.run.take();
        if !last.is_empty() {
            page.text_runs.push(last);
        }
        page
    }
}

#[derive(Default)]
struct Sink {
    page: RefCell<Page>,
    run: RefCell<String>,
    in_raw: RefCell<bool>,
}

impl Sink {
    fn end_run(&self) {
        let run = self.run.take();
        if !run.is_empty() {
            self.page.borrow_mut().text_runs.push(run);
        }
    }
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) => {
                self.end_run();
                let raw = matches!(&*tag.name, "script" | "style");
                if tag.kind == TagKind::EndTag {
                    if raw {
                        *self.in_raw.borrow_mut() = false;
                    }
                    return TokenSinkResult::Continue;
                }
                let mut page = self.page.borrow_mut();
                for a in &tag.attrs {
                    match &*a.name.local {
                        "id" => {
                            page.ids.insert(a.value.to_string());
                        }
                        "href" | "src" => page.links.push(a.value.to_string()),
                        _ => {}
                    }
                }
                if raw {
                    *self.in_raw.borrow_mut() = true;
                    let kind = if &*tag.name == "script" {
                        RawKind::ScriptData
                    } else {
                        RawKind::Rawtext
                    };
                    return TokenSinkResult::RawData(kind);
                }
            }
            Token::CharacterTokens(text) if !*self.in_raw.borrow() => {
                self.run.borrow_mut().push_str(&text);
            }
            Token::CommentToken(_) | Token::DoctypeToken(_) => self.end_run(),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::Page;

    #[test]
    fn reads_ids_links_and_text_but_not_scripts() {
        let p = Page::parse(
            r#"<p><a id="edu-rest-1004"></a></p><h3 id="x">1004 <code>ROOM</code></h3>
               <td>a | b * `c` &lt;/script&gt;</td><script>if (a < b) { x = "<a id='no'>" }</script>
               <a href="../zh-CN/edu.rest.html#edu-rest-1004">中文</a><img src="i.png">"#,
        );
        assert_eq!(
            p.ids.iter().map(String::as_str).collect::<Vec<_>>(),
            ["edu-rest-1004", "x"]
        );
        assert_eq!(p.links, ["../zh-CN/edu.rest.html#edu-rest-1004", "i.png"]);
        assert!(p.text_runs.iter().any(|t| t == "a | b * `c` </script>"));
        assert!(p.text_runs.iter().any(|t| t == "中文"));
        assert!(!p.text_runs.iter().any(|t| t.contains("if (a")));
    }
}
