//! `tls-verification-disabled`: a download tool, package manager or runtime is told not to
//! verify TLS certificates (`curl -k`, `pip --trusted-host`, `NODE_TLS_REJECT_UNAUTHORIZED=0`,
//! ...), by an option in `RUN` or by a variable set with `ENV`, `ARG` or in `RUN`.

use super::unsigned_packages_allowed::{setopts_off, DNF_FAMILY};
use crate::rules::prelude::*;

declare_rule! {
    id: "tls-verification-disabled",
    title: "TLS certificate verification disabled",
    severity: Error,
    category: Security,
    target: Dockerfile,
    fix: None,
    aliases: ["checkov:CKV2_DOCKER_2", "checkov:CKV2_DOCKER_3", "checkov:CKV2_DOCKER_4", "checkov:CKV2_DOCKER_5", "checkov:CKV2_DOCKER_6", "checkov:CKV2_DOCKER_12", "checkov:CKV2_DOCKER_13", "checkov:CKV2_DOCKER_14", "checkov:CKV2_DOCKER_15", "checkov:CKV2_DOCKER_16"],
    enabled_by_default: true,
    check: check,
}

/// When a variable turns verification off.
#[derive(Clone, Copy)]
enum Disables {
    /// When its value is this (compared case-insensitively).
    With(&'static str),
    /// When it is set to any value, even an empty one.
    WhenSet,
    /// When it is set to a non-empty value.
    WhenNotEmpty,
}

/// Environment variables that turn verification off, what they affect, and the help line.
const VARIABLES: &[(&str, Disables, &str, &str)] = &[
    (
        "NODE_TLS_REJECT_UNAUTHORIZED",
        Disables::With("0"),
        "Node.js",
        "remove it; give Node.js a private CA with `NODE_EXTRA_CA_CERTS`",
    ),
    (
        "PYTHONHTTPSVERIFY",
        Disables::With("0"),
        "Python's `urllib`",
        "remove it; add a private CA to the system trust store (`update-ca-certificates`)",
    ),
    (
        "NPM_CONFIG_STRICT_SSL",
        Disables::With("false"),
        "npm",
        NPM_HELP,
    ),
    ("GIT_SSL_NO_VERIFY", Disables::WhenSet, "git", GIT_HELP),
    ("PIP_TRUSTED_HOST", Disables::WhenNotEmpty, "pip", PIP_HELP),
    (
        "GOINSECURE",
        Disables::WhenNotEmpty,
        "the Go module download",
        "remove it; add a private CA to the system trust store (`update-ca-certificates`)",
    ),
];

const CURL_HELP: &str = "remove it; pass a private CA with `--cacert` instead";
const WGET_HELP: &str = "remove it; pass a private CA with `--ca-certificate` instead";
const PIP_HELP: &str = "remove it; pass a private CA with `--cert` (or `PIP_CERT`) instead";
const NPM_HELP: &str = "remove it; point npm at a private CA with `cafile` instead";
const GIT_HELP: &str = "remove it; point git at a private CA with `http.sslCAInfo` instead";
const DNF_HELP: &str = "remove it; add a private CA to the system trust store (`update-ca-trust`)";

fn check(df: &Dockerfile, cx: &mut Context) {
    for inst in &df.instructions {
        for inst in inst.with_onbuild() {
            if !matches!(inst.keyword, Keyword::Env | Keyword::Arg) {
                continue;
            }
            for kv in inst.key_values() {
                // `ARG NAME` without a default sets nothing unless the build passes it.
                let (Some(value), Some(value_range)) = (&kv.value, kv.value_range) else {
                    continue;
                };
                let range = kv.key_range.cover(value_range);
                variable(kv.key, value, kv.word.has_variable, range, cx);
            }
        }
    }
    for (_, script) in df.run_scripts() {
        for declaration in &script.declarations {
            exported(declaration, cx);
        }
        for cmd in &script.commands {
            command(cmd, cx);
        }
    }
}

fn command(cmd: &ShellCommand, cx: &mut Context) {
    // `VAR=value cmd`, and `env VAR=value cmd` before the program.
    let env = cmd
        .words
        .iter()
        .take_while(|w| w.range != cmd.name().range)
        .skip(1);
    for word in cmd.assignments().iter().chain(env) {
        assignment(word, cx);
    }
    match cmd.program() {
        "curl" => curl(cmd, cx),
        "wget" => {
            for word in cmd
                .args()
                .iter()
                .filter(|w| w.text == "--no-check-certificate")
            {
                report_option(cx, word.range, "wget", &word.text, WGET_HELP);
            }
        }
        "npm" | "yarn" | "pnpm" => npm(cmd, cx),
        "git" => git(cmd, cx),
        "uv" => {
            for word in cmd.args() {
                if let Some(range) = trusted_host(cmd, word, "--allow-insecure-host")
                    .or_else(|| trusted_host(cmd, word, "--trusted-host"))
                {
                    report_option(cx, range, "uv", &word.text, PIP_HELP);
                }
            }
        }
        program if is_pip(cmd) => {
            for word in cmd.args() {
                if let Some(range) = trusted_host(cmd, word, "--trusted-host") {
                    let pip = if program.starts_with("python") {
                        format!("{program} -m pip")
                    } else {
                        program.to_string()
                    };
                    report_option(cx, range, &pip, "--trusted-host", PIP_HELP);
                }
            }
            pip_config(cmd, cx);
        }
        program if DNF_FAMILY.contains(&program) => {
            for (setting, range) in setopts_off(cmd, "sslverify") {
                let shown = format!("--setopt={setting}");
                report_option(cx, range, program, &shown, DNF_HELP);
            }
        }
        _ => {}
    }
}

/// `export VAR=value`, `declare -x VAR=value`.
fn exported(declaration: &ShellCommand, cx: &mut Context) {
    let [keyword, args @ ..] = declaration.words.as_slice() else {
        return;
    };
    let exports = keyword.text == "export"
        || (matches!(keyword.text.as_str(), "declare" | "typeset")
            && args.iter().any(|w| {
                w.text
                    .strip_prefix('-')
                    .is_some_and(|flags| flags.contains('x'))
            }));
    if exports {
        for word in args {
            assignment(word, cx);
        }
    }
}

/// A `NAME=value` word.
fn assignment(word: &Word, cx: &mut Context) {
    if let Some((name, value)) = word.text.split_once('=') {
        variable(name, value, word.has_variable, word.range, cx);
    }
}

fn report_option(cx: &mut Context, range: TextRange, program: &str, option: &str, help: &str) {
    cx.report(
        range,
        format!("`{program} {option}` turns off TLS certificate verification"),
    )
    .help(help);
}

/// Reports `name=value` (from `ENV`, `ARG`, `export` or a command prefix) if it is one of
/// [`VARIABLES`] with a value that turns verification off.
fn variable(name: &str, value: &str, has_variable: bool, range: TextRange, cx: &mut Context) {
    // npm reads its `npm_config_*` variables in any case; the others are exact.
    let Some(&(_, disables, what, help)) = VARIABLES
        .iter()
        .find(|(n, ..)| *n == name || (n.starts_with("NPM_") && n.eq_ignore_ascii_case(name)))
    else {
        return;
    };
    let off = match disables {
        Disables::WhenSet => true,
        _ if has_variable => false,
        Disables::With(expected) => value.eq_ignore_ascii_case(expected),
        Disables::WhenNotEmpty => !value.is_empty(),
    };
    if off {
        cx.report(
            range,
            format!("`{name}` turns off TLS certificate verification for {what}"),
        )
        .help(help);
    }
}

/// `curl -k`, `-sSLk`, `--insecure`, `--proxy-insecure`.
fn curl(cmd: &ShellCommand, cx: &mut Context) {
    for option in curl_options(cmd) {
        let off = match option.name {
            CurlName::Short(c) => c == 'k',
            CurlName::Long(name) => name == "--insecure" || name == "--proxy-insecure",
        };
        if off {
            report_option(cx, option.word.range, "curl", &option.word.text, CURL_HELP);
        }
    }
}

/// An option of a `curl` command.
pub(super) struct CurlOption<'a> {
    pub name: CurlName<'a>,
    /// The word that holds the option.
    pub word: &'a Word,
    /// Its value: the rest of the cluster (`-ofile`), after `=`, or the next word.
    pub value: Option<&'a str>,
}

