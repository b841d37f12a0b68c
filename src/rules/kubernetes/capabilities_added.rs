//! `capabilities-added`: a container adds a Linux capability outside the baseline set (the
//! Pod Security Standards baseline check `capabilities_baseline`).

use crate::rules::prelude::*;

declare_rule! {
    id: "capabilities-added",
    title: "container adds a capability outside the baseline set",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: Unsafe,
    aliases: ["pss:capabilities_baseline", "trivy:KSV-0022"],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Baseline,
}

/// The capabilities the baseline lets a container add: the container runtimes' defaults,
/// compared as written (upstream does not strip `CAP_` or fold case).
const ALLOWED: &[&str] = &[
    "AUDIT_WRITE",
    "CHOWN",
    "DAC_OVERRIDE",
    "FOWNER",
    "FSETID",
    "KILL",
    "MKNOD",
    "NET_BIND_SERVICE",
    "SETFCAP",
    "SETGID",
    "SETPCAP",
    "SETUID",
    "SYS_CHROOT",
];

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    for container in pod.all_containers() {
        let added = container
            .security("capabilities")
            .and_then(|c| c.get("add"))
            .map_or(&[][..], Node::items);
        for item in added {
            let Some(name) = item.as_str() else { continue };
            if ALLOWED.contains(&name) || name.contains("{{") {
                continue;
            }
            let upper = name.trim().to_ascii_uppercase();
            let bare = upper.strip_prefix("CAP_").unwrap_or(&upper);
            match ALLOWED.iter().find(|a| **a == bare) {
                // A default capability spelled `CAP_CHOWN` or `chown`: upstream rejects it.
                Some(&exact) => {
                    cx.report(
                        item.range,
                        format!(
                            "{} adds capability `{name}`, which the baseline allows only as `{exact}`",
                            container.display()
                        ),
                    )
                    .help(format!("write the capability as `{exact}`"))
                    .fix(
                        format!("write `{exact}`"),
                        vec![Edit::replace(item.range, exact)],
                    );
                }
                None => {
                    cx.report(
                        item.range,
                        format!("{} adds capability `{name}`", container.display()),
                    )
                    .help(format!(
                        "remove `{name}` from `capabilities.add`: the baseline allows only the runtime's default capabilities"
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn applies_at_every_version() {
        let pod = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - {name: a, image: x:1, securityContext: {capabilities: {add: [NET_ADMIN, CHOWN]}}}\n";
        for version in ["1.0", "1.22", "latest"] {
            let found = crate::testing::kubernetes_findings(&super::RULE, pod, version);
            assert_eq!(found.len(), 1);
            assert!(found[0].message.contains("`NET_ADMIN`"));
        }
    }
}
