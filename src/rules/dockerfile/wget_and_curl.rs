//! `wget-and-curl`: both `wget` and `curl` used in one stage (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "wget-and-curl",
    title: "both `wget` and `curl` used in one stage",
    severity: Info,
    category: Efficiency,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL4001", "trivy:DS-0014"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
