//! `liveness-probe-missing`: an app or sidecar container of a long-running pod has no
//! `livenessProbe`. Off by default: without one the kubelet still restarts a container that
//! exits, and a careless liveness probe does more harm than none. Also the "long-running pod"
//! test shared with `readiness-probe-missing`.

use super::cpu_requests_missing::runs_for_pod_lifetime;
use crate::rules::prelude::*;

declare_rule! {
    id: "liveness-probe-missing",
    title: "container without a liveness probe",
    severity: Warning,
    category: Reliability,
    target: Kubernetes,
    fix: None,
    aliases: [
        "kube-linter:no-liveness-probe",
        "checkov:CKV_K8S_8",
        "polaris:livenessProbeMissing",
        "kube-score:pod-probes",
    ],
    enabled_by_default: false,
    check: Check::Object(check),
}

/// The pod spec of an object whose pods run until they are stopped: not a Job or CronJob, and
/// `restartPolicy` unset or `Always` (a Pod or PodTemplate with `Never` or `OnFailure` runs to
/// completion; a value we cannot read is not judged).
pub(super) fn long_running_pod<'a>(object: &Object<'a>) -> Option<PodSpec<'a>> {
    if matches!(object.kind(), "Job" | "CronJob") {
        return None;
    }
    let pod = object.pod_spec()?;
    match pod.get("restartPolicy").filter(|n| !n.is_null()) {
        None => Some(pod),
        Some(policy) => (policy.as_str() == Some("Always")).then_some(pod),
    }
}

/// Where to report that the container lacks probe field `name`: the key when it is there
/// but null, else the container's name; `None` when the field has any other value.
pub(super) fn missing(container: &Container, name: &str) -> Option<TextRange> {
    match container.node.entry(name) {
        None => Some(container.anchor()),
        Some((key, value)) => value.is_null().then_some(key.range),
    }
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = long_running_pod(object) else {
        return;
    };
    for container in pod.all_containers().filter(runs_for_pod_lifetime) {
        if let Some(at) = missing(&container, "livenessProbe") {
            cx.report(
                at,
                format!("{} has no liveness probe (`livenessProbe`)", container.display()),
            )
            .help("add a `livenessProbe` that fails only when a restart would help (a deadlock), never because a dependency is down");
        }
    }
}
