//! `deprecated-service-account-field`: a pod sets the deprecated `serviceAccount` field,
//! alone (renaming it to `serviceAccountName` keeps the meaning) or beside
//! `serviceAccountName`, which wins.

use crate::rules::prelude::*;

declare_rule! {
    id: "deprecated-service-account-field",
    title: "deprecated `serviceAccount` field",
    severity: Warning,
    category: Style,
    target: Kubernetes,
    fix: Safe,
    aliases: ["kube-linter:deprecated-service-account-field"],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    let Some((key, value)) = pod.node.entry("serviceAccount") else {
        return;
    };
    // An empty value says nothing; the API server ignores it.
    let Some(old) = value.as_str().filter(|s| !s.is_empty()) else {
        return;
    };
    let current = pod.node.entry("serviceAccountName");
    let new = current
        .and_then(|(_, v)| v.as_str())
        .filter(|s| !s.is_empty());
    match new {
        Some(new) if new == old => {
            let delete = own_line(cx.text(), key, value);
            let report = cx
                .report(
                    key.range,
                    "`serviceAccount` is deprecated and repeats `serviceAccountName`",
                )
                .help("remove `serviceAccount`");
            if let Some(line) = delete {
                report.fix("remove `serviceAccount`", vec![Edit::delete(line)]);
            }
        }
        Some(new) => {
            cx.report(
                key.range,
                format!("`serviceAccount` is deprecated and ignored: `serviceAccountName` `{new}` wins over `{old}`"),
            )
            .help("remove `serviceAccount`, and check which account the pod should run as");
        }
        // An empty `serviceAccountName` key: renaming would repeat it.
        None if current.is_some() => {
            cx.report(
                key.range,
                "`serviceAccount` is deprecated, and `serviceAccountName` is empty",
            )
            .help(format!(
                "set `serviceAccountName: {old}` and remove `serviceAccount`"
            ));
        }
        None => {
            let raw = &cx.text()[key.range.as_range()];
            let rename = raw.find("serviceAccount").map(|at| {
                let end = key.range.start as usize + at + "serviceAccount".len();
                Edit::insert(end, "Name")
            });
            let report = cx
                .report(
                    key.range,
                    "`serviceAccount` is deprecated: use `serviceAccountName`",
                )
                .help("rename `serviceAccount` to `serviceAccountName`");
            if let Some(edit) = rename {
                report.fix("rename to `serviceAccountName`", vec![edit]);
            }
        }
    }
}

/// The whole line of a `key: value` entry written on a line of its own (block style, at most
/// a comment after it), to delete.
fn own_line(text: &str, key: &Node, value: &Node) -> Option<TextRange> {
    let (start, end) = (key.range.start as usize, value.range.end as usize);
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
    let before = text[line_start..start].trim();
    let after = text[end..line_end].trim();
    (before.is_empty() && (after.is_empty() || after.starts_with('#')))
        .then(|| TextRange::new(line_start, line_end))
}
