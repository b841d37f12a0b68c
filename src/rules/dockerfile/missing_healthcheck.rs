//! `missing-healthcheck`: the final stage, with the stages it builds on, has no `HEALTHCHECK`.

use crate::rules::prelude::*;

declare_rule! {
    id: "missing-healthcheck",
    title: "the final stage has no `HEALTHCHECK`",
    severity: Info,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3057", "checkov:CKV_DOCKER_2", "trivy:DS-0026"],
    enabled_by_default: false,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    // A fragment's final image is unknown; so is a base image's own HEALTHCHECK, which is why
    // the rule is off by default. `HEALTHCHECK NONE` is a deliberate choice and counts.
    let Some(stage) = df.final_stage() else {
        return;
    };
    let Some(from) = stage.from else { return };
    let has_healthcheck = df
        .stage_chain(stage.index)
        .any(|s| df.stage_keyword(s, Keyword::Healthcheck).next().is_some());
    if has_healthcheck {
        return;
    }
    let what = match (&stage.alias, &stage.image) {
        (Some(alias), _) => format!("final stage `{}`", alias.text),
        (None, Some(image)) => format!("final stage (`FROM {}`)", image.text),
        (None, None) => "final stage".to_string(),
    };
    cx.report(
        df.instructions[from].keyword_range,
        format!("{what} has no `HEALTHCHECK`"),
    )
    .help("add `HEALTHCHECK CMD <probe>` so the runtime can tell when the service stops working, or `HEALTHCHECK NONE` to opt out");
}
