//! `plimsoll completions SHELL`: a completion script generated from the clap definitions.

use super::args::Cli;
use super::exit;
use clap::CommandFactory;
use std::io::Write;

pub fn run(shell: clap_complete::Shell) -> anyhow::Result<u8> {
    let mut script = Vec::new();
    // Rendered first: the generators panic on a write error, and a closed pipe is not one.
    clap_complete::generate(shell, &mut visible_command(), "plimsoll", &mut script);
    std::io::stdout().lock().write_all(&script)?;
    Ok(exit::CLEAN)
}

/// The command without its hidden subcommands, which the generators would otherwise offer.
fn visible_command() -> clap::Command {
    let cli = Cli::command();
    let visible: Vec<clap::Command> = cli
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .cloned()
        .collect();
    let mut cmd = clap::Command::new("plimsoll")
        .version(env!("CARGO_PKG_VERSION"))
        .propagate_version(true)
        .subcommand_required(true)
        .subcommands(visible);
    if let Some(about) = cli.get_about() {
        cmd = cmd.about(about.clone());
    }
    cmd
}
