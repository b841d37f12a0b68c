//! `maintainer-instruction`: the deprecated `MAINTAINER` instruction.

use crate::rules::prelude::*;

declare_rule! {
    id: "maintainer-instruction",
    title: "deprecated `MAINTAINER` instruction",
    severity: Warning,
    category: Style,
    target: Dockerfile,
    fix: Safe,
    aliases: [
        "hadolint:DL4000",
        "checkov:CKV_DOCKER_6",
        "trivy:DS-0022",
        "buildkit:MaintainerDeprecated",
    ],
    enabled_by_default: true,
    check: check,
}

const LABEL: &str = "org.opencontainers.image.authors";

fn check(df: &Dockerfile, cx: &mut Context) {
    let text = cx.text();
    for inst in &df.instructions {
        if inst.keyword != Keyword::Maintainer {
            continue;
        }
        let report = cx
            .report(inst.keyword_range, "`MAINTAINER` is deprecated")
            .help(format!(
                "record the author with `LABEL {LABEL}=\"...\"` instead"
            ));
        let Some(label) = replacement(text, inst, df.escape) else {
            continue;
        };
        let range = inst.keyword_range.cover(inst.args_range);
        report.fix(
            format!("replace `MAINTAINER` with `LABEL {LABEL}`"),
            vec![Edit::replace(range, label)],
        );
    }
}

/// `LABEL org.opencontainers.image.authors="<value>"` with the value `MAINTAINER` gives the
/// image (BuildKit takes the rest of the line verbatim), in the keyword's case. `None` when
/// the value spans continuation lines.
fn replacement(text: &str, inst: &Instruction, escape: char) -> Option<String> {
    let raw = text[inst.args_range.as_range()].trim();
    if raw.is_empty() || raw.contains(['\n', '\r']) {
        return None;
    }
    // `MAINTAINER "Jane Doe"`: the quotes are meant as quotes, not as part of the name.
    let value = raw
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .filter(|inner| !inner.contains('"'))
        .unwrap_or(raw);
    // Inside double quotes `LABEL` treats `"`, `$` and the escape character specially.
    let mut quoted = String::with_capacity(value.len() + 2);
    for c in value.chars() {
        if c == '"' || c == '$' || c == escape {
            quoted.push(escape);
        }
        quoted.push(c);
    }
    let keyword = &text[inst.keyword_range.as_range()];
    let label = if keyword.bytes().all(|b| b.is_ascii_lowercase()) {
        "label"
    } else {
        "LABEL"
    };
    Some(format!("{label} {LABEL}=\"{quoted}\""))
}
