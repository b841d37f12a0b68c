//! Runs the enabled rules over one parsed file, turns parse errors into `parse-error`
//! findings, applies suppressions and per-path ignores, and sorts the result. For
//! Kubernetes files it also collects the facts cross-object rules need, and [`lint_set`]
//! runs those rules over the facts of one input set (a folder's files, a rendered chart,
//! standard input).

use super::guard::{guarded, run_rule, Culprit};
use super::suppress::{annotation_suppression, parse_comment, Scope, Suppressions};
use super::{Check, Context, FileKind, Rule, SetContext, SetObject, Settings};
use crate::diagnostic::{Diagnostic, Severity};
use crate::dockerfile::{self, Dockerfile};
use crate::kubernetes::yaml::{Node, Value};
use crate::kubernetes::{Object, ObjectFacts, Stream, Verdict};
use crate::source::{SourceFile, TextRange};

/// Id of the built-in rule that reports syntax errors.
pub const PARSE_ERROR: &str = "parse-error";
/// Id of the built-in rule that reports broken suppression comments.
pub const INVALID_SUPPRESSION: &str = "invalid-suppression";
/// Id of the built-in rule that reports a key given twice in one YAML mapping.
pub const DUPLICATE_KEY: &str = "duplicate-key";

/// Why a file was read but not linted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Skipped {
    /// YAML that holds no Kubernetes object (values.yaml, a compose file, a CI workflow).
    NotManifest(String),
    /// A Helm chart's template (`{{ ... }}`), which only its rendered output can be linted by.
    HelmTemplate,
    /// A fragment a kustomization applies as a patch (decided by the CLI, which reads the
    /// `kustomization.yaml` beside or above it).
    KustomizePatch { kustomization: String },
    /// Larger than `max-file-size` (decided by the CLI before reading): the size (unknown for
    /// a stream) and the limit, as the message shows them.
    TooLarge { size: Option<String>, limit: String },
    /// A symbolic link, FIFO, socket or device a walk came across (never opened): what it is
    /// and why.
    NotRegular(&'static str),
}

impl Skipped {
    pub fn reason(&self) -> String {
        match self {
            Skipped::NotManifest(reason) => reason.clone(),
            Skipped::HelmTemplate => "an unrendered Helm template: lint the chart with `plimsoll check --helm CHART_DIR`, or `helm template CHART_DIR | plimsoll check -`".into(),
            Skipped::KustomizePatch { kustomization } => format!(
                "a kustomize patch (applied by {kustomization}): lint the output of `kubectl kustomize DIR | plimsoll check -` instead"
            ),
            Skipped::TooLarge { size, limit } => format!(
                "{} `max-file-size` ({limit}), so it was not read; raise `max-file-size` in plimsoll.toml to lint it",
                size.as_ref().map_or("larger than".to_string(), |s| format!("{s}, over"))
            ),
            Skipped::NotRegular(what) => what.to_string(),
        }
    }
}

/// What cross-object rules need from one Kubernetes file, kept after the file's text is gone.
#[derive(Clone, Debug, Default)]
pub struct FileFacts {
    pub objects: Vec<ObjectFacts>,
    /// Object ranges with their Helm template, to attach a finding's `source`.
    object_sources: Vec<(TextRange, Option<String>)>,
    suppressions: Suppressions,
}

impl FileFacts {
    fn source_at(&self, at: TextRange) -> Option<String> {
        self.object_sources
            .iter()
            .find(|(range, _)| range.start <= at.start && at.start <= range.end)
            .and_then(|(_, source)| source.clone())
    }
}

/// The result of linting one file.
#[derive(Clone, Debug, Default)]
pub struct FileLint {
    pub diagnostics: Vec<Diagnostic>,
    pub skipped: Option<Skipped>,
    /// Kubernetes objects in the file.
    pub objects: usize,
    /// Set for Kubernetes files when a cross-object rule is enabled.
    pub facts: Option<FileFacts>,
}

/// Lints one file on its own: its rules, and the cross-object rules over its own objects.
/// Pure: no IO.
pub fn lint(file: &SourceFile, kind: FileKind, settings: &Settings) -> Vec<Diagnostic> {
    let mut result = lint_file(file, kind, settings);
    if let Some(facts) = &result.facts {
        let input = SetInput {
            facts,
            settings,
            path: &file.path,
        };
        result
            .diagnostics
            .extend(lint_set(&[input]).into_iter().map(|(_, d)| d));
        sort(&mut result.diagnostics);
    }
    result.diagnostics
}

