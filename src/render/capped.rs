//! A file's text as its template renders it, bounded: a template whose loops never end
//! would otherwise take every byte of memory before anything could say which one it is.

use crate::diag::Diagnostic;
use crate::model::Target;
use crate::rules;

/// The most one generated file may hold. The largest file of the built-in templates
/// at a million codes (a locale's code lookup) is about a third of it.
pub const LIMIT: usize = 512 << 20;

/// Why a render stopped.
pub enum Failed {
    Tera(tera::Error),
    /// The output reached [`LIMIT`].
    TooLarge,
}

/// Renders `name` into a string of at most [`LIMIT`] bytes; `hint`: the size expected.
pub fn render(
    tera: &tera::Tera,
    name: &str,
    ctx: &tera::Context,
    hint: usize,
) -> Result<String, Failed> {
    render_at_most(tera, name, ctx, hint, LIMIT)
}

fn render_at_most(
    tera: &tera::Tera,
    name: &str,
    ctx: &tera::Context,
    hint: usize,
    limit: usize,
) -> Result<String, Failed> {
    let mut out = Capped {
        buf: Vec::with_capacity(hint.min(limit)),
        limit,
        over: false,
    };
    match tera.render_to(name, ctx, &mut out) {
        Ok(()) => String::from_utf8(out.buf).map_err(|e| Failed::Tera(e.into())),
        Err(_) if out.over => Err(Failed::TooLarge),
        Err(e) => Err(Failed::Tera(e)),
    }
}

/// The finding for a render that reached the limit: `what` names the template.
pub fn too_large(
    target: &Target,
    what: &str,
    span: Option<crate::source::Span>,
) -> Box<Diagnostic> {
    let mut d = Diagnostic::new(
        &rules::TEMPLATE,
        format!(
            "target `{}`: {what} wrote more than {} MiB for one file, and was stopped",
            target.id,
            LIMIT >> 20
        ),
    )
    .help(
        "a loop that never ends, or loops nested too deep? errcat writes no file larger than this",
    );
    if let Some(span) = span {
        d = d.at(span, "this template");
    }
    Box::new(d)
}

struct Capped {
    buf: Vec<u8>,
    limit: usize,
    over: bool,
}

impl Capped {
    /// Room for `len` bytes: the capacity never passes the limit, so a write that fits in
    /// it needs no other check. (Grown by hand: doubling near the limit would ask for
    /// twice the limit.)
    #[cold]
    fn grow(&mut self, len: usize) -> std::io::Result<()> {
        if len > self.limit {
            self.over = true;
            return Err(std::io::Error::other(
                "the file reached errcat's size limit",
            ));
        }
        let want = (self.buf.capacity() * 2).clamp(len, self.limit);
        self.buf.reserve_exact(want - self.buf.len());
        Ok(())
    }
}

impl std::io::Write for Capped {
    #[inline]
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let len = self.buf.len() + bytes.len();
        if len > self.buf.capacity() {
            self.grow(len)?;
        }
        self.buf.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    #[inline]
    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.write(bytes).map(drop)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_render_stops_at_the_limit_and_says_so() {
        let mut tera = tera::Tera::new();
        tera.add_raw_template(
            "t",
            "{% for i in range(end=100000) %}{% for j in range(end=100000) %}0123456789{% endfor %}{% endfor %}",
        )
        .unwrap();
        tera.add_raw_template("small", "{% for i in range(end=10) %}ab{% endfor %}")
            .unwrap();
        let cx = tera::Context::new();
        assert!(matches!(
            render_at_most(&tera, "t", &cx, 0, 4096),
            Err(Failed::TooLarge)
        ));
        assert_eq!(
            render_at_most(&tera, "small", &cx, 0, 20).ok().as_deref(),
            Some("abababababababababab")
        );
        assert!(matches!(
            render_at_most(&tera, "small", &cx, 0, 19),
            Err(Failed::TooLarge)
        ));
    }
}
