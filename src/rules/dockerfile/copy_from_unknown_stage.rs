//! `copy-from-unknown-stage`: `COPY --from` names no earlier stage (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "copy-from-unknown-stage",
    title: "`COPY --from` names no earlier stage",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3022"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
