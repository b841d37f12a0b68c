//! `base-image-untagged`: base image without a tag or digest (stub: to be implemented).

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

fn check(_df: &Dockerfile, _cx: &mut Context) {}
