//! `host-port`: a container binds a port of the node (`ports[*].hostPort` set and not 0; the
//! Pod Security Standards baseline check `hostPorts`).

use crate::rules::prelude::*;

declare_rule! {
    id: "host-port",
    title: "container binds a host port",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [
        "pss:hostPorts",
        "checkov:CKV_K8S_26",
        "trivy:KSV-0024",
        "polaris:hostPortSet",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Baseline,
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    for container in pod.all_containers() {
        for port in container.ports() {
            let Some(host_port) = port.get("hostPort") else {
                continue;
            };
            // 0 means unset; a template leftover or another non-number is unknown.
            let Some(number) = host_port.as_i64().filter(|&n| n != 0) else {
                continue;
            };
            cx.report(
                host_port.range,
                format!("{} binds host port {number}", container.display()),
            )
            .help("remove `hostPort`, and reach the container through a Service");
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn applies_at_every_version() {
        let pod = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - {name: a, image: x:1, ports: [{containerPort: 80, hostPort: 80}, {containerPort: 81, hostPort: 0}]}\n";
        for version in ["1.0", "1.25", "latest"] {
            assert_eq!(
                crate::testing::kubernetes_findings(&super::RULE, pod, version).len(),
                1
            );
        }
    }
}
