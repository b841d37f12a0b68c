//! `memory-limits-missing`: an app or sidecar container sets no `resources.limits.memory`,
//! and the pod sets no pod-level memory limit.

use super::cpu_requests_missing::{check_resource, Want};
use crate::rules::prelude::*;

declare_rule! {
    id: "memory-limits-missing",
    title: "container without a memory limit",
    severity: Warning,
    category: Reliability,
    target: Kubernetes,
    fix: None,
    aliases: [
        "kube-linter:unset-memory-requirements",
        "kube-score:container-resources",
        "polaris:memoryLimitsMissing",
        "checkov:CKV_K8S_13",
        "trivy:KSV-0018",
        "kubesec:LimitsMemory",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(object: &Object, cx: &mut Context) {
    check_resource(
        object,
        cx,
        Want::Limit,
        "memory",
        "set `resources.limits.memory` a little above the peak the container needs, so a leak ends in this container and not on the node",
    );
}
