//! `duplicate-container-name`: two containers of one pod (init, app or ephemeral) share a
//! name; the API server rejects the pod, or the workload that carries its template.

use crate::rules::prelude::*;

declare_rule! {
    id: "duplicate-container-name",
    title: "two containers of a pod share a name",
    severity: Error,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    for container in pod.all_containers() {
        let Some(node) = named(&container) else {
            continue;
        };
        // The earliest other container, in file order, with the same name.
        let Some(first) = pod
            .all_containers()
            .filter(|c| {
                named(c).is_some_and(|n| {
                    n.as_str() == node.as_str() && n.range.start < node.range.start
                })
            })
            .min_by_key(|c| c.anchor().start)
        else {
            continue;
        };
        let line = cx.line_of(first.anchor().start as usize);
        cx.report(
            node.range,
            format!(
                "{} has the same name as {} on line {line}; the API server rejects the {}",
                container.display(),
                first.display(),
                object.kind()
            ),
        )
        .help("give every container of the pod (init, app and ephemeral) its own name");
    }
}

/// The container's `name` node, when it has a readable name.
fn named<'a>(container: &Container<'a>) -> Option<&'a Node> {
    container.get("name").filter(|n| n.as_str().is_some())
}
