//! `rbac-secrets-access`: RBAC rule grants read access to Secrets (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "rbac-secrets-access",
    title: "RBAC rule grants read access to Secrets",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
