//! `root-filesystem-writable`: an init or app container does not set
//! `readOnlyRootFilesystem: true`.

use crate::rules::prelude::*;

declare_rule! {
    id: "root-filesystem-writable",
    title: "container root filesystem is writable",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: Unsafe,
    aliases: [
        "kube-linter:no-read-only-root-fs",
        "checkov:CKV_K8S_22",
        "trivy:KSV-0014",
        "polaris:notReadOnlyRootFilesystem",
        "kube-score:container-security-context-readonlyrootfilesystem",
        "kubesec:ReadOnlyRootFilesystem",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    // Windows containers have no read-only root filesystem; the API rejects the field there.
    if pod.is_windows() {
        return;
    }
    // Ephemeral containers are debugging sessions that install tools: not checked.
    let containers = [ContainerKind::Init, ContainerKind::App]
        .into_iter()
        .flat_map(|kind| pod.containers_of(kind));
    for container in containers {
        match container
            .security("readOnlyRootFilesystem")
            .filter(|n| !n.is_null())
        {
            Some(flag) if flag.as_bool() == Some(false) => {
                cx.report(
                    flag.range,
                    format!("{} sets `readOnlyRootFilesystem: false`", container.display()),
                )
                .help("set `readOnlyRootFilesystem: true`, and mount an `emptyDir` where the process writes")
                .fix(
                    "set `readOnlyRootFilesystem: true`",
                    vec![Edit::replace(flag.range, "true")],
                );
            }
            Some(_) => {} // true, or unknown
            None => {
                cx.report(
                    container.missing_security_anchor("readOnlyRootFilesystem"),
                    format!(
                        "{} does not set `readOnlyRootFilesystem: true`",
                        container.display()
                    ),
                )
                .help("set `readOnlyRootFilesystem: true` in the container's `securityContext`, and mount an `emptyDir` where the process writes");
            }
        }
    }
}
