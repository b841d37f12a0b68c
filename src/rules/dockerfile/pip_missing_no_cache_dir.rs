//! `pip-missing-no-cache-dir`: `pip install` without `--no-cache-dir` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "pip-missing-no-cache-dir",
    title: "`pip install` without `--no-cache-dir`",
    severity: Info,
    category: Efficiency,
    target: Dockerfile,
    fix: Safe,
    aliases: ["hadolint:DL3042"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
