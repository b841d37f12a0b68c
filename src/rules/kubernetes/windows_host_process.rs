//! `windows-host-process`: a pod or container sets `windowsOptions.hostProcess: true` (the
//! Pod Security Standards baseline check `windowsHostProcess`).

use crate::rules::prelude::*;

declare_rule! {
    id: "windows-host-process",
    title: "pod runs Windows HostProcess containers",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: Unsafe,
    aliases: ["pss:windowsHostProcess", "trivy:KSV-0103", "polaris:hostProcess"],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Baseline,
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    if let Some(options) = pod.pod_security("windowsOptions") {
        report(
            cx,
            options,
            "pod runs its containers as Windows HostProcess containers",
        );
    }
    for container in pod.all_containers() {
        if let Some(options) = container.security("windowsOptions") {
            let message = format!(
                "{} runs as a Windows HostProcess container",
                container.display()
            );
            report(cx, options, &message);
        }
    }
}

fn report(cx: &mut Context, options: &Node, message: &str) {
    let Some(flag) = options.get("hostProcess") else {
        return;
    };
    if flag.as_bool() != Some(true) {
        return;
    }
    cx.report(flag.range, message)
        .help("remove `hostProcess: true`, and run the workload as a regular Windows container")
        .fix(
            "set `hostProcess: false`",
            vec![Edit::replace(flag.range, "false")],
        );
}

#[cfg(test)]
mod tests {
    #[test]
    fn applies_at_every_version() {
        let pod = "apiVersion: v1\nkind: Pod\nspec:\n  securityContext: {windowsOptions: {hostProcess: true}}\n  hostNetwork: true\n  containers:\n    - {name: a, image: x:1, securityContext: {windowsOptions: {hostProcess: true}}}\n";
        for version in ["1.0", "1.26", "latest"] {
            assert_eq!(
                crate::testing::kubernetes_findings(&super::RULE, pod, version).len(),
                2
            );
        }
    }
}
