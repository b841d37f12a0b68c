//! `pdb-selects-no-pods`: PodDisruptionBudget selects no pods of the input (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "pdb-selects-no-pods",
    title: "PodDisruptionBudget selects no pods of the input",
    severity: Warning,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Set(check),
}

fn check(_objects: &[SetObject], _cx: &mut SetContext) {}
