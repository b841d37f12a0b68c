//! `ingress-service-not-found`: Ingress backend names a Service not in the input (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "ingress-service-not-found",
    title: "Ingress backend names a Service not in the input",
    severity: Warning,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Set(check),
}

fn check(_objects: &[SetObject], _cx: &mut SetContext) {}
