//! `sys-admin-capability`: a container gets `SYS_ADMIN`, by name or through `add: [ALL]`.

use crate::rules::prelude::*;

declare_rule! {
    id: "sys-admin-capability",
    title: "container adds `SYS_ADMIN`",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: ["checkov:CKV_K8S_39", "trivy:KSV-0005", "kubesec:CapSysAdmin"],
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
            dropped
                .iter()
                .filter_map(|n| n.as_str())
                .any(|c| c.trim().eq_ignore_ascii_case(name))
        };
        // The runtime adds `ALL` first, drops `ALL`, then adds and drops the named ones.
        if drops("SYS_ADMIN") {
            continue;
        }
        let added = |name: &str| container.capabilities("add").find(|(c, _)| c == name);
        if let Some((_, item)) = added("SYS_ADMIN") {
            cx.report(
                item.range,
                format!(
                    "{} adds capability `{}`",
                    container.display(),
                    item.as_str().unwrap_or_default()
                ),
            )
            .help("remove `SYS_ADMIN`, and add only the narrow capabilities the container needs");
        } else if let Some((_, item)) = added("ALL").filter(|_| !drops("ALL")) {
            cx.report(
                item.range,
                format!(
                    "{} adds `ALL` capabilities, `SYS_ADMIN` included",
                    container.display()
                ),
            )
            .help("add only the capabilities the container needs");
        }
    }
}
