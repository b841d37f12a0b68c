//! `service-account-token-automounted`: pod automounts a service account token (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "service-account-token-automounted",
    title: "pod automounts a service account token",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
