//! `plimsoll check`: resolve inputs, lint them in parallel, sort, render, and choose the exit
//! code. One unreadable file or broken config never stops the other files.

use super::args::{CheckArgs, ColorChoice, FailOn, OutputFormat, Report};
use super::baseline::{self, Baseline};
use super::exit;
use super::helm;
use super::kustomize::Patches;
use super::progress::{self, Progress};
use super::read::{self, ReadOutcome};
use crate::config::{ConfigCache, ConfigSource, Overrides, Resolved, DEFAULT_MAX_FILE_SIZE};
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::guard::INTERNAL_ERROR;
use crate::engine::run::{encoding_error, lint_file, lint_set, FileFacts, SetInput, Skipped};
use crate::engine::FileKind;
use crate::render::{self, FileResult, Summary};
use crate::source::SourceFile;
use crate::walk;
use globset::GlobSet;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Problems that end the run with exit code 2 after everything else was linted.
#[derive(Default)]
struct Problems(Mutex<Vec<String>>);

impl Problems {
    fn push(&self, message: String) {
        self.0.lock().expect("problems").push(message);
    }
}

/// A file linted, with what the cross-object pass needs afterwards.
struct Linted {
    result: FileResult,
    facts: Option<FileFacts>,
    config: Arc<Resolved>,
    /// Where to read the text again if a cross-object rule reports in this file.
    origin: Origin,
}

/// Where a linted text came from.
enum Origin {
    File(PathBuf),
    /// Standard input or `helm template` output: kept, since it cannot be read again.
    Text(String),
}

/// A file that was read but not linted.
struct SkippedFile {
    path: String,
    why: Skipped,
    /// Named on the command line: the user asked for it, so say why nothing happened.
    explicit: bool,
}