/// Lints one file, leaving cross-object rules to [`lint_set`] over its input set.
pub fn lint_file(file: &SourceFile, kind: FileKind, settings: &Settings) -> FileLint {
    let lint = || match kind {
        FileKind::Dockerfile => FileLint {
            diagnostics: lint_dockerfile(file, settings),
            ..FileLint::default()
        },
        FileKind::Kubernetes => lint_kubernetes(file, settings),
    };
    // Each rule is guarded on its own; this catches a crash of the parser or the engine.
    let mut result = guarded(Culprit::Parser, lint).unwrap_or_else(|error| FileLint {
        diagnostics: vec![*error],
        ..FileLint::default()
    });
    let ignored = settings.ignored_for_path(&file.path);
    if !ignored.is_empty() {
        result.diagnostics.retain(|d| !ignored.contains(&d.rule));
    }
    sort(&mut result.diagnostics);
    result
}

fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
}

/// One file's part of the input set for [`lint_set`].
pub struct SetInput<'a> {
    pub facts: &'a FileFacts,
    /// The file's own settings: whether a rule is on there, its severity, per-path ignores.
    pub settings: &'a Settings,
    pub path: &'a str,
}

/// Runs the cross-object rules once over every object of `inputs`; returns each finding with
/// the index of its file. A rule runs when any file enables it, and its findings are kept
/// only in files that enable it, at their severity, unless suppressed there.
pub fn lint_set(inputs: &[SetInput]) -> Vec<(usize, Diagnostic)> {
    let objects: Vec<SetObject> = inputs
        .iter()
        .enumerate()
        .flat_map(|(file, input)| {
            input
                .facts
                .objects
                .iter()
                .map(move |facts| SetObject { file, facts })
        })
        .collect();
    let mut rules: Vec<&'static Rule> = inputs
        .iter()
        .flat_map(|i| i.settings.rules_for(FileKind::Kubernetes))
        .map(|e| e.rule)
        .filter(|r| matches!(r.check, Check::Set(_)))
        .collect();
    rules.sort_by_key(|r| r.id);
    rules.dedup_by_key(|r| r.id);
    let Some(first) = inputs.first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for rule in rules {
        let Check::Set(check) = rule.check else {
            continue;
        };
        let mut found = Vec::new();
        if let Err(error) = guarded(Culprit::Rule(rule.id), || {
            check(
                &objects,
                &mut SetContext::new(rule, first.settings.kubernetes_version, &mut found),
            )
        }) {
            // A cross-object rule has no one file: its crash is reported on the first.
            out.push((0, *error));
            continue;
        }
        for (file, mut d) in found {
            let input = &inputs[file];
            let Some(enabled) = input.settings.enabled(rule.id) else {
                continue;
            };
            d.severity = enabled.severity;
            if input.facts.suppressions.suppresses(&d)
                || input
                    .settings
                    .ignored_for_path(input.path)
                    .contains(&rule.id)
            {
                continue;
            }
            d.source = input.facts.source_at(d.range);
            out.push((file, d));
        }
    }
    out
}

/// Reports a finding of an engine rule (`parse-error`, `invalid-suppression`) if enabled.
fn report_engine(
    settings: &Settings,
    id: &'static str,
    range: TextRange,
    message: String,
    out: &mut Vec<Diagnostic>,
) {
    if let Some(enabled) = settings.enabled(id) {
        out.push(Diagnostic {
            rule: enabled.rule.id,
            severity: enabled.severity,
            range,
            message,
            help: None,
            fix: None,
            source: None,
        });
    }
}

/// An invalid-UTF-8 note: the CLI decodes lossily and tells the engine where the first bad
/// byte was.
pub fn encoding_error(settings: &Settings, offset: usize) -> Option<Diagnostic> {
    let mut out = Vec::new();
    report_engine(
        settings,
        PARSE_ERROR,
        TextRange::new(offset, offset),
        "the file is not valid UTF-8 here; invalid bytes were read as U+FFFD".into(),
        &mut out,
    );
    out.pop().map(|mut d| {
        // Lossy decoding lets linting go on, so this is at most a warning.
        d.severity = d.severity.min(Severity::Warning);
        d
    })
}

fn lint_dockerfile(file: &SourceFile, settings: &Settings) -> Vec<Diagnostic> {
    let df = dockerfile::parse(&file.text);
    let mut diagnostics = Vec::new();
    for error in &df.errors {
        report_engine(
            settings,
            PARSE_ERROR,
            error.range,
            error.message.clone(),
            &mut diagnostics,
        );
    }
    for enabled in settings.rules_for(FileKind::Dockerfile) {
        if let Check::Dockerfile(check) = enabled.rule.check {
            run_rule(enabled.rule.id, &mut diagnostics, |diagnostics| {
                check(
                    &df,
                    &mut Context::new(enabled, file, settings.kubernetes_version, diagnostics),
                );
            });
        }
    }
    let suppressions = dockerfile_suppressions(&df, &file.text, settings, &mut diagnostics);
    diagnostics.retain(|d| !suppressions.suppresses(d));
    diagnostics
}

