//! `secret-in-env-var`: a container env var with a literal `value` whose name says it holds a
//! secret (`DB_PASSWORD`, `API_TOKEN`), or whose value looks like a credential whatever its
//! name (an AWS key id, a private key, a GitHub token). `valueFrom` is never judged.

use crate::rules::prelude::*;
use crate::rules::secrets::{find_credential, is_harmless, is_placeholder, is_secret_name};

declare_rule! {
    id: "secret-in-env-var",
    title: "secret-looking value in a container env var",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: ["kube-linter:env-var-secret", "polaris:sensitiveContainerEnvVar"],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    for container in pod.all_containers() {
        for var in container.env() {
            judge(cx, &container, var);
        }
    }
}

fn judge(cx: &mut Context, container: &Container, var: &Node) {
    let Some(name) = var.get("name").and_then(Node::as_str) else {
        return;
    };
    // `valueFrom` reads a Secret, a ConfigMap or a field of the pod: nothing literal.
    if var.get("valueFrom").is_some_and(|n| !n.is_null()) {
        return;
    }
    let Some(node) = var.get("value") else { return };
    let Some(value) = node.as_str() else { return };
    // A template leftover is not a value yet.
    if value.contains("{{") {
        return;
    }
    // A credential in the value is reported whatever the name, at the credential itself.
    if let Some((at, len, what)) = find_credential(value) {
        let range = inner_range(cx.text(), node, at, len);
        cx.report(
            range,
            format!(
                "env var `{name}` of {} holds what looks like {what}",
                container.display()
            ),
        )
        .help("move it into a Secret and read it with `valueFrom.secretKeyRef`, and revoke it: it is in the repository's history");
        return;
    }
    if !is_secret_name(name)
        || value.trim().is_empty()
        || is_harmless(value)
        || refers_to_variable(value)
        || is_placeholder(name, value)
    {
        return;
    }
    cx.report(
        node.range,
        format!(
            "{} sets the secret env var `{name}` to a literal value",
            container.display()
        ),
    )
    .help("store the value in a Secret and read it with `valueFrom.secretKeyRef`");
}

/// The range of `value[at..at + len]` in the source: exact when the scalar is written as is
/// (plain, or quoted without escapes), else the whole scalar.
fn inner_range(text: &str, node: &Node, at: usize, len: usize) -> TextRange {
    let raw = &text[node.range.as_range()];
    let value = node.as_str().unwrap_or("");
    let offset = if raw == value {
        Some(0)
    } else {
        (raw.len() == value.len() + 2 && raw.get(1..raw.len() - 1) == Some(value)).then_some(1)
    };
    offset.map_or(node.range, |o| {
        let start = node.range.start as usize + o + at;
        TextRange::new(start, start + len)
    })
}

/// `$(OTHER_VAR)` (expanded by Kubernetes from the container's other env vars) or `${VAR}` /
/// `$VAR` (filled in by a template tool): the secret, if any, comes from elsewhere.
fn refers_to_variable(value: &str) -> bool {
    value.contains("$(")
        || value.contains("${")
        || value
            .strip_prefix('$')
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_'))
}
