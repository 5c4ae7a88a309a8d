use std::process::ExitCode;

// errcat allocates many small, short-lived values (template contexts); mimalloc
// serves them far faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    errcat::cli::run(std::env::args_os(), &errcat::cli::Settings::default())
}
