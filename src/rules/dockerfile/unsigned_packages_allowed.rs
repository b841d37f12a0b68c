//! `unsigned-packages-allowed`: a package manager is told to skip signature checks
//! (`apt-get --allow-unauthenticated`, `apk --allow-untrusted`, `dnf --nogpgcheck`, ...).

use crate::rules::prelude::*;

declare_rule! {
    id: "unsigned-packages-allowed",
    title: "package signature checks disabled",
    severity: Error,
    category: Security,
    target: Dockerfile,
    fix: None,
    aliases: ["checkov:CKV2_DOCKER_7", "checkov:CKV2_DOCKER_8", "checkov:CKV2_DOCKER_9", "checkov:CKV2_DOCKER_10", "checkov:CKV2_DOCKER_11"],
    enabled_by_default: true,
    check: check,
}

const APT_HELP: &str =
    "remove it and trust the repository's key instead (`signed-by=` in its source line)";
const APK_HELP: &str = "remove it and add the repository's public key to `/etc/apk/keys`";
const RPM_HELP: &str = "remove it and import the repository's key with `rpm --import`";

/// apt options that turn off authentication (`--allow-untrusted` is aptitude's).
const APT_OPTIONS: &[&str] = &[
    "--allow-unauthenticated",
    "--force-yes",
    "--allow-insecure-repositories",
    "--allow-untrusted",
];
/// apt configuration items (lower-case) that do the same when true.
const APT_CONFIG: &[&str] = &[
    "apt::get::allowunauthenticated",
    "apt::get::force-yes",
    "acquire::allowinsecurerepositories",
    "acquire::allowdowngradetoinsecurerepositories",
];
const RPM_OPTIONS: &[&str] = &[
    "--nosignature",
    "--nodigest",
    "--nofiledigest",
    "--noverify",
    "--nogpgcheck",
];

fn check(df: &Dockerfile, cx: &mut Context) {
    for (_, cmd) in df.commands() {
        match cmd.program() {
            "apk" => apk(cmd, cx),
            "apt-get" | "apt" | "aptitude" => apt(cmd, cx),
            program if DNF_FAMILY.contains(&program) => {
                for word in cmd.args().iter().filter(|w| long_option(w, "--nogpgcheck")) {
                    let message = format!(
                        "`{program} {}` installs packages without checking their signatures",
                        word.text
                    );
                    cx.report(word.range, message).help(RPM_HELP);
                }
                for (setting, range) in setopts_off(cmd, "gpgcheck") {
                    let message = format!(
                        "`{program} --setopt={setting}` turns off package signature checks"
                    );
                    cx.report(range, message).help(RPM_HELP);
                }
            }
            "rpm" => {
                for word in cmd.args() {
                    if RPM_OPTIONS.iter().any(|o| long_option(word, o)) {
                        let message = format!(
                            "`rpm {}` installs packages without verifying them",
                            word.text
                        );
                        cx.report(word.range, message).help(RPM_HELP);
                    }
                }
            }
            "zypper" => {
                for word in cmd.args() {
                    if long_option(word, "--no-gpg-checks") || long_option(word, "--no-gpgcheck") {
                        let message = format!(
                            "`zypper {}` installs packages without checking their signatures",
                            word.text
                        );
                        cx.report(word.range, message).help(RPM_HELP);
                    }
                }
            }
            _ => {}
        }
        for word in cmd.args() {
            trusted_source_line(word, cx);
        }
    }
}

/// `word` is the long option `name`, alone or as `name=value`.
fn long_option(word: &Word, name: &str) -> bool {
    word.text
        .strip_prefix(name)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('='))
}

/// `apk` options whose value is the next word.
const APK_WITH_VALUE: &[&str] = &["-X", "--repository", "-p", "--root", "-t", "--virtual"];

fn apk(cmd: &ShellCommand, cx: &mut Context) {
    let Some(option) = cmd
        .args()
        .iter()
        .find(|w| long_option(w, "--allow-untrusted"))
    else {
        return;
    };
    // `apk index` only reads local files, and `apk add` of local `.apk` files built in the
    // build has no repository signature to check.
    let subcommand = cmd.subcommand(APK_WITH_VALUE);
    if subcommand.is_some_and(|s| s.text == "index") {
        return;
    }
    let local_only = !cmd.has_option(&["--repository"], &['X'])
        && cmd
            .positional_args(APK_WITH_VALUE)
            .skip(1)
            .all(|p| p.text.ends_with(".apk") || p.text.contains('/'));
    if subcommand.is_some_and(|s| s.text == "add") && local_only {
        return;
    }
    cx.report(
        option.range,
        "`apk --allow-untrusted` installs packages without a valid signature",
    )
    .help(APK_HELP);
}

