//! `service-selects-no-pods`: Service selects no pods of the input (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "service-selects-no-pods",
    title: "Service selects no pods of the input",
    severity: Warning,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Set(check),
}

fn check(_objects: &[SetObject], _cx: &mut SetContext) {}
