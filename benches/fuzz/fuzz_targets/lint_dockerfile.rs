//! Fuzz target: the whole Dockerfile lint with every rule on (`--select all`); every
//! diagnostic and fix must stay inside the text.

#![no_main]

#[path = "../../../testdata/common/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| invariants::fuzz_lint(data, plimsoll::FileKind::Dockerfile));
