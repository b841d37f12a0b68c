//! `rbac-pod-exec`: a Role or ClusterRole rule grants `create` or `get` (or `*`) on
//! `pods/exec` or `pods/attach`: running commands in the pods it reaches.

use crate::rules::prelude::*;

declare_rule! {
    id: "rbac-pod-exec",
    title: "RBAC rule grants `pods/exec` or `pods/attach`",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [
        "polaris:clusterrolePodExecAttach",
        "polaris:rolePodExecAttach",
        "trivy:KSV-0053",
        "trivy:KSV-0054",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
}

/// `create` is the verb of the API; `get` was enough for the WebSocket protocol before
/// Kubernetes required `create` for it too.
const VERBS: &[&str] = &["create", "get"];

fn check(object: &Object, cx: &mut Context) {
    for (resource, power) in [
        ("pods/exec", "run commands in"),
        ("pods/attach", "attach to the processes of"),
    ] {
        for (_, item, verbs) in object.grants("", resource, VERBS) {
            cx.report(
                item.range,
                format!(
                    "`{}` grants {} on `{resource}`: it can {power} every pod it reaches",
                    object.display(),
                    super::rbac_secrets_access::list(&verbs)
                ),
            )
            .help("remove the subresource, or limit the grant to the pods that need it with `resourceNames`");
        }
    }
}
