//! `useradd-large-uid`: `useradd` with a UID above 99999 and without `--no-log-init`.

use crate::rules::prelude::*;

declare_rule! {
    id: "useradd-large-uid",
    title: "`useradd` with a large UID without `--no-log-init`",
    severity: Warning,
    category: Efficiency,
    target: Dockerfile,
    fix: Safe,
    aliases: ["hadolint:DL3046"],
    enabled_by_default: true,
    check: check,
}

/// hadolint's threshold: a UID of more than five digits.
const LARGE_UID: u64 = 99_999;
/// Bytes per UID in `/var/log/lastlog` (`struct lastlog` on 64-bit glibc).
const LASTLOG_ENTRY: u64 = 292;
/// `useradd`'s short options that take a value (shadow-utils' option string).
const SHORT_WITH_VALUE: &str = "bcdefgGkKpPRsuZ";
/// `useradd`'s long options that take a value.
const LONG_WITH_VALUE: &[&str] = &[
    "base-dir",
    "btrfs-subvolume-home",
    "comment",
    "home-dir",
    "expiredate",
    "inactive",
    "gid",
    "groups",
    "skel",
    "key",
    "password",
    "root",
    "prefix",
    "shell",
    "uid",
    "selinux-user",
    "selinux-range",
];

/// The value of an option, with the range of the option and its value (`-u 100000`).
struct OptionValue<'a> {
    text: &'a str,
    range: TextRange,
    has_variable: bool,
}

/// What the options of one `useradd` say.
struct Useradd<'a> {
    uid: Option<OptionValue<'a>>,
    no_log_init: bool,
}

fn parse(args: &[Word]) -> Useradd<'_> {
    let mut out = Useradd {
        uid: None,
        no_log_init: false,
    };
    let mut i = 0;
    while i < args.len() {
        let word = &args[i];
        i += 1;
        let text = word.text.as_str();
        if text == "--" {
            break;
        }
        if let Some(long) = text.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (long, None),
            };
            if name == "no-log-init" {
                out.no_log_init = true;
            } else if LONG_WITH_VALUE.contains(&name) {
                let value = match inline {
                    Some(text) => Some(OptionValue {
                        text,
                        range: word.range,
                        has_variable: word.has_variable,
                    }),
                    None => args.get(i).map(|v| {
                        i += 1;
                        OptionValue {
                            text: &v.text,
                            range: word.range.cover(v.range),
                            has_variable: v.has_variable,
                        }
                    }),
                };
                if name == "uid" {
                    out.uid = value;
                }
            }
        } else if let Some(cluster) = text.strip_prefix('-').filter(|c| !c.is_empty()) {
            // getopt: flags until the first option that takes a value; the rest of the
            // cluster, or else the next word, is that value.
            for (at, c) in cluster.char_indices() {
                if c == 'l' {
                    out.no_log_init = true;
                }
                if SHORT_WITH_VALUE.contains(c) {
                    let rest = &cluster[at + c.len_utf8()..];
                    let value = if rest.is_empty() {
                        args.get(i).map(|v| {
                            i += 1;
                            OptionValue {
                                text: &v.text,
                                range: word.range.cover(v.range),
                                has_variable: v.has_variable,
                            }
                        })
                    } else {
                        Some(OptionValue {
                            text: rest,
                            range: word.range,
                            has_variable: word.has_variable,
                        })
                    };
                    if c == 'u' {
                        out.uid = value;
                    }
                    break;
                }
            }
        }
    }
    out
}

fn check(df: &Dockerfile, cx: &mut Context) {
    for (_, cmd) in df.commands() {
        if !cmd.is("useradd") {
            continue;
        }
        let options = parse(cmd.args());
        if options.no_log_init {
            continue;
        }
        let Some(value) = options.uid.filter(|v| !v.has_variable) else {
            continue;
        };
        let Ok(uid) = value.text.parse::<u64>() else {
            continue;
        };
        if uid <= LARGE_UID {
            continue;
        }
        let megabytes = uid.saturating_add(1).saturating_mul(LASTLOG_ENTRY) / 1_000_000;
        cx.report(
            value.range,
            format!(
                "`useradd` with UID `{uid}` and without `--no-log-init` fills \
                 `/var/log/lastlog` (about {megabytes} MB in the layer)"
            ),
        )
        .help("add `--no-log-init` (`-l`), so the login logs stay empty")
        .fix(
            "add `--no-log-init`",
            vec![Edit::insert(
                cmd.name().range.end as usize,
                " --no-log-init",
            )],
        );
    }
}
