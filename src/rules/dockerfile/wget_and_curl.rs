//! `wget-and-curl`: one stage runs both `wget` and `curl`.

use crate::rules::prelude::*;

declare_rule! {
    id: "wget-and-curl",
    title: "both `wget` and `curl` used in one stage",
    severity: Info,
    category: Efficiency,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL4001", "trivy:DS-0014"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    for stage in &df.stages {
        let mut first_curl: Option<&Word> = None;
        let mut first_wget: Option<&Word> = None;
        let runs = df
            .stage_instructions(stage)
            .iter()
            .flat_map(Instruction::with_onbuild)
            .filter_map(|i| i.script.as_ref());
        for cmd in runs.flat_map(|s| s.commands.iter()) {
            let slot = match cmd.program() {
                "curl" => &mut first_curl,
                "wget" => &mut first_wget,
                _ => continue,
            };
            slot.get_or_insert(cmd.name());
        }
        let (Some(curl), Some(wget)) = (first_curl, first_wget) else {
            continue;
        };
        let ((later, tool), (earlier, other)) = if curl.range.start > wget.range.start {
            ((curl, "curl"), (wget, "wget"))
        } else {
            ((wget, "wget"), (curl, "curl"))
        };
        let line = cx.text()[..earlier.range.start as usize]
            .matches('\n')
            .count()
            + 1;
        cx.report(
            later.range,
            format!("`{tool}` is used here and `{other}` on line {line} of the same stage"),
        )
        .help(format!(
            "do every download of the stage with one tool (`{other}` or `{tool}`), so the image needs only one"
        ));
    }
}
