//! `sensitive-host-path`: a pod mounts a sensitive host directory (`/`, `/etc`, `/proc`,
//! `/var/lib/kubelet`, ...) or a directory above one (`/var` holds `/var/lib/kubelet`).
//! Runtime sockets and `/run` are `docker-socket-mount`'s.

use crate::rules::prelude::*;

declare_rule! {
    id: "sensitive-host-path",
    title: "pod mounts a sensitive host directory",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: ["kube-linter:sensitive-host-mounts", "trivy:KSV-0121"],
    enabled_by_default: true,
    check: Check::Object(check),
}

/// Sensitive host directories and what they hold.
const SENSITIVE: &[(&str, &str)] = &[
    ("/", "the host's whole filesystem"),
    ("/bin", "the host's programs"),
    ("/sbin", "the host's programs"),
    ("/usr", "the host's programs and libraries"),
    ("/lib", "the host's libraries and kernel modules"),
    ("/lib64", "the host's libraries"),
    ("/boot", "the host's kernel and boot loader"),
    ("/dev", "the host's devices"),
    ("/etc", "the host's configuration and credentials"),
    ("/proc", "the host's processes and kernel settings"),
    ("/sys", "the host's kernel and hardware settings"),
    ("/root", "the home directory of the host's root user"),
    (
        "/etc/kubernetes",
        "the node's kubeconfig files and certificates",
    ),
    (
        "/var/lib/kubelet",
        "the kubelet's credentials and every pod's Secrets",
    ),
    ("/var/lib/docker", "every container's filesystem"),
    ("/var/lib/containerd", "every container's filesystem"),
    ("/var/lib/containers", "every container's filesystem"),
    ("/var/lib/etcd", "the etcd database"),
];

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    for volume in pod.volumes() {
        let (Some(node), Some(path)) = (volume.host_path(), volume.host_path_clean()) else {
            continue;
        };
        let message = if let Some((_, what)) = SENSITIVE.iter().find(|(dir, _)| *dir == path) {
            format!(
                "volume `{}` mounts the host's `{path}`: {what}",
                volume.name()
            )
        } else if let Some((dir, what)) = SENSITIVE.iter().find(|(dir, _)| is_above(&path, dir)) {
            format!(
                "volume `{}` mounts the host's `{path}`, which holds `{dir}`: {what}",
                volume.name()
            )
        } else {
            continue;
        };
        cx.report(node.range, message).help(
            "mount only the file or subdirectory the pod needs, read-only, or do without the host path",
        );
    }
}

/// `/var` is above `/var/lib/kubelet`.
fn is_above(path: &str, dir: &str) -> bool {
    path != "/"
        && dir
            .strip_prefix(path)
            .is_some_and(|rest| rest.starts_with('/'))
}
