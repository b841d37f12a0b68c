//! `hpa-target-not-found`: a HorizontalPodAutoscaler's `scaleTargetRef` names no object of
//! the input in its namespace (kube-linter's dangling-horizontalpodautoscaler, kube-score's
//! horizontalpodautoscaler-has-target).

use crate::kubernetes::inventory::is_template;
use crate::rules::prelude::*;

declare_rule! {
    id: "hpa-target-not-found",
    title: "HPA targets no workload of the input",
    severity: Warning,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: [
        "kube-linter:dangling-horizontalpodautoscaler",
        "kube-score:horizontalpodautoscaler-has-target",
    ],
    enabled_by_default: true,
    check: Check::Set(check),
}

fn check(objects: &[SetObject], cx: &mut SetContext) {
    for hpa in objects {
        let facts = hpa.facts;
        if facts.kind != "HorizontalPodAutoscaler" || facts.group != "autoscaling" {
            continue;
        }
        for reference in &facts.references {
            let ReferenceKind::ScaleTarget { kind } = &reference.kind else {
                continue;
            };
            if kind.is_empty() || is_template(kind) || reference.is_placeholder() {
                continue;
            }
            let nearby = |o: &&SetObject| o.facts.same_namespace(facts);
            // Only an input that holds workloads (or objects of the target's kind) here says
            // anything about a missing target.
            let relevant = objects
                .iter()
                .filter(nearby)
                .any(|o| o.facts.pod.is_some() || o.facts.kind == *kind);
            let found = objects.iter().filter(nearby).any(|o| {
                o.facts.kind == *kind && o.facts.name.as_deref() == Some(reference.name.as_str())
            });
            if relevant && !found {
                cx.report(
                    hpa.file,
                    reference.range,
                    format!("no {kind} `{}` in {}", reference.name, facts.scope()),
                )
                .help("name the workload to scale in `scaleTargetRef`, or add it to the input");
            }
        }
    }
}