/// A `# plimsoll: ignore[...]` comment covers the instruction it sits in (a comment inside a
/// continuation) or else the next instruction.
fn dockerfile_suppressions(
    df: &Dockerfile,
    text: &str,
    settings: &Settings,
    diagnostics: &mut Vec<Diagnostic>,
) -> Suppressions {
    let mut suppressions = Suppressions::default();
    let mut problems = Vec::new();
    for comment in &df.comments {
        let comment_text = &text[comment.range.as_range()];
        let Some(suppression) = parse_comment(comment_text, comment.range, settings, &mut problems)
        else {
            continue;
        };
        match suppression.scope {
            Scope::File => suppressions.add_file(&suppression.rules),
            Scope::Next => {
                let at = comment.range.start as usize;
                let target = df
                    .instructions
                    .iter()
                    .find(|i| i.range.contains(at) || i.range.start as usize > at);
                if let Some(target) = target {
                    suppressions.add_scoped(target.range, suppression.rules);
                }
            }
        }
    }
    for (range, message) in problems {
        report_engine(settings, INVALID_SUPPRESSION, range, message, diagnostics);
    }
    suppressions
}

fn lint_kubernetes(file: &SourceFile, settings: &Settings) -> FileLint {
    let text = &file.text;
    let stream = Stream::parse(text);
    match stream.verdict(text) {
        Verdict::Manifest => {}
        Verdict::NotManifest(reason) => {
            return FileLint {
                skipped: Some(Skipped::NotManifest(reason)),
                ..FileLint::default()
            }
        }
        Verdict::HelmTemplate => {
            return FileLint {
                skipped: Some(Skipped::HelmTemplate),
                ..FileLint::default()
            }
        }
    }
    let mut diagnostics = Vec::new();
    for doc in &stream.documents {
        if let Some(error) = &doc.error {
            report_engine(
                settings,
                PARSE_ERROR,
                error.range,
                error.message.clone(),
                &mut diagnostics,
            );
        }
        for dup in &doc.duplicate_keys {
            let (first, second) = (
                file.line_column(dup.first.start as usize).line,
                file.line_column(dup.second.start as usize).line,
            );
            report_engine(
                settings,
                DUPLICATE_KEY,
                dup.second,
                format!(
                    "key `{}` is given twice (first on line {first}); kubectl rejects the document",
                    dup.key
                ),
                &mut diagnostics,
            );
            report_engine(
                settings,
                DUPLICATE_KEY,
                dup.first,
                format!("key `{}` is given again on line {second}, and that later value is the one linted", dup.key),
                &mut diagnostics,
            );
        }
    }
    let objects = stream.objects();
    for enabled in settings.rules_for(FileKind::Kubernetes) {
        let Check::Object(check) = enabled.rule.check else {
            continue;
        };
        run_rule(enabled.rule.id, &mut diagnostics, |diagnostics| {
            for object in &objects {
                check(
                    object,
                    &mut Context::new(enabled, file, settings.kubernetes_version, diagnostics),
                );
            }
        });
    }
    report_replaced_once(settings, &mut diagnostics);
    let suppressions = kubernetes_suppressions(&stream, &objects, text, settings, &mut diagnostics);
    diagnostics.retain(|d| !suppressions.suppresses(d));
    let object_sources: Vec<(TextRange, Option<String>)> = objects
        .iter()
        .map(|o| (o.node.range, o.source.map(str::to_string)))
        .chain(
            stream
                .documents
                .iter()
                .zip(&stream.sources)
                .map(|(d, s)| (d.range, s.clone())),
        )
        .collect();
    let mut facts = FileFacts {
        objects: Vec::new(),
        object_sources,
        suppressions,
    };
    for d in &mut diagnostics {
        d.source = facts.source_at(d.range);
    }
    let wants_facts = settings
        .rules_for(FileKind::Kubernetes)
        .any(|r| matches!(r.rule.check, Check::Set(_)));
    FileLint {
        diagnostics,
        skipped: None,
        objects: objects.len(),
        facts: wants_facts.then(|| {
            facts.objects = objects.iter().map(ObjectFacts::of).collect();
            facts
        }),
    }
}

