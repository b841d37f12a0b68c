//! `rbac-pod-create`: RBAC rule grants creating pods (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "rbac-pod-create",
    title: "RBAC rule grants creating pods",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
