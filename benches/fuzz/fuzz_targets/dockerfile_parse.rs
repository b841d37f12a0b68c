//! Fuzz target: the Dockerfile parser (lexer, instructions, shell scripts) on any bytes, read
//! lossily as the CLI reads files; every range of the model must lie inside the text.

#![no_main]

#[path = "../../../testdata/common/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    invariants::check_dockerfile(&text, &plimsoll::dockerfile::parse(&text));
});
