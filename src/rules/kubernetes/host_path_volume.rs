//! `host-path-volume`: a pod declares a `hostPath` volume (the Pod Security Standards
//! baseline check `hostPathVolumes`).

use crate::rules::prelude::*;

declare_rule! {
    id: "host-path-volume",
    title: "pod mounts a `hostPath` volume",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: ["pss:hostPathVolumes", "trivy:KSV-0023", "polaris:hostPathSet"],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Baseline,
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    for volume in pod.volumes() {
        // `hostPath: null` is no volume source; anything but a mapping is not one we can read.
        let Some((key, source)) = volume.0.entry("hostPath") else {
            continue;
        };
        if !source.is_map() {
            continue;
        }
        // At the `hostPath` key, where `restricted-volume-type` reports too, so that running
        // both reports a hostPath volume once.
        let message = match volume.host_path().and_then(Node::as_str) {
            Some(path) => format!("volume `{}` mounts host path `{path}`", volume.name()),
            None => format!(
                "volume `{}` is a `hostPath` volume without a `path`",
                volume.name()
            ),
        };
        let range = key.range;
        cx.report(range, message).help(
            "replace the `hostPath` volume with an `emptyDir`, a ConfigMap, a Secret or a persistent volume claim",
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn applies_at_every_version() {
        let pod = "apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: a, image: x:1}]\n  volumes: [{name: h, hostPath: {path: /tmp}}, {name: e, emptyDir: {}}]\n";
        for version in ["1.0", "1.25", "latest"] {
            assert_eq!(
                crate::testing::kubernetes_findings(&super::RULE, pod, version).len(),
                1
            );
        }
    }
}
