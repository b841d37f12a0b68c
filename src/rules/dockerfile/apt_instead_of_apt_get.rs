//! `apt-instead-of-apt-get`: `apt` used in a script instead of `apt-get` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "apt-instead-of-apt-get",
    title: "`apt` used in a script instead of `apt-get`",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: Safe,
    aliases: ["hadolint:DL3027", "checkov:CKV_DOCKER_9"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
