//! `plimsoll check`: resolve inputs into groups (one directory's files, a rendered chart,
//! standard input), lint each group as one parallel job with the cross-object rules over its
//! objects, stream the results in input order to every output, and choose the exit code.
//! One unreadable file or broken config never stops the other files.

use super::args::{CheckArgs, ColorChoice, FailOn, OutputFormat};
use super::baseline::{Baseline, BaselineWriter};
use super::exit;
use super::helm;
use super::kustomize::Patches;
use super::ordered::Ordered;
use super::outputs::{Destination, Outputs};
use super::progress::{self, Progress};
use super::read::{self, ReadOutcome};
use crate::config::{ConfigCache, ConfigSource, Overrides, Resolved, DEFAULT_MAX_FILE_SIZE};
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::guard::INTERNAL_ERROR;
use crate::engine::run::{encoding_error, lint_file, lint_set, FileFacts, SetInput, Skipped};
use crate::engine::FileKind;
use crate::render::{self, FileResult, Render, Summary};
use crate::source::SourceFile;
use crate::walk;
use globset::GlobSet;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::io::{IsTerminal, Write};
use std::ops::ControlFlow;
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

/// One input to lint.
struct Item {
    display: String,
    content: Content,
    /// Named on the command line (a file, standard input, a chart) rather than walked.
    explicit: bool,
}

/// Where an input's text comes from.
enum Content {
    /// A file, of the kind its name says (walked), or `None`: told by name and content
    /// once read (named on the command line).
    File {
        path: PathBuf,
        kind: Option<FileKind>,
    },
    /// Text at hand (standard input, `helm template` output); `config_path` decides its
    /// configuration.
    Read {
        config_path: PathBuf,
        read: ReadOutcome,
        kind: FileKind,
    },
}

/// What a job lints at once, and the scope of the cross-object rules: the files of one
/// directory (walked, or named on the command line), a rendered chart, or standard input.
type Group = Vec<Item>;

/// Groups are handed to the pool in batches of at least this many files: one job per small
/// folder (most hold one Dockerfile) would spend more time waking threads than linting.
const BATCH_FILES: usize = 32;

/// Consecutive groups collected into one job.
#[derive(Default)]
struct Batches {
    groups: Vec<Group>,
    files: usize,
}

impl Batches {
    /// Adds `group`; returns the batch once it holds `BATCH_FILES` files.
    fn add(&mut self, group: Group) -> Option<Vec<Group>> {
        if group.is_empty() {
            return None;
        }
        self.files += group.len();
        self.groups.push(group);
        (self.files >= BATCH_FILES).then(|| self.take())
    }

    fn take(&mut self) -> Vec<Group> {
        self.files = 0;
        std::mem::take(&mut self.groups)
    }
}

/// A linted group, in input order.
struct GroupOutput {
    results: Vec<FileResult>,
    skipped: Vec<SkippedFile>,
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

/// What became of one input.
enum Outcome {
    Linted(Linted),
    Skipped(SkippedFile),
    /// Not linted; the reason went to the problems (or, for a config error, is reported
    /// once per config file).
    Failed,
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
    let problems = Problems::default();
    let patches = Patches::default();
    // No spinner while standard input may be a terminal someone types into.
    let reads_stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    let progress = Progress::start(!reads_stdin && progress::wanted(args.quiet));
    let input = Input {
        cache: &cache,
        human,
        color,
        problems: &problems,
        patches: &patches,
        baseline: baseline.as_ref(),
        progress: &progress,
    };

