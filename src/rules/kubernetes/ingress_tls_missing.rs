//! `ingress-tls-missing`: Ingress without TLS (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "ingress-tls-missing",
    title: "Ingress without TLS",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(_object: &Object, _cx: &mut Context) {}
