//! `probes-identical`: a container's liveness probe runs the same check as its readiness
//! probe (same handler and target) and fails no later, so a container that is only busy is
//! restarted at the moment it is taken out of traffic.

use super::liveness_probe_port_not_exposed::{handler, Port};
use crate::kubernetes::yaml::Value;
use crate::rules::prelude::*;

declare_rule! {
    id: "probes-identical",
    title: "liveness probe repeats the readiness probe",
    severity: Warning,
    category: Reliability,
    target: Kubernetes,
    fix: None,
    aliases: ["kube-score:pod-probes-identical"],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    for container in pod.all_containers() {
        let (Some(liveness), Some(readiness)) = (
            container.probe("livenessProbe"),
            container.probe("readinessProbe"),
        ) else {
            continue;
        };
        let (Some((kind, key, live)), Some((ready_kind, _, ready))) =
            (handler(liveness), handler(readiness))
        else {
            continue;
        };
        if kind != ready_kind || !same_action(&container, live, ready) {
            continue;
        }
        // A liveness probe that tolerates failures for longer than readiness does leaves the
        // container out of traffic, unrestarted, for a while: a deliberate design.
        let (Some(live_window), Some(ready_window)) =
            (failure_window(liveness), failure_window(readiness))
        else {
            continue;
        };
        if live_window > ready_window {
            continue;
        }
        cx.report(
            key.range,
            format!(
                "the liveness probe of {} repeats its readiness probe (`{kind}`) and fails as soon, so a container that is only busy gets restarted",
                container.display()
            ),
        )
        .help("make the liveness probe check only what a restart fixes, or give it a longer failure window (`failureThreshold` x `periodSeconds`) than the readiness probe");
    }
}

/// How long a probe fails before it acts: `periodSeconds` (10) x `failureThreshold` (3);
/// `None` when a value cannot be read.
fn failure_window(probe: &Node) -> Option<i64> {
    let field = |name: &str, default: i64| match probe.get(name).filter(|n| !n.is_null()) {
        None => Some(default),
        Some(n) => n.as_i64(),
    };
    Some(field("periodSeconds", 10)? * field("failureThreshold", 3)?)
}

/// Two handlers (`httpGet`, `tcpSocket`, `grpc`, `exec`) check the same thing: equal fields,
/// with a port name and its number counting as equal, and the defaults of `path` and
/// `scheme` filled in.
fn same_action(container: &Container, a: &Node, b: &Node) -> bool {
    if !a.is_map() || !b.is_map() {
        return same(a, b);
    }
    let mut keys = a
        .entries()
        .iter()
        .chain(b.entries())
        .filter_map(|(k, _)| k.as_str());
    keys.all(|key| {
        let (x, y) = (
            a.get(key).filter(|n| !n.is_null()),
            b.get(key).filter(|n| !n.is_null()),
        );
        match (key, x, y) {
            ("port", Some(x), Some(y)) => match (Port::of(x), Port::of(y)) {
                (Some(p), Some(q)) => p.resolve(container) == q.resolve(container),
                _ => same(x, y),
            },
            (_, Some(x), Some(y)) => same(x, y),
            (_, None, None) => true,
            // Set on one side only: equal when set to the default (`httpHeaders: []`).
            ("path", Some(set), None) | ("path", None, Some(set)) => set.as_str() == Some("/"),
            ("scheme", Some(set), None) | ("scheme", None, Some(set)) => {
                set.as_str() == Some("HTTP")
            }
            (_, Some(set), None) | (_, None, Some(set)) => set.is_seq() && set.items().is_empty(),
        }
    })
}

/// Structural equality of two nodes, whatever their position and quoting.
fn same(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::Scalar(x), Value::Scalar(y)) => x.text == y.text,
        (Value::Seq(x), Value::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter().all(|(k, v)| {
                    k.as_str()
                        .and_then(|k| b.get(k))
                        .is_some_and(|w| same(v, w))
                })
        }
        _ => false,
    }
}
