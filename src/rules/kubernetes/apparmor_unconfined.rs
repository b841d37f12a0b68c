//! `apparmor-unconfined`: AppArmor profile set to unconfined or unknown (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "apparmor-unconfined",
    title: "AppArmor profile set to unconfined or unknown",
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
