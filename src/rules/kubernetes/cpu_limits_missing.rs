//! `cpu-limits-missing`: an app or sidecar container sets no `resources.limits.cpu`, and the
//! pod sets no pod-level CPU limit. Off by default: CPU limits throttle.

use super::cpu_requests_missing::{check_resource, Want};
use crate::rules::prelude::*;

declare_rule! {
    id: "cpu-limits-missing",
    title: "container without a CPU limit",
    severity: Info,
    category: Efficiency,
    target: Kubernetes,
    fix: None,
    aliases: [
        "kube-linter:unset-cpu-requirements",
        "kube-score:container-resources",
        "polaris:cpuLimitsMissing",
        "checkov:CKV_K8S_11",
        "trivy:KSV-0011",
        "kubesec:LimitsCPU",
    ],
    enabled_by_default: false,
    check: Check::Object(check),
}

fn check(object: &Object, cx: &mut Context) {
    check_resource(
        object,
        cx,
        Want::Limit,
        "cpu",
        "set `resources.limits.cpu` if this workload must never use more than a fixed share of the node's CPU",
    );
}
