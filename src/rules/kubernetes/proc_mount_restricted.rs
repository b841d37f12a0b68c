//! `proc-mount-restricted`: `procMount` other than `Default`, even in a user namespace (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "proc-mount-restricted",
    title: "`procMount` other than `Default`, even in a user namespace",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Restricted,
    replaces: ["proc-mount-unmasked"],
    min_kubernetes: (1, 35),
}

fn check(_object: &Object, _cx: &mut Context) {}
