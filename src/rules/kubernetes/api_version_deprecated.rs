//! `api-version-deprecated`: an object's `apiVersion` and `kind` are deprecated, and still
//! served, in the target Kubernetes version (the table is in [`super::api_versions`]).

use super::api_versions::{check as check_api, Stage};
use crate::rules::prelude::*;

declare_rule! {
    id: "api-version-deprecated",
    title: "API version deprecated in the target Kubernetes version",
    severity: Warning,
    category: Reliability,
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
    check_api(object, cx, Stage::Deprecated);
}

#[cfg(test)]
mod tests {
    use crate::testing::kubernetes_findings;

    const CRONJOB: &str = "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: '@daily'\n";

    #[test]
    fn fires_between_deprecation_and_removal() {
        let count = |text, version| kubernetes_findings(&super::RULE, text, version).len();
        assert_eq!(count(CRONJOB, "1.20"), 0);
        assert_eq!(count(CRONJOB, "1.21"), 1);
        assert_eq!(count(CRONJOB, "1.24"), 1);
        // Removed: `api-version-removed` reports it instead.
        assert_eq!(count(CRONJOB, "1.25"), 0);
        let endpoints = "apiVersion: v1\nkind: Endpoints\nmetadata: {name: e}\n";
        assert_eq!(count(endpoints, "1.32"), 0);
        assert_eq!(count(endpoints, "1.33"), 1);
        assert_eq!(count(endpoints, "latest"), 1);
    }

    #[test]
    fn offers_the_rename_only_once_the_replacement_is_served() {
        let ingress = "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: i}\n";
        let early = kubernetes_findings(&super::RULE, ingress, "1.15");
        assert!(early[0].message.ends_with("(served from Kubernetes 1.19)"));
        let cronjob = kubernetes_findings(&super::RULE, CRONJOB, "1.21");
        let fix = cronjob[0].fix.as_ref().unwrap();
        assert_eq!(fix.edits[0].replacement, "batch/v1");
    }
}