pub(super) enum CurlName<'a> {
    /// A letter of `-sSLk`.
    Short(char),
    /// `--output`, without any `=value`.
    Long(&'a str),
}

/// `curl`'s short options that take a value.
const CURL_SHORT_WITH_VALUE: &str = "AbcCdDeEFHKmoPQrTtuUwxXyYz";
/// Long options that take a value, so their value is not read as an option.
const CURL_LONG_WITH_VALUE: &[&str] = &[
    "--output",
    "--output-dir",
    "--header",
    "--data",
    "--data-raw",
    "--data-binary",
    "--data-urlencode",
    "--form",
    "--user",
    "--user-agent",
    "--referer",
    "--request",
    "--url",
    "--config",
    "--proxy",
    "--cacert",
    "--capath",
    "--cert",
    "--key",
    "--cookie",
    "--cookie-jar",
    "--range",
    "--upload-file",
    "--write-out",
    "--max-time",
    "--retry",
    "--connect-timeout",
    "--resolve",
    "--connect-to",
    "--retry-delay",
    "--retry-max-time",
];

/// The options of a `curl` command, read like curl's own parser: in a cluster, an option that
/// takes a value ends it; `--` ends the options.
pub(super) fn curl_options(cmd: &ShellCommand) -> CurlOptions<'_> {
    CurlOptions {
        words: cmd.args().iter(),
        cluster: None,
    }
}

