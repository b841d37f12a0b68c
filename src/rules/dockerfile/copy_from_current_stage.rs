//! `copy-from-current-stage`: `COPY --from` names the stage it is in (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "copy-from-current-stage",
    title: "`COPY --from` names the stage it is in",
    severity: Error,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3023", "trivy:DS-0006"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
