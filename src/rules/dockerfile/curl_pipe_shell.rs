//! `curl-pipe-shell`: a download piped straight into a shell (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "curl-pipe-shell",
    title: "a download piped straight into a shell",
    severity: Warning,
    category: Security,
    target: Dockerfile,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
