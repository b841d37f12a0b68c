//! `net-raw-not-dropped`: container keeps the `NET_RAW` capability (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "net-raw-not-dropped",
    title: "container keeps the `NET_RAW` capability",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
