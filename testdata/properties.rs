//! Property tests: the Dockerfile and Kubernetes lints (every rule on) never panic and keep
//! every span inside the text, whatever they are fed: random bytes, and real files from
//! `testdata/` broken by random byte flips, insertions of YAML and shell punctuation,
//! deletions and truncations. Also replays the inputs the fuzzers and these tests
//! found (`testdata/fuzz-regressions/`).
//!
//! The seed is fixed so that CI sees the same cases on every run; set `PROPTEST_RNG_SEED` (and
//! `PROPTEST_CASES`) to explore others.

#[path = "common/invariants.rs"]
mod invariants;

use invariants::{all_rules, check_dockerfile, check_stream, lint_checked};
use plimsoll::kubernetes::Stream;
use plimsoll::{FileKind, Settings};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngSeed};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Fragments that are meaningful to the lexers: continuations, YAML indicators, flow
/// collections, anchors and aliases, tabs, NUL, comments, heredocs, quotes, and characters
/// of two, three and four bytes (a BOM among them), which catch slicing off char boundaries.
const TOKENS: &[&str] = &[
    "\n", "\\", "\\\n", ":", ": ", "-", "- ", "{", "}", "[", "]", "&a ", "*a", "\t", "\0", "#",
    "---\n", "<<EOF\n", "\"", "'", "\r\n", "\u{feff}", "é", "€", "🦀", "$(", "${A:-",
];

/// A change to a file's bytes; positions are taken modulo the current length.
#[derive(Clone, Debug)]
enum Mutation {
    FlipBit(Index, u8),
    Insert(Index, Index),
    Delete(Index, usize),
    Truncate(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<Index>(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit(at, bit)),
        4 => (any::<Index>(), any::<Index>()).prop_map(|(at, token)| Mutation::Insert(at, token)),
        2 => (any::<Index>(), 1usize..16).prop_map(|(at, len)| Mutation::Delete(at, len)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let position = |at: &Index, len: usize| if len == 0 { 0 } else { at.index(len + 1) };
    match mutation {
        Mutation::FlipBit(at, bit) if !bytes.is_empty() => {
            let i = at.index(bytes.len());
            bytes[i] ^= 1 << bit;
        }
        Mutation::FlipBit(..) => {}
        Mutation::Insert(at, token) => {
            let i = position(at, bytes.len());
            let token = TOKENS[token.index(TOKENS.len())].as_bytes();
            bytes.splice(i..i, token.iter().copied());
        }
        Mutation::Delete(at, len) => {
            let i = position(at, bytes.len());
            bytes.drain(i..(i + len).min(bytes.len()));
        }
        Mutation::Truncate(at) => bytes.truncate(position(at, bytes.len())),
    }
}

/// The real files of one kind under `testdata/` (the output snapshots and JSON schemas are
/// not inputs).
fn real_files(kind: FileKind) -> &'static [(PathBuf, Vec<u8>)] {
    static DOCKERFILES: OnceLock<Vec<(PathBuf, Vec<u8>)>> = OnceLock::new();
    static MANIFESTS: OnceLock<Vec<(PathBuf, Vec<u8>)>> = OnceLock::new();
    let cell = match kind {
        FileKind::Dockerfile => &DOCKERFILES,
        FileKind::Kubernetes => &MANIFESTS,
    };
    cell.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
        let mut files = Vec::new();
        collect(&root, kind, &mut files);
        files.sort();
        assert!(files.len() > 20, "too few {kind:?} files under {root:?}");
        files
            .into_iter()
            .map(|path| {
                let bytes = std::fs::read(&path).expect("readable fixture");
                (path, bytes)
            })
            .collect()
    })
}

fn collect(dir: &Path, kind: FileKind, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable testdata") {
        let path = entry.expect("directory entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if !matches!(name, "schemas" | "snapshots" | "fuzz-regressions") {
                collect(&path, kind, out);
            }
            continue;
        }
        let is_kind = match kind {
            FileKind::Dockerfile => name.starts_with("Dockerfile") || name.ends_with(".Dockerfile"),
            FileKind::Kubernetes => [".yaml", ".yml", ".json"].iter().any(|e| name.ends_with(e)),
        };
        if is_kind {
            out.push(path);
        }
    }
}

fn settings() -> &'static Settings {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    SETTINGS.get_or_init(all_rules)
}

/// Parses `text` as `kind`, checks the model's ranges, then lints it with every rule and
/// checks the diagnostics.
fn check(text: &str, kind: FileKind) {
    match kind {
        FileKind::Dockerfile => check_dockerfile(text, &plimsoll::dockerfile::parse(text)),
        FileKind::Kubernetes => check_stream(text, &Stream::parse(text)),
    }
    lint_checked(text, kind, settings());
}

/// A real file of `kind`, changed by a few mutations; the strategy's value shows the file's
/// path and the changed text, so a failure names its input.
fn mutated(kind: FileKind) -> impl Strategy<Value = (String, String)> {
    (any::<Index>(), prop::collection::vec(mutation(), 1..8)).prop_map(move |(file, mutations)| {
        let files = real_files(kind);
        let (path, original) = &files[file.index(files.len())];
        let mut bytes = original.clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        (
            path.display().to_string(),
            String::from_utf8_lossy(&bytes).into_owned(),
        )
    })
}

/// Modest case counts: the whole file runs in a few seconds in debug builds.
fn config(cases: u32) -> Config {
    let base = Config::default();
    let explore = std::env::var_os("PROPTEST_RNG_SEED").is_some();
    Config {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            base.cases
        } else {
            cases
        },
        rng_seed: if explore {
            base.rng_seed
        } else {
            RngSeed::Fixed(0x9153_0ff5)
        },
        failure_persistence: None,
        ..base
    }
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn random_bytes_as_either_kind(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        check(&text, FileKind::Dockerfile);
        check(&text, FileKind::Kubernetes);
    }

    #[test]
    fn random_tokens_as_either_kind(
        text in prop::collection::vec(prop::sample::select(TOKENS), 0..64).prop_map(|t| t.concat())
    ) {
        check(&text, FileKind::Dockerfile);
        check(&text, FileKind::Kubernetes);
    }
}

proptest! {
    #![proptest_config(config(768))]

    #[test]
    fn mutated_dockerfiles((_path, text) in mutated(FileKind::Dockerfile)) {
        check(&text, FileKind::Dockerfile);
    }

}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn mutated_manifests((_path, text) in mutated(FileKind::Kubernetes)) {
        check(&text, FileKind::Kubernetes);
    }
}

/// Every input a fuzz target once crashed on, named `<target>-<short-name>`, is linted as the
/// kind its target reads and checked.
#[test]
fn fuzz_regressions_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/fuzz-regressions");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&dir).expect("testdata/fuzz-regressions exists") {
        let path = entry.expect("directory entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let kind = if name.starts_with("dockerfile_") || name.starts_with("lint_dockerfile-") {
            FileKind::Dockerfile
        } else if name.starts_with("yaml_") || name.starts_with("lint_kubernetes-") {
            FileKind::Kubernetes
        } else {
            panic!("{name}: not named after a fuzz target");
        };
        let bytes = std::fs::read(&path).expect("readable regression");
        eprintln!("replaying {name}");
        check(&String::from_utf8_lossy(&bytes), kind);
        replayed += 1;
    }
    assert!(replayed > 0, "no regression inputs in {dir:?}");
}
