//! `base-image-untrusted`: base image from a registry or name outside the allowed list (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "base-image-untrusted",
    title: "base image from a registry or name outside the allowed list",
    severity: Error,
    category: Security,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3026"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
