//! `service-type-load-balancer`: a Service of type `LoadBalancer` that is neither internal (a
//! cloud provider's internal-load-balancer annotation) nor limited by
//! `loadBalancerSourceRanges`: reachable from anywhere the load balancer is.

use crate::rules::prelude::*;

declare_rule! {
    id: "service-type-load-balancer",
    title: "`Service` of type `LoadBalancer`",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: ["kube-linter:exposed-services"],
    enabled_by_default: false,
    check: Check::Object(check),
}

/// Annotations that make a cloud load balancer internal, with the value that does (`None`:
/// any value but `false`).
const INTERNAL: &[(&str, Option<&str>)] = &[
    (
        "service.beta.kubernetes.io/aws-load-balancer-internal",
        None,
    ),
    (
        "service.beta.kubernetes.io/aws-load-balancer-scheme",
        Some("internal"),
    ),
    ("networking.gke.io/load-balancer-type", Some("Internal")),
    ("cloud.google.com/load-balancer-type", Some("Internal")),
    (
        "service.beta.kubernetes.io/azure-load-balancer-internal",
        Some("true"),
    ),
    (
        "service.beta.kubernetes.io/oci-load-balancer-internal",
        Some("true"),
    ),
    (
        "service.beta.kubernetes.io/openstack-internal-load-balancer",
        Some("true"),
    ),
    (
        "service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type",
        Some("private"),
    ),
    (
        "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type",
        Some("intranet"),
    ),
];

fn check(object: &Object, cx: &mut Context) {
    if object.kind() != "Service" || !object.group().is_empty() {
        return;
    }
    let Some(spec) = object.spec() else { return };
    let Some(node) = spec.get("type") else { return };
    if !node
        .as_str()
        .is_some_and(|t| t.eq_ignore_ascii_case("LoadBalancer"))
    {
        return;
    }
    let restricted = !spec
        .get("loadBalancerSourceRanges")
        .map_or(&[][..], Node::items)
        .is_empty();
    let metadata = object.metadata();
    let internal = INTERNAL.iter().any(|(key, wanted)| {
        metadata
            .annotation(key)
            .and_then(Node::as_str)
            .is_some_and(|v| match wanted {
                Some(w) => v.eq_ignore_ascii_case(w),
                None => !v.eq_ignore_ascii_case("false"),
            })
    });
    if restricted || internal {
        return;
    }
    cx.report(
        node.range,
        format!(
            "`{}` is of type `LoadBalancer`, open to any source address",
            object.display()
        ),
    )
    .help("limit who can connect with `loadBalancerSourceRanges`, make the load balancer internal, or expose the Service through an Ingress or Gateway");
}
