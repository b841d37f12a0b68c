//! `rpm-install-missing-yes`: `yum`, `dnf` or `zypper` install without a non-interactive flag (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "rpm-install-missing-yes",
    title: "`yum`, `dnf` or `zypper` install without a non-interactive flag",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: Safe,
    aliases: ["hadolint:DL3030", "hadolint:DL3034", "hadolint:DL3038"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
