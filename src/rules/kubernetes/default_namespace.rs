//! `default-namespace`: object in the `default` namespace (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "default-namespace",
    title: "object in the `default` namespace",
    severity: Warning,
    category: Style,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
