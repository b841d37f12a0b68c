//! `cd-instead-of-workdir`: `cd` in a `RUN` instead of `WORKDIR` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "cd-instead-of-workdir",
    title: "`cd` in a `RUN` instead of `WORKDIR`",
    severity: Warning,
    category: Style,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3003", "trivy:DS-0013"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
