//! `unsafe-sysctl`: a pod sets a sysctl outside the safe set of its Kubernetes version (the
//! Pod Security Standards baseline check `sysctls`).

use crate::rules::prelude::*;

declare_rule! {
    id: "unsafe-sysctl",
    title: "pod sets a sysctl outside the safe set",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: Unsafe,
    aliases: ["pss:sysctls", "kube-linter:unsafe-sysctls", "trivy:KSV-0026"],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Baseline,
}

/// The sysctls the baseline allows, each with the first version that allows it. Names are
/// compared as written (upstream does not turn `net/ipv4/...` into `net.ipv4...`).
const SAFE: &[(&str, KubeVersion)] = &[
    ("kernel.shm_rmid_forced", KubeVersion::new(1, 0)),
    ("net.ipv4.ip_local_port_range", KubeVersion::new(1, 0)),
    ("net.ipv4.tcp_syncookies", KubeVersion::new(1, 0)),
    ("net.ipv4.ping_group_range", KubeVersion::new(1, 0)),
    (
        "net.ipv4.ip_unprivileged_port_start",
        KubeVersion::new(1, 0),
    ),
    ("net.ipv4.ip_local_reserved_ports", KubeVersion::new(1, 27)),
    ("net.ipv4.tcp_keepalive_time", KubeVersion::new(1, 29)),
    ("net.ipv4.tcp_fin_timeout", KubeVersion::new(1, 29)),
    ("net.ipv4.tcp_keepalive_intvl", KubeVersion::new(1, 29)),
    ("net.ipv4.tcp_keepalive_probes", KubeVersion::new(1, 29)),
    ("net.ipv4.tcp_rmem", KubeVersion::new(1, 32)),
    ("net.ipv4.tcp_wmem", KubeVersion::new(1, 32)),
    (
        "net.ipv4.tcp_slow_start_after_idle",
        KubeVersion::new(1, 37),
    ),
    ("net.ipv4.tcp_notsent_lowat", KubeVersion::new(1, 37)),
];

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    let Some(sysctls) = pod.pod_security("sysctls") else {
        return;
    };
    let version = cx.kubernetes_version();
    for sysctl in sysctls.items() {
        let Some(name_node) = sysctl.get("name") else {
            continue;
        };
        let Some(name) = name_node.as_str().filter(|n| !n.contains("{{")) else {
            continue;
        };
        let since = safe_since(name);
        if since.is_some_and(|since| version >= since) {
            continue;
        }
        // `net/ipv4/tcp_syncookies` is the kernel's other spelling of a safe sysctl, but
        // upstream compares names as written.
        if name.contains('/') {
            let dotted = name.replace('/', ".");
            if safe_since(&dotted).is_some_and(|since| version >= since) {
                cx.report(
                    name_node.range,
                    format!(
                        "pod sets sysctl `{name}`, which the baseline allows only as `{dotted}`"
                    ),
                )
                .help(format!("write the sysctl as `{dotted}`"))
                .fix(
                    format!("write `{dotted}`"),
                    vec![Edit::replace(name_node.range, dotted.as_str())],
                );
                continue;
            }
        }
        let message = match since {
            Some(since) => format!(
                "sysctl `{name}` is safe only from Kubernetes {since} (linting for {version})"
            ),
            None => format!("pod sets unsafe sysctl `{name}`"),
        };
        cx.report(name_node.range, message).help(
            "remove the sysctl, or set it on the nodes and run the pod in a namespace that allows it",
        );
    }
}

/// The first version whose safe set holds `name`.
fn safe_since(name: &str) -> Option<KubeVersion> {
    SAFE.iter()
        .find(|(safe, _)| *safe == name)
        .map(|(_, since)| *since)
}

#[cfg(test)]
mod tests {
    use crate::testing::kubernetes_findings;

    fn pod(name: &str) -> String {
        format!("apiVersion: v1\nkind: Pod\nspec:\n  securityContext:\n    sysctls: [{{name: {name}, value: '1'}}]\n  containers: [{{name: a, image: x:1}}]\n")
    }

    #[test]
    fn the_safe_set_grows_with_the_version() {
        for (name, first) in [
            ("kernel.shm_rmid_forced", None),
            ("net.ipv4.ip_local_reserved_ports", Some(("1.26", "1.27"))),
            ("net.ipv4.tcp_keepalive_time", Some(("1.28", "1.29"))),
            ("net.ipv4.tcp_fin_timeout", Some(("1.28", "1.29"))),
            ("net.ipv4.tcp_keepalive_intvl", Some(("1.28", "1.29"))),
            ("net.ipv4.tcp_keepalive_probes", Some(("1.28", "1.29"))),
            ("net.ipv4.tcp_rmem", Some(("1.31", "1.32"))),
            ("net.ipv4.tcp_wmem", Some(("1.31", "1.32"))),
            ("net.ipv4.tcp_slow_start_after_idle", Some(("1.36", "1.37"))),
            ("net.ipv4.tcp_notsent_lowat", Some(("1.36", "1.37"))),
        ] {
            let pod = pod(name);
            if let Some((before, since)) = first {
                let found = kubernetes_findings(&super::RULE, &pod, before);
                assert_eq!(found.len(), 1, "{name} at {before}");
                assert_eq!(
                    found[0].message,
                    format!("sysctl `{name}` is safe only from Kubernetes {since} (linting for {before})")
                );
                assert!(kubernetes_findings(&super::RULE, &pod, since).is_empty());
            }
            assert!(kubernetes_findings(&super::RULE, &pod, "1.0").len() <= 1);
            assert!(kubernetes_findings(&super::RULE, &pod, "latest").is_empty());
        }
        let unsafe_pod = pod("net.core.somaxconn");
        for version in ["1.0", "1.32", "latest"] {
            assert_eq!(
                kubernetes_findings(&super::RULE, &unsafe_pod, version).len(),
                1
            );
        }
    }
}
