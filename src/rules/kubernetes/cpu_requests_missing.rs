//! `cpu-requests-missing`: an app or sidecar container sets neither `resources.requests.cpu`
//! nor `resources.limits.cpu` (a limit sets the request), and the pod sets no pod-level CPU.
//! Also the resource walk shared by `memory-requests-missing`, `cpu-limits-missing` and
//! `memory-limits-missing`.

use crate::rules::prelude::*;

declare_rule! {
    id: "cpu-requests-missing",
    title: "container without a CPU request",
    severity: Warning,
    category: Reliability,
    target: Kubernetes,
    fix: None,
    aliases: [
        "kube-linter:unset-cpu-requirements",
        "kube-score:container-resources",
        "polaris:cpuRequestsMissing",
        "checkov:CKV_K8S_10",
        "trivy:KSV-0015",
        "kubesec:RequestsCPU",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(object: &Object, cx: &mut Context) {
    check_resource(
        object,
        cx,
        Want::Request,
        "cpu",
        "set `resources.requests.cpu` to what the container uses under normal load, so the scheduler reserves it",
    );
}

/// What a resource rule requires of each container.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Want {
    /// `resources.requests.<name>`, or a limit, which the request defaults to.
    Request,
    /// `resources.limits.<name>`.
    Limit,
}

/// A container that runs alongside the application for the pod's whole life: an app
/// container, or a sidecar (an init container with `restartPolicy: Always`). Plain init
/// containers run one at a time before the app, and the pod's request is at least the largest
/// of theirs or the sum of the others, so they are not judged; ephemeral containers cannot
/// have resources or probes.
pub(super) fn runs_for_pod_lifetime(container: &Container) -> bool {
    match container.kind {
        ContainerKind::App => true,
        ContainerKind::Init => {
            container.get("restartPolicy").and_then(Node::as_str) == Some("Always")
        }
        ContainerKind::Ephemeral => false,
    }
}

/// How `resources.<section>.<name>` is set in a `resources` map.
enum Found {
    /// Set to something (a quantity, or a template placeholder we cannot judge).
    Set,
    /// Not set; the range of the deepest key on the way that exists, if any.
    Missing(Option<TextRange>),
}

/// Looks up `section.name` under `resources` (the node holding the `resources` key: a
/// container or a pod spec). A null or empty-string value is missing; a value that is not a
/// map where a map belongs is unknown, so counts as set.
fn find(holder: &Node, section: &str, name: &str) -> Found {
    let mut anchor = None;
    let mut node = holder;
    for key in ["resources", section, name] {
        let Some((k, v)) = node.entry(key) else {
            return Found::Missing(anchor);
        };
        if v.is_null() || v.as_str().is_some_and(|s| s.trim().is_empty()) {
            return Found::Missing(Some(k.range));
        }
        if !v.is_map() {
            // The quantity itself, or a placeholder where a map belongs.
            return Found::Set;
        }
        anchor = Some(k.range);
        node = v;
    }
    // `cpu: {}`: a map where a quantity belongs; not ours to judge.
    Found::Set
}

/// Whether `holder` (a container or a pod spec) has what `want` asks for `name`; `Err` with
/// the place to point at when it does not.
fn judge(holder: &Node, want: Want, name: &str) -> Result<(), Option<TextRange>> {
    let limit = find(holder, "limits", name);
    if want == Want::Limit {
        return match limit {
            Found::Set => Ok(()),
            Found::Missing(at) => Err(at),
        };
    }
    match (find(holder, "requests", name), limit) {
        (Found::Set, _) | (_, Found::Set) => Ok(()),
        (Found::Missing(at), Found::Missing(_)) => Err(at),
    }
}

/// Reports each long-running container of `object` that lacks the CPU or memory (`name`)
/// request or limit, unless the pod sets it at pod level (`spec.resources`).
pub(super) fn check_resource(
    object: &Object,
    cx: &mut Context,
    want: Want,
    name: &str,
    help: &str,
) {
    let Some(pod) = object.pod_spec() else { return };
    if judge(pod.node, want, name).is_ok() {
        return;
    }
    let (what, section) = match (want, name) {
        (Want::Request, "cpu") => ("CPU request", "requests"),
        (Want::Request, _) => ("memory request", "requests"),
        (Want::Limit, "cpu") => ("CPU limit", "limits"),
        (Want::Limit, _) => ("memory limit", "limits"),
    };
    for container in pod.all_containers().filter(runs_for_pod_lifetime) {
        if let Err(at) = judge(container.node, want, name) {
            cx.report(
                at.unwrap_or_else(|| container.anchor()),
                format!(
                    "{} has no {what} (`resources.{section}.{name}`)",
                    container.display()
                ),
            )
            .help(help);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::kubernetes_findings;

    #[test]
    fn a_limit_sets_the_request_and_pod_level_resources_count() {
        let limit_only = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - {name: a, image: x:1, resources: {limits: {cpu: 500m}}}\n";
        assert!(kubernetes_findings(&super::RULE, limit_only, "latest").is_empty());
        let pod_level = "apiVersion: v1\nkind: Pod\nspec:\n  resources: {requests: {cpu: 1}}\n  containers:\n    - {name: a, image: x:1}\n";
        assert!(kubernetes_findings(&super::RULE, pod_level, "latest").is_empty());
        let none = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - {name: a, image: x:1, resources: {}}\n";
        assert_eq!(kubernetes_findings(&super::RULE, none, "latest").len(), 1);
    }
}
