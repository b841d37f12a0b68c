//! `plimsoll check`: resolve inputs, lint them in parallel, sort, render, and choose the exit
//! code. One unreadable file or broken config never stops the other files.

use super::args::{CheckArgs, ColorChoice, FailOn, OutputFormat};
use super::exit;
use crate::config::{ConfigCache, ConfigSource, Overrides};
use crate::diagnostic::Severity;
use crate::engine::{run::encoding_error, FileKind};
use crate::render::{self, FileResult, Summary};
use crate::source::SourceFile;
use crate::walk;
use globset::GlobSet;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Read, Write};
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
    let human = args.format == OutputFormat::Human && !args.statistics;
    let results = Mutex::new(Vec::new());
    let problems = Problems::default();
    let lint_one =
        |path: &Path, display: String, kind: FileKind, bytes: std::io::Result<Vec<u8>>| {
            if let Some(result) =
                lint_file(path, display, kind, bytes, &cache, human, color, &problems)
            {
                results.lock().expect("results").push(result);
            }
        };

    let mut explicit = Vec::new();
    let mut dirs = Vec::new();
    for path in &args.paths {
        if path.as_os_str() == "-" {
            let name = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| PathBuf::from("-"));
            let mut bytes = Vec::new();
            let read = std::io::stdin().read_to_end(&mut bytes).map(|_| bytes);
            let kind = walk::explicit_kind(&name, &patterns_for(&cache, &name));
            lint_one(&name, name.display().to_string(), kind, read);
        } else if path.is_dir() {
            dirs.push(path.clone());
        } else if path.exists() {
            explicit.push(path.clone());
        } else {
            problems.push(format!("{}: no such file or directory", path.display()));
        }
    }
    pool.install(|| {
        explicit.par_iter().for_each(|path| {
            let kind = walk::explicit_kind(path, &patterns_for(&cache, path));
            lint_one(path, display_path(path), kind, std::fs::read(path));
        });
    });
    for dir in &dirs {
        walk::walk_dir(
            dir,
            threads,
            cache.clone(),
            &|path, kind| {
                let bytes = std::fs::read(&path);
                lint_one(&path, display_path(&path), kind, bytes);
            },
            &|e| problems.push(e.0),
        );
    }

    let mut results = results.into_inner().expect("results");
    results.sort_by(|a, b| a.path.cmp(&b.path));
    results.dedup_by(|a, b| a.path == b.path);

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

    let mut summary = Summary::default();
    for r in &results {
        summary.add(r);
    }
    let mut out = std::io::stdout().lock();
    if args.statistics {
        print_statistics(&results, &mut out)?;
    } else {
        match args.format {
            OutputFormat::Human => {
                for r in &results {
                    out.write_all(r.human.as_deref().unwrap_or("").as_bytes())?;
                }
            }
            OutputFormat::Concise => render::concise::render(&results, &mut out)?,
            OutputFormat::Json => render::json::render(&results, summary, &mut out)?,
        }
    }
    let mut problems = problems.0.into_inner().expect("problems");
    problems.sort();
    problems.dedup();
    for problem in &problems {
        eprintln!("error: {problem}");
    }
    if !args.quiet && args.format != OutputFormat::Json {
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

/// Reads, decodes and lints one file. `None` when the file could not be linted (the reason is
/// in `problems`).
#[allow(clippy::too_many_arguments)]
fn lint_file(
    path: &Path,
    display: String,
    kind: FileKind,
    bytes: std::io::Result<Vec<u8>>,
    cache: &ConfigCache,
    human: bool,
    color: bool,
    problems: &Problems,
) -> Option<FileResult> {
    let config = match cache.for_file(path) {
        Ok(config) => config,
        // Reported once per config file after the run.
        Err(_) => return None,
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            problems.push(format!("{display}: {e}"));
            return None;
        }
    };
    if let Some(nul) = bytes.iter().take(8192).position(|&b| b == 0) {
        problems.push(format!(
            "{display}: binary file (NUL byte at offset {nul}), not linted"
        ));
        return None;
    }
    let (text, invalid_at) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
        }
    };
    let file = SourceFile::new(display, text);
    let mut diagnostics = crate::lint_source(&file, kind, &config.settings);
    if let Some(at) = invalid_at {
        diagnostics.extend(encoding_error(&config.settings, at));
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }
    let mut result = FileResult::new(&file, diagnostics.clone());
    if human && !diagnostics.is_empty() {
        result.human = Some(render::human::render_file(&file, &diagnostics, color));
    }
    Some(result)
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
