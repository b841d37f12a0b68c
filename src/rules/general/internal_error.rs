//! `internal-error`: a rule or the parser crashed on a file (reported by the engine's panic
//! guard, `crate::engine::guard`). Declared by hand, not with `declare_rule!`: no fixture can
//! make plimsoll crash, so the CLI tests provoke one with `PLIMSOLL_TEST_PANIC` instead.

use crate::diagnostic::Severity;
use crate::engine::{Category, Check, FixKind, Rule, Target};

pub static RULE: Rule = Rule {
    id: crate::engine::guard::INTERNAL_ERROR,
    title: "plimsoll crashed on the file",
    severity: Severity::Error,
    category: Category::Correctness,
    target: Target::Any,
    fix: FixKind::None,
    aliases: &[],
    enabled_by_default: true,
    page: include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/rules/general/internal-error.md"
    )),
    check: Check::Engine,
    options: None,
    pss: None,
    replaces: &[],
    min_kubernetes: None,
};
