//! `copy-from-unknown-stage`: `COPY --from` (or `RUN --mount=from=`) names a stage that does not
//! exist, or one defined later.

use crate::dockerfile::model::stage_by_alias;
use crate::dockerfile::FromReference;
use crate::rules::prelude::*;

declare_rule! {
    id: "copy-from-unknown-stage",
    title: "`COPY --from` names no earlier stage",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3022"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    // A fragment's stages are unknown, and `ONBUILD COPY --from` names a stage of the image
    // that will be built from this one: neither can be judged.
    if !df.has_from() {
        return;
    }
    for inst in &df.instructions {
        let Some(current) = inst.stage else { continue };
        for reference in inst.from_references() {
            if reference.has_variable {
                continue;
            }
            let name = reference.name;
            if let Ok(n) = name.parse::<i64>() {
                check_index(df, cx, &reference, n, current);
                continue;
            }
            if df.stage_by_name(name, current).is_some() {
                continue;
            }
            if let Some(later) = stage_by_alias(&df.stages[current + 1..], name) {
                report_later(df, cx, &reference, &df.stages[later]);
                continue;
            }
            // Naming the current stage is `copy-from-current-stage`'s finding.
            if stage_by_alias(&df.stages[current..=current], name).is_some() {
                continue;
            }
            check_unknown_name(df, cx, &reference);
        }
    }
}

/// `--from=<number>`: BuildKit fails on a number that is not a stage; a later stage works only
/// with BuildKit.
fn check_index(
    df: &Dockerfile,
    cx: &mut Context,
    reference: &FromReference,
    n: i64,
    current: usize,
) {
    let count = df.stages.len();
    match usize::try_from(n) {
        // The current stage itself is `copy-from-current-stage`'s.
        Ok(n) if n <= current => {}
        Ok(n) if n < count => report_later(df, cx, reference, &df.stages[n]),
        _ => {
            let stages = if count == 1 {
                "the only stage is 0".to_string()
            } else {
                format!("stages are numbered 0 to {}", count - 1)
            };
            cx.report(
                reference.range,
                format!("`{}` names no stage: {stages}", reference.display()),
            )
            .help("name an earlier stage by its number or, better, by its `AS` name");
        }
    }
}

fn report_later(df: &Dockerfile, cx: &mut Context, reference: &FromReference, later: &Stage) {
    let at = later
        .from
        .map_or(0, |i| df.instructions[i].keyword_range.start as usize);
    let line = cx.line_of(at);
    cx.report(
        reference.range,
        format!(
            "`{}` names a stage that comes later, on line {line}",
            reference.display()
        ),
    )
    .help("move that stage above this one: only BuildKit resolves a `--from` to a later stage, other builders fail");
}

/// A name that is no stage is pulled as an image (or taken from a `--build-context`), so only
/// a near miss of a stage name, or a name that cannot be an image at all, is reported.
fn check_unknown_name(df: &Dockerfile, cx: &mut Context, reference: &FromReference) {
    let name = reference.name;
    // `nginx:1.25`, `ghcr.io/org/tool`, `image@sha256:...`: an image reference.
    if name.contains([':', '/', '.', '@']) {
        return;
    }
    let lower = name.to_ascii_lowercase();
    if OFFICIAL_IMAGES.contains(&lower.as_str()) {
        return;
    }
    let mut aliases = df
        .stages
        .iter()
        .filter_map(|s| s.alias.as_ref())
        .map(|a| a.text.as_str());
    // A typo is a close miss (`buidler`, `build` for `builder`), or one part of a stage's name
    // (`set` for `license-set`). A name far from every stage is taken to be an image or a
    // named build context, even when the similarity score alone would suggest a stage.
    let suggestion = crate::suggest::did_you_mean(&lower, aliases.clone())
        .filter(|s| strsim::damerau_levenshtein(&lower, &s.to_ascii_lowercase()) <= 2)
        .or_else(|| {
            aliases.find(|a| {
                a.split(['-', '_', '.'])
                    .any(|part| part.eq_ignore_ascii_case(&lower))
            })
        });
    let uppercase = name.bytes().any(|b| b.is_ascii_uppercase());
    match suggestion {
        Some(stage) => {
            cx.report(
                reference.range,
                format!(
                    "`{}` names no stage, so BuildKit looks for an image `{name}` instead",
                    reference.display()
                ),
            )
            .help(format!(
                "did you mean stage `{stage}`? write `{}`",
                FromReference {
                    name: stage,
                    ..*reference
                }
                .display()
            ));
        }
        None if uppercase => {
            cx.report(
                reference.range,
                format!(
                    "`{}` names no stage, and `{name}` is not a valid image name (image names are lower-case)",
                    reference.display()
                ),
            )
            .help("name an earlier stage by its `AS` name, or an image");
        }
        None => {}
    }
}

/// Docker Official Images often copied from by their bare name (`COPY --from=busybox`): never
/// taken for a misspelt stage.
const OFFICIAL_IMAGES: &[&str] = &[
    "almalinux",
    "alpine",
    "amazoncorretto",
    "amazonlinux",
    "archlinux",
    "bash",
    "buildpack-deps",
    "busybox",
    "caddy",
    "centos",
    "clojure",
    "composer",
    "consul",
    "couchdb",
    "crate",
    "dart",
    "debian",
    "docker",
    "eclipse-temurin",
    "elixir",
    "erlang",
    "fedora",
    "gcc",
    "ghost",
    "golang",
    "gradle",
    "groovy",
    "haproxy",
    "haskell",
    "hello-world",
    "httpd",
    "ibmjava",
    "influxdb",
    "julia",
    "mariadb",
    "maven",
    "memcached",
    "mongo",
    "mysql",
    "neo4j",
    "nginx",
    "node",
    "openjdk",
    "oraclelinux",
    "perl",
    "photon",
    "php",
    "postgres",
    "pypy",
    "python",
    "rabbitmq",
    "redis",
    "registry",
    "rockylinux",
    "ruby",
    "rust",
    "sapmachine",
    "solr",
    "swift",
    "telegraf",
    "tomcat",
    "traefik",
    "ubuntu",
    "vault",
    "wordpress",
    "zookeeper",
];
