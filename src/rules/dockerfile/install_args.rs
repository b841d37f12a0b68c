//! Arguments of package-manager install commands (`pip install`, `apk add`, `npm install`,
//! `gem install`, `go install`): options told apart from operands while skipping the words
//! that options consume, the sub-command after global options, the `pip` and `apk add`
//! invocations that several rules judge, and an `rm` of a cache later in the same `RUN`. No
//! rule logic (what counts as pinned or as a cache) lives here.

use crate::dockerfile::{Instruction, ShellCommand, Word};

/// The options of a tool that take a value. A value follows in the next word (`--virtual
/// name`, `-t name`) unless it is attached (`--virtual=name`, `-tname`).
pub struct OptionSyntax {
    /// Long options with their dashes: `"--virtual"`, or `"-ldflags"` for tools whose long
    /// options have one dash.
    pub long: &'static [&'static str],
    /// Short option letters: `'t'` for `-t`.
    pub short: &'static [char],
}

/// One argument of a command line.
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    /// `--name`, `--name=value`, `-x` or a cluster `-xyz`, with the word it consumed as its
    /// value, if any.
    Option {
        /// A long option's name with its dashes and without `=value`, or the letters of a
        /// short cluster up to the one that takes a value (`Ut` in `-Ut.deps`).
        names: &'a str,
        value: Option<&'a Word>,
    },
    /// `--`: every later word is an operand.
    EndOfOptions,
    Operand(&'a Word),
}

impl<'a> Arg<'a> {
    /// True for the option `long` (`--name` or `--name=...`) or a short cluster holding one
    /// of `short` before or at the letter that takes a value.
    pub fn is_option(&self, long: &[&str], short: &[char]) -> bool {
        let Arg::Option { names, .. } = self else {
            return false;
        };
        // Long names keep their dashes; the letters of a short cluster have none.
        if names.starts_with('-') {
            return long.contains(names);
        }
        names.chars().any(|c| short.contains(&c))
    }
}

/// The arguments of `args` in order, classified by `syntax`.
pub fn parse<'a>(args: &'a [Word], syntax: &'static OptionSyntax) -> impl Iterator<Item = Arg<'a>> {
    let mut i = 0;
    let mut operands_only = false;
    std::iter::from_fn(move || {
        let word = args.get(i)?;
        i += 1;
        let text = word.text.as_str();
        if operands_only || !text.starts_with('-') || text == "-" {
            return Some(Arg::Operand(word));
        }
        if text == "--" {
            operands_only = true;
            return Some(Arg::EndOfOptions);
        }
        let name = text.split_once('=').map_or(text, |(name, _)| name);
        // A listed long option, which may have a single dash (`-ldflags` of `go`).
        let (names, consumes_next) = if text.starts_with("--") || syntax.long.contains(&name) {
            (name, name == text && syntax.long.contains(&text))
        } else {
            // In a cluster, the first letter that takes a value takes the rest of the word,
            // or the next word when it is the cluster's last letter.
            let letters = &text[1..];
            match letters
                .char_indices()
                .find(|(_, c)| syntax.short.contains(c))
            {
                Some((at, c)) => {
                    let end = at + c.len_utf8();
                    (&letters[..end], end == letters.len())
                }
                None => (letters, false),
            }
        };
        let value = if consumes_next {
            i += 1;
            args.get(i - 1)
        } else {
            None
        };
        Some(Arg::Option { names, value })
    })
}

/// The operands of `args`: the words that are neither options nor option values.
pub fn operands<'a>(
    args: &'a [Word],
    syntax: &'static OptionSyntax,
) -> impl Iterator<Item = &'a Word> {
    parse(args, syntax).filter_map(|arg| match arg {
        Arg::Operand(word) => Some(word),
        _ => None,
    })
}

/// True when `args` hold the option `long` or one of the short letters `short`.
pub fn has_option(
    args: &[Word],
    syntax: &'static OptionSyntax,
    long: &[&str],
    short: &[char],
) -> bool {
    parse(args, syntax).any(|arg| arg.is_option(long, short))
}

/// A tool called with a sub-command: `apk --quiet add curl`.
#[derive(Clone, Copy, Debug)]
pub struct Invocation<'a> {
    /// The sub-command word (`add`, `install`).
    pub subcommand: &'a Word,
    /// Every argument of the tool, global options before the sub-command included.
    pub all: &'a [Word],
    /// The arguments after the sub-command.
    pub rest: &'a [Word],
}

