//! `parse-error`: the file could not be parsed (reported by the engine, not by a check).

use crate::declare_rule;

declare_rule! {
    id: "parse-error",
    title: "the file could not be parsed",
    severity: Error,
    category: Correctness,
    target: Any,
    fix: None,
    aliases: ["hadolint:DL1000"],
    enabled_by_default: true,
    check: crate::engine::Check::Engine,
}
