//! `probe-host-set`: a probe or lifecycle hook sets `httpGet.host` or `tcpSocket.host` (the
//! Pod Security Standards baseline check `hostProbesAndHostLifecycle`, from 1.34).

use crate::rules::prelude::*;

declare_rule! {
    id: "probe-host-set",
    title: "probe or lifecycle hook sets `host`",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: ["pss:hostProbesAndHostLifecycle"],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Baseline,
    min_kubernetes: (1, 34),
}

/// The probes, and how messages name them.
const PROBES: &[(&str, &str)] = &[
    ("livenessProbe", "liveness probe"),
    ("readinessProbe", "readiness probe"),
    ("startupProbe", "startup probe"),
];

/// The lifecycle hooks, and how messages name them.
const HOOKS: &[(&str, &str)] = &[
    ("postStart", "`postStart` hook"),
    ("preStop", "`preStop` hook"),
];

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    // Upstream visits every container list, though only app containers (and restartable
    // init containers) run probes.
    for container in pod.all_containers() {
        for &(field, what) in PROBES {
            if let Some(probe) = container.probe(field) {
                check_handler(cx, probe, what, &container);
            }
        }
        let Some(lifecycle) = container.get("lifecycle") else {
            continue;
        };
        for &(field, what) in HOOKS {
            if let Some(hook) = lifecycle.get(field) {
                check_handler(cx, hook, what, &container);
            }
        }
    }
}

/// `httpGet.host` and `tcpSocket.host` of a probe or hook must be empty or unset.
fn check_handler(cx: &mut Context, handler: &Node, what: &str, container: &Container) {
    for action in ["httpGet", "tcpSocket"] {
        let Some(host) = handler.path(&[action, "host"]) else {
            continue;
        };
        let Some(name) = host.as_str().filter(|h| !h.is_empty() && !h.contains("{{")) else {
            continue;
        };
        cx.report(
            host.range,
            format!("{what} of {} targets host `{name}`", container.display()),
        )
        .help(format!(
            "remove `{action}.host`, so that the kubelet targets the pod's own IP"
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::kubernetes_findings;

    #[test]
    fn applies_from_1_34() {
        let pod = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      image: x:1\n      livenessProbe: {httpGet: {host: 10.0.0.1, port: 80}}\n";
        assert!(kubernetes_findings(&super::RULE, pod, "1.33").is_empty());
        for version in ["1.34", "latest"] {
            assert_eq!(kubernetes_findings(&super::RULE, pod, version).len(), 1);
        }
    }
}