/// `args` as a call of one of `subcommands`: the first operand, after global options whose
/// values `syntax` says to skip, must be one of them (and hold no variable).
pub fn invocation<'a>(
    args: &'a [Word],
    syntax: &'static OptionSyntax,
    subcommands: &[&str],
) -> Option<Invocation<'a>> {
    let first = operands(args, syntax).next()?;
    if first.has_variable || !subcommands.contains(&first.text.as_str()) {
        return None;
    }
    // The operand is one of `args`, so its position is found by address.
    let at = args.iter().position(|w| std::ptr::eq(w, first))?;
    Some(Invocation {
        subcommand: first,
        all: args,
        rest: &args[at + 1..],
    })
}

/// Options of `pip` (global and `install`) that take a value.
pub const PIP_OPTIONS: OptionSyntax = OptionSyntax {
    long: &[
        "--abi",
        "--cache-dir",
        "--cert",
        "--client-cert",
        "--config-settings",
        "--constraint",
        "--editable",
        "--exists-action",
        "--extra-index-url",
        "--find-links",
        "--global-option",
        "--group",
        "--implementation",
        "--index-url",
        "--install-option",
        "--keyring-provider",
        "--log",
        "--no-binary",
        "--only-binary",
        "--platform",
        "--prefix",
        "--progress-bar",
        "--proxy",
        "--python",
        "--python-version",
        "--report",
        "--requirement",
        "--retries",
        "--root",
        "--root-user-action",
        "--src",
        "--target",
        "--timeout",
        "--trusted-host",
        "--upgrade-strategy",
        "--use-deprecated",
        "--use-feature",
    ],
    short: &['C', 'b', 'c', 'e', 'f', 'i', 'r', 't'],
};

/// `pip <subcommand> ...`, `pip3 ...` or `python3 -m pip ...` (any path, any version suffix
/// such as `pip3.12` or `python3.12`) with one of `subcommands`.
pub fn pip<'a>(cmd: &'a ShellCommand, subcommands: &[&str]) -> Option<Invocation<'a>> {
    let program = cmd.program();
    let args = if is_versioned(program, "pip") {
        cmd.args()
    } else if is_versioned(program, "python") {
        after_dash_m_pip(cmd.args())?
    } else {
        return None;
    };
    invocation(args, &PIP_OPTIONS, subcommands)
}

