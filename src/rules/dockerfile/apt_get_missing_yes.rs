//! `apt-get-missing-yes`: an `apt-get` (or `apt`) command that asks for confirmation runs
//! without `-y`.

use super::packages::{
    apt_bool, apt_option, apt_short_flags, apt_simulates, Configured, PackageCommand,
    APT_VALUE_OPTIONS,
};
use crate::rules::prelude::*;

declare_rule! {
    id: "apt-get-missing-yes",
    title: "`apt-get` command that asks for confirmation, without `-y`",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: Safe,
    aliases: ["hadolint:DL3014", "trivy:DS-0021"],
    enabled_by_default: true,
    check: check,
}

/// Sub-commands that stop at "Do you want to continue? [Y/n]" when they change more than the
/// user named; without a terminal the answer is end-of-file and apt aborts.
const PROMPTING: &[&str] = &[
    "install",
    "reinstall",
    "remove",
    "purge",
    "autoremove",
    "autopurge",
    "upgrade",
    "dist-upgrade",
    "full-upgrade",
    "build-dep",
    "satisfy",
];

fn check(df: &Dockerfile, cx: &mut Context) {
    let assume_yes = Configured::scan(df, "APT::Get::Assume-Yes", &["true", "yes", "1"]);
    for (inst, cmd) in df.commands() {
        let Some(pc) = PackageCommand::of(cmd) else {
            continue;
        };
        if !matches!(pc.program(), "apt-get" | "apt")
            || !PROMPTING.contains(&pc.action.text.as_str())
            || never_prompts(pc.args)
            || assume_yes.before(df, inst)
        {
            continue;
        }
        let end = pc.action.range.end as usize;
        cx.report(
            pc.range(),
            format!(
                "`{}` without `-y` may stop at its confirmation prompt",
                pc.display()
            ),
        )
        .help("add `-y` so the build never waits for an answer")
        .fix("add `-y`", vec![Edit::insert(end, " -y")]);
    }
}

/// True when the command answers apt's prompt itself: `-y`, `--yes`, `--assume-yes`, a short
/// option cluster with `y` (`-qy`), quiet level 2 (`-qq`, `-q -q`, `-q=2`, `--quiet=2`, which
/// implies `-y`), or `-o APT::Get::Assume-Yes=true`; or when it only simulates, which never
/// asks.
fn never_prompts(args: &[Word]) -> bool {
    if apt_simulates(args) {
        return true;
    }
    let mut quiet = 0u32;
    let mut skip_value = false;
    for w in args {
        let t = w.text.as_str();
        if std::mem::replace(&mut skip_value, APT_VALUE_OPTIONS.contains(&t)) {
            continue;
        }
        if t == "--" {
            break;
        }
        if let Some(long) = t.strip_prefix("--") {
            let (name, value) = long
                .split_once('=')
                .map_or((long, None), |(n, v)| (n, Some(v)));
            match name {
                "yes" | "assume-yes" if value.is_none_or(|v| apt_bool(v) == Some(true)) => {
                    return true
                }
                "quiet" => quiet = value.and_then(|v| v.parse().ok()).unwrap_or(quiet + 1),
                _ => {}
            }
        } else if let Some(level) = t.strip_prefix("-q=") {
            quiet = level.parse().unwrap_or(quiet);
        } else {
            for c in apt_short_flags(t) {
                match c {
                    'y' => return true,
                    'q' => quiet += 1,
                    _ => {}
                }
            }
        }
    }
    quiet >= 2
        || apt_option(args, "APT::Get::Assume-Yes").and_then(apt_bool) == Some(true)
        || apt_option(args, "quiet").and_then(|v| v.parse::<u32>().ok()) >= Some(2)
}
