//! Output formats, one file each. Renderers read [`FileResult`]s (diagnostics with their
//! lines, columns and fingerprints) and nothing else, and stream: each file's result is
//! written when it comes ([`Render`]), so no format keeps the findings of a whole run.

pub mod checkstyle;
pub mod concise;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub(crate) mod pretty_json;
pub mod sarif;

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{LineColumn, SourceFile};

/// A diagnostic with its position resolved to lines and columns.
#[derive(Clone, Debug)]
pub struct Located {
    pub diagnostic: Diagnostic,
    pub start: LineColumn,
    pub end: LineColumn,
    /// Identifies the finding across edits that do not touch it: see [`fingerprints`].
    pub fingerprint: String,
}

/// The findings of one file, ready to render without the file's text.
#[derive(Clone, Debug, Default)]
pub struct FileResult {
    pub path: String,
    pub diagnostics: Vec<Located>,
    /// Pre-rendered human output (rendered while the text was at hand).
    pub human: Option<String>,
}

impl FileResult {
    pub fn new(file: &SourceFile, diagnostics: Vec<Diagnostic>) -> Self {
        let fingerprints = fingerprints(file, &diagnostics);
        let diagnostics = diagnostics
            .into_iter()
            .zip(fingerprints)
            .map(|(d, fingerprint)| Located {
                start: file.line_column(d.range.start as usize),
                end: file.line_column(d.range.end as usize),
                diagnostic: d,
                fingerprint,
            })
            .collect();
        Self {
            path: file.path.clone(),
            diagnostics,
            human: None,
        }
    }
}

/// Totals over a run.
#[derive(Clone, Copy, Debug, Default, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    /// Files read but not linted (YAML without Kubernetes objects, Helm templates).
    pub skipped: usize,
    pub files_with_findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn add(&mut self, result: &FileResult) {
        self.files += 1;
        if !result.diagnostics.is_empty() {
            self.files_with_findings += 1;
        }
        for d in &result.diagnostics {
            match d.diagnostic.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// A stable identity for each finding of `file`, for baselines, SARIF `partialFingerprints`
/// and GitLab: a hash of the rule, the text of the finding's line with blanks removed, the
/// text of its span, and how many findings before it in the file share all three. No line
/// number and no path is in it, so adding, removing or reformatting other lines (and moving
/// the finding with its line) keeps it; editing the offending line itself changes it.
pub fn fingerprints(file: &SourceFile, diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut seen: Vec<u64> = Vec::with_capacity(diagnostics.len());
    diagnostics
        .iter()
        .map(|d| {
            let start = d.range.start as usize;
            let line_start = file.text[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = file.text[start..]
                .find('\n')
                .map_or(file.text.len(), |i| start + i);
            let line: String = file.text[line_start..line_end]
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let mut hash = Fnv::default();
            for part in [d.rule, line.as_str(), file.slice(d.range)] {
                hash.write(part.as_bytes());
                hash.write(&[0xff]);
            }
            let key = hash.0;
            let occurrence = seen.iter().filter(|&&k| k == key).count();
            seen.push(key);
            hash.write(&(occurrence as u64).to_le_bytes());
            format!("{:016x}", hash.0)
        })
        .collect()
}

/// FNV-1a, 64 bits: tiny and stable across Rust versions and platforms, which a persisted
/// fingerprint needs (`std`'s hashers promise neither).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// Every output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Concise,
    Json,
    Sarif,
    Github,
    Gitlab,
    Checkstyle,
    Junit,
}

impl Format {
    /// Whether the format is for people: the summary line may follow it on the same stream.
    pub fn is_for_people(self) -> bool {
        matches!(self, Format::Human | Format::Concise | Format::Github)
    }
}

/// An output being written: [`Render::start`] once, [`Render::file`] for every linted file
/// in output order, then [`Render::finish`] once with the totals of the run.
pub trait Render {
    /// Writes what comes before the first file (a document's opening).
    fn start(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    /// Writes (or, for formats whose opening needs totals, keeps aside) one file's findings.
    fn file(&mut self, result: &FileResult, out: &mut dyn Write) -> io::Result<()>;

    /// Writes what comes after the last file.
    fn finish(&mut self, _summary: &Summary, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

/// A renderer for `format`. `strip_colour` drops the colour codes of pre-rendered human
/// output (rendered in colour for the terminal, also written to a file); other formats
/// have none.
pub fn renderer(format: Format, strip_colour: bool) -> Box<dyn Render> {
    match format {
        Format::Human => Box::new(human::Human { strip_colour }),
        Format::Concise => Box::new(concise::Concise),
        Format::Json => Box::new(json::Json::default()),
        Format::Sarif => Box::new(sarif::Sarif::default()),
        Format::Github => Box::new(github::Github),
        Format::Gitlab => Box::new(gitlab::Gitlab::default()),
        Format::Checkstyle => Box::new(checkstyle::Checkstyle),
        Format::Junit => Box::new(junit::Junit::default()),
    }
}

#[cfg(test)]
mod tests {
    use super::fingerprints;
    use crate::diagnostic::{Diagnostic, Severity};
    use crate::source::{SourceFile, TextRange};

    fn finding(file: &SourceFile, needle: &str, nth: usize) -> Diagnostic {
        let start = file.text.match_indices(needle).nth(nth).unwrap().0;
        Diagnostic {
            rule: "r",
            severity: Severity::Warning,
            range: TextRange::new(start, start + needle.len()),
            message: String::new(),
            help: None,
            fix: None,
            source: None,
        }
    }

    #[test]
    fn fingerprints_survive_unrelated_edits_and_tell_repeats_apart() {
        let before = SourceFile::new("a", "FROM x:latest\nRUN a\nFROM x:latest\n");
        let after = SourceFile::new("a", "# new\nFROM   x:latest\n\nRUN b\nFROM x:latest\n");
        let of = |file: &SourceFile| {
            let ds = [finding(file, "x:latest", 0), finding(file, "x:latest", 1)];
            fingerprints(file, &ds)
        };
        let (b, a) = (of(&before), of(&after));
        assert_eq!(b, a, "moved and re-spaced lines keep their fingerprints");
        assert_ne!(
            b[0], b[1],
            "identical findings are told apart by their order"
        );
        let edited = SourceFile::new("a", "FROM x:latest AS y\nRUN a\nFROM x:latest\n");
        assert_ne!(of(&edited)[0], b[0], "editing the line itself changes it");
    }
}
