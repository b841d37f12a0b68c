//! `privileged-container`: a container sets `securityContext.privileged: true` (the Pod
//! Security Standards baseline check `privileged`).

use crate::rules::prelude::*;

declare_rule! {
    id: "privileged-container",
    title: "container runs privileged",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: Unsafe,
    aliases: [
        "pss:privileged",
        "kube-linter:privileged-container",
        "checkov:CKV_K8S_16",
        "trivy:KSV-0017",
        "polaris:runAsPrivileged",
        "kube-score:container-security-context-privileged",
        "kubesec:Privileged",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Baseline,
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    for container in pod.all_containers() {
        let Some(flag) = container.security("privileged") else {
            continue;
        };
        if flag.as_bool() == Some(true) {
            cx.report(
                flag.range,
                format!("{} runs privileged", container.display()),
            )
            .help("remove `privileged: true`, and add only the capabilities the container needs")
            .fix(
                "set `privileged: false`",
                vec![Edit::replace(flag.range, "false")],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn applies_at_every_version() {
        let pod = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - {name: a, image: x:1, securityContext: {privileged: true}}\n";
        for version in ["1.0", "1.25", "latest"] {
            assert_eq!(
                crate::testing::kubernetes_findings(&super::RULE, pod, version).len(),
                1
            );
        }
    }
}
