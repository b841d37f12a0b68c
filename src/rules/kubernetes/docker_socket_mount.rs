//! `docker-socket-mount`: a pod mounts a container runtime's API socket from the host (Docker,
//! containerd, CRI-O, Podman), the directory that holds it, or Docker's Windows named pipe.

use crate::rules::prelude::*;

declare_rule! {
    id: "docker-socket-mount",
    title: "pod mounts the container runtime socket",
    severity: Error,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [
        "kube-linter:docker-sock",
        "checkov:CKV_K8S_27",
        "trivy:KSV-0006",
        "kubesec:DockerSock",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
}

/// Socket file names, and the runtime each belongs to.
const SOCKETS: &[(&str, &str)] = &[
    ("docker.sock", "Docker"),
    ("dockershim.sock", "dockershim"),
    ("cri-dockerd.sock", "cri-dockerd"),
    ("containerd.sock", "containerd"),
    ("crio.sock", "CRI-O"),
    ("podman.sock", "Podman"),
];

/// Directories whose content is a runtime's socket (`/run` holds `docker.sock` and
/// `containerd/containerd.sock`; `/var/run` is a link to it).
const SOCKET_DIRS: &[&str] = &[
    "/run",
    "/var/run",
    "/run/containerd",
    "/var/run/containerd",
    "/run/crio",
    "/var/run/crio",
    "/run/podman",
    "/var/run/podman",
];

/// Windows named pipes of Docker and containerd.
const PIPES: &[(&str, &str)] = &[
    ("docker_engine", "Docker"),
    ("containerd-containerd", "containerd"),
];

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    for volume in pod.volumes() {
        let Some(node) = volume.host_path() else {
            continue;
        };
        let Some(what) = runtime_socket(&volume) else {
            continue;
        };
        cx.report(
            node.range,
            format!("volume `{}` mounts the host's {what}", volume.name()),
        )
        .help("remove the volume: whoever reaches the runtime's socket can start a privileged container and own the node");
    }
}

/// What the volume's host path gives access to, for the message.
fn runtime_socket(volume: &Volume) -> Option<String> {
    if let Some(path) = volume.host_path_clean() {
        if let Some((_, runtime)) = SOCKETS.iter().find(|(file, _)| {
            path.rsplit_once('/')
                .is_some_and(|(_, name)| name.eq_ignore_ascii_case(file))
        }) {
            return Some(format!("{runtime} socket `{path}`"));
        }
        return SOCKET_DIRS
            .contains(&path.as_str())
            .then(|| format!("`{path}`, which holds the container runtime's socket"));
    }
    // `\\.\pipe\docker_engine`, also written with forward slashes.
    let raw = volume.host_path()?.as_str()?.trim().replace('/', "\\");
    let pipe = raw.strip_prefix("\\\\.\\pipe\\")?;
    PIPES
        .iter()
        .find(|(name, _)| pipe.eq_ignore_ascii_case(name))
        .map(|(_, runtime)| format!("{runtime} named pipe `{raw}`"))
}
