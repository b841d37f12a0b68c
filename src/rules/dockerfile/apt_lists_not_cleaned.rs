//! `apt-lists-not-cleaned`: `apt-get update` without removing `/var/lib/apt/lists` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "apt-lists-not-cleaned",
    title: "`apt-get update` without removing `/var/lib/apt/lists`",
    severity: Info,
    category: Efficiency,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3009"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
