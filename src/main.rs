//! The `plimsoll` binary: parse flags, run, map to an exit code.

fn main() -> std::process::ExitCode {
    plimsoll::cli::run()
}
