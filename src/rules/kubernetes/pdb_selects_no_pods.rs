//! `pdb-selects-no-pods`: a PodDisruptionBudget's selector matches no pod template of the
//! input in its namespace.

use crate::rules::prelude::*;

declare_rule! {
    id: "pdb-selects-no-pods",
    title: "PDB selects no pods of the input",
    severity: Warning,
    category: Reliability,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Set(check),
}

fn check(objects: &[SetObject], cx: &mut SetContext) {
    for budget in objects {
        let facts = budget.facts;
        if facts.kind != "PodDisruptionBudget" || facts.group != "policy" {
            continue;
        }
        let Some((selector, range)) = &facts.selector else {
            continue;
        };
        if !facts.selects_no_pods(objects.iter().map(|o| o.facts)) {
            continue;
        }
        cx.report(
            budget.file,
            *range,
            format!(
                "no pod template in {} matches the selector `{selector}`",
                facts.scope()
            ),
        )
        .help("make the selector match the labels of the pods the budget should protect");
    }
}
