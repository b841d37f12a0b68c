//! `container-image-untagged`: container image without a tag or digest (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "container-image-untagged",
    title: "container image without a tag or digest",
    severity: Warning,
    category: Reproducibility,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