pub(super) struct CurlOptions<'a> {
    words: std::slice::Iter<'a, Word>,
    /// The word of a short-option cluster being read, and the letters left in it.
    cluster: Option<(&'a Word, &'a str)>,
}

impl<'a> Iterator for CurlOptions<'a> {
    type Item = CurlOption<'a>;

    fn next(&mut self) -> Option<CurlOption<'a>> {
        loop {
            if let Some((word, letters)) = self.cluster.take() {
                let Some(c) = letters.chars().next() else {
                    continue;
                };
                let rest = &letters[c.len_utf8()..];
                if !CURL_SHORT_WITH_VALUE.contains(c) {
                    self.cluster = Some((word, rest));
                    return Some(CurlOption {
                        name: CurlName::Short(c),
                        word,
                        value: None,
                    });
                }
                let value = if rest.is_empty() {
                    self.words.next().map(|v| v.text.as_str())
                } else {
                    Some(rest)
                };
                return Some(CurlOption {
                    name: CurlName::Short(c),
                    word,
                    value,
                });
            }
            let word = self.words.next()?;
            let text = word.text.as_str();
            if text == "--" {
                return None;
            }
            if let Some(long) = text.strip_prefix("--") {
                let (name, inline) = match long.split_once('=') {
                    Some((n, v)) => (&text[..n.len() + 2], Some(v)),
                    None => (text, None),
                };
                let value = match inline {
                    Some(v) => Some(v),
                    None if CURL_LONG_WITH_VALUE.contains(&name) => {
                        self.words.next().map(|v| v.text.as_str())
                    }
                    None => None,
                };
                return Some(CurlOption {
                    name: CurlName::Long(name),
                    word,
                    value,
                });
            }
            if let Some(letters) = text.strip_prefix('-') {
                self.cluster = Some((word, letters));
            }
        }
    }
}

/// `pip`, `pip3`, `pip3.12`, or `python -m pip`.
fn is_pip(cmd: &ShellCommand) -> bool {
    let program = cmd.program();
    if program
        .strip_prefix("pip")
        .is_some_and(|v| v.chars().all(|c| c.is_ascii_digit() || c == '.'))
    {
        return true;
    }
    program.starts_with("python")
        && cmd
            .args()
            .windows(2)
            .any(|w| w[0].text == "-m" && w[1].text == "pip")
}

/// The range of `option HOST` or `option=HOST` when `word` is that option.
fn trusted_host(cmd: &ShellCommand, word: &Word, option: &str) -> Option<TextRange> {
    let rest = word.text.strip_prefix(option)?;
    if rest.starts_with('=') {
        return Some(word.range);
    }
    if !rest.is_empty() {
        return None;
    }
    let args = cmd.args();
    let at = args.iter().position(|w| w.range == word.range)?;
    Some(
        args.get(at + 1)
            .map_or(word.range, |v| word.range.cover(v.range)),
    )
}

