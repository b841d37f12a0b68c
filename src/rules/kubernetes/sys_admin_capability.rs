//! `sys-admin-capability`: container adds `SYS_ADMIN` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "sys-admin-capability",
    title: "container adds `SYS_ADMIN`",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
