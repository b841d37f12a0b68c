//! `duplicate-container-name`: two containers of a pod share a name (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "duplicate-container-name",
    title: "two containers of a pod share a name",
    severity: Error,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
