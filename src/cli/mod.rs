//! The `plimsoll` command: flag parsing, the subcommands, and exit codes. Wiring only: linting
//! is `crate::lint_source`, output is `crate::render`.

pub mod args;
mod baseline;
mod check;
mod completions;
mod helm;
mod init;
mod kustomize;
mod man;
mod ordered;
mod outputs;
mod progress;
mod read;
mod rules;
mod schema;

pub use rules::{markdown_table as rules_markdown_table, page as rule_page};

use args::{Cli, Command};
use clap::Parser;
use std::process::ExitCode;

/// Exit codes, stable and documented in the README.
pub mod exit {
    /// Nothing at or above `--fail-on`.
    pub const CLEAN: u8 = 0;
    /// Findings at or above `--fail-on`.
    pub const FINDINGS: u8 = 1;
    /// Usage, configuration or IO error (every other file was still linted).
    pub const ERROR: u8 = 2;
}

/// Parses the command line and runs the command.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                exit::ERROR
            } else {
                exit::CLEAN
            });
        }
    };
    let result = match cli.command {
        Command::Check(args) => check::run(*args),
        Command::Rules(args) => rules::list(args),
        Command::Rule { id } => rules::show(&id),
        Command::Init(args) => init::run(&args),
        Command::Completions { shell } => completions::run(shell),
        Command::Man => man::run(),
        Command::ConfigSchema => {
            use std::io::Write;
            std::io::stdout()
                .lock()
                .write_all(schema::render().as_bytes())
                .map(|()| exit::CLEAN)
                .map_err(Into::into)
        }
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            // A closed pipe (`plimsoll check | head`) is not an error.
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::from(exit::CLEAN);
            }
            eprintln!("error: {e:#}");
            ExitCode::from(exit::ERROR)
        }
    }
}
