//! `duplicate-stage-name`: a `FROM ... AS name` reuses the name of an earlier stage.

use crate::rules::prelude::*;

declare_rule! {
    id: "duplicate-stage-name",
    title: "two stages have the same name",
    severity: Error,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: [
        "hadolint:DL3024",
        "checkov:CKV_DOCKER_11",
        "trivy:DS-0012",
        "buildkit:DuplicateStageName",
    ],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    for (i, stage) in df.stages.iter().enumerate() {
        let Some(alias) = &stage.alias else { continue };
        // BuildKit compares stage names case-insensitively (it lower-cases them).
        let Some(first) = df.stages[..i].iter().find_map(|s| {
            s.alias
                .as_ref()
                .filter(|a| a.text.eq_ignore_ascii_case(&alias.text))
        }) else {
            continue;
        };
        let line = cx.line_of(first.range.start as usize);
        let same = if first.text == alias.text {
            String::new()
        } else {
            format!(" (as `{}`; names ignore case)", first.text)
        };
        cx.report(
            alias.range,
            format!(
                "stage name `{}` is already used by the stage on line {line}{same}",
                alias.text
            ),
        )
        .help(format!(
            "rename one of the stages, so that `--from={0}` and `FROM {0}` name a single stage",
            alias.text
        ));
    }
}
