//! `reference-not-found`: a pod refers to a ServiceAccount, Secret, ConfigMap or
//! PersistentVolumeClaim that the input does not hold in its namespace. Opt-in: only an input
//! that holds everything it deploys makes a missing name a mistake.

use crate::rules::prelude::*;
use std::collections::HashMap;

declare_rule! {
    id: "reference-not-found",
    title: "pod refers to a ServiceAccount, Secret, ConfigMap or claim not in the input",
    severity: Warning,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: ["kube-linter:non-existent-service-account"],
    enabled_by_default: false,
    check: Check::Set(check),
}

/// Objects every namespace has without being declared: the `default` ServiceAccount and the
/// CA bundles that Kubernetes, OpenShift and Istio publish into each namespace.
const BUILT_IN: &[(&str, &str)] = &[
    ("ServiceAccount", "default"),
    ("ConfigMap", "kube-root-ca.crt"),
    ("ConfigMap", "openshift-service-ca.crt"),
    ("ConfigMap", "istio-ca-root-cert"),
];

fn check(objects: &[SetObject], cx: &mut SetContext) {
    // The namespaces each (kind, name) of the input is in, looked up once per reference.
    let mut present: HashMap<(&str, &str), Vec<&ObjectFacts>> = HashMap::new();
    for facts in objects.iter().map(|o| o.facts) {
        if let Some(name) = facts.name.as_deref().filter(|_| facts.group.is_empty()) {
            present.entry((&facts.kind, name)).or_default().push(facts);
        }
        if let Some(name) = &facts.made_secret {
            present.entry(("Secret", name)).or_default().push(facts);
        }
    }
    for pod in objects {
        let facts = pod.facts;
        for reference in &facts.references {
            let kind = match reference.kind {
                ReferenceKind::ServiceAccount => "ServiceAccount",
                ReferenceKind::Secret => "Secret",
                ReferenceKind::ConfigMap => "ConfigMap",
                ReferenceKind::PersistentVolumeClaim => "PersistentVolumeClaim",
                _ => continue,
            };
            let name = reference.name.as_str();
            // One finding per missing object and pod, at its first mention in the text.
            let repeated = facts.references.iter().any(|r| {
                r.kind == reference.kind
                    && r.name == reference.name
                    && !r.optional
                    && r.range.start < reference.range.start
            });
            if reference.optional
                || repeated
                || reference.is_placeholder()
                || BUILT_IN.contains(&(kind, name))
            {
                continue;
            }
            let found = present
                .get(&(kind, name))
                .is_some_and(|found| found.iter().any(|o| o.same_namespace(facts)));
            if !found {
                cx.report(
                    pod.file,
                    reference.range,
                    format!("no {kind} `{name}` in {}", facts.scope()),
                )
                .help(format!("correct the name, or add the {kind} to the input"));
            }
        }
    }
}
