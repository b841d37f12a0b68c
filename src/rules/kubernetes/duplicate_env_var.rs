//! `duplicate-env-var`: environment variable defined twice (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "duplicate-env-var",
    title: "environment variable defined twice",
    severity: Warning,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
