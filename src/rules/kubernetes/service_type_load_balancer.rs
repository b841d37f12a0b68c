//! `service-type-load-balancer`: Service of type `LoadBalancer` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "service-type-load-balancer",
    title: "Service of type `LoadBalancer`",
    severity: Info,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
