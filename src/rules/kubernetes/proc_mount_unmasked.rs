//! `proc-mount-unmasked`: a container sets `procMount` to anything but `Default` (the Pod
//! Security Standards baseline check `procMount`; from 1.35 a pod in a user namespace is
//! exempt).

use crate::rules::prelude::*;

declare_rule! {
    id: "proc-mount-unmasked",
    title: "`procMount` other than `Default`",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: Unsafe,
    aliases: [
        "pss:procMount",
        "kube-linter:unsafe-proc-mount",
        "trivy:KSV-0027",
        "polaris:procMount",
        "kubesec:ProcMount",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Baseline,
}

/// From this version the baseline allows any `procMount` in a pod with `hostUsers: false`.
const USER_NAMESPACE_SINCE: KubeVersion = KubeVersion::new(1, 35);

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    let relaxed = cx.kubernetes_version() >= USER_NAMESPACE_SINCE;
    if relaxed && pod.in_user_namespace() {
        return;
    }
    let help = if relaxed {
        "set `procMount: Default`, or run the pod in a user namespace (`hostUsers: false`)"
    } else {
        "set `procMount: Default`"
    };
    for container in pod.all_containers() {
        let Some(node) = container.security("procMount") else {
            continue;
        };
        let Some(value) = node.as_str().filter(|v| !v.contains("{{")) else {
            continue;
        };
        if value == "Default" {
            continue;
        }
        cx.report(
            node.range,
            format!("{} sets `procMount: {value}`", container.display()),
        )
        .help(help)
        .fix(
            "set `procMount: Default`",
            vec![Edit::replace(node.range, "Default")],
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::kubernetes_findings;

    fn pod(host_users: &str) -> String {
        format!("apiVersion: v1\nkind: Pod\nspec:\n  {host_users}\n  containers:\n    - {{name: a, image: x:1, securityContext: {{procMount: Unmasked}}}}\n")
    }

    #[test]
    fn user_namespaces_are_exempt_from_1_35() {
        let user_ns = pod("hostUsers: false");
        assert_eq!(kubernetes_findings(&super::RULE, &user_ns, "1.34").len(), 1);
        for version in ["1.35", "latest"] {
            assert!(kubernetes_findings(&super::RULE, &user_ns, version).is_empty());
        }
        for host_users in ["hostUsers: true", "hostNetwork: false"] {
            for version in ["1.0", "1.34", "1.35", "latest"] {
                assert_eq!(
                    kubernetes_findings(&super::RULE, &pod(host_users), version).len(),
                    1
                );
            }
        }
    }
}
