//! `run-as-non-root-missing`: container may run as root (`runAsNonRoot` not `true`) (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "run-as-non-root-missing",
    title: "container may run as root (`runAsNonRoot` not `true`)",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Restricted,
}

fn check(_object: &Object, _cx: &mut Context) {}
