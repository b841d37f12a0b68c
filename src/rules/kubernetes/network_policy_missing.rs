//! `network-policy-missing`: workload that no NetworkPolicy selects (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "network-policy-missing",
    title: "workload that no NetworkPolicy selects",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Set(check),
}

fn check(_objects: &[SetObject], _cx: &mut SetContext) {}
