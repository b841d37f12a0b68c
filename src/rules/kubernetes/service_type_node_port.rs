//! `service-type-node-port`: a Service of type `NodePort`, which opens its ports on every
//! node's addresses.

use crate::rules::prelude::*;

declare_rule! {
    id: "service-type-node-port",
    title: "`Service` of type `NodePort`",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: ["kube-linter:exposed-services", "kube-score:service-type"],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(object: &Object, cx: &mut Context) {
    if object.kind() != "Service" || !object.group().is_empty() {
        return;
    }
    let Some(node) = object.spec().and_then(|s| s.get("type")) else {
        return;
    };
    if !node
        .as_str()
        .is_some_and(|t| t.eq_ignore_ascii_case("NodePort"))
    {
        return;
    }
    cx.report(
        node.range,
        format!(
            "`{}` is of type `NodePort`: its ports are open on every node",
            object.display()
        ),
    )
    .help("use `ClusterIP` behind an Ingress or Gateway, or a `LoadBalancer` restricted with `loadBalancerSourceRanges`");
}
