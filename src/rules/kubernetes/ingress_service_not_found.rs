//! `ingress-service-not-found`: an Ingress backend names a Service, or a port of one, that
//! the input does not hold in the Ingress's namespace (kube-linter's dangling-ingress,
//! kube-score's ingress-targets-service).

use crate::kubernetes::inventory::is_template;
use crate::rules::prelude::*;

declare_rule! {
    id: "ingress-service-not-found",
    title: "ingress backend names a Service or port not in the input",
    severity: Warning,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: ["kube-linter:dangling-ingress", "kube-score:ingress-targets-service"],
    enabled_by_default: true,
    check: Check::Set(check),
}

fn check(objects: &[SetObject], cx: &mut SetContext) {
    for ingress in objects {
        let facts = ingress.facts;
        if facts.kind != "Ingress"
            || !matches!(facts.group.as_str(), "networking.k8s.io" | "extensions")
        {
            continue;
        }
        let services = || {
            objects
                .iter()
                .map(|o| o.facts)
                .filter(|o| o.kind == "Service" && o.group.is_empty() && o.same_namespace(facts))
        };
        // An input without Services here (Ingresses kept apart from the apps) proves nothing.
        if services().next().is_none() {
            continue;
        }
        for reference in &facts.references {
            let ReferenceKind::Service { port, port_range } = &reference.kind else {
                continue;
            };
            // Placeholders, and the AWS load balancer controller's actions (`use-annotation`:
            // the "Service" is an annotation of the Ingress).
            if port.as_deref() == Some("use-annotation") || reference.is_placeholder() {
                continue;
            }
            let named =
                || services().filter(|s| s.name.as_deref() == Some(reference.name.as_str()));
            if named().next().is_none() {
                cx.report(
                    ingress.file,
                    reference.range,
                    format!("no Service `{}` in {}", reference.name, facts.scope()),
                )
                .help("name a Service of the Ingress's namespace, or add the Service to the input");
                continue;
            }
            let Some(port) = port.as_deref().filter(|p| !is_template(p)) else {
                continue;
            };
            let number: Option<i64> = port.parse().ok();
            let has_port = named().any(|s| {
                // A Service whose ports are unknown (none listed) is given the benefit.
                s.service_ports.is_empty()
                    || s.service_ports.iter().any(|p| match number {
                        Some(n) => p.port == Some(n),
                        None => p.name.as_deref() == Some(port),
                    })
            });
            if !has_port {
                let what = if number.is_some() {
                    "port"
                } else {
                    "port named"
                };
                cx.report(
                    ingress.file,
                    port_range.unwrap_or(reference.range),
                    format!("no {what} `{port}` on Service `{}`", reference.name),
                )
                .help("name a port the Service declares (its `port` number or its `name`)");
            }
        }
    }
}
