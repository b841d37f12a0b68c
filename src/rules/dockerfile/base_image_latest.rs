//! `base-image-latest`: a `FROM` image uses the `latest` tag.

use crate::rules::prelude::*;

declare_rule! {
    id: "base-image-latest",
    title: "base image uses the `latest` tag",
    severity: Warning,
    category: Reproducibility,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3007", "checkov:CKV_DOCKER_7", "trivy:DS-0001"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    for stage in &df.stages {
        let (Some(image), Some(reference)) = (&stage.image, &stage.image_ref) else {
            continue;
        };
        if reference.tag.as_deref() == Some("latest") && reference.digest.is_none() {
            cx.report(
                image.range,
                format!("base image `{}` uses the `latest` tag", image.text),
            )
            .help("pin a version tag (`ubuntu:24.04`) or a digest, so rebuilds get the same base");
        }
    }
}
