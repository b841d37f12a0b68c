//! `add-remote-url`: `ADD` of a remote URL without a checksum (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "add-remote-url",
    title: "`ADD` of a remote URL without a checksum",
    severity: Warning,
    category: Security,
    target: Dockerfile,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
