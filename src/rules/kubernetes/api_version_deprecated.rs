//! `api-version-deprecated`: API version deprecated in the target Kubernetes version (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "api-version-deprecated",
    title: "API version deprecated in the target Kubernetes version",
    severity: Warning,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
