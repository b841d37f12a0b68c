//! `memory-requests-missing`: an app or sidecar container sets neither
//! `resources.requests.memory` nor `resources.limits.memory` (a limit sets the request), and
//! the pod sets no pod-level memory.

use super::cpu_requests_missing::{check_resource, Want};
use crate::rules::prelude::*;

declare_rule! {
    id: "memory-requests-missing",
    title: "container without a memory request",
    severity: Warning,
    category: Reliability,
    target: Kubernetes,
    fix: None,
    aliases: [
        "kube-linter:unset-memory-requirements",
        "kube-score:container-resources",
        "polaris:memoryRequestsMissing",
        "checkov:CKV_K8S_12",
        "trivy:KSV-0016",
        "kubesec:RequestsMemory",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(object: &Object, cx: &mut Context) {
    check_resource(
        object,
        cx,
        Want::Request,
        "memory",
        "set `resources.requests.memory` to what the container uses under normal load, so the scheduler reserves it",
    );
}
