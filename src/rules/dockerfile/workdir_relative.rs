//! `workdir-relative`: a relative `WORKDIR` that resolves against the base image's working
//! directory, because no earlier `WORKDIR` of the stage (or the stages it builds on) set one.

use crate::rules::prelude::*;

declare_rule! {
    id: "workdir-relative",
    title: "`WORKDIR` with a relative path",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: Unsafe,
    aliases: ["hadolint:DL3000", "checkov:CKV_DOCKER_10", "trivy:DS-0009", "buildkit:WorkdirRelativePath"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    for stage in &df.stages {
        // As BuildKit: once any `WORKDIR` ran in the stage or a stage it builds on, the directory
        // no longer depends on the base image, and later relative paths follow from it.
        let mut anchored = df
            .stage_chain(stage.index)
            .skip(1)
            .any(|s| df.stage_keyword(s, Keyword::Workdir).next().is_some());
        // On `scratch` the working directory is `/`, which cannot change upstream.
        anchored |= df
            .stage_chain(stage.index)
            .last()
            .and_then(|root| root.resolved_image.as_deref())
            .is_some_and(|image| image.eq_ignore_ascii_case("scratch"));
        // `ONBUILD WORKDIR` runs in a downstream build, from the directory this image ends in.
        let mut onbuild_anchored = anchored
            || df
                .stage_chain(stage.index)
                .any(|s| df.stage_keyword(s, Keyword::Workdir).next().is_some());
        for inst in df.stage_instructions(stage) {
            let (seen, workdir) = match (inst.keyword, inst.onbuild.as_deref()) {
                (Keyword::Workdir, _) => (&mut anchored, inst),
                (Keyword::Onbuild, Some(inner)) if inner.keyword == Keyword::Workdir => {
                    (&mut onbuild_anchored, inner)
                }
                _ => continue,
            };
            // Only the first `WORKDIR` can depend on the base: fixing it fixes the rest.
            if std::mem::replace(seen, true) {
                continue;
            }
            if let Some(path) = workdir.args.first().filter(|p| is_relative(p, cx.text())) {
                report(cx, path);
            }
        }
    }
}

/// Not absolute (`/app`, `\app`, `C:\app`, `C:/app`) and not starting with a variable, whose
/// value is unknown. The source is checked too: with the default escape `C:\app` reads `C:app`.
fn is_relative(path: &Word, source: &str) -> bool {
    let raw = source[path.range.as_range()].trim_start_matches(['"', '\'']);
    let absolute = |p: &str| {
        let b = p.as_bytes();
        p.starts_with(['/', '\\'])
            || (b.len() >= 3
                && b[0].is_ascii_alphabetic()
                && b[1] == b':'
                && matches!(b[2], b'/' | b'\\'))
    };
    !(path.text.is_empty() || path.text.starts_with('$') || absolute(&path.text) || absolute(raw))
}

fn report(cx: &mut Context, path: &Word) {
    // `WORKDIR app` -> `WORKDIR /app`: the same directory only when the base works in `/`. Not
    // offered for `..` and `~` (the user meant another directory) or when escapes get in the way.
    let raw = &cx.text()[path.range.as_range()];
    let rest = path.text.trim_start_matches("./");
    let fix = (raw == path.text && !rest.is_empty() && !rest.starts_with(['.', '~']))
        .then(|| Edit::replace(path.range, format!("/{rest}")));
    let report = cx
        .report(
            path.range,
            format!(
                "`WORKDIR {}` is relative, so it depends on the base image's working directory",
                path.text
            ),
        )
        .help("start the path with `/`, so it means the same whatever the base image sets");
    if let Some(edit) = fix {
        report.fix(format!("make it `/{rest}`"), vec![edit]);
    }
}
