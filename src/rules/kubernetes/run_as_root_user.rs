//! `run-as-root-user`: container runs as user 0 (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "run-as-root-user",
    title: "container runs as user 0",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Restricted,
    min_kubernetes: (1, 23),
}

fn check(_object: &Object, _cx: &mut Context) {}