    // The inputs in output order: the rendered chart, standard input, the files named on
    // the command line by folder, then the walked folders.
    let mut paths = args.paths.clone();
    if paths.is_empty() && args.helm.is_none() {
        paths.push(PathBuf::from("."));
    }
    let mut groups: Vec<Group> = Vec::new();
    if let Some(chart) = &args.helm {
        match helm::render(chart, &args) {
            Ok(rendered) => groups.push(vec![Item {
                display: display_path(chart),
                content: Content::Read {
                    // The chart directory's config governs its rendered output.
                    config_path: chart.join("Chart.yaml"),
                    read: ReadOutcome::Bytes(rendered),
                    kind: FileKind::Kubernetes,
                },
                explicit: true,
            }]),
            Err(message) => problems.push(message),
        }
    }
    let mut named_files = Vec::new();
    let mut roots = Vec::new();
    for path in &paths {
        if path.as_os_str() == "-" {
            let name = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| PathBuf::from("-"));
            let read = read::read_stdin(max_file_size_for(&cache, &name));
            let kind = walk::explicit_kind(&name, &patterns_for(&cache, &name), read.bytes());
            groups.push(vec![Item {
                display: name.display().to_string(),
                content: Content::Read {
                    config_path: name,
                    read,
                    kind,
                },
                explicit: true,
            }]);
        } else {
            // `metadata` follows symlinks: a dangling link or a symlink loop is reported with
            // the system's reason.
            match std::fs::metadata(path) {
                Ok(m) if m.is_dir() => roots.push((cache.absolute(path), path.clone())),
                Ok(_) => named_files.push((cache.absolute(path), path.clone())),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    problems.push(format!("{}: no such file or directory", path.display()))
                }
                Err(e) => problems.push(format!("{}: {e}", path.display())),
            }
        }
    }
    // Files named on the command line: one group per folder, folders in path order, files
    // by name; a file named twice is linted once.
    named_files.sort_by(|a, b| a.0.cmp(&b.0));
    named_files.dedup_by(|a, b| a.0 == b.0);
    let named: HashSet<PathBuf> = named_files.iter().map(|(abs, _)| abs.clone()).collect();
    for same_folder in named_files.chunk_by(|a, b| a.0.parent() == b.0.parent()) {
        groups.push(
            same_folder
                .iter()
                .map(|(_, path)| Item {
                    display: display_path(path),
                    content: Content::File {
                        path: path.clone(),
                        kind: None,
                    },
                    explicit: true,
                })
                .collect(),
        );
    }
    // Walked folders in path order; one inside another is walked with it.
    roots.sort_by(|a, b| a.0.cmp(&b.0));
    let mut walked: Vec<&(PathBuf, PathBuf)> = Vec::new();
    for root in &roots {
        if !walked.iter().any(|outer| root.0.starts_with(&outer.0)) {
            walked.push(root);
        }
    }
    // Inputs named one by one: files, standard input and the rendered chart.
    let named_inputs = named_files.len()
        + args.paths.iter().filter(|p| p.as_os_str() == "-").count()
        + usize::from(args.helm.is_some());

    // Output someone watches appears group by group, and the spinner makes way for it.
    let watched = args.output_file.is_none() && std::io::stdout().is_terminal();
    let mut outputs = Vec::new();
    if !args.statistics {
        let main = match &args.output_file {
            Some(path) => Destination::File {
                path: path.clone(),
                what: "report",
            },
            None if watched => {
                Destination::Stdout(Box::new(progress.stopping_before(std::io::stdout())))
            }
            None => Destination::Stdout(Box::new(std::io::stdout())),
        };
        outputs.push((render::renderer(format.render_format(), false), main));
        for report in &args.report {
            let strip_colour = report.format == OutputFormat::Human && color;
            outputs.push((
                render::renderer(report.format.render_format(), strip_colour),
                Destination::File {
                    path: report.file.clone(),
                    what: "report",
                },
            ));
        }
    }
    if let Some(path) = &args.write_baseline {
        let writer: Box<dyn Render> = Box::<BaselineWriter>::default();
        outputs.push((
            writer,
            Destination::File {
                path: path.clone(),
                what: "baseline",
            },
        ));
    }
    let mut outputs = Outputs::start(outputs)?;
    let mut tally = Tally::new(args.show_skipped, named_inputs);
    let mut emit = |batch: Vec<GroupOutput>| -> std::io::Result<()> {
        for group in batch {
            for file in group.skipped {
                tally.skipped(file);
            }
            for result in &group.results {
                tally.add(result);
                outputs.file(result)?;
            }
        }
        if watched {
            outputs.flush_stdout()?;
        }
        Ok(())
    };
    let window = 4 * pool.current_num_threads();
    pool.in_place_scope(|scope| -> std::io::Result<()> {
        let mut jobs = Ordered::new(scope, window);
        let input = &input;
        let mut batches = Batches::default();
        for group in groups {
            if let Some(batch) = batches.add(group) {
                jobs.push(move || input.lint_batch(batch), &mut emit)?;
            }
        }
        for (_, root) in walked {
            let mut result = Ok(());
            walk::walk_dir(
                root,
                cache.clone(),
                &mut |files| {
                    let group: Group = files
                        .into_iter()
                        .filter(|(path, _)| {
                            named.is_empty() || !named.contains(&cache.absolute(path))
                        })
                        .map(|(path, kind)| Item {
                            display: display_path(&path),
                            content: Content::File {
                                path,
                                kind: Some(kind),
                            },
                            explicit: false,
                        })
                        .collect();
                    if let Some(batch) = batches.add(group) {
                        result = jobs.push(move || input.lint_batch(batch), &mut emit);
                    }
                    // Standard output failed: stop walking.
                    if result.is_ok() {
                        ControlFlow::Continue(())
                    } else {
                        ControlFlow::Break(())
                    }
                },
                &mut |e| problems.push(e.0),
            );
            result?;
        }
        let last = batches.take();
        if !last.is_empty() {
            jobs.push(move || input.lint_batch(last), &mut emit)?;
        }
        jobs.finish(&mut emit)
    })?;
    // Gone from the terminal before anything else is printed.
    progress.finish();

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
    tally.report_skipped();
    let summary = tally.summary;
    for problem in outputs.finish(&summary)? {
        problems.push(problem);
    }
    let mut out = std::io::stdout().lock();
    if args.statistics {
        tally.print_statistics(&mut out)?;
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

    let at_or_above = match args.fail_on {
        FailOn::Error => summary.errors,
        FailOn::Warning => summary.errors + summary.warnings,
        FailOn::Info => summary.total(),
    };
    Ok(if !problems.is_empty() {
        exit::ERROR
    } else if at_or_above > 0 {
        exit::FINDINGS
    } else {
        exit::CLEAN
    })
}

