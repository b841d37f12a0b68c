//! `host-port`: container binds a host port (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "host-port",
    title: "container binds a host port",
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
