//! `probe-host-set`: probe or lifecycle hook sets `host` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "probe-host-set",
    title: "probe or lifecycle hook sets `host`",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Baseline,
    min_kubernetes: (1, 34),
}

fn check(_object: &Object, _cx: &mut Context) {}
