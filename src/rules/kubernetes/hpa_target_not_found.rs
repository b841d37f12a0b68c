//! `hpa-target-not-found`: HorizontalPodAutoscaler targets no workload of the input (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "hpa-target-not-found",
    title: "HorizontalPodAutoscaler targets no workload of the input",
    severity: Warning,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Set(check),
}

fn check(_objects: &[SetObject], _cx: &mut SetContext) {}
