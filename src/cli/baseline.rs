//! `--write-baseline FILE` and `--baseline FILE`: the findings a team accepts for now, so that
//! CI reports only new ones. A baseline lists each finding's path, rule and fingerprint
//! (see `crate::render::fingerprints`): adding, removing or reformatting other lines keeps a
//! finding known; editing its own line makes it new.

use crate::render::FileResult;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::Path;

#[derive(Serialize, Deserialize)]
struct File {
    /// The format version; 1.
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    path: String,
    rule: String,
    fingerprint: String,
    /// For people reading the file; not compared.
    message: String,
}

/// A loaded baseline.
pub struct Baseline(HashSet<(String, String, String)>);

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
        let file: File = serde_json::from_str(&text)
            .map_err(|e| format!("{}: not a plimsoll baseline: {e}", path.display()))?;
        if file.version != 1 {
            return Err(format!(
                "{}: baseline version {} is not supported (expected 1)",
                path.display(),
                file.version
            ));
        }
        Ok(Baseline(
            file.findings
                .into_iter()
                .map(|e| (e.path, e.rule, e.fingerprint))
                .collect(),
        ))
    }

    /// Drops the findings of `result` that the baseline knows.
    pub fn filter(&self, result: &mut FileResult) {
        let path = result.path.clone();
        result.diagnostics.retain(|d| {
            !self.0.contains(&(
                path.clone(),
                d.diagnostic.rule.to_string(),
                d.fingerprint.clone(),
            ))
        });
    }
}

/// Writes every finding of `results` to `path`.
pub fn write(path: &Path, results: &[FileResult]) -> Result<(), String> {
    let file = File {
        version: 1,
        findings: results
            .iter()
            .flat_map(|r| {
                r.diagnostics.iter().map(|d| Entry {
                    path: r.path.clone(),
                    rule: d.diagnostic.rule.to_string(),
                    fingerprint: d.fingerprint.clone(),
                    message: d.diagnostic.message.clone(),
                })
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&file).expect("a baseline serializes");
    text.push('\n');
    std::fs::write(path, text)
        .map_err(|e| format!("{}: cannot write the baseline: {e}", path.display()))
}
