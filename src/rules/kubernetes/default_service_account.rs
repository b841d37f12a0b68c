//! `default-service-account`: pod runs as the `default` service account (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "default-service-account",
    title: "pod runs as the `default` service account",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
