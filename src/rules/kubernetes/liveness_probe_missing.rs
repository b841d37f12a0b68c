//! `liveness-probe-missing`: container without a liveness probe (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "liveness-probe-missing",
    title: "container without a liveness probe",
    severity: Warning,
    category: Reliability,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
