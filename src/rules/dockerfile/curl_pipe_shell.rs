//! `curl-pipe-shell`: a download runs as a script straight away: `curl ... | sh`,
//! `wget -qO- ... | python3`, `sh -c "$(curl ...)"`, `bash <(curl ...)`, `eval "$(curl ...)"`.

use super::tls_verification_disabled::{curl_options, CurlName};
use crate::rules::prelude::*;

declare_rule! {
    id: "curl-pipe-shell",
    title: "a download run straight away by a shell or interpreter (`curl ... | sh`)",
    severity: Warning,
    category: Security,
    target: Dockerfile,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: check,
}

const HELP: &str =
    "download to a file, check it against a pinned SHA-256 (`sha256sum -c`), then run the file";

fn check(df: &Dockerfile, cx: &mut Context) {
    for (_, script) in df.run_scripts() {
        for (at, download) in script.commands.iter().enumerate() {
            if !writes_download_to_stdout(download) {
                continue;
            }
            // `curl ... | sh`: a later stage of the same pipeline reads its program from stdin.
            let piped = script
                .pipelines
                .iter()
                .filter_map(|p| p.iter().position(|&i| i == at).map(|pos| &p[pos + 1..]))
                .flatten()
                .map(|&i| &script.commands[i])
                .find(|c| matches!(program_source(c), Some(Source::Stdin)));
            if let Some(runner) = piped {
                let message = format!(
                    "`{}` output is piped into `{}`, which runs whatever the server sends",
                    download.program(),
                    runner.program()
                );
                cx.report(runner.name().range, message).help(HELP);
                continue;
            }
            // `sh -c "$(curl ...)"`, `bash <(curl ...)`: the download is the program text.
            let substituted = script.commands.iter().find(|c| {
                let Some(source) = program_source(c) else {
                    return false;
                };
                let holds = |w: &Word| {
                    w.range.start < download.range.start && download.range.end <= w.range.end
                };
                match source {
                    Source::Inline(word) => holds(word),
                    Source::File(word) => word.text.starts_with("<(") && holds(word),
                    Source::Stdin => false,
                }
            });
            if let Some(runner) = substituted {
                let message = format!(
                    "`{}` runs the output of `{}` as its program, whatever the server sends",
                    runner.program(),
                    download.program()
                );
                cx.report(runner.name().range, message).help(HELP);
            }
        }
    }
}

/// `curl` without `-o FILE`/`-O`, or `wget -O -`.
fn writes_download_to_stdout(cmd: &ShellCommand) -> bool {
    match cmd.program() {
        "curl" => curl_options(cmd).all(|o| match o.name {
            CurlName::Short('o') => o.value == Some("-"),
            CurlName::Short('O') => false,
            CurlName::Long("--output") => o.value == Some("-"),
            CurlName::Long(name) => !matches!(name, "--remote-name" | "--remote-name-all"),
            CurlName::Short(_) => true,
        }),
        "wget" => wget_output(cmd) == Some("-"),
        _ => false,
    }
}

/// The value of `wget -O FILE` (also `-qO-`, `--output-document=FILE`).
fn wget_output(cmd: &ShellCommand) -> Option<&str> {
    /// wget's short options that take a value.
    const WITH_VALUE: &str = "aABDeiIlOoPQRtTUwX";
    let mut words = cmd.args().iter();
    let mut output = None;
    while let Some(word) = words.next() {
        let text = word.text.as_str();
        if text == "--" {
            break;
        }
        if let Some(value) = text.strip_prefix("--output-document") {
            output = match value.strip_prefix('=') {
                Some(v) => Some(v),
                None => words.next().map(|w| w.text.as_str()),
            };
        } else if let Some(cluster) = text.strip_prefix('-').filter(|c| !c.starts_with('-')) {
            for (at, c) in cluster.char_indices() {
                if WITH_VALUE.contains(c) {
                    let rest = &cluster[at + 1..];
                    let value = if rest.is_empty() {
                        words.next().map(|w| w.text.as_str())
                    } else {
                        Some(rest)
                    };
                    if c == 'O' {
                        output = value;
                    }
                    break;
                }
            }
        }
    }
    output
}

