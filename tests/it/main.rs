//! errcat's integration tests: one crate, a module per concern.

mod cli;
mod diagnostics;
mod golden;
mod seeds;
mod support;
mod up_to_date;
mod writer;
