//! `copy-dest-not-directory`: `COPY` of several sources to a destination without a trailing `/` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "copy-dest-not-directory",
    title: "`COPY` of several sources to a destination without a trailing `/`",
    severity: Error,
    category: Correctness,
    target: Dockerfile,
    fix: Safe,
    aliases: ["hadolint:DL3021", "trivy:DS-0011"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
