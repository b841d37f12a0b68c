//! `dangling-line-continuation`: the file ends in a line continuation (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "dangling-line-continuation",
    title: "the file ends in a line continuation",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: Safe,
    aliases: [],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
