//! `service-target-port-not-found`: Service `targetPort` matches no container port (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "service-target-port-not-found",
    title: "Service `targetPort` matches no container port",
    severity: Error,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Set(check),
}

fn check(_objects: &[SetObject], _cx: &mut SetContext) {}
