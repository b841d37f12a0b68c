//! `selector-mismatch`: workload selector does not match its pod template (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "selector-mismatch",
    title: "workload selector does not match its pod template",
    severity: Error,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
