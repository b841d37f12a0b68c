//! `apt-get-unpinned`: a package of `apt-get install` (or `apt install`) without `=version`.

use super::packages::{apt_simulates, PackageCommand};
use crate::rules::prelude::*;

declare_rule! {
    id: "apt-get-unpinned",
    title: "`apt-get install` of a package without a version",
    severity: Warning,
    category: Reproducibility,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3008"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    for (_, cmd) in df.commands() {
        let Some(pc) = PackageCommand::of(cmd) else {
            continue;
        };
        if !matches!(pc.program(), "apt-get" | "apt")
            || pc.action.text != "install"
            || apt_simulates(pc.args)
        {
            continue;
        }
        for package in pc.operands().filter(|w| is_unpinned(w)) {
            cx.report(
                package.range,
                format!("package `{}` has no version", package.text),
            )
            .help(format!("pin it as `{}=<version>`", package.text));
        }
    }
}

/// A package name without `=version`. Variables are unknown at lint time; a word with `/` is
/// a path (`./tool.deb`) or a release (`curl/bookworm-backports`), a `.deb` is a local file,
/// and a trailing `-` asks apt to remove the package instead.
fn is_unpinned(w: &Word) -> bool {
    let t = w.text.as_str();
    !w.has_variable
        && !t.is_empty()
        && !t.contains(['=', '/'])
        && !t.ends_with(".deb")
        && !t.ends_with('-')
}
