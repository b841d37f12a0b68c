//! `container-image-latest`: a container's image uses the `latest` tag and has no digest.
//! Also the image parsing shared by `container-image-untagged` and
//! `image-pull-policy-not-always`.

use crate::dockerfile::ImageRef;
use crate::rules::prelude::*;

declare_rule! {
    id: "container-image-latest",
    title: "container image uses the `latest` tag",
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

/// A container's `image` node and its parsed reference; `None` when the image is missing,
/// empty or not known before deployment: a `{{ }}` Helm leftover, a `$(VAR)` or `${VAR}`
/// placeholder, or anything else with characters no image reference has (`<your-image>`).
pub(super) fn parsed_image<'a>(container: &Container<'a>) -> Option<(&'a Node, ImageRef)> {
    let node = container.image()?;
    let text = node.as_str()?;
    let plain = text
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'/' | b':' | b'@'));
    if !plain {
        return None;
    }
    Some((node, ImageRef::parse(text)?))
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    for container in pod.all_containers() {
        let Some((node, image)) = parsed_image(&container) else {
            continue;
        };
        if image.tag.as_deref() != Some("latest") || image.digest.is_some() {
            continue;
        }
        // Point at `latest` itself when the source spells the value out (it always does,
        // unless the scalar is escaped or folded).
        let start = node.range.start as usize;
        let raw = &cx.text()[start..node.range.end as usize];
        let range = raw.rfind(":latest").map_or(node.range, |i| {
            TextRange::new(start + i + 1, start + i + ":latest".len())
        });
        cx.report(
            range,
            format!(
                "{} runs image `{}`, whose `latest` tag moves with every push",
                container.display(),
                node.as_str().unwrap_or_default()
            ),
        )
        .help("pin a version tag or a digest, so every node runs the same image and a rollback restores the old one");
    }
}
