//! `memory-requests-missing`: container without a memory request (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "memory-requests-missing",
    title: "container without a memory request",
    severity: Warning,
    category: Reliability,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
