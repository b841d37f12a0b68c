//! `restricted-volume-type`: a pod volume of a type outside the restricted set (the Pod
//! Security Standards restricted check `restrictedVolumes`).

use crate::rules::prelude::*;

declare_rule! {
    id: "restricted-volume-type",
    title: "pod uses a volume type outside the restricted set",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: ["pss:restrictedVolumes", "trivy:KSV-0028"],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Restricted,
    replaces: ["host-path-volume"],
}

/// The volume sources of `core/v1` that the restricted profile rejects: every source but
/// `configMap`, `csi`, `downwardAPI`, `emptyDir`, `ephemeral`, `image`,
/// `persistentVolumeClaim`, `projected` and `secret`. Other keys are not volume sources (a
/// typo, or a field of a newer API): the API server drops them, and the volume defaults to
/// `emptyDir`.
const FORBIDDEN: &[&str] = &[
    "awsElasticBlockStore",
    "azureDisk",
    "azureFile",
    "cephfs",
    "cinder",
    "fc",
    "flexVolume",
    "flocker",
    "gcePersistentDisk",
    "gitRepo",
    "glusterfs",
    "hostPath",
    "iscsi",
    "nfs",
    "photonPersistentDisk",
    "portworxVolume",
    "quobyte",
    "rbd",
    "scaleIO",
    "storageos",
    "vsphereVolume",
];

/// The sources the restricted profile allows; a volume that sets one passes, as upstream.
const ALLOWED: &[&str] = &[
    "configMap",
    "csi",
    "downwardAPI",
    "emptyDir",
    "ephemeral",
    "image",
    "persistentVolumeClaim",
    "projected",
    "secret",
];

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    for volume in pod.volumes() {
        // A null source (`hostPath:` with nothing under it) is not set.
        let sources = || {
            volume
                .0
                .entries()
                .iter()
                .filter(|(_, v)| !v.is_null())
                .filter_map(|(k, _)| Some((k.as_str()?, k)))
        };
        if sources().any(|(source, _)| ALLOWED.contains(&source)) {
            continue;
        }
        let Some((source, key)) = sources().find(|(source, _)| FORBIDDEN.contains(source)) else {
            continue;
        };
        let what = match volume.host_path().and_then(Node::as_str) {
            Some(path) => format!("mounts host path `{path}`"),
            None => format!("uses `{source}`"),
        };
        cx.report(
            key.range,
            format!(
                "volume `{}` {what}; the restricted profile allows no `{source}` volumes",
                volume.name()
            ),
        )
        .help(
            "use a `persistentVolumeClaim`, `csi` or `ephemeral` volume, or `configMap`, \
             `secret`, `emptyDir`, `projected`, `downwardAPI` or `image`",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::kubernetes_findings;

    #[test]
    fn applies_at_every_version() {
        let pod = "apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: a, image: x:1}]\n  volumes: [{name: v, nfs: {server: s, path: /}}]\n";
        for version in ["1.0", "1.25", "latest"] {
            assert_eq!(kubernetes_findings(&super::RULE, pod, version).len(), 1);
        }
    }
}
