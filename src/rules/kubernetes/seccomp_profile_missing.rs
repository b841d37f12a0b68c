//! `seccomp-profile-missing`: a container has no `RuntimeDefault` or `Localhost` seccomp
//! profile, of its own or from the pod (the Pod Security Standards restricted check
//! `seccompProfile_restricted`, a presence rule with pod-level inheritance).

use crate::kubernetes::Style;
use crate::rules::prelude::*;

declare_rule! {
    id: "seccomp-profile-missing",
    title: "no `RuntimeDefault` or `Localhost` seccomp profile",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: Unsafe,
    aliases: [
        "pss:seccompProfile_restricted",
        "checkov:CKV_K8S_31",
        "trivy:KSV-0030",
        "kube-score:container-seccomp-profile",
        "kubesec:SeccompAny",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Restricted,
    replaces: ["seccomp-unconfined"],
    min_kubernetes: (1, 19),
}

const ALLOWED: &[&str] = &["RuntimeDefault", "Localhost"];

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    // From 1.25 the policy exempts Windows pods, which have no seccomp.
    if cx.kubernetes_version() >= KubeVersion::new(1, 25) && pod.is_windows() {
        return;
    }
    let pod_profile = profile_of(pod.security_context());
    if let Some((key, profile)) = pod_profile {
        judge(cx, key, profile, None);
    }
    for container in pod.all_containers() {
        match profile_of(container.security_context()) {
            Some((key, profile)) => judge(cx, key, profile, Some(&container)),
            // Unset: fine only when the pod sets a profile; a bad or unknown pod profile is
            // reported above or unknown.
            None if pod_profile.is_none() => {
                cx.report(
                    container.missing_security_anchor("seccompProfile"),
                    format!(
                        "{} has no seccomp profile, and neither does the pod",
                        container.display()
                    ),
                )
                .help("set `seccompProfile: {type: RuntimeDefault}` in the pod's `securityContext`, or in the container's");
            }
            None => {}
        }
    }
}

/// The `seccompProfile` entry of a `securityContext`, unless unset or null.
fn profile_of(context: Option<&Node>) -> Option<(&Node, &Node)> {
    context?
        .entry("seccompProfile")
        .filter(|(_, profile)| !profile.is_null())
}

/// Reports a profile that is set but neither `RuntimeDefault` nor `Localhost`: the
/// container's, or with `None` the pod's.
fn judge(cx: &mut Context, key: &Node, profile: &Node, container: Option<&Container>) {
    if !profile.is_map() {
        return; // a template leftover: unknown
    }
    let who = || {
        container.map_or(
            "the pod's `securityContext`".to_string(),
            Container::display,
        )
    };
    let Some(kind) = profile.get("type").filter(|t| !t.is_null()) else {
        cx.report(
            key.range,
            format!("{} sets a `seccompProfile` without a `type`", who()),
        )
        .help("set `type: RuntimeDefault` (or `Localhost` with a `localhostProfile`)");
        return;
    };
    let Some(name) = kind.as_str() else { return };
    if ALLOWED.contains(&name) || name.contains('$') || name.contains("{{") {
        return;
    }
    // A misspelled `localhost` means Localhost; anything else is best replaced by the default.
    let wanted = if name.eq_ignore_ascii_case("localhost") {
        "Localhost"
    } else {
        "RuntimeDefault"
    };
    let report = cx
        .report(
            kind.range,
            format!(
                "{} sets seccomp profile `{name}`, not `RuntimeDefault` or `Localhost`",
                who()
            ),
        )
        .help(format!("set `type: {wanted}`"));
    let quote = match kind.scalar().map(|s| s.style) {
        Some(Style::Plain) => "",
        Some(Style::SingleQuoted) => "'",
        Some(Style::DoubleQuoted) => "\"",
        _ => return,
    };
    report.fix(
        format!("set `type: {wanted}`"),
        vec![Edit::replace(kind.range, format!("{quote}{wanted}{quote}"))],
    );
}

#[cfg(test)]
mod tests {
    use crate::testing::kubernetes_findings;

    const WINDOWS: &str = "apiVersion: v1\nkind: Pod\nspec:\n  os: {name: windows}\n  containers:\n    - {name: a, image: x:1}\n";
    const UNSET: &str =
        "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - {name: a, image: x:1}\n";

    #[test]
    fn applies_from_1_19() {
        assert!(kubernetes_findings(&super::RULE, UNSET, "1.18").is_empty());
        assert_eq!(kubernetes_findings(&super::RULE, UNSET, "1.19").len(), 1);
        assert_eq!(kubernetes_findings(&super::RULE, UNSET, "latest").len(), 1);
    }

    #[test]
    fn windows_pods_are_exempt_from_1_25() {
        assert_eq!(kubernetes_findings(&super::RULE, WINDOWS, "1.24").len(), 1);
        assert!(kubernetes_findings(&super::RULE, WINDOWS, "1.25").is_empty());
    }
}
