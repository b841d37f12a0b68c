//! `--format sarif`: one SARIF 2.1.0 log with one run, for GitHub code scanning and other
//! SARIF viewers. Hand-written serde structs for the subset plimsoll emits (a test validates
//! the output against the official OASIS schema):
//!
//! - `tool.driver.rules`: every rule that has a result, in the order of its first result
//!   (written after the results, which stream), with its title, the
//!   first paragraph of its page's "What it does", the page itself as help, its URL, its
//!   default level, tags (category, target, Pod Security Standards level) and, for
//!   security rules, the `security-severity` score GitHub code scanning ranks alerts by.
//! - `results`: rule, level, message (with the finding's help and, for Helm output, the
//!   template), the region (1-based lines and columns, end exclusive; the run declares
//!   `columnKind: unicodeCodePoints`, which is what our columns count), the Helm template as
//!   a related location, the rule's fix as byte-offset replacements, and the finding's
//!   fingerprint under `partialFingerprints["plimsoll/v1"]`, which survives edits to other
//!   lines.
//!
//! Relative paths become relative URIs (forward slashes, percent-encoded) against
//! `%SRCROOT%`, the repository root for GitHub; absolute paths become `file://` URIs.

use super::pretty_json::{write_nested, ArrayWriter};
use super::{FileResult, Located, Render, Summary};
use crate::diagnostic::Severity;
use crate::engine::{Category, PssLevel, Rule, Target};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// The schema the log declares (the `$id` of the OASIS schema it is validated against).
const SCHEMA: &str =
    "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/plimsoll-dev/plimsoll";
/// The `partialFingerprints` key of a finding's fingerprint. A new way of computing
/// fingerprints gets a new key, so old and new results are never compared.
pub const FINGERPRINT_KEY: &str = "plimsoll/v1";
/// The base URI id of relative paths: the root of the analysed sources.
const SRCROOT: &str = "%SRCROOT%";

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<Descriptor<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor<'a> {
    id: &'a str,
    name: String,
    short_description: Message,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_description: Option<Message>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<Help<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Help<'a> {
    text: &'a str,
    markdown: &'a str,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: Vec<&'static str>,
    #[serde(rename = "security-severity", skip_serializing_if = "Option::is_none")]
    security_severity: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<Fix<'a>>,
    partial_fingerprints: BTreeMap<&'static str, &'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fix<'a> {
    description: Message,
    artifact_changes: [ArtifactChange<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: ByteRegion,
    #[serde(skip_serializing_if = "Option::is_none")]
    inserted_content: Option<Content<'a>>,
}

/// A region by bytes: fixes are byte-offset edits of the file as it was linted.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ByteRegion {
    byte_offset: u32,
    byte_length: u32,
}

#[derive(Serialize)]
struct Content<'a> {
    text: &'a str,
}

/// Writes the log with its one run: the results as they come, then the tool with the
/// rules they used (JSON objects are unordered, so `tool` may follow `results`).
pub struct Sarif {
    results: ArrayWriter,
    /// The rules with results so far, in order of their first; `ruleIndex` points here.
    rules: Vec<&'static str>,
}

impl Default for Sarif {
    fn default() -> Self {
        Self {
            // In the run, in `runs`, in the log.
            results: ArrayWriter::new(3),
            rules: Vec::new(),
        }
    }
}

impl Sarif {
    fn rule_index(&mut self, id: &'static str) -> usize {
        self.rules.iter().position(|&r| r == id).unwrap_or_else(|| {
            self.rules.push(id);
            self.rules.len() - 1
        })
    }
}

impl Render for Sarif {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        write!(
            out,
            "{{\n  \"$schema\": {},\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"invocations\": ",
            serde_json::to_string(SCHEMA)?
        )?;
        let invocations = [Invocation {
            execution_successful: true,
        }];
        write_nested(out, &invocations, 3)?;
        out.write_all(b",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": ")
    }

