//! `copy-from-current-stage`: `COPY --from` (or `RUN --mount=from=`) names the stage it is in.

use crate::dockerfile::model::stage_by_alias;
use crate::rules::prelude::*;

declare_rule! {
    id: "copy-from-current-stage",
    title: "`COPY --from` names the stage it is in",
    severity: Error,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3023", "trivy:DS-0006"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    // In a fragment the stage number and name are unknown.
    if !df.has_from() {
        return;
    }
    for inst in &df.instructions {
        let Some(stage) = inst.stage.and_then(|s| df.stages.get(s)) else {
            continue;
        };
        for reference in inst.from_references() {
            if reference.has_variable {
                continue;
            }
            // BuildKit resolves a name against every stage (the last one of that name wins)
            // and a number against the stage list.
            let target = match reference.name.parse::<usize>() {
                Ok(n) => Some(n),
                Err(_) => stage_by_alias(&df.stages, reference.name),
            };
            if target != Some(stage.index) {
                continue;
            }
            let what = if reference.name.parse::<usize>().is_ok() {
                format!("is stage {}, the stage", stage.index)
            } else {
                "names the stage".to_string()
            };
            cx.report(
                reference.range,
                format!(
                    "`{}` {what} this `{}` is in",
                    reference.display(),
                    inst.keyword.as_str()
                ),
            )
            .help("copy from an earlier stage or an image: BuildKit stops with a circular dependency on a stage that reads from itself");
        }
    }
}
