//! `privilege-escalation-allowed`: a container does not set `allowPrivilegeEscalation: false`
//! (the Pod Security Standards restricted check `allowPrivilegeEscalation`, a presence rule).

use crate::rules::prelude::*;

declare_rule! {
    id: "privilege-escalation-allowed",
    title: "container does not set `allowPrivilegeEscalation: false`",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: Unsafe,
    aliases: [
        "pss:allowPrivilegeEscalation",
        "kube-linter:privilege-escalation-container",
        "checkov:CKV_K8S_20",
        "trivy:KSV-0001",
        "polaris:privilegeEscalationAllowed",
        "kubesec:AllowPrivilegeEscalation",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Restricted,
    min_kubernetes: (1, 8),
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    // From 1.25 the policy exempts Windows pods: the field means nothing there.
    if cx.kubernetes_version() >= KubeVersion::new(1, 25) && pod.is_windows() {
        return;
    }
    for container in pod.all_containers() {
        // The API rejects `allowPrivilegeEscalation: false` beside `privileged: true` or an
        // added `CAP_SYS_ADMIN` (spelled so): that has to go first.
        let blocker = if container.security("privileged").and_then(Node::as_bool) == Some(true) {
            Some("`privileged: true`")
        } else if container
            .security("capabilities")
            .and_then(|c| c.get("add"))
            .is_some_and(|add| {
                add.items()
                    .iter()
                    .any(|c| c.as_str() == Some("CAP_SYS_ADMIN"))
            })
        {
            Some("`CAP_SYS_ADMIN` from `capabilities.add`")
        } else {
            None
        };
        let (range, message, flag) = match container
            .security("allowPrivilegeEscalation")
            .filter(|n| !n.is_null())
        {
            Some(flag) if flag.as_bool() == Some(true) => (
                flag.range,
                format!(
                    "{} sets `allowPrivilegeEscalation: true`",
                    container.display()
                ),
                Some(flag),
            ),
            Some(_) => continue, // false, or unknown
            // Unset: `no_new_privs` stays off, and the policy fails it.
            None => (
                container.missing_security_anchor("allowPrivilegeEscalation"),
                format!(
                    "{} does not set `allowPrivilegeEscalation: false`",
                    container.display()
                ),
                None,
            ),
        };
        let report = cx.report(range, message);
        match (blocker, flag) {
            (Some(blocker), _) => {
                report.help(format!("remove {blocker}, then set `allowPrivilegeEscalation: false` (the API refuses the two together)"));
            }
            (None, Some(flag)) => {
                report.help("set `allowPrivilegeEscalation: false`").fix(
                    "set `allowPrivilegeEscalation: false`",
                    vec![Edit::replace(flag.range, "false")],
                );
            }
            (None, None) => {
                report.help(
                    "set `allowPrivilegeEscalation: false` in the container's `securityContext`",
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::kubernetes_findings;

    const WINDOWS: &str = "apiVersion: v1\nkind: Pod\nspec:\n  os: {name: windows}\n  containers:\n    - {name: a, image: x:1}\n";
    const LINUX: &str = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - {name: a, image: x:1, securityContext: {allowPrivilegeEscalation: true}}\n";

    #[test]
    fn applies_from_1_8() {
        assert!(kubernetes_findings(&super::RULE, LINUX, "1.7").is_empty());
        assert_eq!(kubernetes_findings(&super::RULE, LINUX, "1.8").len(), 1);
        assert_eq!(kubernetes_findings(&super::RULE, LINUX, "latest").len(), 1);
    }

    #[test]
    fn windows_pods_are_exempt_from_1_25() {
        assert_eq!(kubernetes_findings(&super::RULE, WINDOWS, "1.24").len(), 1);
        assert!(kubernetes_findings(&super::RULE, WINDOWS, "1.25").is_empty());
        assert!(kubernetes_findings(&super::RULE, WINDOWS, "latest").is_empty());
    }
}
