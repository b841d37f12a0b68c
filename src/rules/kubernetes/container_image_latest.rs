//! `container-image-latest`: container image uses the `latest` tag (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "container-image-latest",
    title: "container image uses the `latest` tag",
    severity: Warning,
    category: Reproducibility,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
