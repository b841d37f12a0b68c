//! `sudo-in-run`: a `RUN` command runs through `sudo`.

use crate::rules::prelude::*;

declare_rule! {
    id: "sudo-in-run",
    title: "`sudo` in a `RUN`",
    severity: Warning,
    category: Security,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3004", "checkov:CKV2_DOCKER_1", "trivy:DS-0010"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    for (_, cmd) in df.commands() {
        // A bare `sudo` is its own program; otherwise it is a wrapper in front of one.
        let bare = cmd.program() == "sudo";
        let Some(sudo) = cmd
            .wrappers()
            .chain(bare.then(|| cmd.name()))
            .find(|w| w.text.rsplit('/').next() == Some("sudo"))
        else {
            continue;
        };
        let message = if bare {
            "`sudo` in a `RUN`".to_string()
        } else {
            format!("`sudo` runs `{}` in a `RUN`", cmd.program())
        };
        cx.report(sudo.range, message)
            .help("drop `sudo` (a `RUN` runs as root unless `USER` says otherwise) or put `USER root` before it");
    }
}
