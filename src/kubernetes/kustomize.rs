//! Kustomize patches: the files a `kustomization.yaml` applies as patches
//! (`patches: [{path: ...}]`, `patchesStrategicMerge: [...]`, `patchesJson6902: [{path:
//! ...}]`). A patch is a fragment of an object, not an object: linted on its own, every
//! "missing field" rule would fire on it, so the CLI skips it and says to lint the
//! `kustomize build` output instead.

use super::yaml::{load_stream, Node};

/// The file names kustomize recognises, in the order it looks for them.
pub const KUSTOMIZATION_FILES: &[&str] =
    &["kustomization.yaml", "kustomization.yml", "Kustomization"];

/// The patch paths of a kustomization file's text, as written (relative to its directory).
/// Inline patches (`patch: |`) and remote ones have no path and are left out.
pub fn patch_paths(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for doc in load_stream(text) {
        let Some(root) = doc.root else { continue };
        for key in ["patches", "patchesJson6902"] {
            for item in root.get(key).map_or(&[][..], Node::items) {
                out.extend(item.get("path").and_then(Node::as_str).map(str::to_string));
            }
        }
        for item in root
            .get("patchesStrategicMerge")
            .map_or(&[][..], Node::items)
        {
            // Each item is a path, or an inline patch written as a string of YAML.
            if let Some(path) = item.as_str().filter(|p| !p.contains('\n')) {
                out.push(path.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::patch_paths;

    #[test]
    fn patch_paths_of_every_form() {
        let text = "apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [../base]
patches:
  - path: replicas.yaml
  - patch: |-
      - op: replace
        path: /spec/replicas
        value: 3
    target: {kind: Deployment}
patchesStrategicMerge:
  - memory.yaml
  - |-
    apiVersion: apps/v1
    kind: Deployment
patchesJson6902:
  - target: {kind: Service, name: web}
    path: ports.json
";
        assert_eq!(
            patch_paths(text),
            ["replicas.yaml", "ports.json", "memory.yaml"]
        );
        assert!(patch_paths("resources: [a.yaml]\n").is_empty());
    }
}
