//! `cluster-admin-binding`: binding to the `cluster-admin` role (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "cluster-admin-binding",
    title: "binding to the `cluster-admin` role",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
