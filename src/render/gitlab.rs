//! `--format gitlab`: a GitLab Code Quality report (`artifacts:reports:codequality`), a JSON
//! array of Code Climate issues. GitLab requires `description`, `check_name`, `fingerprint`,
//! `severity`, `location.path` and `location.lines.begin`; the Code Climate fields `type`,
//! `categories` and `content` and GitLab's `engine_name` come along.
//!
//! - `description` is one line (Code Climate forbids newlines): a line break in a message
//!   is written `\n`, and a Helm-rendered finding names its template.
//! - `fingerprint` hashes the path, the rule and the finding's own fingerprint (see
//!   [`super::fingerprints`]), so it is unique in the report and survives edits to other lines.
//! - `severity`: `error` is `major` (`critical` for a security rule), `warning` is `minor`,
//!   `info` is `info`.
//! - `location.lines` are 1-based and inclusive.

use super::pretty_json::ArrayWriter;
use super::{FileResult, Located, Render, Summary};
use crate::diagnostic::Severity;
use crate::engine::{Category, Rule};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Issue<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    check_name: &'a str,
    description: String,
    content: Content,
    categories: [&'static str; 1],
    severity: &'static str,
    fingerprint: String,
    location: Location,
    engine_name: &'static str,
}

#[derive(Serialize)]
struct Content {
    body: String,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// Writes the report's array, the issues as they come.
pub struct Gitlab {
    issues: ArrayWriter,
}

impl Default for Gitlab {
    fn default() -> Self {
        Self {
            issues: ArrayWriter::new(0),
        }
    }
}

impl Render for Gitlab {
    fn file(&mut self, result: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        for d in &result.diagnostics {
            self.issues.push(out, &issue(&result.path, d))?;
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        self.issues.close(out)?;
        writeln!(out)
    }
}

fn issue<'a>(path: &str, d: &'a Located) -> Issue<'a> {
    let diagnostic = &d.diagnostic;
    let rule = crate::rules::REGISTRY
        .iter()
        .copied()
        .find(|r| r.id == diagnostic.rule);
    let path = report_path(path);
    let mut description = one_line(&diagnostic.message);
    if let Some(source) = &diagnostic.source {
        description.push_str(&format!(" (rendered from {})", one_line(source)));
    }
    let mut body = diagnostic.help.clone().unwrap_or_default();
    if let Some(rule) = rule {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        body.push_str(&format!("[{}]({}): {}", rule.id, rule.url(), rule.title));
    }
    // An exclusive end at the start of a line ends on the line before.
    let end = if d.end.line > d.start.line && d.end.column == 1 {
        d.end.line - 1
    } else {
        d.end.line
    };
    Issue {
        kind: "issue",
        check_name: diagnostic.rule,
        fingerprint: fingerprint(&path, diagnostic.rule, &d.fingerprint),
        description,
        content: Content { body },
        categories: [category(rule)],
        severity: severity(diagnostic.severity, rule),
        location: Location {
            path,
            lines: Lines {
                begin: d.start.line,
                end,
            },
        },
        engine_name: "plimsoll",
    }
}

/// GitLab wants the path relative to the repository, with forward slashes and no `./`.
fn report_path(path: &str) -> String {
    let path = path.replace('\\', "/");
    path.strip_prefix("./").unwrap_or(&path).to_string()
}

fn one_line(text: &str) -> String {
    text.replace("\r\n", "\\n")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

fn severity(severity: Severity, rule: Option<&Rule>) -> &'static str {
    match severity {
        Severity::Error if rule.is_some_and(|r| r.category == Category::Security) => "critical",
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// The Code Climate category closest to the rule's.
fn category(rule: Option<&Rule>) -> &'static str {
    match rule.map(|r| r.category) {
        Some(Category::Security) => "Security",
        Some(Category::Efficiency) => "Performance",
        Some(Category::Style) => "Style",
        Some(Category::Correctness | Category::Reproducibility | Category::Reliability) | None => {
            "Bug Risk"
        }
    }
}

/// 64-bit FNV-1a of the path, the rule and the finding's fingerprint, in hex.
fn fingerprint(path: &str, rule: &str, finding: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [path, rule, finding] {
        for &b in part.as_bytes().iter().chain(&[0xff]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_are_one_line_and_paths_relative() {
        assert_eq!(one_line("a\nb\r\nc"), "a\\nb\\nc");
        assert_eq!(report_path(r".\dir\Dockerfile"), "dir/Dockerfile");
        assert_eq!(report_path("./k8s/a.yaml"), "k8s/a.yaml");
    }

    #[test]
    fn fingerprints_depend_on_path_rule_and_finding() {
        let a = fingerprint("a", "r", "0011");
        assert_eq!(a.len(), 16);
        assert_ne!(a, fingerprint("b", "r", "0011"));
        assert_ne!(a, fingerprint("a", "s", "0011"));
        assert_ne!(a, fingerprint("a", "r", "0012"));
        assert_ne!(fingerprint("ab", "r", "x"), fingerprint("a", "br", "x"));
    }
}
