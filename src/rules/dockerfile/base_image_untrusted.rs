//! `base-image-untrusted`: an image in `FROM`, `COPY --from` or `RUN --mount=from=` that comes
//! from neither a trusted registry nor the allowed images (only when either list is configured).

use crate::dockerfile::image::expand;
use crate::dockerfile::{stage_by_alias, ImageRef};
use crate::rules::prelude::*;
use serde::Deserialize;

declare_rule! {
    id: "base-image-untrusted",
    title: "base image from a registry or name outside the allowed list",
    severity: Error,
    category: Security,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3026"],
    enabled_by_default: true,
    check: check,
    options: Options,
}

/// `[rules.base-image-untrusted]`. With both lists empty (the default) the rule never fires.
#[derive(Deserialize, Default)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Options {
    /// Registry hosts images may come from (`registry.example.com`, `*.gcr.io`,
    /// `localhost:5000`). Docker Hub is `docker.io`; `hub.docker.com` and `index.docker.io`
    /// mean the same.
    #[serde(default)]
    pub trusted_registries: Vec<String>,
    /// Image names (globs) allowed from any registry, matched against the full name without tag
    /// or digest: `python` is `docker.io/library/python`. A pattern is normalised the same way,
    /// so `python` and `myorg/*` work as well as `docker.io/library/*`.
    #[serde(default)]
    pub allowed_images: Vec<String>,
}

/// Docker Hub's other host names.
const HUB_ALIASES: &[&str] = &[
    "index.docker.io",
    "registry-1.docker.io",
    "hub.docker.com",
    "registry.hub.docker.com",
];

fn check(df: &Dockerfile, cx: &mut Context) {
    let options = cx.options::<Options>();
    if options.trusted_registries.is_empty() && options.allowed_images.is_empty() {
        return;
    }
    // The patterns are normalised once per file; `cx` is borrowed mutably when reporting.
    let policy = Policy {
        registries: options
            .trusted_registries
            .iter()
            .map(|p| normalise_registry(p))
            .collect(),
        images: options
            .allowed_images
            .iter()
            .map(|p| normalise_name(p))
            .collect(),
    };
    for stage in &df.stages {
        if let (Some(image), Some(reference)) = (&stage.image, &stage.image_ref) {
            policy.judge(cx, "base image", &image.text, image.range, reference);
        }
    }
    for top in &df.instructions {
        // Behind `ONBUILD` a bare name may be a stage of the downstream Dockerfile.
        let nested = top.onbuild.as_deref().map(|inner| (inner, true));
        for (inst, onbuild) in std::iter::once((top, false)).chain(nested) {
            judge_instruction(df, cx, &policy, inst, onbuild);
        }
    }
}

/// Judges the images of `COPY --from` and `RUN --mount=from=`.
fn judge_instruction(
    df: &Dockerfile,
    cx: &mut Context,
    policy: &Policy,
    inst: &Instruction,
    onbuild: bool,
) {
    match inst.keyword {
        Keyword::Copy => {
            let Some(from) = inst.flag_value("from") else {
                return;
            };
            if let Some(reference) = image_source(df, inst, &from.text, onbuild) {
                policy.judge(
                    cx,
                    "`COPY --from` image",
                    &from.text,
                    from.range,
                    &reference,
                );
            }
        }
        Keyword::Run => {
            for flag in inst.flags.iter().filter(|f| f.name == "mount") {
                let Some(value) = &flag.value else { continue };
                let Some((offset, from)) = mount_from(&value.text) else {
                    continue;
                };
                let Some(reference) = image_source(df, inst, from, onbuild) else {
                    continue;
                };
                // Point at `from=...` when the flag is written plainly, else at the flag.
                let range = if value.range.len() == value.text.len() {
                    let start = value.range.start as usize + offset;
                    TextRange::new(start, start + from.len())
                } else {
                    flag.range
                };
                policy.judge(cx, "`RUN --mount` image", from, range, &reference);
            }
        }
        _ => {}
    }
}

/// The `from=` value of a `--mount` flag and its offset in the flag value.
fn mount_from(value: &str) -> Option<(usize, &str)> {
    let mut offset = 0;
    for field in value.split(',') {
        if let Some((key, from)) = field.split_once('=') {
            if key.trim().eq_ignore_ascii_case("from") {
                return Some((offset + key.len() + 1, from));
            }
        }
        offset += field.len() + 1;
    }
    None
}