/// `pip config set global.trusted-host HOST`.
fn pip_config(cmd: &ShellCommand, cx: &mut Context) {
    let mut positional = cmd
        .positional_args(&["--editor"])
        .skip_while(|w| w.text != "config")
        .skip(1);
    let (Some(set), Some(key)) = (positional.next(), positional.next()) else {
        return;
    };
    if set.text == "set" && key.text.ends_with(".trusted-host") {
        report_option(cx, key.range, "pip config set", &key.text, PIP_HELP);
    }
}

/// `npm config set strict-ssl false` (also `npm set`, `npm c set`, `key=value`, `yarn` and
/// `pnpm`, yarn 2's `enableStrictSsl`), and `--strict-ssl=false` / `--no-strict-ssl` on any
/// npm command.
fn npm(cmd: &ShellCommand, cx: &mut Context) {
    let program = cmd.program();
    for word in cmd.args() {
        if word.text == "--no-strict-ssl" || word.text.eq_ignore_ascii_case("--strict-ssl=false") {
            report_option(cx, word.range, program, &word.text, NPM_HELP);
        }
    }
    let mut positional = cmd.positional_args(&[]);
    let Some(first) = positional.next() else {
        return;
    };
    let set = if matches!(first.text.as_str(), "config" | "c") {
        positional.next()
    } else {
        Some(first)
    };
    if set.is_none_or(|s| s.text != "set") {
        return;
    }
    let Some(key) = positional.next() else {
        return;
    };
    let (key, value, range) = match key.text.split_once('=') {
        Some((k, v)) => (k, v, key.range),
        None => {
            let Some(value) = positional.next() else {
                return;
            };
            (
                key.text.as_str(),
                value.text.as_str(),
                key.range.cover(value.range),
            )
        }
    };
    if matches!(key, "strict-ssl" | "enableStrictSsl") && value.eq_ignore_ascii_case("false") {
        let shown = cx.text()[first.range.start as usize..range.end as usize].to_string();
        report_option(cx, range, program, &shown, NPM_HELP);
    }
}

/// `git config [--global] http.sslVerify false` (also `http.<url>.sslVerify`) and
/// `git -c http.sslVerify=false ...`.
fn git(cmd: &ShellCommand, cx: &mut Context) {
    let args = cmd.args();
    for (i, word) in args.iter().enumerate() {
        if word.text == "-c" {
            let Some(setting) = args.get(i + 1) else {
                continue;
            };
            if let Some((key, value)) = setting.text.split_once('=') {
                if ssl_verify_off(key, value) {
                    let shown = format!("-c {}", setting.text);
                    report_option(cx, word.range.cover(setting.range), "git", &shown, GIT_HELP);
                }
            }
        }
    }
    let mut positional = cmd.positional_args(&["-c", "-C", "--file", "-f", "--type"]);
    if positional.next().is_none_or(|c| c.text != "config") {
        return;
    }
    // `git config set KEY VALUE` is the newer spelling of `git config KEY VALUE`.
    let mut rest = positional.filter(|w| w.text != "set");
    let (Some(key), Some(value)) = (rest.next(), rest.next()) else {
        return;
    };
    if ssl_verify_off(&key.text, &value.text) {
        let shown = format!("config {} {}", key.text, value.text);
        report_option(cx, key.range.cover(value.range), "git", &shown, GIT_HELP);
    }
}

/// `http.sslVerify` (or `http.<url>.sslVerify`) set to a false value.
fn ssl_verify_off(key: &str, value: &str) -> bool {
    let ends = |suffix: &str| {
        key.len() > suffix.len()
            && key
                .get(key.len() - suffix.len()..)
                .is_some_and(|end| end.eq_ignore_ascii_case(suffix))
    };
    key.get(..5)
        .is_some_and(|start| start.eq_ignore_ascii_case("http."))
        && ends(".sslverify")
        && ["false", "no", "off", "0"]
            .iter()
            .any(|off| value.eq_ignore_ascii_case(off))
}
