//! `world-writable-chmod`: `chmod` makes files writable by everyone (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "world-writable-chmod",
    title: "`chmod` makes files writable by everyone",
    severity: Warning,
    category: Security,
    target: Dockerfile,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
