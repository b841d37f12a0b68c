//! `selector-mismatch`: a workload's own `spec.selector` does not select the pods of its
//! template (or, for the `apps` kinds, is empty), so the API server (for an Argo Rollout, its
//! controller) rejects the workload.

use crate::rules::prelude::*;

declare_rule! {
    id: "selector-mismatch",
    title: "workload selector does not match its pod template",
    severity: Error,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: [
        "kube-linter:mismatching-selector",
        "kube-score:deployment-pod-selector-labels-match-template-metadata-labels",
        "kube-score:statefulset-pod-selector-labels-match-template-metadata-labels",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
}

/// The workload kinds whose selector must select their own template, by API group.
fn is_workload(object: &Object) -> bool {
    matches!(
        (object.group(), object.kind()),
        (
            "apps" | "extensions",
            "Deployment" | "ReplicaSet" | "DaemonSet" | "StatefulSet"
        ) | ("", "ReplicationController")
            | ("batch", "Job" | "CronJob")
            | ("apps.openshift.io" | "", "DeploymentConfig")
            | ("argoproj.io", "Rollout")
    )
}

const OPERATORS: &[&str] = &["In", "NotIn", "Exists", "DoesNotExist"];

fn templated(text: &str) -> bool {
    text.contains("{{")
}

/// A scalar's text, `""` for a missing or null one (as label values compare).
fn text(node: Option<&Node>) -> &str {
    node.and_then(Node::as_str).unwrap_or("")
}

fn check(object: &Object, cx: &mut Context) {
    if !is_workload(object) {
        return;
    }
    let (Some(selector), Some(pod)) = (object.workload_selector(), object.pod_spec()) else {
        return;
    };
    if !selector.0.is_map() {
        return;
    }
    if selector.is_empty() {
        // The `apps` kinds reject `selector: {}`; the others read it as "select everything".
        if object.group() == "apps" {
            cx.report(
                selector.0.range,
                format!(
                    "`spec.selector` is empty: a `{}` must select its pods by at least one label",
                    object.kind()
                ),
            )
            .help("select the pod template's labels, e.g. `matchLabels: {app: <name>}`");
        }
        return;
    }
    let map = if selector.is_plain_map() {
        Some(selector.0)
    } else {
        selector.0.get("matchLabels")
    };
    let pairs = map.map_or(&[][..], Node::entries);
    let items = selector
        .0
        .get("matchExpressions")
        .map_or(&[][..], Node::items);
    // Template leftovers and unknown operators are not guessed at.
    let unknown = pod
        .metadata
        .label_pairs()
        .any(|(k, v)| templated(k) || templated(v))
        || pairs
            .iter()
            .any(|(k, v)| templated(text(Some(k))) || templated(text(Some(v))))
        || items.iter().any(|item| {
            templated(text(item.get("key")))
                || !OPERATORS.contains(&text(item.get("operator")))
                || item
                    .get("values")
                    .map_or(&[][..], Node::items)
                    .iter()
                    .any(|v| templated(text(Some(v))))
        });
    if unknown {
        return;
    }
    let help = "make `spec.selector` and the pod template's `metadata.labels` agree";
    for (key_node, value_node) in pairs {
        let Some(key) = key_node.as_str() else {
            continue;
        };
        let value = text(Some(value_node));
        match pod.metadata.label(key).map(|actual| text(Some(actual))) {
            Some(actual) if actual == value => {}
            Some(actual) => {
                cx.report(
                    value_node.range,
                    format!("`spec.selector` wants `{key}: {value}`, but the pod template has `{key}: {actual}`"),
                )
                .help(help);
            }
            None => {
                cx.report(
                    key_node.range,
                    format!(
                        "`spec.selector` wants label `{key}`, which the pod template does not set"
                    ),
                )
                .help(help);
            }
        }
    }
    if items.is_empty() {
        return;
    }
    // Expressions are rare: judge each with the shared selector semantics.
    let labels: Vec<(String, String)> = pod
        .metadata
        .label_pairs()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    for (item, expression) in items.iter().zip(Selector::of(selector).expressions) {
        let (key, op, values) = &expression;
        let wanted = if values.is_empty() {
            format!("{key} {op}")
        } else {
            format!("{key} {op} ({})", values.join(", "))
        };
        let alone = Selector {
            expressions: vec![expression],
            ..Selector::default()
        };
        if !alone.matches(&labels) {
            cx.report(
                item.get("key").map_or(item.range, |k| k.range),
                format!("`spec.selector` wants `{wanted}`, which the pod template's labels do not satisfy"),
            )
            .help(help);
        }
    }
}
