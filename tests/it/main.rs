//! errcat's integration tests: one crate, a module per concern.

mod builtin_templates;
mod cli;
mod diagnostics;
mod diff;
mod docs_site;
mod golden;
mod hostile;
mod import;
mod import_cli;
mod init;
mod limits;
mod mutation;
mod nasty;
mod parallel;
mod schema;
mod seeds;
mod support;
mod up_to_date;
mod writer;
