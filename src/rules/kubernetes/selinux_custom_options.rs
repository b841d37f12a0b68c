//! `selinux-custom-options`: a pod or container sets an SELinux type outside the container
//! types, or any SELinux user or role (the Pod Security Standards baseline check
//! `seLinuxOptions`).

use crate::rules::prelude::*;

declare_rule! {
    id: "selinux-custom-options",
    title: "custom SELinux type, user or role",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: ["pss:seLinuxOptions", "trivy:KSV-0025"],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Baseline,
}

/// The SELinux types the baseline allows at every version (empty means unset).
const TYPES: &[&str] = &["", "container_t", "container_init_t", "container_kvm_t"];

/// Allowed from Kubernetes 1.31 on.
const ENGINE_TYPE: &str = "container_engine_t";
const ENGINE_SINCE: KubeVersion = KubeVersion::new(1, 31);

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    if let Some(options) = pod.pod_security("seLinuxOptions") {
        check_options(cx, options, "pod");
    }
    for container in pod.all_containers() {
        if let Some(options) = container.security("seLinuxOptions") {
            check_options(cx, options, &container.display());
        }
    }
}

/// A string field of `seLinuxOptions` we can judge: set, and no template leftover.
fn field<'a>(options: &'a Node, name: &str) -> Option<(&'a Node, &'a str)> {
    let node = options.get(name)?;
    let text = node.as_str().filter(|t| !t.contains("{{"))?;
    Some((node, text))
}

fn check_options(cx: &mut Context, options: &Node, who: &str) {
    let version = cx.kubernetes_version();
    let engine_allowed = version >= ENGINE_SINCE;
    if let Some((node, kind)) = field(options, "type") {
        let allowed = TYPES.contains(&kind) || (engine_allowed && kind == ENGINE_TYPE);
        if !allowed {
            let message = if kind == ENGINE_TYPE {
                format!(
                    "{who} sets SELinux type `{kind}`, which the baseline allows only from Kubernetes {ENGINE_SINCE} (linting for {version})"
                )
            } else {
                format!("{who} sets SELinux type `{kind}`")
            };
            let engine = if engine_allowed {
                ", `container_engine_t`"
            } else {
                ""
            };
            cx.report(node.range, message).help(format!(
                "remove the SELinux `type`, or use one of `container_t`, `container_init_t`, `container_kvm_t`{engine}"
            ));
        }
    }
    for name in ["user", "role"] {
        let Some((node, value)) = field(options, name) else {
            continue;
        };
        if !value.is_empty() {
            cx.report(node.range, format!("{who} sets SELinux {name} `{value}`"))
                .help(format!(
                    "remove the SELinux `{name}`: the baseline allows only `type` and `level`"
                ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::kubernetes_findings;

    const POD: &str = "apiVersion: v1\nkind: Pod\nspec:\n  securityContext:\n    seLinuxOptions: {type: container_engine_t, level: \"s0:c1,c2\"}\n  containers:\n    - {name: a, image: x:1, securityContext: {seLinuxOptions: {type: container_t, user: system_u}}}\n";

    #[test]
    fn container_engine_t_is_allowed_from_1_31() {
        let before = kubernetes_findings(&super::RULE, POD, "1.30");
        assert_eq!(before.len(), 2);
        assert!(before[0]
            .message
            .contains("only from Kubernetes 1.31 (linting for 1.30)"));
        for version in ["1.31", "latest"] {
            let after = kubernetes_findings(&super::RULE, POD, version);
            assert_eq!(after.len(), 1);
            assert!(after[0].message.contains("user `system_u`"));
        }
    }
}