/// `name` followed by nothing but digits and dots: `pip`, `pip3`, `python3.12`.
fn is_versioned(program: &str, name: &str) -> bool {
    program
        .strip_prefix(name)
        .is_some_and(|v| v.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

/// The arguments after `-m pip` of a Python interpreter, skipping its own options.
fn after_dash_m_pip(args: &[Word]) -> Option<&[Word]> {
    let mut i = 0;
    while let Some(word) = args.get(i) {
        match word.text.as_str() {
            "-m" => return (args.get(i + 1)?.text == "pip").then(|| &args[i + 2..]),
            "-mpip" => return Some(&args[i + 1..]),
            "-W" | "-X" => i += 2,
            // `-c code` or a script: not pip.
            t if !t.starts_with('-') || t.starts_with("-c") => return None,
            _ => i += 1,
        }
    }
    None
}

/// Options of `apk` (global and `add`) that take a value.
pub const APK_OPTIONS: OptionSyntax = OptionSyntax {
    long: &[
        "--arch",
        "--cache-dir",
        "--cache-max-age",
        "--keys-dir",
        "--progress-fd",
        "--repositories-file",
        "--repository",
        "--root",
        "--timeout",
        "--virtual",
        "--wait",
    ],
    short: &['X', 'p', 't'],
};

/// `apk add ...` (also with global options before `add`).
pub fn apk_add(cmd: &ShellCommand) -> Option<Invocation<'_>> {
    if !cmd.is("apk") {
        return None;
    }
    invocation(cmd.args(), &APK_OPTIONS, &["add"])
}

/// True when a command after `cmd` in the same `RUN` (so in the same layer) is an `rm` with
/// an argument for which `clears` holds.
pub fn removed_after(
    inst: &Instruction,
    cmd: &ShellCommand,
    clears: impl Fn(&Word) -> bool,
) -> bool {
    let Some(script) = &inst.script else {
        return false;
    };
    script
        .commands_after(cmd)
        .filter(|c| c.is("rm"))
        .flat_map(ShellCommand::args)
        .any(clears)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dockerfile::parse as parse_dockerfile;
    use crate::rules::dockerfile::packages::covers;

    fn first_command(run: &str) -> ShellCommand {
        let df = parse_dockerfile(&format!("FROM alpine:3.20\nRUN {run}\n"));
        let (_, cmd) = df.commands().next().expect("a command");
        cmd.clone()
    }

    fn texts<'a>(words: impl Iterator<Item = &'a Word>) -> Vec<&'a str> {
        words.map(|w| w.text.as_str()).collect()
    }

    #[test]
    fn operands_skip_option_values_in_every_form() {
        let cmd = first_command(
            "apk add --no-cache -t .a --virtual .b --virtual=.c -t.d -Ut .e -X repo curl 'git' -- -x",
        );
        let add = apk_add(&cmd).expect("apk add");
        assert_eq!(add.subcommand.text, "add");
        assert_eq!(
            texts(operands(add.rest, &APK_OPTIONS)),
            ["curl", "git", "-x"]
        );
        assert!(has_option(add.all, &APK_OPTIONS, &["--no-cache"], &[]));
        assert!(has_option(add.all, &APK_OPTIONS, &[], &['U']));
        assert!(!has_option(add.all, &APK_OPTIONS, &["--update"], &[]));
    }

    #[test]
    fn global_options_before_the_subcommand() {
        let cmd = first_command("apk --repository http://x --no-cache add curl");
        let add = apk_add(&cmd).expect("apk add");
        assert_eq!(texts(operands(add.rest, &APK_OPTIONS)), ["curl"]);
        assert!(has_option(add.all, &APK_OPTIONS, &["--no-cache"], &[]));
        assert!(apk_add(&first_command("apk del curl")).is_none());
        assert!(apk_add(&first_command("apk $CMD curl")).is_none());
    }

    #[test]
    fn end_of_options_is_reported() {
        let cmd = first_command("gem install mysql2 -- --with-mysql-config=/x");
        let kinds: Vec<_> = parse(cmd.args(), &PIP_OPTIONS)
            .map(|a| match a {
                Arg::Option { .. } => "option",
                Arg::EndOfOptions => "end",
                Arg::Operand(_) => "operand",
            })
            .collect();
        assert_eq!(kinds, ["operand", "operand", "end", "operand"]);
    }

    #[test]
    fn single_dash_long_options() {
        const GO: OptionSyntax = OptionSyntax {
            long: &["-ldflags", "-tags"],
            short: &[],
        };
        let cmd = first_command("go install -v -ldflags '-s -w' -tags=netgo -trimpath x.io/a@v1");
        let install = invocation(cmd.args(), &GO, &["install"]).expect("go install");
        assert_eq!(texts(operands(install.rest, &GO)), ["x.io/a@v1"]);
        assert!(has_option(install.rest, &GO, &["-tags"], &[]));
    }

    #[test]
    fn pip_and_python_dash_m_pip() {
        for run in [
            "pip install -U flask",
            "/opt/venv/bin/pip3.12 --no-cache-dir install -U flask",
            "python3 -m pip install -U flask",
            "python3.11 -u -W ignore -m pip install -U flask",
            "sudo -H pip3 install -U flask",
        ] {
            let cmd = first_command(run);
            let pip = pip(&cmd, &["install"]).unwrap_or_else(|| panic!("{run}"));
            assert_eq!(texts(operands(pip.rest, &PIP_OPTIONS)), ["flask"], "{run}");
        }
        for run in [
            "pip download flask",
            "pipx install flask",
            "python3 -m venv /v",
            "python3 -c 'import pip' install",
            "python3 setup.py install",
            "uv pip install flask",
        ] {
            assert!(pip(&first_command(run), &["install"]).is_none(), "{run}");
        }
    }

    #[test]
    fn removal_paths_cover_a_directory() {
        for path in [
            "/var/cache/apk",
            "/var/cache/apk/",
            "/var/cache/apk/*",
            "/var/cache/*",
        ] {
            assert!(covers(path, "/var/cache/apk"), "{path}");
        }
        for path in [
            "/var/cache/apk/APKINDEX*",
            "/var/cache/ap",
            "/*",
            "/tmp/*",
            "*",
            "",
        ] {
            assert!(!covers(path, "/var/cache/apk"), "{path}");
        }
        let df =
            parse_dockerfile("FROM alpine:3.20\nRUN rm -rf /x && apk add curl && rm -rf /y/*\n");
        let run = &df.instructions[1];
        let add = &run.script.as_ref().unwrap().commands[1];
        assert!(removed_after(run, add, |w| covers(&w.text, "/y/z")));
        assert!(!removed_after(run, add, |w| covers(&w.text, "/x")));
    }

    #[test]
    fn option_values_are_kept() {
        let cmd = first_command("pip install -e git+https://x/y.git -r req.txt");
        let pip = pip(&cmd, &["install"]).expect("pip install");
        let values: Vec<_> = parse(pip.rest, &PIP_OPTIONS)
            .filter(|a| a.is_option(&["--editable"], &['e']))
            .filter_map(|a| match a {
                Arg::Option { value, .. } => value.map(|v| v.text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(values, ["git+https://x/y.git"]);
    }
}
