//! `seccomp-unconfined`: seccomp profile set to `Unconfined` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "seccomp-unconfined",
    title: "seccomp profile set to `Unconfined`",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Baseline,
}

fn check(_object: &Object, _cx: &mut Context) {}
