//! `run-as-root-user`: the pod or a container sets `runAsUser: 0` (the Pod Security Standards
//! restricted check `runAsUser`).

use crate::rules::prelude::*;

declare_rule! {
    id: "run-as-root-user",
    title: "container runs as user 0",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: ["pss:runAsUser", "trivy:KSV-0105"],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Restricted,
    min_kubernetes: (1, 23),
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    // From 1.35 a pod in a user namespace may run as (its own) root.
    if cx.kubernetes_version() >= KubeVersion::new(1, 35) && pod.in_user_namespace() {
        return;
    }
    // The pod-level value fails even when every container overrides it, as upstream.
    if let Some(user) = pod.pod_security("runAsUser").filter(is_root) {
        cx.report(
            user.range,
            "the pod's `securityContext` sets `runAsUser: 0` (root)",
        )
        .help("set a non-zero `runAsUser`, or remove it and let the image's user apply");
    }
    for container in pod.all_containers() {
        if let Some(user) = container.security("runAsUser").filter(is_root) {
            cx.report(
                user.range,
                format!("{} sets `runAsUser: 0` (root)", container.display()),
            )
            .help("set a non-zero `runAsUser`, or remove it and let the image's user apply");
        }
    }
}

fn is_root(user: &&Node) -> bool {
    user.as_i64() == Some(0)
}

#[cfg(test)]
mod tests {
    use crate::testing::kubernetes_findings;

    const ROOT: &str = "apiVersion: v1\nkind: Pod\nspec:\n  securityContext: {runAsUser: 0}\n  containers:\n    - {name: a, image: x:1, securityContext: {runAsUser: 1000}}\n";
    const USER_NAMESPACE: &str = "apiVersion: v1\nkind: Pod\nspec:\n  hostUsers: false\n  containers:\n    - {name: a, image: x:1, securityContext: {runAsUser: 0}}\n";

    #[test]
    fn applies_from_1_23() {
        assert!(kubernetes_findings(&super::RULE, ROOT, "1.22").is_empty());
        assert_eq!(kubernetes_findings(&super::RULE, ROOT, "1.23").len(), 1);
        assert_eq!(kubernetes_findings(&super::RULE, ROOT, "latest").len(), 1);
    }

    #[test]
    fn user_namespaces_relax_it_from_1_35() {
        assert_eq!(
            kubernetes_findings(&super::RULE, USER_NAMESPACE, "1.34").len(),
            1
        );
        assert!(kubernetes_findings(&super::RULE, USER_NAMESPACE, "1.35").is_empty());
    }
}
