//! `capabilities-added`: container adds a capability outside the baseline set (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "capabilities-added",
    title: "container adds a capability outside the baseline set",
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
