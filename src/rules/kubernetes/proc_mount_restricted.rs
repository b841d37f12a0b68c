//! `proc-mount-restricted`: a container sets a `procMount` other than `Default`, even in a
//! user namespace (the Pod Security Standards restricted check `procMount_restricted`).

use crate::kubernetes::Style;
use crate::rules::prelude::*;

declare_rule! {
    id: "proc-mount-restricted",
    title: "`procMount` other than `Default`, even in a user namespace",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: Unsafe,
    aliases: [
        "pss:procMount_restricted",
        "kube-linter:unsafe-proc-mount",
        "trivy:KSV-0027",
        "polaris:procMount",
        "kubesec:ProcMount",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Restricted,
    replaces: ["proc-mount-unmasked"],
    min_kubernetes: (1, 35),
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    for container in pod.all_containers() {
        let Some(mount) = container.security("procMount").filter(|n| !n.is_null()) else {
            continue;
        };
        let Some(value) = mount.as_str() else {
            continue;
        };
        if value == "Default" || value.contains('$') || value.contains("{{") {
            continue;
        }
        let report = cx
            .report(
                mount.range,
                format!(
                    "{} sets `procMount: {value}`; the restricted profile allows only `Default`",
                    container.display()
                ),
            )
            .help("remove `procMount`, or set it to `Default`, so the runtime masks `/proc`");
        let quote = match mount.scalar().map(|s| s.style) {
            Some(Style::Plain) => "",
            Some(Style::SingleQuoted) => "'",
            Some(Style::DoubleQuoted) => "\"",
            _ => continue,
        };
        report.fix(
            "set `procMount: Default`",
            vec![Edit::replace(mount.range, format!("{quote}Default{quote}"))],
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::kubernetes_findings;

    const USER_NAMESPACE: &str = "apiVersion: v1\nkind: Pod\nspec:\n  hostUsers: false\n  containers:\n    - {name: a, image: x:1, securityContext: {procMount: Unmasked}}\n";

    #[test]
    fn applies_from_1_35_even_in_a_user_namespace() {
        assert!(kubernetes_findings(&super::RULE, USER_NAMESPACE, "1.34").is_empty());
        assert_eq!(
            kubernetes_findings(&super::RULE, USER_NAMESPACE, "1.35").len(),
            1
        );
        assert_eq!(
            kubernetes_findings(&super::RULE, USER_NAMESPACE, "latest").len(),
            1
        );
    }
}
