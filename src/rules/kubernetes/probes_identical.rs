//! `probes-identical`: liveness and readiness probes are identical (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "probes-identical",
    title: "liveness and readiness probes are identical",
    severity: Warning,
    category: Reliability,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
