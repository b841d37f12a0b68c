//! `rbac-pod-create`: a Role or ClusterRole rule grants `create` (or `*`) on pods or on the
//! workload kinds that create them (Deployments, StatefulSets, Jobs, ...).

use crate::rules::prelude::*;

declare_rule! {
    id: "rbac-pod-create",
    title: "RBAC rule grants creating pods",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: ["kube-linter:access-to-create-pods", "cis-kubernetes:5.1.4"],
    enabled_by_default: false,
    check: Check::Object(check),
}

/// Resources whose `create` starts pods of the creator's choosing, with their API groups.
const POD_MAKERS: &[(&str, &str)] = &[
    ("", "pods"),
    ("", "replicationcontrollers"),
    ("apps", "deployments"),
    ("apps", "replicasets"),
    ("apps", "statefulsets"),
    ("apps", "daemonsets"),
    ("extensions", "deployments"),
    ("extensions", "replicasets"),
    ("extensions", "daemonsets"),
    ("batch", "jobs"),
    ("batch", "cronjobs"),
];

fn check(object: &Object, cx: &mut Context) {
    let mut seen: Vec<TextRange> = Vec::new();
    for (group, resource) in POD_MAKERS {
        for (_, item, verbs) in object.grants(group, resource, &["create"]) {
            // `apiGroups: [apps, extensions]` names the resource once.
            if seen.contains(&item.range) {
                continue;
            }
            seen.push(item.range);
            let what = match *resource {
                "pods" => "`pods`".to_string(),
                other => format!("`{other}`, which run pods"),
            };
            cx.report(
                item.range,
                format!(
                    "`{}` grants {} on {what}: its holders can start any image as any service account of the namespace",
                    object.display(),
                    super::rbac_secrets_access::list(&verbs)
                ),
            )
            .help("grant `create` on workloads only to the controllers and pipelines that deploy them, and enforce Pod Security admission where they run");
        }
    }
}
