//! `rbac-pod-exec`: RBAC rule grants `pods/exec` or `pods/attach` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "rbac-pod-exec",
    title: "RBAC rule grants `pods/exec` or `pods/attach`",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
