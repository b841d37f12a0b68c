//! `memory-limits-missing`: container without a memory limit (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "memory-limits-missing",
    title: "container without a memory limit",
    severity: Warning,
    category: Reliability,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
