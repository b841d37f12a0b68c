//! `image-pull-policy-not-always`: a container's effective `imagePullPolicy` is not `Always`:
//! `IfNotPresent` or `Never` as written, or unset with a pinned image (Kubernetes then
//! defaults to `IfNotPresent`). Off by default: an opinion, with a cost.

use super::container_image_latest::parsed_image;
use crate::rules::prelude::*;

declare_rule! {
    id: "image-pull-policy-not-always",
    title: "`imagePullPolicy` is not `Always`",
    severity: Info,
    category: Security,
    target: Kubernetes,
    fix: Unsafe,
    aliases: [
        "kube-score:container-image-pull-policy",
        "checkov:CKV_K8S_15",
        "polaris:pullPolicyNotAlways",
    ],
    enabled_by_default: false,
    check: Check::Object(check),
}

const HELP: &str = "set `imagePullPolicy: Always`, so the node checks the pod's pull credentials and the registry's current image at every start";

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    for container in pod.all_containers() {
        let policy = container.get("imagePullPolicy").filter(|n| !n.is_null());
        if let Some(policy) = policy {
            // `Always`, and values we cannot read (placeholders, typos the API server
            // rejects), stay silent.
            let Some(value @ ("IfNotPresent" | "Never")) = policy.as_str() else {
                continue;
            };
            let effect = if value == "Never" {
                "the node never pulls and runs whatever copy it already has"
            } else {
                "a node runs any copy it already has without asking the registry"
            };
            cx.report(
                policy.range,
                format!(
                    "{} has `imagePullPolicy: {value}`, so {effect}",
                    container.display()
                ),
            )
            .help(HELP)
            .fix(
                "set `imagePullPolicy: Always`",
                vec![Edit::replace(policy.range, "Always")],
            );
            continue;
        }
        // Unset: Kubernetes defaults to `Always` for `latest` and untagged images (without
        // a digest), else to `IfNotPresent`.
        let Some((node, image)) = parsed_image(&container) else {
            continue;
        };
        let tag = image.tag.as_deref();
        let defaults_to_always = tag == Some("latest") || (tag.is_none() && image.digest.is_none());
        if defaults_to_always {
            continue;
        }
        cx.report(
            container.anchor(),
            format!(
                "{} sets no `imagePullPolicy`, so its pinned image `{}` defaults to `IfNotPresent`",
                container.display(),
                node.as_str().unwrap_or_default()
            ),
        )
        .help(HELP);
    }
}
