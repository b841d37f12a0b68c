//! `pdb-zero-disruptions`: a PodDisruptionBudget with `maxUnavailable: 0` (or `0%`) or
//! `minAvailable: 100%` allows no voluntary eviction, so node drains never finish.

use crate::rules::prelude::*;

declare_rule! {
    id: "pdb-zero-disruptions",
    title: "pod disruption budget allows no eviction",
    severity: Warning,
    category: Reliability,
    target: Kubernetes,
    fix: Unsafe,
    aliases: [
        "kube-linter:pdb-max-unavailable",
        "kube-linter:pdb-min-available",
        "polaris:pdbDisruptionsIsZero",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
}

/// A budget amount: a pod count or a percentage (`IntOrString`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Amount {
    Pods(i64),
    Percent(i64),
}

fn amount(node: &Node) -> Option<Amount> {
    let text = node.as_str()?.trim();
    match text.strip_suffix('%') {
        Some(percent) => percent.trim().parse().ok().map(Amount::Percent),
        None => node.as_i64().map(Amount::Pods),
    }
}

const HELP: &str = "allow at least one disruption, e.g. `maxUnavailable: 1`; keep a zero budget only while you mean to block evictions";

fn check(object: &Object, cx: &mut Context) {
    if object.kind() != "PodDisruptionBudget" || object.group() != "policy" {
        return;
    }
    let Some(spec) = object.spec() else { return };
    if let Some((_, value)) = spec.entry("maxUnavailable") {
        if matches!(amount(value), Some(Amount::Pods(0) | Amount::Percent(0))) {
            let written = value.as_str().unwrap_or("0").trim();
            cx.report(
                value.range,
                format!("`maxUnavailable: {written}` allows no voluntary disruption: node drains wait forever"),
            )
            .help(HELP)
            .fix("set `maxUnavailable: 1`", vec![Edit::replace(value.range, "1")]);
        }
    }
    if let Some((key, value)) = spec.entry("minAvailable") {
        if matches!(amount(value), Some(Amount::Percent(p)) if p >= 100) {
            let written = value.as_str().unwrap_or("100%").trim();
            let report = cx
                .report(
                    value.range,
                    format!("`minAvailable: {written}` allows no voluntary disruption: node drains wait forever"),
                )
                .help(HELP);
            // Both fields together are invalid; only offer the swap when it is the only one.
            if spec.get("maxUnavailable").is_none() {
                report.fix(
                    "replace it with `maxUnavailable: 1`",
                    vec![Edit::replace(
                        key.range.cover(value.range),
                        "maxUnavailable: 1",
                    )],
                );
            }
        }
    }
}
