//! `capabilities-not-dropped`: container does not drop all capabilities (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "capabilities-not-dropped",
    title: "container does not drop all capabilities",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Restricted,
    replaces: ["capabilities-added"],
    min_kubernetes: (1, 22),
}

fn check(_object: &Object, _cx: &mut Context) {}
