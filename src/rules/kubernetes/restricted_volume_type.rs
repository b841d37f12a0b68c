//! `restricted-volume-type`: pod uses a volume type outside the restricted set (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "restricted-volume-type",
    title: "pod uses a volume type outside the restricted set",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Restricted,
    replaces: ["host-path-volume"],
}

fn check(_object: &Object, _cx: &mut Context) {}
