//! `rpm-install-missing-yes`: a `yum`, `dnf`, `tdnf` or `zypper` command that asks for
//! confirmation runs without `-y` (or, for `zypper`, `--non-interactive`).

use super::packages::{Configured, Manager, PackageCommand};
use crate::rules::prelude::*;

declare_rule! {
    id: "rpm-install-missing-yes",
    title: "`yum`, `dnf` or `zypper` command that asks for confirmation, without `-y`",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: Safe,
    aliases: ["hadolint:DL3030", "hadolint:DL3034", "hadolint:DL3038"],
    enabled_by_default: true,
    check: check,
}

/// Actions of yum, dnf, microdnf and tdnf that ask "Is this ok [y/N]"; for `group` and
/// `module` the word after them (`dnf module enable`).
const YUM_PROMPTING: &[&str] = &[
    "install",
    "in",
    "groupinstall",
    "localinstall",
    "reinstall",
    "rei",
    "install-n",
    "install-na",
    "install-nevra",
    "remove",
    "rm",
    "erase",
    "autoremove",
    "groupremove",
    "groupupdate",
    "update",
    "upgrade",
    "up",
    "update-minimal",
    "upgrade-minimal",
    "downgrade",
    "distro-sync",
    "distrosync",
    "dsync",
    "swap",
    "builddep",
    "enable",
    "disable",
    "reset",
    "switch-to",
];

/// Actions of zypper that ask "Continue? [y/n/v/...]".
const ZYPPER_PROMPTING: &[&str] = &[
    "install",
    "in",
    "remove",
    "rm",
    "source-install",
    "si",
    "patch",
    "update",
    "up",
    "dist-upgrade",
    "dup",
    "install-new-recommends",
    "inr",
    "verify",
    "ve",
];

fn check(df: &Dockerfile, cx: &mut Context) {
    let assume_yes = Configured::scan(df, "assumeyes", &["1", "true", "yes"]);
    for (inst, cmd) in df.commands() {
        let Some(pc) = PackageCommand::of(cmd) else {
            continue;
        };
        let action = pc.action.text.as_str();
        let (flag, at) = match pc.manager {
            // microdnf (UBI, Oracle Linux slim) never asks: it accepts `-y` and ignores it.
            Manager::Yum if pc.program() == "microdnf" => continue,
            Manager::Yum | Manager::Tdnf => {
                if !YUM_PROMPTING.contains(&action)
                    || yum_assumes_yes(&pc)
                    || assume_yes.before(df, inst)
                {
                    continue;
                }
                ("-y", pc.action.range.end)
            }
            Manager::Zypper => {
                if !ZYPPER_PROMPTING.contains(&action) || zypper_non_interactive(&pc) {
                    continue;
                }
                // A global option: it goes before the command.
                ("--non-interactive", pc.name.range.end)
            }
            Manager::Apt | Manager::Apk => continue,
        };
        let report = cx
            .report(
                pc.range(),
                format!(
                    "`{}` without `{flag}` may stop at its confirmation prompt",
                    pc.display()
                ),
            )
            .help(format!(
                "add `{flag}` so the build never waits for an answer"
            ));
        // With `--assumeno`, dnf answers no whatever else is given: adding `-y` fixes nothing.
        if !pc.has_option(&["--assumeno"], &[]) {
            report.fix(
                format!("add `{flag}`"),
                vec![Edit::insert(at as usize, format!(" {flag}"))],
            );
        }
    }
}

/// `-y`, `--assumeyes` (also in a cluster such as `-qy`) or `--setopt=assumeyes=1`.
fn yum_assumes_yes(pc: &PackageCommand) -> bool {
    let setopt = |s: &str| {
        s.split_once('=').is_some_and(|(k, v)| {
            k == "assumeyes"
                && ["1", "true", "yes"]
                    .iter()
                    .any(|t| v.eq_ignore_ascii_case(t))
        })
    };
    pc.has_option(&["--assumeyes"], &['y'])
        || pc.args.iter().enumerate().any(|(i, w)| {
            w.text.strip_prefix("--setopt=").is_some_and(setopt)
                || (w.text == "--setopt" && pc.args.get(i + 1).is_some_and(|v| setopt(&v.text)))
        })
}

/// The global `-n` (alone or in a cluster such as `-qn`) before the command, or
/// `--non-interactive`, `-y` or `--no-confirm` anywhere. After the command `-n` is `--name`.
fn zypper_non_interactive(pc: &PackageCommand) -> bool {
    let command = pc.subcommand.range.start;
    pc.has_option(&["--non-interactive", "--no-confirm"], &['y'])
        || pc.args.iter().any(|w| {
            w.range.start < command
                && w.text.strip_prefix('-').is_some_and(|s| {
                    !s.starts_with('-')
                        && s.chars().all(|c| c.is_ascii_alphanumeric())
                        && s.contains('n')
                })
        })
}
