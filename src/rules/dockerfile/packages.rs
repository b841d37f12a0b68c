//! Shared helpers for the package-manager rules (apt-get, apk, pip, npm, gem, go, yum, dnf,
//! zypper): build-cache mounts that make a cache clean-up or `--no-cache` unnecessary.

use crate::dockerfile::Instruction;

/// True when `inst` has a `--mount=type=cache` or `--mount=type=tmpfs` whose target is one of
/// `dirs` or a parent of one (`/var/cache` covers `/var/cache/apk`): nothing written there ends
/// up in the image layer.
pub fn has_cache_mount(inst: &Instruction, dirs: &[&str]) -> bool {
    inst.flags
        .iter()
        .filter(|f| f.name == "mount")
        .filter_map(|f| f.value.as_ref())
        .any(|value| {
            let mut kind = "bind";
            let mut target = None;
            for field in value.text.split(',') {
                match field.split_once('=') {
                    Some(("type", v)) => kind = v,
                    Some(("target" | "dst" | "destination", v)) => target = Some(v),
                    _ => {}
                }
            }
            let Some(target) = target else { return false };
            let target = target.trim_end_matches('/');
            matches!(kind, "cache" | "tmpfs")
                && dirs.iter().any(|dir| {
                    let dir = dir.trim_end_matches('/');
                    dir == target || dir.strip_prefix(target).is_some_and(|r| r.starts_with('/'))
                })
        })
}

#[cfg(test)]
mod tests {
    use super::has_cache_mount;

    fn first_run(text: &str) -> crate::dockerfile::Instruction {
        crate::dockerfile::parse(text).instructions.remove(0)
    }

    #[test]
    fn cache_and_tmpfs_mounts_on_the_directory_or_a_parent() {
        let dirs = &["/var/cache/apk"];
        assert!(has_cache_mount(
            &first_run("RUN --mount=type=cache,target=/var/cache/apk apk add curl"),
            dirs
        ));
        assert!(has_cache_mount(
            &first_run("RUN --mount=type=tmpfs,dst=/var/cache/ apk add curl"),
            dirs
        ));
        assert!(!has_cache_mount(
            &first_run("RUN --mount=type=bind,target=/var/cache/apk apk add curl"),
            dirs
        ));
        assert!(!has_cache_mount(
            &first_run("RUN --mount=type=cache,target=/var/cache/apkx apk add curl"),
            dirs
        ));
        assert!(!has_cache_mount(&first_run("RUN apk add curl"), dirs));
    }
}
