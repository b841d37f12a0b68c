//! `host-path-volume`: pod mounts a `hostPath` volume (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "host-path-volume",
    title: "pod mounts a `hostPath` volume",
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