/// What the run adds up as results are written: the summary, the per-rule counts of
/// `--statistics`, and the skipped files to mention.
struct Tally {
    summary: Summary,
    /// Findings and severity per rule.
    rules: BTreeMap<&'static str, (usize, Severity)>,
    /// `--show-skipped`.
    show_all_skipped: bool,
    /// Inputs named one by one on the command line.
    named_inputs: usize,
    shown_skipped: Vec<SkippedFile>,
    unrendered_templates: usize,
}

impl Tally {
    fn new(show_all_skipped: bool, named_inputs: usize) -> Self {
        Self {
            summary: Summary::default(),
            rules: BTreeMap::new(),
            show_all_skipped,
            named_inputs,
            shown_skipped: Vec::new(),
            unrendered_templates: 0,
        }
    }

    fn add(&mut self, result: &FileResult) {
        self.summary.add(result);
        for d in &result.diagnostics {
            self.rules
                .entry(d.diagnostic.rule)
                .or_insert((0, d.diagnostic.severity))
                .0 += 1;
        }
    }

    /// `--show-skipped` lists every skipped file. Without it, a file named on the command
    /// line says why it was skipped when it is the only input named (the user asked about
    /// that file); when several are named (a pre-commit hook or a shell glob passing every
    /// YAML file), skipped files are as quiet as walked ones: counted in the summary, and
    /// unrendered Helm templates get one note.
    fn skipped(&mut self, file: SkippedFile) {
        self.summary.skipped += 1;
        // Too large to read is never quiet: the file may well be a manifest.
        let always = matches!(file.why, Skipped::TooLarge { .. });
        if self.show_all_skipped || always || (file.explicit && self.named_inputs <= 1) {
            self.shown_skipped.push(file);
        } else if file.why == Skipped::HelmTemplate {
            self.unrendered_templates += 1;
        }
    }

    fn report_skipped(&self) {
        for file in &self.shown_skipped {
            eprintln!("skipped: {}: {}", file.path, file.why.reason());
        }
        let templates = self.unrendered_templates;
        if templates > 0 {
            eprintln!(
                "note: {templates} unrendered Helm template{} skipped; lint a chart with `plimsoll check --helm CHART_DIR` (or `helm template CHART_DIR | plimsoll check -`); `--show-skipped` lists them",
                if templates == 1 { " was" } else { "s were" }
            );
        }
    }

    fn print_statistics(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let mut rows: Vec<_> = self.rules.iter().collect();
        rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        for (rule, (count, severity)) in rows {
            writeln!(out, "{count:>6}  {rule:<40} {severity}")?;
        }
        Ok(())
    }
}