pub fn run(args: CheckArgs) -> anyhow::Result<u8> {
    let source = match (&args.config, args.no_config) {
        (Some(file), _) => ConfigSource::File(file.clone()),
        (None, true) => ConfigSource::Defaults,
        (None, false) => ConfigSource::Discover,
    };
    let overrides = Overrides {
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
        kubernetes_version: args.kubernetes_version.clone(),
        no_rules: args.no_rules,
    };
    // Bad `--select`/`--ignore` values are usage errors: stop before linting anything.
    crate::config::default_settings(&overrides).map_err(|e| anyhow::anyhow!("{}", e.message))?;
    if let ConfigSource::File(file) = &source {
        anyhow::ensure!(
            file.is_file(),
            "config file {} does not exist",
            file.display()
        );
    }
    let threads = args.threads.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    let cache = Arc::new(ConfigCache::new(source, overrides));
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    // GitHub Actions reads workflow commands from the log: annotations without a flag.
    let on_github = std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true");
    let format = args.format.unwrap_or(if on_github {
        OutputFormat::Github
    } else {
        OutputFormat::Human
    });
    let human = !args.statistics
        && (format == OutputFormat::Human
            || args.report.iter().any(|r| r.format == OutputFormat::Human));
    // Colour only for human output on the terminal.
    let color = color && format == OutputFormat::Human && args.output_file.is_none();
    let baseline = match &args.baseline {
        Some(path) => Some(Baseline::load(path).map_err(|e| anyhow::anyhow!(e))?),
        None => None,
    };
    let linted = Mutex::new(Vec::new());
    let skipped = Mutex::new(Vec::new());
    let problems = Problems::default();
    let patches = Patches::default();
    // No spinner while standard input may be a terminal someone types into.
    let reads_stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    let mut progress = Progress::start(!reads_stdin && progress::wanted(args.quiet));
    let input = Input {
        cache: &cache,
        human,
        color,
        problems: &problems,
        linted: &linted,
        skipped: &skipped,
        patches: &patches,
        baseline: baseline.as_ref(),
        progress: &progress,
    };

    let mut paths = args.paths.clone();
    if paths.is_empty() && args.helm.is_none() {
        paths.push(PathBuf::from("."));
    }
    if let Some(chart) = &args.helm {
        match helm::render(chart, &args) {
            Ok(rendered) => {
                let display = display_path(chart);
                // The chart directory's config governs its rendered output.
                let config_path = chart.join("Chart.yaml");
                input.lint(
                    &config_path,
                    Origin::Text(String::new()),
                    display,
                    FileKind::Kubernetes,
                    Ok(rendered),
                    true,
                );
            }
            Err(message) => problems.push(message),
        }
    }
    let mut explicit = Vec::new();
    let mut dirs = Vec::new();
    for path in &paths {
        if path.as_os_str() == "-" {
            let name = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| PathBuf::from("-"));
            let limit = cache
                .for_file(&name)
                .map_or(DEFAULT_MAX_FILE_SIZE, |c| c.max_file_size);
            let Some(read) = input.outcome(&name, read::read_stdin(limit), true) else {
                continue;
            };
            let sniff = read.as_ref().ok().map(Vec::as_slice);
            let kind = walk::explicit_kind(&name, &patterns_for(&cache, &name), sniff);
            input.lint(
                &name,
                Origin::Text(String::new()),
                name.display().to_string(),
                kind,
                read,
                true,
            );
        } else {
            // `metadata` follows symlinks: a dangling link or a symlink loop is reported with
            // the system's reason.
            match std::fs::metadata(path) {
                Ok(m) if m.is_dir() => dirs.push(path.clone()),
                Ok(_) => explicit.push(path.clone()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    problems.push(format!("{}: no such file or directory", path.display()))
                }
                Err(e) => problems.push(format!("{}: {e}", path.display())),
            }
        }
    }
    pool.install(|| {
        explicit.par_iter().for_each(|path| {
            let Some(bytes) = input.read(path, true) else {
                return;
            };
            let sniff = bytes.as_ref().ok().map(Vec::as_slice);
            let kind = walk::explicit_kind(path, &patterns_for(&cache, path), sniff);
            input.lint(
                path,
                Origin::File(path.clone()),
                display_path(path),
                kind,
                bytes,
                true,
            );
        });
    });
    for dir in &dirs {
        walk::walk_dir(
            dir,
            threads,
            cache.clone(),
            &|path, kind| {
                let Some(bytes) = input.read(&path, false) else {
                    return;
                };
                input.lint(
                    &path,
                    Origin::File(path.clone()),
                    display_path(&path),
                    kind,
                    bytes,
                    false,
                );
            },
            &|e| problems.push(e.0),
        );
    }

    let mut linted = std::mem::take(&mut *linted.lock().expect("linted"));
    linted.sort_by(|a, b| a.result.path.cmp(&b.result.path));
    linted.dedup_by(|a, b| a.result.path == b.result.path);
    cross_object_pass(&mut linted, &input);
    // Gone from the terminal before anything is printed.
    progress.finish();
    let results: Vec<FileResult> = linted.into_iter().map(|l| l.result).collect();
    let mut skipped = skipped.into_inner().expect("skipped");
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    skipped.dedup_by(|a, b| a.path == b.path);

    // Config problems, once per config file.
    for config in cache.loaded() {
        match config {
            Ok(resolved) => {
                for warning in &resolved.warnings {
                    eprintln!("warning: {warning}");
                }
            }
            Err(error) => problems.push(error.to_string()),
        }
    }
    // Inputs named one by one: files, standard input and the rendered chart.
    let named = explicit.len()
        + args.paths.iter().filter(|p| p.as_os_str() == "-").count()
        + usize::from(args.helm.is_some());
    report_skipped(&skipped, args.show_skipped, named);

    let mut summary = Summary {
        skipped: skipped.len(),
        ..Summary::default()
    };
    for r in &results {
        summary.add(r);
    }
    let mut out = std::io::stdout().lock();
    if args.statistics {
        print_statistics(&results, &mut out)?;
    } else {
        let main = Report {
            format,
            file: args.output_file.clone().unwrap_or_default(),
        };
        for report in std::iter::once(&main).chain(&args.report) {
            let mut rendered = Vec::new();
            render::write(
                report.format.render_format(),
                &results,
                &summary,
                &mut rendered,
            )?;
            if report.file.as_os_str().is_empty() {
                out.write_all(&rendered)?;
            } else {
                if report.format == OutputFormat::Human && color {
                    rendered = strip_ansi(&rendered);
                }
                if let Err(e) = std::fs::write(&report.file, rendered) {
                    problems.push(format!(
                        "{}: cannot write the report: {e}",
                        report.file.display()
                    ));
                }
            }
        }
    }
    if let Some(path) = &args.write_baseline {
        if let Err(e) = baseline::write(path, &results) {
            problems.push(e);
        }
    }
    let mut problems = problems.0.into_inner().expect("problems");
    problems.sort();
    problems.dedup();
    for problem in &problems {
        eprintln!("error: {problem}");
    }
    // The summary shares standard output only with formats for people, or with nothing.
    let stdout_for_people = args.output_file.is_some() || format.render_format().is_for_people();
    if !args.quiet && (args.statistics || stdout_for_people) {
        print_summary(&summary, problems.len(), &mut out)?;
    }
    out.flush()?;

    let threshold = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
    Ok(if !problems.is_empty() {
        exit::ERROR
    } else if results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.diagnostic.severity >= threshold)
    {
        exit::FINDINGS
    } else {
        exit::CLEAN
    })
}

