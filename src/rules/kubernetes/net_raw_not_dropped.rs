//! `net-raw-not-dropped`: a container keeps the `NET_RAW` capability: it drops neither
//! `NET_RAW` nor `ALL`, or adds it back.

use crate::rules::prelude::*;

declare_rule! {
    id: "net-raw-not-dropped",
    title: "container keeps the `NET_RAW` capability",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [
        "kube-linter:drop-net-raw-capability",
        "checkov:CKV_K8S_28",
        "trivy:KSV-0119",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    // Windows containers have no Linux capabilities.
    if pod.is_windows() {
        return;
    }
    for container in pod.all_containers() {
        let Some(dropped) = container.runtime_drops() else {
            continue;
        };
        let drops = |name: &str| {
            dropped.iter().copied().find(|n| {
                n.as_str()
                    .is_some_and(|c| c.trim().eq_ignore_ascii_case(name))
            })
        };
        if drops("NET_RAW").is_some() {
            continue;
        }
        // The runtime drops `ALL`, then adds the capabilities named in `add`.
        let added = |name: &str| container.capabilities("add").find(|(c, _)| c == name);
        if let Some((_, item)) = added("NET_RAW") {
            cx.report(
                item.range,
                format!(
                    "{} adds capability `{}`",
                    container.display(),
                    item.as_str().unwrap_or_default()
                ),
            )
            .help("remove `NET_RAW` from `capabilities.add`");
            continue;
        }
        if drops("ALL").is_some() {
            continue;
        }
        if let Some((_, item)) = added("ALL") {
            cx.report(
                item.range,
                format!(
                    "{} adds `ALL` capabilities, `NET_RAW` included",
                    container.display()
                ),
            )
            .help("add only the capabilities the container needs, and drop `NET_RAW`");
            continue;
        }
        if let Some(item) = drops("CAP_NET_RAW").or_else(|| drops("CAP_ALL")) {
            let name = item.as_str().unwrap_or_default().trim();
            cx.report(
                item.range,
                format!(
                    "{} drops `{name}`, which containerd does not recognise: capability names take no `CAP_` prefix",
                    container.display(),
                ),
            )
            .help(format!("write `{}`", name[4..].to_ascii_uppercase()));
            continue;
        }
        cx.report(
            container.drop_anchor(),
            format!("{} does not drop `NET_RAW`", container.display()),
        )
        .help("add `NET_RAW` (or `ALL`) to the container's `securityContext.capabilities.drop`");
    }
}
