//! Which YAML files on disk are kustomize patches: read from the `kustomization.yaml` of the
//! file's directory and of every directory above it, each read once while it is remembered.

use crate::kubernetes::kustomize::{patch_paths, KUSTOMIZATION_FILES};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// A directory's kustomization file and the absolute paths of the patches it applies.
type Kustomization = (PathBuf, Vec<PathBuf>);

/// How many directories are remembered; past it the cache starts over, so that memory stays
/// flat on huge trees. The walk goes folder by folder, so the directories in use at any time
/// (those of the folders in flight and their parents) are few, and a parent read again after
/// a new start costs a few file lookups.
const REMEMBERED_DIRECTORIES: usize = 4096;

/// Per directory: its kustomization, if it has one.
#[derive(Default)]
pub struct Patches(Mutex<HashMap<PathBuf, Option<Kustomization>>>);

impl Patches {
    /// The kustomization file that applies `file` (an absolute path) as a patch, if any, as
    /// a path relative to the file's directory (`kustomization.yaml`, `../kustomization.yaml`).
    pub fn applied_by(&self, file: &Path) -> Option<String> {
        let file = normalize(file);
        file.ancestors().skip(1).enumerate().find_map(|(up, dir)| {
            let mut cache = self.0.lock().expect("kustomize cache");
            if cache.len() >= REMEMBERED_DIRECTORIES && !cache.contains_key(dir) {
                cache.clear();
            }
            let entry = cache.entry(dir.to_path_buf()).or_insert_with(|| read(dir));
            entry
                .as_ref()
                .filter(|(_, patches)| patches.contains(&file))
                .map(|(kustomization, _)| {
                    let name = kustomization
                        .file_name()
                        .unwrap_or_default()
                        .to_string_lossy();
                    format!("{}{name}", "../".repeat(up))
                })
        })
    }
}

fn read(dir: &Path) -> Option<Kustomization> {
    let (path, text) = KUSTOMIZATION_FILES.iter().find_map(|name| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).ok().map(|text| (path, text))
    })?;
    let patches = patch_paths(&text)
        .iter()
        .map(|p| normalize(&dir.join(p)))
        .collect();
    Some((path, patches))
}

/// `a/./b/../c` as `a/c`, without touching the file system (a patch may not exist).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
