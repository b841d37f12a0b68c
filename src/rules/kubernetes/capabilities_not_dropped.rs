//! `capabilities-not-dropped`: a container does not drop `ALL` capabilities, or adds one other
//! than `NET_BIND_SERVICE` (the Pod Security Standards restricted check
//! `capabilities_restricted`). Names are compared exactly, as admission compares them.

use crate::kubernetes::Style;
use crate::rules::prelude::*;

declare_rule! {
    id: "capabilities-not-dropped",
    title: "container does not drop all capabilities",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: Unsafe,
    aliases: [
        "pss:capabilities_restricted",
        "checkov:CKV_K8S_37",
        "trivy:KSV-0003",
        "trivy:KSV-0106",
        "kubesec:CapDropAll",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
    pss: Restricted,
    replaces: ["capabilities-added", "net-raw-not-dropped"],
    min_kubernetes: (1, 22),
}

const ALL: &str = "ALL";
const NET_BIND_SERVICE: &str = "NET_BIND_SERVICE";

fn check(object: &Object, cx: &mut Context) {
    let Some(pod) = object.pod_spec() else { return };
    // From 1.25 the policy exempts Windows pods, which have no Linux capabilities.
    if cx.kubernetes_version() >= KubeVersion::new(1, 25) && pod.is_windows() {
        return;
    }
    for container in pod.all_containers() {
        let capabilities = container.security("capabilities").filter(|c| !c.is_null());
        if capabilities.is_some_and(|c| !c.is_map()) {
            continue; // not a mapping: unknown
        }
        if let Some(add) = capabilities.and_then(|c| c.get("add")) {
            check_added(&container, add, cx);
        }
        check_dropped(&container, capabilities, cx);
    }
}

/// Every added capability but `NET_BIND_SERVICE`, spelled exactly so, fails.
fn check_added(container: &Container, add: &Node, cx: &mut Context) {
    for item in add.items() {
        let Some(name) = item.as_str() else { continue };
        if name == NET_BIND_SERVICE || is_placeholder(name) {
            continue;
        }
        if canonical(name) == NET_BIND_SERVICE {
            let report = cx
                .report(
                    item.range,
                    format!(
                        "{} adds `{name}`, but the restricted profile accepts only the exact name `{NET_BIND_SERVICE}`",
                        container.display()
                    ),
                )
                .help(format!("write `{NET_BIND_SERVICE}`"));
            if let Some(edit) = respell(item, NET_BIND_SERVICE) {
                report.fix(format!("write `{NET_BIND_SERVICE}`"), vec![edit]);
            }
        } else {
            cx.report(
                item.range,
                format!(
                    "{} adds capability `{name}`; the restricted profile allows only `{NET_BIND_SERVICE}`",
                    container.display()
                ),
            )
            .help(format!("remove `{name}` from `capabilities.add`"));
        }
    }
}

/// `drop` must contain `ALL`, spelled exactly so.
fn check_dropped(container: &Container, capabilities: Option<&Node>, cx: &mut Context) {
    let drop = capabilities.and_then(|c| c.entry("drop"));
    let items = match drop {
        Some((_, list)) if list.is_seq() => list.items(),
        Some((_, list)) if !list.is_null() => return, // not a list: unknown
        _ => &[],
    };
    if items
        .iter()
        .filter_map(Node::as_str)
        .any(|n| n == ALL || is_placeholder(n))
    {
        return;
    }
    if let Some(item) = items
        .iter()
        .find(|i| i.as_str().is_some_and(|n| n.eq_ignore_ascii_case(ALL)))
    {
        let name = item.as_str().unwrap_or_default();
        let report = cx
            .report(
                item.range,
                format!(
                    "{} drops `{name}`, but the restricted profile accepts only the exact name `{ALL}`",
                    container.display()
                ),
            )
            .help(format!("write `{ALL}`"));
        if let Some(edit) = respell(item, ALL) {
            report.fix(format!("write `{ALL}`"), vec![edit]);
        }
        return;
    }
    let edit = insert_drop_all(cx.text(), container);
    let report = cx
        .report(
            container.drop_anchor(),
            format!("{} does not drop `ALL` capabilities", container.display()),
        )
        .help("add `ALL` to the container's `securityContext.capabilities.drop`");
    if let Some(edit) = edit {
        report.fix("drop `ALL` capabilities", vec![edit]);
    }
}

/// The capability an author means: any case, with or without `CAP_`.
fn canonical(name: &str) -> String {
    let upper = name.trim().to_ascii_uppercase();
    upper.strip_prefix("CAP_").unwrap_or(&upper).to_string()
}

/// A variable or template leftover (`${CAPS}`, `{{ .Values.caps }}`): its value is unknown.
fn is_placeholder(name: &str) -> bool {
    name.contains('$') || name.contains("{{")
}

/// Replaces a scalar with `text`, keeping its quotes.
fn respell(node: &Node, text: &str) -> Option<Edit> {
    let quote = match node.scalar()?.style {
        Style::Plain => "",
        Style::SingleQuoted => "'",
        Style::DoubleQuoted => "\"",
        Style::Literal | Style::Folded => return None,
    };
    Some(Edit::replace(node.range, format!("{quote}{text}{quote}")))
}

// Inserting `drop: [ALL]`: the mappings that are missing are created, in the style (block or
// flow, quoted keys as in JSON or plain) of the mapping they go into. Anything unusual
// (aliases, merge keys, null values, complex keys) gets no fix rather than a wrong one.

/// The edit that makes the container's `capabilities.drop` contain `ALL`.
fn insert_drop_all(text: &str, container: &Container) -> Option<Edit> {
    // The API refuses capabilities in a Windows pod (checked before 1.25).
    if container.pod.is_windows() {
        return None;
    }
    let pod = container.pod.node;
    let (list_key, list) = pod.entry(container.kind.field())?;
    if !owns(text, pod, list_key, list)
        || !inside(container.node.range, list.range)
        || has_properties(text, container.node)
    {
        return None;
    }
    // A JSON document quotes every key and string; a YAML one is written plain.
    let quote = quote_of(list_key);
    let mut map = container.node;
    for (depth, key) in ["securityContext", "capabilities", "drop"]
        .into_iter()
        .enumerate()
    {
        let Some((k, value)) = map.entry(key) else {
            let path = &["securityContext", "capabilities", "drop"][depth..];
            return insert_entry(text, map, path, quote);
        };
        if !owns(text, map, k, value) {
            return None;
        }
        if key == "drop" {
            return append_item(text, value, quote);
        }
        if !value.is_map() {
            return None;
        }
        map = value;
    }
    None
}

/// `key: value` belongs to `map` as written and is written only there: not merged in with
/// `<<`, not an alias, not anchored for use elsewhere.
fn owns(text: &str, map: &Node, key: &Node, value: &Node) -> bool {
    inside(key.range, map.range)
        && value.range.start >= key.range.end
        && !has_properties(text, value)
}

/// The node's text starts with an anchor (`&name`, so other places may share it) or a tag.
fn has_properties(text: &str, node: &Node) -> bool {
    text[node.range.start as usize..].starts_with(['&', '!'])
}

fn inside(inner: TextRange, outer: TextRange) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// The quote a JSON-style document puts around keys and strings.
fn quote_of(node: &Node) -> &'static str {
    match node.scalar().map(|s| s.style) {
        Some(Style::DoubleQuoted) => "\"",
        _ => "",
    }
}

