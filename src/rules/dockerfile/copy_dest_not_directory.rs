//! `copy-dest-not-directory`: `COPY` or `ADD` of several sources to a destination that does not
//! end with `/`, which the classic builder rejects and which hides that the target is a directory.

use crate::rules::prelude::*;

declare_rule! {
    id: "copy-dest-not-directory",
    title: "`COPY` of several sources to a destination without a trailing `/`",
    severity: Error,
    category: Correctness,
    target: Dockerfile,
    fix: Safe,
    aliases: ["hadolint:DL3021", "trivy:DS-0011"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    let copies = df
        .all_instructions()
        .filter(|i| matches!(i.keyword, Keyword::Copy | Keyword::Add));
    for inst in copies {
        // Heredoc markers are source words too (`COPY <<a <<b /etc/`).
        let Some((dest, sources)) = inst.args.split_last() else {
            continue;
        };
        // `.` is the working directory: BuildKit copies into it.
        let is_dir = dest.text.ends_with(['/', '\\']) || dest.text == ".";
        // A variable may end with a slash; a single glob may match one file.
        if sources.len() < 2 || is_dir || dest.has_variable {
            continue;
        }
        // Insert inside the closing quote of `"/app"` (shell or JSON form).
        let raw = &cx.text()[dest.range.as_range()];
        let at = if raw.len() > dest.text.len() && raw.ends_with(['"', '\'']) {
            dest.range.end as usize - 1
        } else {
            dest.range.end as usize
        };
        cx.report(
            dest.range,
            format!(
                "`{}` of {} sources to `{}`, which does not end with `/`",
                inst.keyword.as_str(),
                sources.len(),
                dest.text
            ),
        )
        .help(format!(
            "end the destination with `/` (`{}/`): several sources go into a directory",
            dest.text
        ))
        .fix(
            format!("append `/` to `{}`", dest.text),
            vec![Edit::insert(at, "/")],
        );
    }
}
