//! `secret-in-env-var`: secret-looking value in a container env var (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "secret-in-env-var",
    title: "secret-looking value in a container env var",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