/// `--show-skipped` lists every skipped file. Without it, a file named on the command line
/// says why it was skipped when it is the only input named (the user asked about that file);
/// when several are named (a pre-commit hook or a shell glob passing every YAML file), skipped
/// files are as quiet as walked ones: counted in the summary, and unrendered Helm templates
/// get one note.
fn report_skipped(skipped: &[SkippedFile], show_all: bool, named: usize) {
    let mut templates = 0;
    for file in skipped {
        // Too large to read is never quiet: the file may well be a manifest.
        let always = matches!(file.why, Skipped::TooLarge { .. });
        if show_all || always || (file.explicit && named <= 1) {
            eprintln!("skipped: {}: {}", file.path, file.why.reason());
        } else if file.why == Skipped::HelmTemplate {
            templates += 1;
        }
    }
    if templates > 0 {
        eprintln!(
            "note: {templates} unrendered Helm template{} skipped; lint a chart with `plimsoll check --helm CHART_DIR` (or `helm template CHART_DIR | plimsoll check -`); `--show-skipped` lists them",
            if templates == 1 { " was" } else { "s were" }
        );
    }
}

/// Runs the cross-object rules over the objects of every linted file and adds their
/// findings to the files they point into (reading a file again to render its snippets).
fn cross_object_pass(linted: &mut [Linted], input: &Input) {
    let with_facts: Vec<usize> = (0..linted.len())
        .filter(|&i| linted[i].facts.is_some())
        .collect();
    if with_facts.is_empty() {
        return;
    }
    let inputs: Vec<SetInput> = with_facts
        .iter()
        .map(|&i| SetInput {
            facts: linted[i].facts.as_ref().expect("filtered"),
            settings: &linted[i].config.settings,
            path: &linted[i].result.path,
        })
        .collect();
    let mut found: BTreeMap<usize, Vec<Diagnostic>> = BTreeMap::new();
    for (input, d) in lint_set(&inputs) {
        found.entry(with_facts[input]).or_default().push(d);
    }
    for (i, added) in found {
        input.report_crashes(&linted[i].result.path, &added);
        let entry = &mut linted[i];
        let text = match &entry.origin {
            Origin::Text(text) => text.clone(),
            Origin::File(path) => match std::fs::read(path) {
                Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                Err(e) => {
                    input.problems.push(format!("{}: {e}", entry.result.path));
                    continue;
                }
            },
        };
        let file = SourceFile::new(entry.result.path.clone(), text);
        let mut diagnostics: Vec<Diagnostic> = entry
            .result
            .diagnostics
            .drain(..)
            .map(|l| l.diagnostic)
            .chain(
                added
                    .into_iter()
                    .filter(|d| d.range.end as usize <= file.text.len()),
            )
            .collect();
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        entry.result = input.result(&file, diagnostics);
    }
}

