//! `network-policy-selects-no-pods`: NetworkPolicy selects no pods of the input (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "network-policy-selects-no-pods",
    title: "NetworkPolicy selects no pods of the input",
    severity: Warning,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Set(check),
}

fn check(_objects: &[SetObject], _cx: &mut SetContext) {}