    fn file(&mut self, result: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        for d in &result.diagnostics {
            let index = self.rule_index(d.diagnostic.rule);
            self.results
                .push(out, &sarif_result(&result.path, d, index))?;
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        self.results.close(out)?;
        let tool = Tool {
            driver: Driver {
                name: "plimsoll",
                version: env!("CARGO_PKG_VERSION"),
                semantic_version: env!("CARGO_PKG_VERSION"),
                information_uri: INFORMATION_URI,
                rules: self
                    .rules
                    .iter()
                    .map(|id| descriptor(id, find_rule(id)))
                    .collect(),
            },
        };
        out.write_all(b",\n      \"tool\": ")?;
        write_nested(out, &tool, 3)?;
        out.write_all(b"\n    }\n  ]\n}\n")
    }
}

fn find_rule(id: &str) -> Option<&'static Rule> {
    crate::rules::REGISTRY.iter().copied().find(|r| r.id == id)
}

fn descriptor<'a>(id: &'a str, rule: Option<&'static Rule>) -> Descriptor<'a> {
    let Some(rule) = rule else {
        // Every rule is registered; this keeps the log valid if one ever is not.
        return Descriptor {
            id,
            name: pascal_case(id),
            short_description: Message {
                text: id.to_string(),
            },
            full_description: None,
            help: None,
            help_uri: None,
            default_configuration: Configuration { level: "warning" },
            properties: RuleProperties {
                tags: Vec::new(),
                security_severity: None,
            },
        };
    };
    let mut tags = vec![rule.category.as_str()];
    match rule.target {
        Target::Dockerfile | Target::Kubernetes => tags.push(rule.target.as_str()),
        Target::Any => {}
    }
    match rule.pss {
        Some(PssLevel::Baseline) => tags.push("pss-baseline"),
        Some(PssLevel::Restricted) => tags.push("pss-restricted"),
        None => {}
    }
    Descriptor {
        id,
        name: pascal_case(id),
        short_description: Message {
            text: rule.title.to_string(),
        },
        full_description: what_it_does(rule.page).map(|text| Message { text }),
        help: Some(Help {
            text: rule.page,
            markdown: rule.page,
        }),
        help_uri: Some(rule.url()),
        default_configuration: Configuration {
            level: level(rule.severity),
        },
        properties: RuleProperties {
            tags,
            security_severity: security_severity(rule),
        },
    }
}

fn sarif_result<'a>(path: &str, d: &'a Located, rule_index: usize) -> SarifResult<'a> {
    let diagnostic = &d.diagnostic;
    let mut text = diagnostic.message.clone();
    if let Some(source) = &diagnostic.source {
        text.push_str(&format!(" (rendered from {source})"));
    }
    if let Some(help) = &diagnostic.help {
        text.push_str(&format!("\nhelp: {help}"));
    }
    let related_locations = diagnostic
        .source
        .iter()
        .map(|source| Location {
            id: Some(1),
            physical_location: PhysicalLocation {
                artifact_location: artifact_location(source),
                region: None,
            },
            message: Some(Message {
                text: "the Helm template this object was rendered from".to_string(),
            }),
        })
        .collect();
    let fixes = diagnostic
        .fix
        .iter()
        .map(|fix| {
            let mut edits: Vec<_> = fix.edits.iter().collect();
            edits.sort_by_key(|e| e.range);
            Fix {
                description: Message {
                    text: fix.title.clone(),
                },
                artifact_changes: [ArtifactChange {
                    artifact_location: artifact_location(path),
                    replacements: edits
                        .into_iter()
                        .map(|e| Replacement {
                            deleted_region: ByteRegion {
                                byte_offset: e.range.start,
                                byte_length: e.range.end - e.range.start,
                            },
                            inserted_content: (!e.replacement.is_empty()).then_some(Content {
                                text: &e.replacement,
                            }),
                        })
                        .collect(),
                }],
            }
        })
        .collect();
    SarifResult {
        rule_id: diagnostic.rule,
        rule_index,
        level: level(diagnostic.severity),
        message: Message { text },
        locations: [Location {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: artifact_location(path),
                region: Some(Region {
                    start_line: d.start.line,
                    start_column: d.start.column,
                    end_line: d.end.line,
                    end_column: d.end.column,
                }),
            },
            message: None,
        }],
        related_locations,
        fixes,
        partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, d.fingerprint.as_str())]),
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The score GitHub code scanning ranks security alerts by (`critical` from 9.0, `high`
/// from 7.0, `medium` from 4.0, `low` below): security rules only, from the rule's default
/// severity.
fn security_severity(rule: &Rule) -> Option<&'static str> {
    (rule.category == Category::Security).then_some(match rule.severity {
        Severity::Error => "8.0",
        Severity::Warning => "5.0",
        Severity::Info => "2.0",
    })
}

