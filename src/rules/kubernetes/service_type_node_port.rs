//! `service-type-node-port`: Service of type `NodePort` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "service-type-node-port",
    title: "Service of type `NodePort`",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
