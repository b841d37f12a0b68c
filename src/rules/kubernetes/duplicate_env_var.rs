//! `duplicate-env-var`: a container's `env` lists the same variable name twice; the later
//! entry silently wins, and server-side apply rejects the list.

use crate::rules::prelude::*;

declare_rule! {
    id: "duplicate-env-var",
    title: "environment variable defined twice in a container",
    severity: Warning,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: [
        "kube-linter:duplicate-env-var",
        "kube-score:environment-variable-key-duplication",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    for container in pod.all_containers() {
        let env = container.env();
        for (at, item) in env.iter().enumerate() {
            let Some(name) = name_of(item) else { continue };
            let text = name.as_str().unwrap_or_default();
            let Some(first) = env[..at]
                .iter()
                .filter_map(name_of)
                .find(|n| n.as_str() == Some(text))
            else {
                continue;
            };
            let line = cx.line_of(first.range.start as usize);
            cx.report(
                name.range,
                format!(
                    "{} sets `{text}` again (first on line {line}); only the last definition takes effect",
                    container.display()
                ),
            )
            .help(format!("keep one definition of `{text}` in this container"));
        }
    }
}

/// An `env` entry's `name` node, when it has a readable name.
fn name_of(item: &Node) -> Option<&Node> {
    item.get("name").filter(|n| n.as_str().is_some())
}
