//! errcat's integration tests: one crate, a module per concern.

mod cli;
mod cli_manners;
mod diagnostics;
mod diff;
mod docs_site;
mod explain;
mod golden;
mod hostile;
mod import;
mod import_cli;
mod limits;
mod mutation;
mod nasty;
mod parallel;
mod seeds;
mod support;
mod template_context;
mod up_to_date;
mod writer;
