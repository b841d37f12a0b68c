//! `rbac-wildcard`: a Role or ClusterRole rule with `*` in `verbs`, `resources` (also
//! `*/subresource`) or `apiGroups`: it grants everything of that kind, including what is
//! added later.

use crate::rules::prelude::*;

declare_rule! {
    id: "rbac-wildcard",
    title: "RBAC rule grants `*`",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [
        "kube-linter:wildcard-in-rules",
        "checkov:CKV_K8S_49",
        "trivy:KSV-0044",
        "trivy:KSV-0045",
        "trivy:KSV-0046",
        "trivy:KSV-0112",
        "cis-kubernetes:5.1.3",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
}

fn check(object: &Object, cx: &mut Context) {
    for rule in object.policy_rules() {
        let items = |key: &str| rule.get(key).map_or(&[][..], Node::items);
        for item in items("verbs") {
            if item.as_str() == Some("*") {
                let on = match (items("resources"), items("nonResourceURLs")) {
                    ([], urls @ [_, ..]) => describe(urls, "non-resource URL"),
                    (resources, _) => describe(resources, "resource"),
                };
                report(cx, object, item, format!("every verb (`*`) on {on}"));
            }
        }
        for item in items("resources") {
            let Some(text) = item.as_str() else { continue };
            let of = describe(items("apiGroups"), "API group");
            let what = match text.strip_prefix("*/") {
                _ if text == "*" => format!("every resource (`*`) of {of}"),
                Some(sub) => {
                    format!("the `{sub}` subresource of every resource (`{text}`) of {of}")
                }
                None => continue,
            };
            report(cx, object, item, what);
        }
        for item in items("apiGroups") {
            if item.as_str() == Some("*") {
                let of = describe(items("resources"), "resource");
                report(cx, object, item, format!("every API group (`*`) for {of}"));
            }
        }
    }
}

fn report(cx: &mut Context, object: &Object, item: &Node, what: String) {
    cx.report(item.range, format!("`{}` grants {what}", object.display()))
        .help("list the verbs, resources and API groups the role needs: a `*` also grants every one added later");
}

/// `secrets`, `pods`; `every resource`; `the core API group`: the items of a list for a message.
fn describe(items: &[Node], noun: &str) -> String {
    let names: Vec<&str> = items.iter().filter_map(Node::as_str).collect();
    if names.contains(&"*") || names.is_empty() {
        return format!("every {noun}");
    }
    let named: Vec<String> = names
        .iter()
        .take(3)
        .map(|n| match *n {
            "" if noun == "API group" => "the core API group".to_string(),
            n => format!("`{n}`"),
        })
        .collect();
    match names.len() {
        n if n > 3 => format!("{} and {} more", named.join(", "), n - 3),
        _ => named.join(", "),
    }
}
