//! `exec-form-invalid-json`: exec-form arguments that are not valid JSON (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "exec-form-invalid-json",
    title: "exec-form arguments that are not valid JSON",
    severity: Error,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