/// `privileged-container` → `PrivilegedContainer`.
fn pascal_case(id: &str) -> String {
    id.split(['-', '_'])
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}

/// The first paragraph under the page's `## What it does`, its lines joined.
fn what_it_does(page: &str) -> Option<String> {
    let start = page.find("## What it does")?;
    let body = page[start..].split_once('\n')?.1;
    let paragraph: Vec<&str> = body
        .lines()
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::trim)
        .collect();
    (!paragraph.is_empty()).then(|| paragraph.join(" "))
}

/// A path as SARIF wants it: a relative URI reference against `%SRCROOT%` (forward
/// slashes, percent-encoded), or a `file://` URI for an absolute path.
fn artifact_location(path: &str) -> ArtifactLocation {
    let path = path.replace('\\', "/");
    let bytes = path.as_bytes();
    let drive =
        bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    if drive {
        ArtifactLocation {
            uri: format!("file:///{}{}", &path[..2], encode(&path[2..])),
            uri_base_id: None,
        }
    } else if path.starts_with('/') {
        ArtifactLocation {
            uri: format!("file://{}", encode(&path)),
            uri_base_id: None,
        }
    } else {
        let relative = path.strip_prefix("./").unwrap_or(&path);
        ArtifactLocation {
            uri: encode(relative),
            uri_base_id: Some(SRCROOT),
        }
    }
}

/// Percent-encodes every byte but unreserved characters and `/`, so spaces, `%`, `#`, `?`
/// and a `:` that would read as a scheme stay part of the path.
fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_pascal_case() {
        assert_eq!(pascal_case("privileged-container"), "PrivilegedContainer");
        assert_eq!(pascal_case("parse-error"), "ParseError");
    }

    #[test]
    fn every_rule_page_has_a_what_it_does_paragraph() {
        for rule in crate::rules::REGISTRY {
            let text = what_it_does(rule.page).unwrap_or_default();
            assert!(
                !text.is_empty(),
                "{}: no \"What it does\" paragraph",
                rule.id
            );
            assert!(!text.contains('\n'), "{}", rule.id);
        }
        let privileged = find_rule("privileged-container").unwrap();
        assert!(what_it_does(privileged.page)
            .unwrap()
            .starts_with("Flags a container (init, app or ephemeral) of a pod or pod template whose `securityContext.privileged`"));
    }

    #[test]
    fn paths_become_uris() {
        let uri = |p: &str| {
            let a = artifact_location(p);
            (a.uri, a.uri_base_id)
        };
        assert_eq!(
            uri("web & api, 100%/Dockerfile"),
            (
                "web%20%26%20api%2C%20100%25/Dockerfile".to_string(),
                Some(SRCROOT)
            )
        );
        assert_eq!(
            uri("./a:b/x.yaml"),
            ("a%3Ab/x.yaml".to_string(), Some(SRCROOT))
        );
        assert_eq!(uri(r"dir\sub\Dockerfile").0, "dir/sub/Dockerfile");
        assert_eq!(
            uri("/srv/é.yaml"),
            ("file:///srv/%C3%A9.yaml".to_string(), None)
        );
        assert_eq!(
            uri(r"C:\src\Dockerfile"),
            ("file:///C:/src/Dockerfile".to_string(), None)
        );
    }
}
