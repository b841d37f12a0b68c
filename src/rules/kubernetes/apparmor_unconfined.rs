//! `apparmor-unconfined`: a pod or container sets an AppArmor profile other than the
//! runtime default or a node-local one, by annotation or by `appArmorProfile.type` (the Pod
//! Security Standards baseline check `appArmorProfile`).

use crate::rules::prelude::*;

declare_rule! {
    id: "apparmor-unconfined",
    title: "unconfined or unknown AppArmor profile",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: Unsafe,
    aliases: ["pss:appArmorProfile", "trivy:KSV-0002"],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Baseline,
}

/// The deprecated per-container annotation on the pod (template) metadata.
const ANNOTATION_PREFIX: &str = "container.apparmor.security.beta.kubernetes.io/";

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    for (key, value) in pod.metadata.annotations() {
        let Some(container) = key.as_str().and_then(|k| k.strip_prefix(ANNOTATION_PREFIX)) else {
            continue;
        };
        // Upstream allows an empty value (null reads as empty), `runtime/default` and any
        // `localhost/<profile>`; every other value fails, whether or not the container exists.
        let Some(profile) = value.as_str() else {
            continue;
        };
        if profile.is_empty()
            || profile == "runtime/default"
            || profile.starts_with("localhost/")
            || profile.contains("{{")
        {
            continue;
        }
        cx.report(
            value.range,
            format!("annotation sets AppArmor profile `{profile}` for container `{container}`"),
        )
        .help("use `runtime/default`, or a `localhost/<profile>` installed on the nodes")
        .fix(
            "use `runtime/default`",
            vec![Edit::replace(value.range, "runtime/default")],
        );
    }
    let pod_field = pod
        .security_context()
        .and_then(|s| s.entry("appArmorProfile"));
    if let Some(field) = pod_field {
        check_profile_type(cx, field, "pod", "AppArmor");
    }
    for container in pod.all_containers() {
        let field = container
            .security_context()
            .and_then(|s| s.entry("appArmorProfile"));
        if let Some(field) = field {
            check_profile_type(cx, field, &container.display(), "AppArmor");
        }
    }
}

/// A profile field (key and value) of a pod or container: `appArmorProfile` or, for
/// `seccomp-unconfined`, `seccompProfile`. Upstream fails any `type` but `RuntimeDefault`
/// and `Localhost`, a missing one included; `what` names the profile kind in messages.
pub(super) fn check_profile_type(
    cx: &mut Context,
    (key, profile): (&Node, &Node),
    who: &str,
    what: &str,
) {
    if !profile.is_map() {
        return;
    }
    let field = key.as_str().unwrap_or("");
    let Some(kind) = profile.get("type").filter(|t| !t.is_null()) else {
        cx.report(key.range, format!("{who} sets `{field}` without a `type`"))
            .help("set `type: RuntimeDefault`, or `type: Localhost` with a `localhostProfile`");
        return;
    };
    let Some(value) = kind.as_str() else { return };
    if matches!(value, "RuntimeDefault" | "Localhost") || value.contains("{{") {
        return;
    }
    let report = cx
        .report(kind.range, format!("{who} sets {what} profile `{value}`"))
        .help("use `type: RuntimeDefault`, or `type: Localhost` with a profile installed on the nodes");
    // `localhostProfile` is only valid with `Localhost`: leave such a profile to the author.
    if profile.get("localhostProfile").is_none() {
        report.fix(
            "use `RuntimeDefault`",
            vec![Edit::replace(kind.range, "RuntimeDefault")],
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn applies_at_every_version() {
        let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/a: unconfined\nspec:\n  securityContext: {appArmorProfile: {type: Unconfined}}\n  containers:\n    - {name: a, image: x:1, securityContext: {appArmorProfile: {type: Localhost, localhostProfile: p}}}\n";
        for version in ["1.0", "1.30", "latest"] {
            assert_eq!(
                crate::testing::kubernetes_findings(&super::RULE, pod, version).len(),
                2
            );
        }
    }
}
