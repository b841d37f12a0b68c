//! `cluster-admin-binding`: a ClusterRoleBinding or RoleBinding whose `roleRef` is the
//! `cluster-admin` ClusterRole, for a subject other than the `system:masters` group (which
//! holds every permission already).

use crate::rules::prelude::*;

declare_rule! {
    id: "cluster-admin-binding",
    title: "binding to the `cluster-admin` role",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [
        "kube-linter:cluster-admin-role-binding",
        "polaris:clusterrolebindingClusterAdmin",
        "polaris:rolebindingClusterAdminClusterRole",
        "trivy:KSV-0111",
        "cis-kubernetes:5.1.1",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(object: &Object, cx: &mut Context) {
    let kind = object.kind();
    if !matches!(kind, "ClusterRoleBinding" | "RoleBinding")
        || object.group() != "rbac.authorization.k8s.io"
    {
        return;
    }
    let Some(role) = object.node.get("roleRef") else {
        return;
    };
    let Some(name) = role
        .get("name")
        .filter(|n| n.as_str() == Some("cluster-admin"))
    else {
        return;
    };
    if role.get("kind").and_then(Node::as_str) != Some("ClusterRole") {
        return;
    }
    let subjects: Vec<String> = object
        .node
        .get("subjects")
        .map_or(&[][..], Node::items)
        .iter()
        .filter_map(describe)
        // `system:masters` holds every permission already; the binding adds nothing for it.
        .filter(|s| s != "group `system:masters`")
        .collect();
    if subjects.is_empty() {
        return;
    }
    let whom = match subjects.len() {
        1 => subjects[0].clone(),
        2 => format!("{} and 1 more subject", subjects[0]),
        n => format!("{} and {} more subjects", subjects[0], n - 1),
    };
    let scope = match (kind, object.namespace()) {
        ("RoleBinding", Some(ns)) => format!(" in namespace `{ns}`"),
        ("RoleBinding", None) => " in its namespace".to_string(),
        _ => String::new(),
    };
    cx.report(
        name.range,
        format!(
            "`{}` gives {whom} full control{scope} through `cluster-admin`",
            object.display()
        ),
    )
    .help("bind a role that grants only the resources and verbs the subject needs");
}

/// `` ServiceAccount `kube-system/tiller` ``, `` group `system:masters` ``.
fn describe(subject: &Node) -> Option<String> {
    let name = subject.get("name")?.as_str()?;
    let kind = subject.get("kind").and_then(Node::as_str).unwrap_or("");
    Some(
        match (kind, subject.get("namespace").and_then(Node::as_str)) {
            ("ServiceAccount", Some(ns)) => format!("ServiceAccount `{ns}/{name}`"),
            ("ServiceAccount", None) => format!("ServiceAccount `{name}`"),
            ("Group", _) => format!("group `{name}`"),
            ("User", _) => format!("user `{name}`"),
            (other, _) => format!("{other} `{name}`"),
        },
    )
}
