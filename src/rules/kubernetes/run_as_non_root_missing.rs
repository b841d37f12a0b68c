//! `run-as-non-root-missing`: a container may run as root because `runAsNonRoot` is not `true`
//! for it (the Pod Security Standards restricted check `runAsNonRoot`, a presence rule with
//! pod-level inheritance).

use crate::rules::prelude::*;

declare_rule! {
    id: "run-as-non-root-missing",
    title: "container may run as root (`runAsNonRoot` not `true`)",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: Unsafe,
    aliases: [
        "pss:runAsNonRoot",
        "kube-linter:run-as-non-root",
        "checkov:CKV_K8S_23",
        "trivy:KSV-0012",
        "polaris:runAsRootAllowed",
        "kubesec:RunAsNonRoot",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Restricted,
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    // From 1.35 a pod in a user namespace may run as (its own) root.
    if cx.kubernetes_version() >= KubeVersion::new(1, 35) && pod.in_user_namespace() {
        return;
    }
    // The pod-level value: `None` when unset, else what it reads as (`None` inside: unknown).
    let pod_value = pod.pod_security("runAsNonRoot").filter(|n| !n.is_null());
    if let Some(flag) = pod_value.filter(|n| n.as_bool() == Some(false)) {
        report_false(cx, flag, "the pod's `securityContext`".to_string());
    }
    for container in pod.all_containers() {
        match container.security("runAsNonRoot").filter(|n| !n.is_null()) {
            Some(flag) if flag.as_bool() == Some(false) => {
                report_false(cx, flag, container.display());
            }
            Some(_) => {}
            // Unset: fine only when the pod sets `true`. When the pod sets `false` (reported
            // above) or something unknown, there is nothing more to say.
            None if pod_value.is_none() => {
                cx.report(
                    container.missing_security_anchor("runAsNonRoot"),
                    format!(
                        "{} does not set `runAsNonRoot: true`, and neither does the pod",
                        container.display()
                    ),
                )
                .help("set `runAsNonRoot: true` in the pod's `securityContext`, or in the container's");
            }
            None => {}
        }
    }
}

fn report_false(cx: &mut Context, flag: &Node, who: String) {
    cx.report(flag.range, format!("{who} sets `runAsNonRoot: false`"))
        .help("set `runAsNonRoot: true`, and give the image a non-root user")
        .fix(
            "set `runAsNonRoot: true`",
            vec![Edit::replace(flag.range, "true")],
        );
}

#[cfg(test)]
mod tests {
    use crate::testing::kubernetes_findings;

    const USER_NAMESPACE: &str = "apiVersion: v1\nkind: Pod\nspec:\n  hostUsers: false\n  securityContext: {runAsNonRoot: false}\n  containers:\n    - {name: a, image: x:1}\n";
    const INHERITED: &str = "apiVersion: v1\nkind: Pod\nspec:\n  securityContext: {runAsNonRoot: true}\n  containers:\n    - {name: a, image: x:1}\n    - {name: b, image: x:1, securityContext: {runAsNonRoot: false}}\n";

    #[test]
    fn applies_at_every_version() {
        for version in ["1.0", "1.25", "latest"] {
            let findings = kubernetes_findings(&super::RULE, INHERITED, version);
            assert_eq!(findings.len(), 1, "{version}");
            assert!(findings[0].message.contains("`b`"));
        }
    }

    #[test]
    fn user_namespaces_relax_it_from_1_35() {
        assert_eq!(
            kubernetes_findings(&super::RULE, USER_NAMESPACE, "1.34").len(),
            1
        );
        assert!(kubernetes_findings(&super::RULE, USER_NAMESPACE, "1.35").is_empty());
        assert!(kubernetes_findings(&super::RULE, USER_NAMESPACE, "latest").is_empty());
    }
}
