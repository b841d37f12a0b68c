//! `cpu-limits-missing`: container without a CPU limit (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "cpu-limits-missing",
    title: "container without a CPU limit",
    severity: Info,
    category: Reliability,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
