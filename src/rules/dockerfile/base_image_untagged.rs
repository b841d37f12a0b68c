//! `base-image-untagged`: a `FROM` image has neither a tag nor a digest, so it means `latest`.

use crate::rules::prelude::*;

declare_rule! {
    id: "base-image-untagged",
    title: "base image without a tag or digest",
    severity: Warning,
    category: Reproducibility,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3006"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    // `image_ref` is `None` for `scratch`, for earlier stages and for images whose `ARG` has no
    // default: none of those can be judged (or need a tag).
    for stage in &df.stages {
        let (Some(image), Some(reference), Some(resolved)) =
            (&stage.image, &stage.image_ref, &stage.resolved_image)
        else {
            continue;
        };
        if reference.tag.is_some() || reference.digest.is_some() {
            continue;
        }
        let message = if *resolved == image.text {
            format!("base image `{}` has no tag or digest", image.text)
        } else {
            format!(
                "base image `{}` (`{resolved}` with the `ARG` defaults) has no tag or digest",
                image.text
            )
        };
        cx.report(image.range, message).help(
            "pin a version tag (`ubuntu:24.04`) or a digest; without one the build pulls whatever `latest` is",
        );
    }
}
