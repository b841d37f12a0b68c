//! `service-account-token-automounted`: a pod does not set `automountServiceAccountToken:
//! false`, so its service account's API token is mounted into every container.

use crate::rules::prelude::*;

declare_rule! {
    id: "service-account-token-automounted",
    title: "pod automounts a service account token",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [
        "checkov:CKV_K8S_38",
        "trivy:KSV-0036",
        "polaris:automountServiceAccountToken",
        "kubesec:AutomountServiceAccountToken",
        "cis-kubernetes:5.1.6",
    ],
    enabled_by_default: false,
    check: Check::Object(check),
}

const HELP: &str = "set `automountServiceAccountToken: false` in the pod spec unless the pod calls the Kubernetes API";

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    match pod.get("automountServiceAccountToken") {
        Some(flag) if !flag.is_null() => {
            // `false` is the goal; anything unreadable (a template leftover) is unknown.
            if flag.as_bool() == Some(true) {
                cx.report(
                    flag.range,
                    format!(
                        "`{}` mounts its service account token into every container",
                        object.display()
                    ),
                )
                .help(HELP);
            }
        }
        _ => {
            cx.report(
                object.anchor(),
                format!(
                    "`{}` mounts its service account token: `automountServiceAccountToken` is not `false`",
                    object.display()
                ),
            )
            .help(HELP);
        }
    }
}
