//! `api-version-removed`: an object's `apiVersion` and `kind` are no longer served by the
//! target Kubernetes version (the table is in [`super::api_versions`]).

use super::api_versions::{check as check_api, Stage};
use crate::rules::prelude::*;

declare_rule! {
    id: "api-version-removed",
    title: "API version no longer served by the target Kubernetes version",
    severity: Error,
    category: Correctness,
    target: Kubernetes,
    fix: Safe,
    aliases: [
        "kube-linter:no-extensions-v1beta",
        "kube-score:stable-version",
        "trivy:KSV-0107",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(object: &Object, cx: &mut Context) {
    check_api(object, cx, Stage::Removed);
}

#[cfg(test)]
mod tests {
    use crate::testing::kubernetes_findings;

    const INGRESS: &str = "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  backend: {serviceName: web, servicePort: 80}\n";
    const RBAC: &str = "apiVersion: rbac.authorization.k8s.io/v1beta1\nkind: Role\nmetadata: {name: r}\nrules: []\n";

    #[test]
    fn fires_from_the_removal_release_on() {
        let count = |text, version| kubernetes_findings(&super::RULE, text, version).len();
        assert_eq!(count(INGRESS, "1.21"), 0);
        assert_eq!(count(INGRESS, "1.22"), 1);
        assert_eq!(count(INGRESS, "latest"), 1);
        assert_eq!(count(RBAC, "1.21.9"), 0);
        assert_eq!(count(RBAC, "v1.22"), 1);
        let flow = "apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata: {name: f}\n";
        assert_eq!(count(flow, "1.31"), 0);
        assert_eq!(count(flow, "1.32"), 1);
    }

    #[test]
    fn names_the_replacement_served_at_the_target() {
        let flow = "apiVersion: flowcontrol.apiserver.k8s.io/v1beta1\nkind: FlowSchema\nmetadata: {name: f}\n";
        let at = |version| {
            kubernetes_findings(&super::RULE, flow, version)[0]
                .message
                .clone()
        };
        assert!(at("1.27").ends_with("use `flowcontrol.apiserver.k8s.io/v1beta3`"));
        assert!(at("1.37").ends_with("use `flowcontrol.apiserver.k8s.io/v1`"));
        let fixed = kubernetes_findings(&super::RULE, RBAC, "1.22");
        assert!(fixed[0].fix.is_some());
        assert!(kubernetes_findings(&super::RULE, INGRESS, "1.22")[0]
            .fix
            .is_none());
    }
}
