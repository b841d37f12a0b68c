//! `gem-unpinned`: `gem install` of a gem without a version (`gem:version` or `-v`).

use super::install_args::{has_option, invocation, parse, Arg, OptionSyntax};
use crate::rules::prelude::*;

declare_rule! {
    id: "gem-unpinned",
    title: "`gem install` of a gem without a version",
    severity: Warning,
    category: Reproducibility,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3028"],
    enabled_by_default: true,
    check: check,
}

/// `gem install` options that take the next word.
const GEM_OPTIONS: OptionSyntax = OptionSyntax {
    long: &[
        "--bindir",
        "--build-root",
        "--bulk-threshold",
        "--config-file",
        "--install-dir",
        "--platform",
        "--source",
        "--target-rbconfig",
        "--trust-policy",
        "--version",
    ],
    short: &['B', 'P', 'i', 'n', 's', 'v'],
};

fn check(df: &Dockerfile, cx: &mut Context) {
    for (_, cmd) in df.commands() {
        if !cmd.is("gem") {
            continue;
        }
        let Some(install) = invocation(cmd.args(), &GEM_OPTIONS, &["install", "i"]) else {
            continue;
        };
        // `-v` pins the one gem named (gem refuses it with several); `-g` installs what a
        // Gemfile (and its lock) lists.
        if has_option(
            install.rest,
            &GEM_OPTIONS,
            &["--version", "--file"],
            &['v', 'g'],
        ) {
            continue;
        }
        // After `--` come build options for native extensions, not gems.
        let gems = parse(install.rest, &GEM_OPTIONS)
            .take_while(|arg| !matches!(arg, Arg::EndOfOptions))
            .filter_map(|arg| match arg {
                Arg::Operand(word) => Some(word),
                _ => None,
            });
        for gem in gems {
            let spec = gem.text.as_str();
            if gem.has_variable || spec.contains(':') || spec.ends_with(".gem") {
                continue;
            }
            cx.report(gem.range, format!("gem `{spec}` has no version"))
                .help(format!(
                    "pin it as `{spec}:<version>`, or add `-v <version>` when it is the only gem"
                ));
        }
    }
}
