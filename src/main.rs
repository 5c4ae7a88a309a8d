use std::process::ExitCode;

fn main() -> ExitCode {
    errcat::cli::run(std::env::args_os(), &errcat::cli::Settings::default())
}
