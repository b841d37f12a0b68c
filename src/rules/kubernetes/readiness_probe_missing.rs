//! `readiness-probe-missing`: no app or sidecar container of a long-running pod has a
//! `readinessProbe`, so the pod counts as ready, gets traffic and lets a rollout proceed as
//! soon as its containers start.

use super::cpu_requests_missing::runs_for_pod_lifetime;
use super::liveness_probe_missing::{long_running_pod, missing};
use crate::rules::prelude::*;

declare_rule! {
    id: "readiness-probe-missing",
    title: "pod without a readiness probe",
    severity: Warning,
    category: Reliability,
    target: Kubernetes,
    fix: None,
    aliases: [
        "kube-linter:no-readiness-probe",
        "checkov:CKV_K8S_9",
        "polaris:readinessProbeMissing",
        "kube-score:pod-probes",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = long_running_pod(object) else {
        return;
    };
    // A pod is ready when all its containers are, and a container without a readiness probe
    // is ready once it runs: one probe gates the whole pod.
    let candidates = || pod.all_containers().filter(runs_for_pod_lifetime);
    if candidates().any(|c| missing(&c, "readinessProbe").is_none()) {
        return;
    }
    // Point at the first app container: the one that most likely serves.
    let Some(first) = pod.containers().next().or_else(|| candidates().next()) else {
        return;
    };
    let at = missing(&first, "readinessProbe").unwrap_or_else(|| first.anchor());
    let message = if candidates().nth(1).is_some() {
        format!(
            "{} has no readiness probe (`readinessProbe`), and no other container of the pod has one",
            first.display()
        )
    } else {
        format!(
            "{} has no readiness probe (`readinessProbe`)",
            first.display()
        )
    };
    cx.report(at, message).help(
        "add a `readinessProbe` that succeeds once the container can serve, so traffic and rollouts wait for it",
    );
}
