//! `duplicate-key`: a key given twice in one YAML mapping (reported by the engine, which
//! finds it while loading the document).

use crate::rules::prelude::*;

declare_rule! {
    id: "duplicate-key",
    title: "a key is given twice in one YAML mapping",
    severity: Error,
    category: Correctness,
    target: Kubernetes,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: Check::Engine,
}