/// The image a `--from` value names, or `None` when it names a stage, `scratch`, or a value
/// that is unknown before the build.
fn image_source(
    df: &Dockerfile,
    inst: &Instruction,
    text: &str,
    onbuild: bool,
) -> Option<ImageRef> {
    let resolved = expand(text, &|name| df.arg_default(inst.stage, name).map(Some))?;
    let is_stage = resolved.parse::<usize>().is_ok()
        || stage_by_alias(&df.stages, &resolved).is_some()
        || resolved.eq_ignore_ascii_case("scratch")
        || (onbuild && !resolved.contains(['/', ':', '@']));
    if is_stage {
        return None;
    }
    ImageRef::parse(&resolved)
}

/// The normalised trusted registries and allowed image names.
struct Policy {
    registries: Vec<String>,
    images: Vec<String>,
}

impl Policy {
    fn judge(&self, cx: &mut Context, what: &str, text: &str, range: TextRange, image: &ImageRef) {
        let registry = normalise_registry(image.registry_or_default());
        let name = full_name(&registry, &image.repository);
        let trusted = self.registries.iter().any(|p| glob_match(p, &registry));
        let allowed = self.images.iter().any(|p| glob_match(p, &name));
        if trusted || allowed {
            return;
        }
        let (message, help) = match (self.registries.is_empty(), self.images.is_empty()) {
            (false, true) => (
                format!("{what} `{text}` comes from `{registry}`, which is not a trusted registry"),
                "use an image from a trusted registry, or add the registry to `trusted-registries`",
            ),
            (true, false) => (
                format!("{what} `{text}` (`{name}`) is not an allowed image"),
                "use an allowed image, or add this one to `allowed-images`",
            ),
            _ => (
                format!(
                    "{what} `{text}` (`{name}`) is not an allowed image and `{registry}` is not a trusted registry"
                ),
                "use an image from a trusted registry, or add it to `allowed-images` or its registry to `trusted-registries`",
            ),
        };
        cx.report(range, message).help(help);
    }
}

/// A registry host, lower-cased, with Docker Hub's aliases spelled `docker.io`.
fn normalise_registry(host: &str) -> String {
    let host = host.to_ascii_lowercase();
    if HUB_ALIASES.contains(&host.as_str()) {
        "docker.io".to_string()
    } else {
        host
    }
}

/// `registry/repository`, with Docker Hub's official images under `library/`.
fn full_name(registry: &str, repository: &str) -> String {
    let repository = repository.to_ascii_lowercase();
    if registry == "docker.io" && !repository.contains('/') {
        format!("docker.io/library/{repository}")
    } else {
        format!("{registry}/{repository}")
    }
}

/// An `allowed-images` pattern in the form [`full_name`] gives: `python` is
/// `docker.io/library/python`, `myorg/*` is `docker.io/myorg/*`.
fn normalise_name(pattern: &str) -> String {
    match pattern.split_once('/') {
        Some((first, rest))
            if first.contains(['.', ':']) || first.eq_ignore_ascii_case("localhost") =>
        {
            full_name(&normalise_registry(first), rest)
        }
        _ => full_name("docker.io", pattern),
    }
}

/// `*` matches any run of characters (dots and slashes too); everything else literally.
fn glob_match(pattern: &str, text: &str) -> bool {
    let (p, t) = (pattern.as_bytes(), text.as_bytes());
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && p[pi] == b'*' {
            star = Some((pi, ti));
            pi += 1;
        } else if pi < p.len() && p[pi] == t[ti] {
            pi += 1;
            ti += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match("*.gcr.io", "eu.gcr.io"));
        assert!(!glob_match("*.gcr.io", "gcr.io"));
        assert!(glob_match(
            "docker.io/library/*",
            "docker.io/library/python"
        ));
        assert!(glob_match("*", "anything/at/all"));
        assert!(!glob_match("ghcr.io/acme/*", "ghcr.io/other/app"));
    }

    #[test]
    fn normalises_names_and_patterns() {
        assert_eq!(normalise_name("python"), "docker.io/library/python");
        assert_eq!(normalise_name("myorg/*"), "docker.io/myorg/*");
        assert_eq!(
            normalise_name("index.docker.io/library/*"),
            "docker.io/library/*"
        );
        assert_eq!(normalise_name("ghcr.io/acme/app"), "ghcr.io/acme/app");
        assert_eq!(normalise_registry("Hub.Docker.com"), "docker.io");
        assert_eq!(
            mount_from("type=bind,from=tools,target=/t"),
            Some((15, "tools"))
        );
    }
}