/// Where an interpreter takes its program from.
enum Source<'a> {
    /// Standard input: `sh`, `bash -s`, `python3 -`, `php`.
    Stdin,
    /// Program text in an argument: `sh -c TEXT`, `python3 -c TEXT`, `eval TEXT`.
    Inline(&'a Word),
    /// A script file: `bash FILE`, `. FILE`.
    File(&'a Word),
}

/// An interpreter's options: letters that take the program as text (`-c`), letters that
/// mean it reads no program at all (`python -m`), the letter that forces stdin (`sh -s`),
/// and other letters that take a value.
struct Interpreter {
    inline: &'static str,
    /// The program text may follow the letter in the same word (`python3 -cCODE`); for
    /// shells, `-c` is a flag and the text is the first operand.
    inline_attached: bool,
    no_program: &'static str,
    stdin: Option<char>,
    with_value: &'static str,
    /// Long options that give the program as text.
    inline_long: &'static [&'static str],
}

fn interpreter(program: &str) -> Option<Interpreter> {
    let shell = matches!(
        program,
        "sh" | "bash" | "ash" | "dash" | "zsh" | "ksh" | "mksh"
    );
    let python = program
        .strip_prefix("python")
        .is_some_and(|v| v.chars().all(|c| c.is_ascii_digit() || c == '.'));
    Some(match program {
        _ if shell => Interpreter {
            inline: "c",
            inline_attached: false,
            no_program: "",
            stdin: Some('s'),
            with_value: "oO",
            inline_long: &[],
        },
        _ if python => Interpreter {
            inline: "c",
            inline_attached: true,
            no_program: "m",
            stdin: None,
            with_value: "WX",
            inline_long: &[],
        },
        "perl" => Interpreter {
            inline: "eE",
            inline_attached: true,
            no_program: "",
            stdin: None,
            with_value: "",
            inline_long: &[],
        },
        "ruby" => Interpreter {
            inline: "e",
            inline_attached: true,
            no_program: "",
            stdin: None,
            with_value: "rIC",
            inline_long: &[],
        },
        "node" | "nodejs" => Interpreter {
            inline: "ep",
            inline_attached: true,
            no_program: "",
            stdin: None,
            with_value: "r",
            inline_long: &["--eval", "--print"],
        },
        "php" => Interpreter {
            inline: "r",
            inline_attached: true,
            no_program: "",
            stdin: None,
            with_value: "cdz",
            inline_long: &[],
        },
        _ => return None,
    })
}

/// Where `cmd` takes the program it runs from, if it is a shell, an interpreter, `eval` or
/// `source`.
fn program_source(cmd: &ShellCommand) -> Option<Source<'_>> {
    let args = cmd.args();
    match cmd.program() {
        "eval" => return args.first().map(Source::Inline),
        "source" | "." => {
            return args.first().map(|w| match w.text.as_str() {
                "/dev/stdin" => Source::Stdin,
                _ => Source::File(w),
            })
        }
        _ => {}
    }
    let interpreter = interpreter(cmd.program())?;
    let mut stdin = false;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        let text = word.text.as_str();
        if text == "--" {
            // `php -- args` passes arguments to a program read from stdin.
            return match words.next() {
                Some(file) if cmd.program() != "php" && !stdin => Some(Source::File(file)),
                _ => Some(Source::Stdin),
            };
        }
        if text == "-" || text == "/dev/stdin" {
            return Some(Source::Stdin);
        }
        if let Some(long) = text.strip_prefix("--") {
            let name = long.split('=').next().unwrap_or(long);
            if interpreter.inline_long.iter().any(|l| l[2..] == *name) {
                return words.next().map(Source::Inline);
            }
            continue;
        }
        let Some(letters) = text.strip_prefix(['-', '+']) else {
            // The first operand: a script file, or the program's arguments after `-s`.
            return Some(if stdin {
                Source::Stdin
            } else {
                Source::File(word)
            });
        };
        for (at, c) in letters.char_indices() {
            if interpreter.no_program.contains(c) {
                return None;
            }
            if interpreter.inline.contains(c) {
                // `sh -c TEXT`: the text is the first operand; `python -cTEXT` keeps it
                // in the same word.
                return if interpreter.inline_attached && letters.len() > at + 1 {
                    Some(Source::Inline(word))
                } else {
                    words
                        .find(|w| !w.text.starts_with(['-', '+']))
                        .map(Source::Inline)
                };
            }
            if Some(c) == interpreter.stdin {
                stdin = true;
            }
            if interpreter.with_value.contains(c) {
                if at + 1 == letters.len() {
                    words.next();
                }
                break;
            }
        }
    }
    Some(Source::Stdin)
}
