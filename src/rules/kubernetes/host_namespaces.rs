//! `host-namespaces`: pod shares a host namespace (network, PID or IPC) (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "host-namespaces",
    title: "pod shares a host namespace (network, PID or IPC)",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Baseline,
}

fn check(_object: &Object, _cx: &mut Context) {}
