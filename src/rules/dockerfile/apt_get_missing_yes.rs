//! `apt-get-missing-yes`: `apt-get install` without `-y` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "apt-get-missing-yes",
    title: "`apt-get install` without `-y`",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: Safe,
    aliases: ["hadolint:DL3014", "trivy:DS-0021"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
