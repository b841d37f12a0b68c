//! `image-pull-policy-not-always`: `imagePullPolicy` is not `Always` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "image-pull-policy-not-always",
    title: "`imagePullPolicy` is not `Always`",
    severity: Info,
    category: Reproducibility,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
