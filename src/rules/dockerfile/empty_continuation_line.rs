//! `empty-continuation-line`: an empty line inside a line continuation (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "empty-continuation-line",
    title: "an empty line inside a line continuation",
    severity: Warning,
    category: Style,
    target: Dockerfile,
    fix: Safe,
    aliases: ["buildkit:NoEmptyContinuation"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
