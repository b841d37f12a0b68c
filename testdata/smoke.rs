//! Smoke tests over the shared corpus of real files (`../shared/corpus`), every rule on:
//! - every Dockerfile is linted, nothing panics, and `parse-error` fires exactly on the files
//!   of `testdata/smoke/known-invalid.txt` (files BuildKit rejects too);
//! - every YAML file of `k8s/` and `helm-rendered/` is linted, skipped with a reason, or has
//!   a located `parse-error`, exactly on the files of `testdata/smoke/known-invalid-yaml.txt`
//!   (files go-yaml and PyYAML reject too).
//!
//! Both print per-rule counts (`cargo test --release --test smoke -- --nocapture`).

use plimsoll::config::{default_settings, Overrides};
use plimsoll::engine::run::{lint_file, lint_set, SetInput};
use plimsoll::walk::{is_dockerfile_name, is_yaml_name};
use plimsoll::{lint_source, FileKind, SourceFile};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn corpus() -> Option<PathBuf> {
    corpus_dir("dockerfiles")
}

fn corpus_dir(name: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(name);
    if dir.is_dir() {
        return Some(dir);
    }
    let message = format!(
        "corpus not found at {}: this smoke test did NOT run",
        dir.display()
    );
    assert!(std::env::var_os("CI").is_none(), "{message}");
    eprintln!("\n!!!!!!!! SKIPPED: {message} !!!!!!!!\n");
    None
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    files_named(dir, is_dockerfile_name, out);
}

fn files_named(dir: &Path, wanted: fn(&str) -> bool, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files_named(&path, wanted, out);
        } else if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(wanted)
        {
            out.push(path);
        }
    }
}

/// The corpus folder, its Dockerfiles in sorted order, and settings with every rule on.
fn corpus_with_all_rules() -> Option<(PathBuf, Vec<PathBuf>, plimsoll::Settings)> {
    let dir = corpus()?;
    let settings = default_settings(&Overrides {
        select: Some(vec!["all".into()]),
        ..Overrides::default()
    })
    .unwrap();
    let mut paths = Vec::new();
    files(&dir, &mut paths);
    Some((dir, paths, settings))
}

#[test]
fn every_corpus_dockerfile_lints_without_panic_or_false_parse_errors() {
    let Some((dir, paths, settings)) = corpus_with_all_rules() else {
        return;
    };
    assert!(paths.len() > 3000, "found only {} Dockerfiles", paths.len());
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut invalid = BTreeSet::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        let relative = path
            .strip_prefix(&dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let file = SourceFile::new(relative.clone(), text);
        for d in lint_source(&file, FileKind::Dockerfile, &settings) {
            assert!(
                d.range.end as usize <= file.text.len()
                    && file.text.is_char_boundary(d.range.start as usize)
            );
            *counts.entry(d.rule).or_default() += 1;
            if d.rule == "parse-error" {
                invalid.insert(relative.clone());
            }
        }
    }
    println!("{} Dockerfiles linted; findings per rule:", paths.len());
    for (rule, count) in &counts {
        println!("{count:>7}  {rule}");
    }
    let known: BTreeSet<String> = include_str!("smoke/known-invalid.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let unexpected: Vec<_> = invalid.difference(&known).collect();
    let fixed: Vec<_> = known.difference(&invalid).collect();
    assert!(
        unexpected.is_empty(),
        "parse-error on files BuildKit accepts: {unexpected:#?}"
    );
    assert!(
        fixed.is_empty(),
        "listed as invalid but parse cleanly now: {fixed:#?}"
    );
}

/// Every prefix cut of every corpus file (inside continuations, heredocs, JSON arrays, quotes)
/// lints without a panic and with spans inside the text on char boundaries.
#[test]
fn truncated_corpus_files_never_panic() {
    let Some((_, paths, settings)) = corpus_with_all_rules() else {
        return;
    };
    let mut cuts = 0;
    for (i, path) in paths.iter().enumerate() {
        let text = std::fs::read_to_string(path).unwrap();
        for k in 1..=3 {
            // Spread the cut points over the file, varying with the file so every kind of
            // position is hit somewhere.
            let mut at = (text.len() * k / 4 + i * 7) % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let file = SourceFile::new(path.to_string_lossy(), &text[..at]);
            for d in lint_source(&file, FileKind::Dockerfile, &settings) {
                let (start, end) = (d.range.start as usize, d.range.end as usize);
                assert!(
                    start <= end && end <= at,
                    "{}: {:?} out of bounds",
                    file.path,
                    d
                );
                assert!(
                    file.text.is_char_boundary(start) && file.text.is_char_boundary(end),
                    "{}: {:?}",
                    file.path,
                    d
                );
            }
            cuts += 1;
        }
    }
    assert!(cuts > 9000);
}

#[test]
fn every_corpus_manifest_is_linted_skipped_or_a_located_parse_error() {
    let (Some(k8s), Some(rendered)) = (corpus_dir("k8s"), corpus_dir("helm-rendered")) else {
        return;
    };
    let root = k8s.parent().unwrap().to_path_buf();
    let settings = default_settings(&Overrides {
        select: Some(vec!["all".into()]),
        ..Overrides::default()
    })
    .unwrap();
    let mut paths = Vec::new();
    files_named(&k8s, is_yaml_name, &mut paths);
    files_named(&rendered, is_yaml_name, &mut paths);
    assert!(paths.len() > 4000, "found only {} YAML files", paths.len());
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut invalid = BTreeSet::new();
    let (mut linted, mut skipped, mut objects) = (0, 0, 0);
    let mut all_facts = Vec::new();
    for path in &paths {
        let relative = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let file = SourceFile::new(relative.clone(), std::fs::read_to_string(path).unwrap());
        let result = lint_file(&file, FileKind::Kubernetes, &settings);
        if let Some(why) = &result.skipped {
            assert!(!why.reason().is_empty());
            skipped += 1;
            continue;
        }
        linted += 1;
        objects += result.objects;
        for d in &result.diagnostics {
            assert!(
                d.range.end as usize <= file.text.len()
                    && file.text.is_char_boundary(d.range.start as usize)
                    && file.text.is_char_boundary(d.range.end as usize),
                "{relative}: {d:?}"
            );
            *counts.entry(d.rule).or_default() += 1;
            if d.rule == "parse-error" {
                invalid.insert(relative.clone());
            }
        }
        if let Some(facts) = result.facts {
            all_facts.push((relative, facts));
        }
    }
    // Cross-object rules over the whole corpus at once, as one run would see it.
    let inputs: Vec<SetInput> = all_facts
        .iter()
        .map(|(path, facts)| SetInput {
            facts,
            settings: &settings,
            path,
        })
        .collect();
    for (_, d) in lint_set(&inputs) {
        *counts.entry(d.rule).or_default() += 1;
    }
    println!("{linted} manifests linted ({objects} objects), {skipped} YAML files skipped; findings per rule:");
    for (rule, count) in &counts {
        println!("{count:>7}  {rule}");
    }
    assert!(objects > 8000, "only {objects} objects");
    let known: BTreeSet<String> = include_str!("smoke/known-invalid-yaml.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let unexpected: Vec<_> = invalid.difference(&known).collect();
    let fixed: Vec<_> = known.difference(&invalid).collect();
    assert!(
        unexpected.is_empty(),
        "parse-error on files kubectl accepts: {unexpected:#?}"
    );
    assert!(
        fixed.is_empty(),
        "listed as invalid but parse cleanly now: {fixed:#?}"
    );
}
