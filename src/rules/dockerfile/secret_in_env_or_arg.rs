//! `secret-in-env-or-arg`: a secret in `ENV` or `ARG` (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "secret-in-env-or-arg",
    title: "a secret in `ENV` or `ARG`",
    severity: Error,
    category: Security,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3064", "trivy:DS-0031", "buildkit:SecretsUsedInArgOrEnv"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
