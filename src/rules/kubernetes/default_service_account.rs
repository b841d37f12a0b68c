//! `default-service-account`: a pod runs as its namespace's `default` service account (no
//! `serviceAccountName`, or `default`) with that account's token available to it.

use crate::rules::prelude::*;

declare_rule! {
    id: "default-service-account",
    title: "pod runs as the `default` service account",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [
        "kube-linter:default-service-account",
        "kubesec:ServiceAccountName",
        "cis-kubernetes:5.1.5",
    ],
    enabled_by_default: false,
    check: Check::Object(check),
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    if holds_no_token(&pod) {
        return;
    }
    // `serviceAccountName` wins; the deprecated `serviceAccount` counts when it is empty.
    let named = ["serviceAccountName", "serviceAccount"]
        .into_iter()
        .filter_map(|key| pod.get(key))
        .find(|n| n.as_str().is_some_and(|s| !s.is_empty()));
    let help = "create a ServiceAccount for the workload and set `serviceAccountName`, or set `automountServiceAccountToken: false` if it needs no API access";
    match named {
        Some(node) => {
            if node.as_str() == Some("default") {
                cx.report(
                    node.range,
                    format!(
                        "`{}` runs as the `default` service account",
                        object.display()
                    ),
                )
                .help(help);
            }
        }
        None => {
            let (range, why) = match pod.get("serviceAccountName").filter(|n| !n.is_null()) {
                Some(empty) => (empty.range, "`serviceAccountName` is empty"),
                None => (object.anchor(), "it sets no `serviceAccountName`"),
            };
            cx.report(
                range,
                format!(
                    "`{}` runs as the `default` service account: {why}",
                    object.display()
                ),
            )
            .help(help);
        }
    }
}

/// The pod sets `automountServiceAccountToken: false` and projects no token of its own: it
/// holds no credential of its account, whichever it is.
fn holds_no_token(pod: &PodSpec) -> bool {
    let disabled = pod
        .get("automountServiceAccountToken")
        .and_then(Node::as_bool)
        == Some(false);
    disabled
        && !pod.volumes().any(|v| {
            v.0.path(&["projected", "sources"])
                .map_or(&[][..], Node::items)
                .iter()
                .any(|s| s.get("serviceAccountToken").is_some())
        })
}
