//! Fuzz target: the whole Dockerfile lint with every rule on (`--select all`); every
//! diagnostic and fix must stay inside the text.

#![no_main]

#[path = "../../../testdata/common/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;
use plimsoll::{FileKind, Settings};
use std::sync::OnceLock;

static SETTINGS: OnceLock<Settings> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let settings = SETTINGS.get_or_init(invariants::all_rules);
    invariants::lint_checked(&text, FileKind::Dockerfile, settings);
});
