//! Fuzz target: the YAML loader and stream (documents, spanned nodes, aliases, comments, Helm
//! sources, objects, the manifest verdict) on any bytes, read lossily as the CLI reads files.

#![no_main]

#[path = "../../../testdata/common/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;
use plimsoll::kubernetes::Stream;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let stream = Stream::parse(&text);
    invariants::check_stream(&text, &stream);
    let _ = stream.verdict(&text);
});
