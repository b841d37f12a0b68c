//! `maintainer-instruction`: deprecated `MAINTAINER` instruction (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "maintainer-instruction",
    title: "deprecated `MAINTAINER` instruction",
    severity: Warning,
    category: Style,
    target: Dockerfile,
    fix: Safe,
    aliases: ["hadolint:DL4000", "checkov:CKV_DOCKER_6", "trivy:DS-0022", "buildkit:MaintainerDeprecated"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
