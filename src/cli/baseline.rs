//! `--write-baseline FILE` and `--baseline FILE`: the findings a team accepts for now, so that
//! CI reports only new ones. A baseline lists each finding's path, rule and fingerprint
//! (see `crate::render::fingerprints`): adding, removing or reformatting other lines keeps a
//! finding known; editing its own line makes it new.

use crate::render::pretty_json::ArrayWriter;
use crate::render::{FileResult, Render, Summary};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::io::{self, Write};
use std::path::Path;

/// The file as read; [`BaselineWriter`] writes the same shape.
#[derive(Deserialize)]
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

/// `--write-baseline`: a [`Render`] that writes every finding's entry as it comes.
pub struct BaselineWriter {
    findings: ArrayWriter,
}

impl Default for BaselineWriter {
    fn default() -> Self {
        Self {
            // Inside the file's object.
            findings: ArrayWriter::new(1),
        }
    }
}

impl Render for BaselineWriter {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"{\n  \"version\": 1,\n  \"findings\": ")
    }

    fn file(&mut self, result: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        for d in &result.diagnostics {
            let entry = Entry {
                path: result.path.clone(),
                rule: d.diagnostic.rule.to_string(),
                fingerprint: d.fingerprint.clone(),
                message: d.diagnostic.message.clone(),
            };
            self.findings.push(out, &entry)?;
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        self.findings.close(out)?;
        out.write_all(b"\n}\n")
    }
}
