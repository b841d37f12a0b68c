//! `service-selects-no-pods`: a Service's selector matches no pod template of the input in
//! its namespace (kube-linter's dangling-service, kube-score's service-targets-pod).

use crate::rules::prelude::*;

declare_rule! {
    id: "service-selects-no-pods",
    title: "service selects no pods of the input",
    severity: Warning,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: ["kube-linter:dangling-service", "kube-score:service-targets-pod"],
    enabled_by_default: true,
    check: Check::Set(check),
}

fn check(objects: &[SetObject], cx: &mut SetContext) {
    for service in objects {
        let facts = service.facts;
        if facts.kind != "Service" || !facts.group.is_empty() {
            continue;
        }
        // No selector (or `{}`): endpoints are managed by hand or the Service is an alias.
        let Some((selector, range)) = &facts.selector else {
            continue;
        };
        if selector.is_empty() || !facts.selects_no_pods(objects.iter().map(|o| o.facts)) {
            continue;
        }
        cx.report(
            service.file,
            *range,
            format!(
                "no pod template in {} matches the selector `{selector}`",
                facts.scope()
            ),
        )
        .help("make the selector match the labels of the pods the Service should reach");
    }
}
