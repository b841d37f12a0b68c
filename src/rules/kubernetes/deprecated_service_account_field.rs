//! `deprecated-service-account-field`: deprecated `serviceAccount` field (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "deprecated-service-account-field",
    title: "deprecated `serviceAccount` field",
    severity: Warning,
    category: Style,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
