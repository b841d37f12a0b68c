//! `rbac-wildcard`: RBAC rule grants `*` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "rbac-wildcard",
    title: "RBAC rule grants `*`",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
