//! `job-ttl-missing`: Job without `ttlSecondsAfterFinished` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "job-ttl-missing",
    title: "Job without `ttlSecondsAfterFinished`",
    severity: Info,
    category: Efficiency,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
