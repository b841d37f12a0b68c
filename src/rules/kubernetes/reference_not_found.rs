//! `reference-not-found`: reference to a ServiceAccount, Secret or ConfigMap not in the input (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "reference-not-found",
    title: "reference to a ServiceAccount, Secret or ConfigMap not in the input",
    severity: Warning,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Set(check),
}

fn check(_objects: &[SetObject], _cx: &mut SetContext) {}
