//! `network-policy-selects-no-pods`: a NetworkPolicy's `podSelector` matches no pod template
//! of the input in its namespace (kube-linter's dangling-networkpolicy, kube-score's
//! networkpolicy-targets-pod).

use crate::rules::prelude::*;

declare_rule! {
    id: "network-policy-selects-no-pods",
    title: "network policy selects no pods of the input",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [
        "kube-linter:dangling-networkpolicy",
        "kube-score:networkpolicy-targets-pod",
    ],
    enabled_by_default: true,
    check: Check::Set(check),
}

fn check(objects: &[SetObject], cx: &mut SetContext) {
    for policy in objects {
        let facts = policy.facts;
        if facts.kind != "NetworkPolicy"
            || !matches!(facts.group.as_str(), "networking.k8s.io" | "extensions")
        {
            continue;
        }
        let Some((selector, range)) = &facts.selector else {
            continue;
        };
        // `podSelector: {}` is a namespace-wide policy (a default deny): it means to cover
        // pods whether or not the input holds them.
        if selector.is_empty() || !facts.selects_no_pods(objects.iter().map(|o| o.facts)) {
            continue;
        }
        cx.report(
            policy.file,
            *range,
            format!(
                "no pod template in {} matches the `podSelector` `{selector}`",
                facts.scope()
            ),
        )
        .help("make the `podSelector` match the labels of the pods the policy should govern");
    }
}
