//! `selinux-custom-options`: custom SELinux type, user or role (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "selinux-custom-options",
    title: "custom SELinux type, user or role",
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