/// `path[0]: {path[1]: ... [ALL]}` in flow style.
fn flow_entry(path: &[&str], quote: &str) -> String {
    let mut out = format!("[{quote}{ALL}{quote}]");
    for (depth, key) in path.iter().enumerate().rev() {
        out = if depth + 1 == path.len() {
            format!("{quote}{key}{quote}: {out}")
        } else {
            format!("{quote}{key}{quote}: {{{out}}}")
        };
    }
    out
}

/// Inserts the entry `path` (ending in `[ALL]`) into `map`.
fn insert_entry(text: &str, map: &Node, path: &[&str], quote: &str) -> Option<Edit> {
    let own: Vec<&(Node, Node)> = map
        .entries()
        .iter()
        .filter(|(k, v)| owns(text, map, k, v))
        .collect();
    let last = own.iter().max_by_key(|(_, v)| v.range.end);
    if text[map.range.as_range()].starts_with('{') {
        return match last {
            Some((_, value)) => Some(Edit::insert(
                value.range.end as usize,
                format!(", {}", flow_entry(path, quote)),
            )),
            None if map.entries().is_empty() => Some(Edit::replace(
                map.range,
                format!("{{{}}}", flow_entry(path, quote)),
            )),
            None => None,
        };
    }
    let (key, value) = last?;
    let line_start = text[..key.range.start as usize]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let prefix = &text[line_start..key.range.start as usize];
    if !prefix.chars().all(|c| c == ' ' || c == '-') {
        return None;
    }
    let indent = prefix.len();
    let lines: Vec<String> = path
        .iter()
        .enumerate()
        .map(|(depth, key)| {
            let pad = " ".repeat(indent + 2 * depth);
            if depth + 1 == path.len() {
                format!("{pad}{quote}{key}{quote}: [{quote}{ALL}{quote}]")
            } else {
                format!("{pad}{quote}{key}{quote}:")
            }
        })
        .collect();
    Some(insert_after_line(text, value.range.end as usize, &lines))
}

