//! `job-ttl-missing`: a standalone Job without `spec.ttlSecondsAfterFinished`, so the finished
//! Job and its pods stay until someone deletes them (off by default).

use crate::rules::prelude::*;

declare_rule! {
    id: "job-ttl-missing",
    title: "job without `ttlSecondsAfterFinished`",
    severity: Info,
    category: Efficiency,
    target: Kubernetes,
    fix: None,
    aliases: ["kube-linter:job-ttl-seconds-after-finished"],
    enabled_by_default: false,
    check: Check::Object(check),
}

/// Annotations that make a Job a Helm or Argo CD hook: the tool deletes the previous run
/// before the next (Helm's default `before-hook-creation`) or as its delete policy says.
const HOOK_ANNOTATIONS: &[&str] = &[
    "helm.sh/hook",
    "helm.sh/hook-delete-policy",
    "argocd.argoproj.io/hook",
    "argocd.argoproj.io/hook-delete-policy",
];

fn check(object: &Object, cx: &mut Context) {
    if object.kind() != "Job" || object.group() != "batch" {
        return;
    }
    let metadata = object.metadata();
    if HOOK_ANNOTATIONS
        .iter()
        .any(|key| metadata.annotation(key).is_some())
    {
        return;
    }
    // A Job a CronJob created (an exported object) goes with the CronJob's history limits.
    let owners = metadata.node().and_then(|m| m.get("ownerReferences"));
    if owners
        .map_or(&[][..], Node::items)
        .iter()
        .any(|owner| owner.get("kind").and_then(Node::as_str) == Some("CronJob"))
    {
        return;
    }
    let Some((key, spec)) = object.node.entry("spec") else {
        return;
    };
    // A patch without a pod template is not a Job to judge.
    if spec.get("template").is_none() {
        return;
    }
    if spec
        .get("ttlSecondsAfterFinished")
        .is_some_and(|ttl| !ttl.is_null())
    {
        return;
    }
    cx.report(
        key.range,
        format!(
            "`{}` sets no `spec.ttlSecondsAfterFinished`: the finished Job and its pods are kept until deleted",
            object.display()
        ),
    )
    .help("set `spec.ttlSecondsAfterFinished` (e.g. `86400`) to have the finished Job cleaned up");
}
