//! `cpu-requests-missing`: container without a CPU request (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "cpu-requests-missing",
    title: "container without a CPU request",
    severity: Warning,
    category: Reliability,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
