//! `network-policy-missing`: a workload whose pods no NetworkPolicy of the input selects
//! (kube-linter's non-isolated-pod, kube-score's pod-networkpolicy, checkov's CKV2_K8S_6).
//! Opt-in: whether every pod must be isolated is a policy decision.

use crate::rules::prelude::*;

declare_rule! {
    id: "network-policy-missing",
    title: "workload that no NetworkPolicy selects",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [
        "kube-linter:non-isolated-pod",
        "kube-score:pod-networkpolicy",
        "checkov:CKV2_K8S_6",
    ],
    enabled_by_default: false,
    check: Check::Set(check),
}

/// Policy kinds of network plugins and of the AdminNetworkPolicy API, whose selectors this
/// rule does not read: where one is in play, a workload may well be covered.
const OTHER_POLICIES: &[&str] = &[
    "AdminNetworkPolicy",
    "BaselineAdminNetworkPolicy",
    "CiliumClusterwideNetworkPolicy",
    "CiliumNetworkPolicy",
    "GlobalNetworkPolicy",
];

fn is_network_policy(facts: &ObjectFacts) -> bool {
    facts.kind == "NetworkPolicy"
        && matches!(facts.group.as_str(), "networking.k8s.io" | "extensions")
}

fn check(objects: &[SetObject], cx: &mut SetContext) {
    for workload in objects {
        let facts = workload.facts;
        // A PodTemplate makes no pods; NetworkPolicies do not apply to `hostNetwork` pods.
        let Some(pod) = &facts.pod else { continue };
        if facts.kind == "PodTemplate" || pod.host_network {
            continue;
        }
        let covered = objects.iter().map(|o| o.facts).any(|o| {
            if !o.same_namespace(facts) {
                return false;
            }
            if is_network_policy(o) {
                // No (readable) `podSelector`: the policy covers the whole namespace.
                return o.selector.is_none() || o.may_select(facts);
            }
            OTHER_POLICIES.contains(&o.kind.as_str())
                || (o.kind == "NetworkPolicy" && o.group.ends_with("projectcalico.org"))
        });
        if !covered {
            cx.report(
                workload.file,
                facts.anchor,
                format!(
                    "no NetworkPolicy in {} selects the pods of `{}`",
                    facts.scope(),
                    facts.display()
                ),
            )
            .help("add a NetworkPolicy whose `podSelector` matches these pods, or a namespace-wide default-deny policy");
        }
    }
}