/// Where a rule and a rule it replaces (both enabled) report the same range, keeps one
/// finding: the more severe, the replacing rule's on a tie. A restricted PSS check and its
/// baseline twin then report a problem once, at the baseline's severity when that is higher.
fn report_replaced_once(settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
    let pairs: Vec<(&str, &str)> = settings
        .rules
        .iter()
        .flat_map(|e| e.rule.replaces.iter().map(move |r| (e.rule.id, *r)))
        .filter(|(_, replaced)| settings.is_enabled(replaced))
        .collect();
    if pairs.is_empty() {
        return;
    }
    let at: std::collections::HashMap<(TextRange, &str), Severity> = diagnostics
        .iter()
        .map(|d| ((d.range, d.rule), d.severity))
        .collect();
    diagnostics.retain(|d| {
        let loses = |winner: &str, loser_severity: Severity, tie_wins: bool| {
            at.get(&(d.range, winner))
                .is_some_and(|&w| w > loser_severity || (w == loser_severity && tie_wins))
        };
        !pairs.iter().any(|&(replacing, replaced)| {
            (d.rule == replaced && loses(replacing, d.severity, true))
                || (d.rule == replacing && loses(replaced, d.severity, false))
        })
    });
}

/// YAML suppressions: `# plimsoll: ignore[...]` on its own line covers the next key (with
/// everything under it) or list item, or the whole document when it comes before the
/// document's content; at the end of a line it covers the key on that line. `file-ignore`
/// covers the file. Object annotations (`ignore.plimsoll.dev/<id>`, and the peers' forms)
/// cover their object.
fn kubernetes_suppressions(
    stream: &Stream,
    objects: &[Object],
    text: &str,
    settings: &Settings,
    diagnostics: &mut Vec<Diagnostic>,
) -> Suppressions {
    let mut suppressions = Suppressions::default();
    let mut problems = Vec::new();
    let mut entries: Option<Vec<TextRange>> = None;
    for comment in &stream.comments {
        let comment_text = &text[comment.range.as_range()];
        let Some(suppression) = parse_comment(comment_text, comment.range, settings, &mut problems)
        else {
            continue;
        };
        if suppression.scope == Scope::File {
            suppressions.add_file(&suppression.rules);
            continue;
        }
        let entries = entries.get_or_insert_with(|| entry_ranges(stream));
        let at = comment.range.start as usize;
        let Some(doc) = stream.documents.iter().find(|d| d.range.contains(at)) else {
            continue;
        };
        let root_start = doc.root.as_ref().map(|r| r.range.start);
        let covers = if comment.own_line && root_start.is_some_and(|s| s >= comment.range.end) {
            Some(doc.range)
        } else if comment.own_line {
            // The next key or item, the widest one when several start at the same place.
            let i = entries.partition_point(|r| r.start < comment.range.end);
            entries.get(i).filter(|r| r.start < doc.range.end).copied()
        } else {
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1) as u32;
            let i = entries.partition_point(|r| r.start < line_start);
            Some(
                entries
                    .get(i)
                    .filter(|r| r.start < comment.range.start)
                    .copied()
                    .unwrap_or(TextRange::new(
                        line_start as usize,
                        comment.range.end as usize,
                    )),
            )
        };
        if let Some(covers) = covers {
            suppressions.add_scoped(covers, suppression.rules);
        }
    }
    for object in objects {
        for (key, value) in object.metadata().annotations() {
            let (Some(k), v) = (key.as_str(), value.as_str().unwrap_or("")) else {
                continue;
            };
            match annotation_suppression(settings.registry, k, v) {
                Some(Ok(rules)) => suppressions.add_scoped(object.node.range, rules),
                Some(Err(message)) => problems.push((key.range, message)),
                None => {}
            }
        }
    }
    for (range, message) in problems {
        report_engine(settings, INVALID_SUPPRESSION, range, message, diagnostics);
    }
    suppressions
}

/// The ranges of every mapping entry (key through value) and sequence item of the stream,
/// sorted by start, widest first among equal starts.
fn entry_ranges(stream: &Stream) -> Vec<TextRange> {
    let mut out = Vec::new();
    let mut stack: Vec<&Node> = stream
        .documents
        .iter()
        .filter_map(|d| d.root.as_ref())
        .collect();
    while let Some(node) = stack.pop() {
        match &node.value {
            Value::Scalar(_) => {}
            Value::Seq(items) => {
                for item in items {
                    out.push(item.range);
                    stack.push(item);
                }
            }
            Value::Map(entries) => {
                for (key, value) in entries {
                    out.push(key.range.cover(value.range));
                    stack.push(value);
                }
            }
        }
    }
    out.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    out
}
