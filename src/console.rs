//! How the command line talks to its user: how much (`--quiet`, `--verbose`), whether in
//! colour, and how long each phase took. Everything goes to stderr; stdout carries only
//! a command's result (explain's text, a changelog, completions), so it can be piped.
//! Both go through [`crate::output`].

use std::fmt::Display;
use std::io::IsTerminal;
use std::time::Instant;

use crate::output::{Printed, err};

pub use clap::ColorChoice;

/// `text` safe to print on a terminal: a control character (an ESC that would start a
/// sequence that clears the line or retitles the window, a CR, a BEL) as its control
/// picture (`␛`), an invisible one (a bidi override) as `\u{…}`. Line breaks and tabs
/// stay.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let odd = |c: char| c != '\n' && c != '\t' && crate::naming::is_invisible(c);
    if !text.contains(odd) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !odd(c) => out.push(c),
            '\0'..='\u{1f}' => out.extend(char::from_u32(0x2400 + c as u32)),
            '\u{7f}' => out.push('\u{2421}'),
            c => out.push_str(&crate::naming::visible(&c.to_string())),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// "1 code", "2 codes": a count and its noun, which takes an `s` when not one.
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Console {
    /// Errors only: no progress, no summary, no warnings that do not fail the run.
    pub quiet: bool,
    /// Also which files were read, which template each output came from, and timings.
    pub verbose: bool,
    pub color: ColorChoice,
    /// The command's output format: `--verbose` lines keep a machine stream parseable.
    pub format: crate::diag::Format,
}

impl Console {
    /// Colour on `stream`: `--color always|never` decide; `auto` means a terminal and no
    /// `NO_COLOR` (https://no-color.org: a non-empty value turns colour off).
    pub fn color_on(&self, stream: &impl IsTerminal) -> bool {
        match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                stream.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }

    /// A line for `--verbose` only, in the command's format.
    pub fn detail(&self, line: impl Display) -> Printed {
        if self.verbose {
            err!(
                "{}",
                crate::diag::render_detail(self.format, &line.to_string())
            )?;
        }
        Ok(())
    }

    /// Runs one phase of a command; `--verbose` prints how long it took. The phase's
    /// result is returned even when that line finds the reader gone: it may hold staged
    /// files to remove. [`crate::output::gone`] still says so.
    pub fn phase<T>(&self, name: &str, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        let _ = self.detail(format_args!(
            "time: {name}: {:.1} ms",
            start.elapsed().as_secs_f64() * 1000.0
        ));
        out
    }

    /// Under `--verbose`, every file the loader read.
    pub fn files_read(&self, sources: &crate::source::Sources) -> Printed {
        for path in sources.paths() {
            self.detail(format_args!("read: {}", path.display()))?;
        }
        Ok(())
    }
}
