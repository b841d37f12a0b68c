//! `windows-host-process`: Windows HostProcess container (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "windows-host-process",
    title: "Windows HostProcess container",
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