/// Runs the cross-object rules over the objects of a group's linted files and adds their
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

/// The `max-file-size` that governs `path` (the default when its config is broken: that
/// error is reported once, on its own).
fn max_file_size_for(cache: &ConfigCache, path: &Path) -> u64 {
    cache
        .for_file(path)
        .map_or(DEFAULT_MAX_FILE_SIZE, |c| c.max_file_size)
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
    patches: &'a Patches,
    baseline: Option<&'a Baseline>,
    progress: &'a Progress,
}

impl Input<'_> {
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

    /// A crash inside plimsoll (an `internal-error` finding) makes the run end with exit 2.
    fn report_crashes(&self, path: &str, diagnostics: &[Diagnostic]) {
        for d in diagnostics.iter().filter(|d| d.rule == INTERNAL_ERROR) {
            self.problems
                .push(format!("{path}: internal error: {}", d.message));
        }
    }

    /// Lints a batch of groups in parallel; results keep the batch's order.
    fn lint_batch(&self, batch: Vec<Group>) -> Vec<GroupOutput> {
        batch
            .into_par_iter()
            .map(|group| self.lint_group(group))
            .collect()
    }

    /// Lints a group: its files in parallel, then the cross-object rules over their
    /// objects. Results keep the group's order.
    fn lint_group(&self, group: Group) -> GroupOutput {
        let outcomes: Vec<Outcome> = group.into_par_iter().map(|item| self.lint(item)).collect();
        let mut linted = Vec::new();
        let mut skipped = Vec::new();
        for outcome in outcomes {
            match outcome {
                Outcome::Linted(file) => linted.push(file),
                Outcome::Skipped(file) => skipped.push(file),
                Outcome::Failed => {}
            }
        }
        cross_object_pass(&mut linted, self);
        GroupOutput {
            results: linted.into_iter().map(|l| l.result).collect(),
            skipped,
        }
    }

    /// Reads, decodes and lints one input; problems go to `problems`.
    fn lint(&self, item: Item) -> Outcome {
        let Item {
            display,
            content,
            explicit,
        } = item;
        let (config_path, origin, kind, read) = match content {
            Content::File { path, kind } => {
                let limit = max_file_size_for(self.cache, &path);
                let read = read::read_input(&path, limit, explicit);
                let kind = kind.unwrap_or_else(|| {
                    walk::explicit_kind(&path, &patterns_for(self.cache, &path), read.bytes())
                });
                (path.clone(), Origin::File(path), kind, read)
            }
            Content::Read {
                config_path,
                read,
                kind,
            } => (config_path, Origin::Text(String::new()), kind, read),
        };
        self.progress.file_done();
        let bytes = match read {
            ReadOutcome::Bytes(bytes) => Ok(bytes),
            ReadOutcome::Failed(e) => Err(e),
            ReadOutcome::TooLarge(size, limit) => {
                return Outcome::Skipped(SkippedFile {
                    path: display,
                    why: Skipped::TooLarge {
                        size: size.map(read::human_size),
                        limit: read::human_size(limit),
                    },
                    explicit,
                })
            }
            ReadOutcome::NotRegular(what) => {
                return Outcome::Skipped(SkippedFile {
                    path: display,
                    why: Skipped::NotRegular(what),
                    explicit,
                })
            }
        };
        let config = match self.cache.for_file(&config_path) {
            Ok(config) => config,
            // Reported once per config file after the run.
            Err(_) => return Outcome::Failed,
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                self.problems.push(format!("{display}: {e}"));
                return Outcome::Failed;
            }
        };
        if let Some(nul) = bytes.iter().take(8192).position(|&b| b == 0) {
            self.problems.push(format!(
                "{display}: binary file (NUL byte at offset {nul}), not linted"
            ));
            return Outcome::Failed;
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
            return Outcome::Skipped(SkippedFile {
                path: display,
                why: Skipped::KustomizePatch { kustomization },
                explicit,
            });
        }
        let file = SourceFile::new(display, text);
        let mut lint = lint_file(&file, kind, &config.settings);
        if let Some(why) = lint.skipped {
            return Outcome::Skipped(SkippedFile {
                path: file.path,
                why,
                explicit,
            });
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
        Outcome::Linted(Linted {
            result,
            facts: lint.facts,
            config,
            origin,
        })
    }
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
