//! `seccomp-unconfined`: a pod or container sets a seccomp profile other than the runtime
//! default or a node-local one (the Pod Security Standards baseline check
//! `seccompProfile_baseline`): the alpha annotations before Kubernetes 1.19, the
//! `seccompProfile.type` fields from 1.19 on.

use super::apparmor_unconfined::check_profile_type;
use crate::rules::prelude::*;

declare_rule! {
    id: "seccomp-unconfined",
    title: "unconfined or unknown seccomp profile",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: Unsafe,
    aliases: [
        "pss:seccompProfile_baseline",
        "trivy:KSV-0104",
        "kubesec:SeccompUnconfined",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Baseline,
}

/// From this version upstream checks the fields, and no longer the annotations.
const FIELDS_SINCE: KubeVersion = KubeVersion::new(1, 19);

const POD_ANNOTATION: &str = "seccomp.security.alpha.kubernetes.io/pod";
const CONTAINER_ANNOTATION_PREFIX: &str = "container.seccomp.security.alpha.kubernetes.io/";

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    if cx.kubernetes_version() < FIELDS_SINCE {
        check_annotations(&pod, cx);
        return;
    }
    if let Some(field) = pod
        .security_context()
        .and_then(|s| s.entry("seccompProfile"))
    {
        check_profile_type(cx, field, "pod", "seccomp");
    }
    for container in pod.all_containers() {
        if let Some(field) = container
            .security_context()
            .and_then(|s| s.entry("seccompProfile"))
        {
            check_profile_type(cx, field, &container.display(), "seccomp");
        }
    }
}

/// The alpha annotations: the pod's, and each container's (upstream reads only those of
/// containers the pod has). A key that is present must hold `runtime/default`,
/// `docker/default` or `localhost/<profile>`; an empty value fails.
fn check_annotations(pod: &PodSpec, cx: &mut Context) {
    for (key, value) in pod.metadata.annotations() {
        let Some(key) = key.as_str() else { continue };
        let container = match key.strip_prefix(CONTAINER_ANNOTATION_PREFIX) {
            Some(name) if pod.all_containers().any(|c| c.name() == name) => Some(name),
            Some(_) => continue,
            None if key == POD_ANNOTATION => None,
            None => continue,
        };
        let profile = if value.is_null() {
            ""
        } else {
            match value.as_str() {
                Some(text) => text,
                None => continue,
            }
        };
        if matches!(profile, "runtime/default" | "docker/default")
            || profile.starts_with("localhost/")
            || profile.contains("{{")
        {
            continue;
        }
        let whose = match container {
            Some(name) => format!("container `{name}`"),
            None => "the pod".to_string(),
        };
        let message = if profile.is_empty() {
            format!("annotation sets an empty seccomp profile for {whose}")
        } else {
            format!("annotation sets seccomp profile `{profile}` for {whose}")
        };
        let report = cx
            .report(value.range, message)
            .help("use `runtime/default`, or a `localhost/<profile>` installed on the nodes");
        // A missing value has no text to replace.
        if !value.is_null() {
            report.fix(
                "use `runtime/default`",
                vec![Edit::replace(value.range, "runtime/default")],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::kubernetes_findings;

    const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: unconfined\nspec:\n  securityContext: {seccompProfile: {type: Unconfined}}\n  containers:\n    - {name: a, image: x:1}\n";

    #[test]
    fn annotations_before_1_19_fields_from_1_19() {
        let before = kubernetes_findings(&super::RULE, POD, "1.18");
        assert_eq!(before.len(), 1);
        assert!(before[0].message.starts_with("annotation sets"));
        for version in ["1.19", "1.25", "latest"] {
            let after = kubernetes_findings(&super::RULE, POD, version);
            assert_eq!(after.len(), 1);
            assert_eq!(after[0].message, "pod sets seccomp profile `Unconfined`");
        }
    }

    #[test]
    fn alpha_annotations_of_the_pod_and_its_containers() {
        let pod = "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    metadata:\n      annotations:\n        seccomp.security.alpha.kubernetes.io/pod: docker/default\n        container.seccomp.security.alpha.kubernetes.io/app: unconfined\n        container.seccomp.security.alpha.kubernetes.io/init: \"\"\n        container.seccomp.security.alpha.kubernetes.io/side: localhost/p.json\n        container.seccomp.security.alpha.kubernetes.io/gone: unconfined\n    spec:\n      initContainers: [{name: init, image: x:1}]\n      containers: [{name: app, image: x:1}, {name: side, image: x:1}]\n";
        let found = kubernetes_findings(&super::RULE, pod, "1.18");
        let messages: Vec<_> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "annotation sets seccomp profile `unconfined` for container `app`",
                "annotation sets an empty seccomp profile for container `init`",
            ]
        );
        let fixed = found[0].fix.as_ref().unwrap().apply(pod);
        assert!(fixed.contains("io/app: runtime/default"));
        assert!(kubernetes_findings(&super::RULE, pod, "1.19").is_empty());
    }
}