fn patterns_for(cache: &ConfigCache, path: &Path) -> GlobSet {
    cache
        .for_file(path)
        .map(|r| r.dockerfile_patterns.clone())
        .unwrap_or_else(|_| GlobSet::empty())
}

/// Paths as the user would type them: without a leading `./`.
fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy();
    s.strip_prefix("./").unwrap_or(&s).to_string()
}

/// What linting one input needs from the run.
struct Input<'a> {
    cache: &'a ConfigCache,
    human: bool,
    color: bool,
    problems: &'a Problems,
    linted: &'a Mutex<Vec<Linted>>,
    skipped: &'a Mutex<Vec<SkippedFile>>,
    patches: &'a Patches,
    baseline: Option<&'a Baseline>,
    progress: &'a Progress,
}

impl Input<'_> {
    /// A crash inside plimsoll (an `internal-error` finding) makes the run end with exit 2.
    fn report_crashes(&self, path: &str, diagnostics: &[Diagnostic]) {
        for d in diagnostics.iter().filter(|d| d.rule == INTERNAL_ERROR) {
            self.problems
                .push(format!("{path}: internal error: {}", d.message));
        }
    }

    /// Reads `path` within its config's `max-file-size`. `None` when it is not to be linted
    /// (too large, or a FIFO or device a walk came across): then it is recorded as skipped.
    fn read(&self, path: &Path, explicit: bool) -> Option<std::io::Result<Vec<u8>>> {
        let limit = self
            .cache
            .for_file(path)
            .map_or(DEFAULT_MAX_FILE_SIZE, |c| c.max_file_size);
        self.outcome(path, read::read_input(path, limit, explicit), explicit)
    }

    fn outcome(
        &self,
        path: &Path,
        outcome: ReadOutcome,
        explicit: bool,
    ) -> Option<std::io::Result<Vec<u8>>> {
        let why = match outcome {
            ReadOutcome::Bytes(bytes) => return Some(Ok(bytes)),
            ReadOutcome::Failed(e) => return Some(Err(e)),
            ReadOutcome::TooLarge(size, limit) => Skipped::TooLarge {
                size: size.map(read::human_size),
                limit: read::human_size(limit),
            },
            ReadOutcome::NotRegular(what) => Skipped::NotRegular(what),
        };
        self.progress.file_done();
        self.skipped.lock().expect("skipped").push(SkippedFile {
            path: display_path(path),
            why,
            explicit,
        });
        None
    }

    /// The result of `file` with `diagnostics`: located, without the findings the baseline
    /// knows, and rendered for people when human output is wanted.
    fn result(&self, file: &SourceFile, diagnostics: Vec<Diagnostic>) -> FileResult {
        let mut result = FileResult::new(file, diagnostics);
        if let Some(baseline) = self.baseline {
            baseline.filter(&mut result);
        }
        if self.human && !result.diagnostics.is_empty() {
            let diagnostics: Vec<Diagnostic> = result
                .diagnostics
                .iter()
                .map(|l| l.diagnostic.clone())
                .collect();
            result.human = Some(render::human::render_file(file, &diagnostics, self.color));
        }
        result
    }

    /// Reads, decodes and lints one input. `config_path` decides the configuration;
    /// problems go to `problems`, skipped files to `skipped`.
    fn lint(
        &self,
        config_path: &Path,
        origin: Origin,
        display: String,
        kind: FileKind,
        bytes: std::io::Result<Vec<u8>>,
        explicit: bool,
    ) {
        self.progress.file_done();
        let config = match self.cache.for_file(config_path) {
            Ok(config) => config,
            // Reported once per config file after the run.
            Err(_) => return,
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                self.problems.push(format!("{display}: {e}"));
                return;
            }
        };
        if let Some(nul) = bytes.iter().take(8192).position(|&b| b == 0) {
            self.problems.push(format!(
                "{display}: binary file (NUL byte at offset {nul}), not linted"
            ));
            return;
        }
        let (text, invalid_at) = match String::from_utf8(bytes) {
            Ok(text) => (text, None),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
            }
        };
        let patch_of = match (&origin, kind) {
            (Origin::File(path), FileKind::Kubernetes) => {
                self.patches.applied_by(&self.cache.absolute(path))
            }
            _ => None,
        };
        if let Some(kustomization) = patch_of {
            self.skipped.lock().expect("skipped").push(SkippedFile {
                path: display,
                why: Skipped::KustomizePatch { kustomization },
                explicit,
            });
            return;
        }
        let file = SourceFile::new(display, text);
        let mut lint = lint_file(&file, kind, &config.settings);
        if let Some(why) = lint.skipped {
            self.skipped.lock().expect("skipped").push(SkippedFile {
                path: file.path,
                why,
                explicit,
            });
            return;
        }
        if let Some(at) = invalid_at {
            lint.diagnostics
                .extend(encoding_error(&config.settings, at));
            lint.diagnostics
                .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        }
        self.report_crashes(&file.path, &lint.diagnostics);
        let result = self.result(&file, lint.diagnostics);
        let origin = match origin {
            // Only text that cannot be read again, and only when the cross-object pass may
            // need it, is kept.
            Origin::Text(_) if lint.facts.is_some() => Origin::Text(file.text),
            other => other,
        };
        self.linted.lock().expect("linted").push(Linted {
            result,
            facts: lint.facts,
            config,
            origin,
        });
    }
}

