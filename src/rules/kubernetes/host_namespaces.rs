//! `host-namespaces`: a pod shares the node's network, PID or IPC namespace (`hostNetwork`,
//! `hostPID`, `hostIPC` set to `true`; the Pod Security Standards baseline check
//! `hostNamespaces`).

use crate::rules::prelude::*;

declare_rule! {
    id: "host-namespaces",
    title: "pod shares a host namespace (network, PID or IPC)",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: Unsafe,
    aliases: [
        "pss:hostNamespaces",
        "kube-linter:host-network",
        "kube-linter:host-pid",
        "kube-linter:host-ipc",
        "checkov:CKV_K8S_17",
        "checkov:CKV_K8S_18",
        "checkov:CKV_K8S_19",
        "trivy:KSV-0008",
        "trivy:KSV-0009",
        "trivy:KSV-0010",
        "polaris:hostIPCSet",
        "polaris:hostPIDSet",
        "polaris:hostNetworkSet",
        "kubesec:HostNetwork",
        "kubesec:HostPID",
        "kubesec:HostIPC",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Baseline,
}

/// Each pod field, the namespace it shares, and what to do instead.
const FIELDS: &[(&str, &str, &str)] = &[
    (
        "hostNetwork",
        "network",
        "remove `hostNetwork: true`, and expose the pod through a Service instead",
    ),
    (
        "hostPID",
        "PID",
        "remove `hostPID: true`; set `shareProcessNamespace` to share processes between the pod's own containers",
    ),
    (
        "hostIPC",
        "IPC",
        "remove `hostIPC: true`; share memory between the pod's own containers through an in-memory `emptyDir`",
    ),
];

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    for &(field, namespace, help) in FIELDS {
        let Some(flag) = pod.get(field) else { continue };
        if flag.as_bool() == Some(true) {
            cx.report(
                flag.range,
                format!("pod shares the host's {namespace} namespace (`{field}`)"),
            )
            .help(help)
            .fix(
                format!("set `{field}: false`"),
                vec![Edit::replace(flag.range, "false")],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_finding_per_field_at_every_version() {
        let pod = "apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: true\n  hostPID: true\n  hostIPC: false\n  containers: [{name: a, image: x:1}]\n";
        for version in ["1.0", "1.25", "latest"] {
            assert_eq!(
                crate::testing::kubernetes_findings(&super::RULE, pod, version).len(),
                2
            );
        }
    }
}
