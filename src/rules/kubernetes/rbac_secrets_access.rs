//! `rbac-secrets-access`: a Role or ClusterRole rule grants `get`, `list` or `watch` (or `*`)
//! on `secrets` of the core API group, for every Secret (no `resourceNames`).

use crate::rules::prelude::*;

declare_rule! {
    id: "rbac-secrets-access",
    title: "RBAC rule grants read access to Secrets",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [
        "kube-linter:access-to-secrets",
        "trivy:KSV-0041",
        "trivy:KSV-0113",
        "cis-kubernetes:5.1.2",
    ],
    enabled_by_default: false,
    check: Check::Object(check),
}

fn check(object: &Object, cx: &mut Context) {
    for (rule, item, verbs) in object.grants("", "secrets", &["get", "list", "watch"]) {
        // Access to named Secrets only is the narrow grant this rule asks for.
        if !rule
            .get("resourceNames")
            .map_or(&[][..], Node::items)
            .is_empty()
        {
            continue;
        }
        let scope = match object.kind() {
            "Role" => " of its namespace",
            _ => "",
        };
        cx.report(
            item.range,
            format!(
                "`{}` grants {} on all Secrets{scope}",
                object.display(),
                list(&verbs)
            ),
        )
        .help("grant only the Secrets the workload needs with `resourceNames`, or mount them into its pods instead");
    }
}

/// `` `get`, `list` ``.
pub(super) fn list(verbs: &[&str]) -> String {
    verbs
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