/// Human output without its colour codes, for a file.
fn strip_ansi(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b && bytes.get(i + 1) == Some(&b'[') {
            i += 2;
            while i < bytes.len() && !(0x40..=0x7e).contains(&bytes[i]) {
                i += 1;
            }
        } else {
            out.push(bytes[i]);
        }
        i += 1;
    }
    out
}

fn print_statistics(results: &[FileResult], out: &mut dyn Write) -> std::io::Result<()> {
    let mut counts: BTreeMap<&str, (usize, Severity)> = BTreeMap::new();
    for d in results.iter().flat_map(|r| &r.diagnostics) {
        let entry = counts
            .entry(d.diagnostic.rule)
            .or_insert((0, d.diagnostic.severity));
        entry.0 += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
    for (rule, (count, severity)) in rows {
        writeln!(out, "{count:>6}  {rule:<40} {severity}")?;
    }
    Ok(())
}

fn print_summary(summary: &Summary, problems: usize, out: &mut dyn Write) -> std::io::Result<()> {
    let files = match summary.files {
        1 => "1 file".to_string(),
        n => format!("{n} files"),
    };
    let files = if summary.skipped > 0 {
        format!("{files} ({} skipped)", summary.skipped)
    } else {
        files
    };
    if summary.total() == 0 {
        write!(out, "No problems found in {files}")?;
    } else {
        let mut parts = Vec::new();
        for (n, word) in [
            (summary.errors, "error"),
            (summary.warnings, "warning"),
            (summary.infos, "info"),
        ] {
            if n > 0 {
                parts.push(format!(
                    "{n} {word}{}",
                    if n == 1 || word == "info" { "" } else { "s" }
                ));
            }
        }
        write!(
            out,
            "Found {} problem{} ({}) in {} of {files}",
            summary.total(),
            if summary.total() == 1 { "" } else { "s" },
            parts.join(", "),
            summary.files_with_findings,
        )?;
    }
    if problems > 0 {
        write!(
            out,
            "; {problems} file{} could not be linted",
            if problems == 1 { "" } else { "s" }
        )?;
    }
    writeln!(out, ".")
}
