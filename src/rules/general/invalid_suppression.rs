//! `invalid-suppression`: a suppression comment names an unknown rule or is malformed
//! (reported by the engine while it reads suppressions).

use crate::declare_rule;

declare_rule! {
    id: "invalid-suppression",
    title: "suppression comment is malformed or names an unknown rule",
    severity: Warning,
    category: Correctness,
    target: Any,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: crate::engine::Check::Engine,
}