/// Adds `ALL` to a `drop` list.
fn append_item(text: &str, list: &Node, quote: &str) -> Option<Edit> {
    if !list.is_seq() {
        return None;
    }
    let last = list
        .items()
        .iter()
        .filter(|i| inside(i.range, list.range))
        .max_by_key(|i| i.range.end);
    let quote_like = |item: &Node| match item.scalar().map(|s| s.style) {
        Some(Style::DoubleQuoted) => "\"",
        Some(Style::SingleQuoted) => "'",
        _ => "",
    };
    if text[list.range.as_range()].starts_with('[') {
        return match last {
            Some(item) => Some(Edit::insert(
                item.range.end as usize,
                format!(", {q}{ALL}{q}", q = quote_like(item)),
            )),
            None if list.items().is_empty() => {
                Some(Edit::replace(list.range, format!("[{quote}{ALL}{quote}]")))
            }
            None => None,
        };
    }
    let item = last?;
    let line_start = text[..item.range.start as usize]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let prefix = &text[line_start..item.range.start as usize];
    let dash = prefix.trim_end();
    if !dash.ends_with('-') || !dash[..dash.len() - 1].chars().all(|c| c == ' ') {
        return None;
    }
    let line = format!(
        "{}- {q}{ALL}{q}",
        " ".repeat(dash.len() - 1),
        q = quote_like(item)
    );
    Some(insert_after_line(text, item.range.end as usize, &[line]))
}

/// Inserts whole `lines` after the line on which offset `end` lies (a node's end; when a
/// block scalar's range ends at the start of the next line, before that line), with the
/// file's line ending.
fn insert_after_line(text: &str, end: usize, lines: &[String]) -> Edit {
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let block: String = lines.iter().map(|l| format!("{l}{eol}")).collect();
    let line_start = text[..end].rfind('\n').map_or(0, |i| i + 1);
    if text[line_start..end].trim().is_empty() {
        return Edit::insert(line_start, block);
    }
    match text[end..].find('\n') {
        Some(i) => Edit::insert(end + i + 1, block),
        None => Edit::insert(text.len(), format!("{eol}{}", lines.join(eol))),
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::kubernetes_findings;

    const WINDOWS: &str = "apiVersion: v1\nkind: Pod\nspec:\n  os: {name: windows}\n  containers:\n    - {name: a, image: x:1}\n";
    const LINUX: &str =
        "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - {name: a, image: x:1}\n";

    #[test]
    fn applies_from_1_22() {
        assert!(kubernetes_findings(&super::RULE, LINUX, "1.21").is_empty());
        assert_eq!(kubernetes_findings(&super::RULE, LINUX, "1.22").len(), 1);
        assert_eq!(kubernetes_findings(&super::RULE, LINUX, "latest").len(), 1);
    }

    #[test]
    fn windows_pods_are_exempt_from_1_25() {
        let findings = kubernetes_findings(&super::RULE, WINDOWS, "1.24");
        assert_eq!(findings.len(), 1);
        // No fix: the API refuses capabilities in a Windows pod.
        assert!(findings[0].fix.is_none());
        assert!(kubernetes_findings(&super::RULE, WINDOWS, "1.25").is_empty());
    }
}