fn apt(cmd: &ShellCommand, cx: &mut Context) {
    let args = cmd.args();
    for (i, word) in args.iter().enumerate() {
        if let Some(option) = APT_OPTIONS.iter().find(|o| long_option(word, o)) {
            let message = if *option == "--allow-insecure-repositories" {
                format!(
                    "`{} {option}` accepts repositories without a valid signature",
                    cmd.program()
                )
            } else {
                format!(
                    "`{} {option}` installs packages that fail signature checks",
                    cmd.program()
                )
            };
            cx.report(word.range, message).help(APT_HELP);
            continue;
        }
        // `-o Name=value`, `-oName=value`, `--option Name=value`, `--option=Name=value`.
        let (config, range) = match word.text.as_str() {
            "-o" | "--option" => match args.get(i + 1) {
                Some(value) => (value.text.as_str(), word.range.cover(value.range)),
                None => continue,
            },
            t => match t.strip_prefix("--option=").or_else(|| t.strip_prefix("-o")) {
                Some(config) if !config.is_empty() => (config, word.range),
                _ => continue,
            },
        };
        if enables_apt_config(config) {
            let what = if config.to_ascii_lowercase().contains("insecurerepositories") {
                "repositories without a valid signature"
            } else {
                "packages that fail signature checks"
            };
            let message = format!("`-o {config}` makes `{}` accept {what}", cmd.program());
            cx.report(range, message).help(APT_HELP);
        }
    }
}

/// `Name=value` names one of [`APT_CONFIG`] with a true value.
fn enables_apt_config(config: &str) -> bool {
    let Some((name, value)) = config.split_once('=') else {
        return false;
    };
    APT_CONFIG.contains(&name.to_ascii_lowercase().as_str())
        && matches!(
            value.to_ascii_lowercase().as_str(),
            "1" | "true" | "yes" | "on" | "enable" | "with"
        )
}

/// `yum`, `dnf` and their relatives, which share `--setopt`.
pub(super) const DNF_FAMILY: &[&str] = &[
    "yum",
    "dnf",
    "dnf5",
    "microdnf",
    "tdnf",
    "yum-config-manager",
    "dnf-config-manager",
];

/// The `--setopt=KEY=VALUE` (or `--setopt KEY=VALUE`) settings of a `yum`/`dnf` command that
/// turn the boolean `option` off, globally or for one repository (`epel.gpgcheck=0`), with
/// the setting's text and the range of the option.
pub(super) fn setopts_off<'a>(
    cmd: &'a ShellCommand,
    option: &'a str,
) -> impl Iterator<Item = (&'a str, TextRange)> + 'a {
    let args = cmd.args();
    args.iter().enumerate().filter_map(move |(i, word)| {
        let (setting, range) = match word.text.strip_prefix("--setopt") {
            Some("") => {
                let value = args.get(i + 1)?;
                (value.text.as_str(), word.range.cover(value.range))
            }
            Some(rest) => (rest.strip_prefix('=')?, word.range),
            None => return None,
        };
        let (key, value) = setting.split_once('=')?;
        let key = key.rsplit('.').next().unwrap_or(key);
        (key.eq_ignore_ascii_case(option)
            && ["0", "false", "no"]
                .iter()
                .any(|off| value.eq_ignore_ascii_case(off)))
        .then_some((setting, range))
    })
}

/// An apt source line (`deb [trusted=yes] http://...`, or `allow-insecure=yes`) in an
/// argument, e.g. of `echo`, that accepts a remote repository without a valid signature. `file:` and `copy:`
/// repositories are local directories, usually packages built in the same `RUN`; a URI
/// from a variable cannot be judged.
fn trusted_source_line(word: &Word, cx: &mut Context) {
    let text = word.text.trim_start();
    let Some(rest) = text
        .strip_prefix("deb-src")
        .or_else(|| text.strip_prefix("deb"))
        .map(str::trim_start)
    else {
        return;
    };
    let Some((options, uri)) = rest.strip_prefix('[').and_then(|r| r.split_once(']')) else {
        return;
    };
    let Some(option) = options
        .split_whitespace()
        .find(|o| matches!(*o, "trusted=yes" | "allow-insecure=yes"))
    else {
        return;
    };
    let uri = uri.split_whitespace().next().unwrap_or("");
    if uri.starts_with("file:") || uri.starts_with("copy:") || uri.contains('$') {
        return;
    }
    // Point at the option itself when the source spells it plainly.
    let source = &cx.text()[word.range.as_range()];
    let range = source.find(option).map_or(word.range, |at| {
        let start = word.range.start as usize + at;
        TextRange::new(start, start + option.len())
    });
    cx.report(
        range,
        format!("source line with `{option}` skips signature checks for `{uri}`"),
    )
    .help(APT_HELP);
}
