//! `container-image-untagged`: a container's image has neither a tag nor a digest, so the
//! node pulls `latest`.

use super::container_image_latest::parsed_image;
use crate::rules::prelude::*;

declare_rule! {
    id: "container-image-untagged",
    title: "container image without a tag or digest",
    severity: Warning,
    category: Reproducibility,
    target: Kubernetes,
    fix: None,
    aliases: [
        "kube-linter:latest-tag",
        "checkov:CKV_K8S_14",
        "trivy:KSV-0013",
        "kube-score:container-image-tag",
        "polaris:tagNotSpecified",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    for container in pod.all_containers() {
        let Some((node, image)) = parsed_image(&container) else {
            continue;
        };
        if image.digest.is_some() {
            continue;
        }
        let text = node.as_str().unwrap_or_default();
        let message = match image.tag.as_deref() {
            None => format!(
                "{} runs image `{text}` without a tag or digest, so it gets whatever `latest` is",
                container.display()
            ),
            Some("") => format!(
                "{} runs image `{text}` with an empty tag, which no runtime can pull",
                container.display()
            ),
            Some(_) => continue,
        };
        cx.report(node.range, message)
            .help("pin a version tag or a digest, so every node runs the same image and a rollback restores the old one");
    }
}
