//! `api-version-removed`: API version removed in the target Kubernetes version (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "api-version-removed",
    title: "API version removed in the target Kubernetes version",
    severity: Error,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
