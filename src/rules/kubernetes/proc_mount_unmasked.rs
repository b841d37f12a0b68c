//! `proc-mount-unmasked`: `procMount` other than `Default` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "proc-mount-unmasked",
    title: "`procMount` other than `Default`",
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
