//! `pdb-zero-disruptions`: PodDisruptionBudget allows no disruption (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "pdb-zero-disruptions",
    title: "PodDisruptionBudget allows no disruption",
    severity: Warning,
    category: Reliability,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
