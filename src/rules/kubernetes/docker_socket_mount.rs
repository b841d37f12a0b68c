//! `docker-socket-mount`: pod mounts the container runtime socket (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "docker-socket-mount",
    title: "pod mounts the container runtime socket",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
