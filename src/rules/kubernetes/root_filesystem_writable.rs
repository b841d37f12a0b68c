//! `root-filesystem-writable`: container root filesystem is writable (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "root-filesystem-writable",
    title: "container root filesystem is writable",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
