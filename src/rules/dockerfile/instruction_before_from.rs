//! `instruction-before-from`: an instruction other than `ARG` comes before the first `FROM`.

use crate::rules::prelude::*;

declare_rule! {
    id: "instruction-before-from",
    title: "an instruction other than `ARG` before the first `FROM`",
    severity: Error,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3061"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    // A file without `FROM` is a snippet: there is no first `FROM` to come before.
    let Some(first_from) = df.stages.first().and_then(|s| s.from) else {
        return;
    };
    let from_line = cx.line_of(df.instructions[first_from].keyword_range.start as usize);
    for inst in &df.instructions[..first_from] {
        if inst.keyword == Keyword::Arg {
            continue;
        }
        let name = inst.keyword.as_str();
        cx.report(
            inst.keyword_range,
            format!("`{name}` comes before the first `FROM` (line {from_line})"),
        )
        .help(format!(
            "{}: BuildKit stops with `no build stage in current context`",
            if inst.keyword == Keyword::Env {
                "make it an `ARG` if `FROM` uses it, or move it below the `FROM`".to_string()
            } else {
                format!("move the `{name}` below the `FROM`")
            }
        ));
    }
}
