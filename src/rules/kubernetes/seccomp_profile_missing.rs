//! `seccomp-profile-missing`: no `RuntimeDefault` or `Localhost` seccomp profile (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "seccomp-profile-missing",
    title: "no `RuntimeDefault` or `Localhost` seccomp profile",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Restricted,
    replaces: ["seccomp-unconfined"],
    min_kubernetes: (1, 19),
}

fn check(_object: &Object, _cx: &mut Context) {}
