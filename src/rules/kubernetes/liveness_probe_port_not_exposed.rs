//! `liveness-probe-port-not-exposed`: probe names a port the container does not expose (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "liveness-probe-port-not-exposed",
    title: "probe names a port the container does not expose",
    severity: Error,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
