//! `sensitive-host-path`: pod mounts a sensitive host directory (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "sensitive-host-path",
    title: "pod mounts a sensitive host directory",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
