//! `privilege-escalation-allowed`: container does not set `allowPrivilegeEscalation: false` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "privilege-escalation-allowed",
    title: "container does not set `allowPrivilegeEscalation: false`",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Restricted,
    min_kubernetes: (1, 8),
}

fn check(_object: &Object, _cx: &mut Context) {}
