//! `service-target-port-not-found`: a Service's `targetPort` names a port that no container
//! of the workloads it selects declares (with the Service port's protocol).

use crate::kubernetes::inventory::is_template;
use crate::rules::prelude::*;

declare_rule! {
    id: "service-target-port-not-found",
    title: "service `targetPort` names no container port of its pods",
    severity: Error,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Set(check),
}

fn check(objects: &[SetObject], cx: &mut SetContext) {
    for service in objects {
        let facts = service.facts;
        if facts.kind != "Service"
            || !facts.group.is_empty()
            || facts
                .service_ports
                .iter()
                .all(|p| p.target_port_name.is_none())
        {
            continue;
        }
        let selected: Vec<&ObjectFacts> = objects
            .iter()
            .map(|o| o.facts)
            .filter(|o| facts.selects(o))
            .collect();
        // Nothing selected is `service-selects-no-pods`' finding, not this rule's.
        if selected.is_empty() {
            continue;
        }
        for port in &facts.service_ports {
            let Some((name, range)) = &port.target_port_name else {
                continue;
            };
            if is_template(&port.protocol) {
                continue;
            }
            let declared = selected.iter().filter_map(|w| w.pod.as_ref()).any(|pod| {
                pod.ports.iter().any(|p| {
                    p.name.as_deref() == Some(name.as_str()) && p.protocol == port.protocol
                })
            });
            if declared {
                continue;
            }
            let mut workloads: Vec<String> = Vec::new();
            for workload in &selected {
                let shown = format!("`{}`", workload.display());
                if !workloads.contains(&shown) {
                    workloads.push(shown);
                }
            }
            let protocol = if port.protocol == "TCP" {
                String::new()
            } else {
                format!("{} ", port.protocol)
            };
            cx.report(
                service.file,
                *range,
                format!(
                    "no {protocol}container port named `{name}` in the pods it selects ({})",
                    workloads.join(", ")
                ),
            )
            .help("name a port the containers declare, or give `targetPort` as a number");
        }
    }
}
