//! `liveness-probe-port-not-exposed`: a liveness, readiness or startup probe's `httpGet` or
//! `tcpSocket` names a port (`port: http`) that the container's `ports` do not declare: the
//! kubelet cannot resolve it, so the probe fails every time. Also the probe-port reading
//! shared with `probes-identical`.

use crate::rules::prelude::*;
use crate::suggest::did_you_mean;

declare_rule! {
    id: "liveness-probe-port-not-exposed",
    title: "probe names a port the container does not declare",
    severity: Error,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: [
        "kube-linter:liveness-port",
        "kube-linter:readiness-port",
        "kube-linter:startup-port",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
}

pub(super) const PROBES: [(&str, &str); 3] = [
    ("livenessProbe", "liveness"),
    ("readinessProbe", "readiness"),
    ("startupProbe", "startup"),
];

/// A probe's `port`, as the kubelet reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Port<'a> {
    Number(i64),
    /// A port name (`IANA_SVC_NAME`: lower-case letters, digits and `-`, with a letter).
    Name(&'a str),
}

impl<'a> Port<'a> {
    /// `None` for a value that is neither: a placeholder, or something the API server
    /// rejects anyway. A quoted number reads as the number, as the kubelet falls back to.
    pub(super) fn of(node: &'a Node) -> Option<Port<'a>> {
        if let Some(n) = node.as_i64() {
            return Some(Port::Number(n));
        }
        let name = node.as_str()?;
        let valid = name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && name.bytes().any(|b| b.is_ascii_lowercase());
        valid.then_some(Port::Name(name))
    }

    /// The port number a name stands for in `container`, when the container declares it.
    pub(super) fn resolve(self, container: &Container) -> Port<'a> {
        let Port::Name(name) = self else { return self };
        container
            .ports()
            .iter()
            .find(|p| p.get("name").and_then(Node::as_str) == Some(name))
            .and_then(|p| p.get("containerPort")?.as_i64())
            .map_or(self, Port::Number)
    }
}

/// A probe's handler: the first of `httpGet`, `tcpSocket`, `grpc` and `exec` it has, as
/// (field, key node, value).
pub(super) fn handler(probe: &Node) -> Option<(&'static str, &Node, &Node)> {
    ["httpGet", "tcpSocket", "grpc", "exec"]
        .into_iter()
        .find_map(|field| probe.entry(field).map(|(k, v)| (field, k, v)))
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    for container in pod.all_containers() {
        // `ports` that are not a list of maps (a placeholder) may declare anything.
        let ports = container.get("ports").filter(|n| !n.is_null());
        if ports.is_some_and(|p| !p.is_seq() || p.items().iter().any(|i| !i.is_map())) {
            continue;
        }
        for (field, what) in PROBES {
            let Some(probe) = container.probe(field) else {
                continue;
            };
            let Some((kind, _, action)) = handler(probe) else {
                continue;
            };
            // `grpc.port` is a number only; a number needs no declaration (`ports` are
            // informational): only a name must resolve.
            if !matches!(kind, "httpGet" | "tcpSocket") {
                continue;
            }
            let Some(node) = action.get("port") else {
                continue;
            };
            let Some(Port::Name(name)) = Port::of(node) else {
                continue;
            };
            if port_names(&container).any(|n| n == name) {
                continue;
            }
            let elsewhere = pod
                .all_containers()
                .find(|c| c.node.range != container.node.range && port_names(c).any(|n| n == name));
            cx.report(
                node.range,
                format!(
                    "the {what} probe of {} names port `{name}`, which the container does not declare, so it always fails",
                    container.display()
                ),
            )
            .help(match (did_you_mean(name, port_names(&container)), elsewhere) {
                (Some(close), _) => format!("use the declared port `{close}`"),
                (None, Some(other)) => format!(
                    "`{name}` is a port of {}, and probes resolve names in their own container: declare it here, or use the port number",
                    other.display()
                ),
                (None, None) => format!(
                    "add a port named `{name}` to this container's `ports`, or give the probe the port number"
                ),
            });
        }
    }
}

/// The names of the container's declared ports.
fn port_names<'a>(container: &Container<'a>) -> impl Iterator<Item = &'a str> + 'a {
    container
        .ports()
        .iter()
        .filter_map(|p| p.get("name").and_then(Node::as_str))
}
