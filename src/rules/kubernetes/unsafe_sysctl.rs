//! `unsafe-sysctl`: pod sets a sysctl outside the safe set (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "unsafe-sysctl",
    title: "pod sets a sysctl outside the safe set",
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
