//! stdout and stderr for the command line: every line errcat prints goes through here.
//! `print!` panics when a write fails, and a write to a pipe fails as soon as its reader
//! has gone (`errcat explain 1001 | head -1`). Here a reader gone stops the command
//! instead, quietly, with an exit status of its own ([`GONE_STATUS`]).

use std::fmt::Arguments;
use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

/// The exit status of a run whose reader went away: 128 + SIGPIPE (13), what a shell
/// reports for a C tool that SIGPIPE ended. ripgrep exits 0 here instead; errcat's
/// status is its verdict (`gen --check`), and under `set -o pipefail` (GitHub Actions'
/// bash) a verdict cut short must not pass for success.
pub const GONE_STATUS: u8 = 141;

/// Why a command stopped printing.
#[derive(Debug)]
pub enum Cut {
    /// The reader of stdout or stderr went away: stop, say nothing.
    Gone,
    /// Writing stdout failed otherwise (a full disk): the command's result is lost.
    Failed(io::Error),
}

/// The result of printing; `?` stops the command when the output is cut.
pub type Printed<T = ()> = Result<T, Cut>;

// Whether a reader has gone. A fact about the process's streams, so held process-wide:
// once set, nothing more is printed, and a line lost inside a callback that cannot
// return the error still stops the command at its next print and sets its exit status.
static GONE: AtomicBool = AtomicBool::new(false);

/// Has the reader of stdout or stderr gone?
pub fn gone() -> bool {
    GONE.load(Ordering::Relaxed)
}

/// Writes to stdout.
pub fn stdout(text: Arguments) -> Printed {
    send(&mut io::stdout().lock(), true, |w| w.write_fmt(text))
}

/// Writes bytes to stdout.
pub fn stdout_bytes(bytes: &[u8]) -> Printed {
    send(&mut io::stdout().lock(), true, |w| w.write_all(bytes))
}

/// Writes to stderr.
pub fn stderr(text: Arguments) -> Printed {
    send(&mut io::stderr().lock(), false, |w| w.write_fmt(text))
}

fn send(
    stream: &mut dyn Write,
    is_stdout: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Printed {
    if gone() {
        return Err(Cut::Gone);
    }
    // Flushed at once, so a failure surfaces here and not at exit, where it is lost.
    match write(stream).and_then(|()| stream.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            GONE.store(true, Ordering::Relaxed);
            Err(Cut::Gone)
        }
        Err(e) if is_stdout => Err(Cut::Failed(e)),
        // stderr has nowhere to report its own failure; the result on stdout, and the
        // exit status, still count.
        Err(_) => Ok(()),
    }
}

/// The exit status of a command that returned `result`; a failure to write stdout is
/// reported on stderr in `format`, the command's.
pub fn exit(result: Printed<ExitCode>, format: crate::diag::Format) -> ExitCode {
    match result {
        _ if gone() => ExitCode::from(GONE_STATUS),
        Ok(code) => code,
        Err(Cut::Gone) => ExitCode::from(GONE_STATUS),
        Err(Cut::Failed(e)) => {
            let message = format!("cannot write to stdout: {e}");
            let line = crate::diag::Status::fatal(&message, None).render(format);
            let _ = stderr(format_args!("{line}"));
            ExitCode::from(2)
        }
    }
}

/// `print!` through [`stdout`]: evaluates to its [`Printed`].
macro_rules! out {
    ($($arg:tt)*) => { $crate::output::stdout(format_args!($($arg)*)) };
}

/// `println!` through [`stdout`].
macro_rules! outln {
    ($($arg:tt)*) => { $crate::output::stdout(format_args!("{}\n", format_args!($($arg)*))) };
}

/// `eprint!` through [`stderr`].
macro_rules! err {
    ($($arg:tt)*) => { $crate::output::stderr(format_args!($($arg)*)) };
}

/// `eprintln!` through [`stderr`].
macro_rules! errln {
    ($($arg:tt)*) => { $crate::output::stderr(format_args!("{}\n", format_args!($($arg)*))) };
}

pub(crate) use {err, errln, out, outln};
