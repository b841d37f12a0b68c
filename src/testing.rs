//! Test support: the fixture harness every rule's `fixtures` test calls.

use crate::config::{default_settings, load_file, Overrides};
use crate::engine::{FileKind, Rule};
use crate::source::SourceFile;
use crate::walk::detect_kind;
use std::path::{Path, PathBuf};

/// The fixture folder of a rule: `testdata/<target>/<id>/`.
pub fn fixture_dir(rule: &Rule) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(rule.target.dir())
        .join(rule.id)
}

/// Settings with only `rule` (and `parse-error`, to catch broken fixtures) enabled, using the
/// `plimsoll.toml` in `dir` when there is one.
pub fn settings_for(rule: &Rule, config: Option<&Path>) -> crate::Settings {
    let overrides = Overrides {
        select: Some(vec![rule.id.to_string(), "parse-error".to_string()]),
        ..Overrides::default()
    };
    match config {
        Some(file) => {
            load_file(file, &overrides)
                .expect("fixture config loads")
                .settings
        }
        None => default_settings(&overrides).expect("default settings"),
    }
}

/// Lints `text` as `name` with `settings` and renders the result as the human format without
/// colour, as a snapshot shows it, followed by every offered fix as a before/after of the lines
/// it touches.
pub fn lint_and_render(
    name: &str,
    text: &str,
    kind: FileKind,
    settings: &crate::Settings,
) -> (usize, String, Vec<&'static str>) {
    let file = SourceFile::new(name, text);
    let diagnostics = crate::lint_source(&file, kind, settings);
    let rules = diagnostics.iter().map(|d| d.rule).collect();
    let mut rendered = crate::render::human::render_file(&file, &diagnostics, false);
    for d in &diagnostics {
        if let Some(fix) = &d.fix {
            rendered.push_str(&render_fix(&file, d, fix));
        }
    }
    (diagnostics.len(), rendered, rules)
}

/// `fix (line N, rule): title` and the touched lines before (`-`) and after (`+`) the fix.
fn render_fix(file: &SourceFile, d: &crate::Diagnostic, fix: &crate::diagnostic::Fix) -> String {
    let text = &file.text;
    let first = fix.edits.iter().map(|e| e.range.start).min().unwrap_or(0) as usize;
    let last = fix.edits.iter().map(|e| e.range.end).max().unwrap_or(0) as usize;
    let from = text[..first].rfind('\n').map_or(0, |i| i + 1);
    let to = text[last..].find('\n').map_or(text.len(), |i| last + i);
    let fixed = fix.apply(text);
    // Everything after the touched lines is unchanged, so it ends where the old tail starts.
    let fixed_to = fixed.len() - (text.len() - to);
    let mut out = format!(
        "fix (line {}, {}): {}\n",
        file.line_column(d.range.start as usize).line,
        d.rule,
        fix.title
    );
    for line in text[from..to].lines() {
        out.push_str(&format!("- {line}\n"));
    }
    for line in fixed[from..fixed_to].lines() {
        out.push_str(&format!("+ {line}\n"));
    }
    out.push('\n');
    out
}

/// Each fix of `rule` in `text` must leave a file that still parses and in which that finding
/// is gone (the rule reports fewer findings).
fn assert_fixes_remove_their_finding(
    display: &str,
    text: &str,
    kind: FileKind,
    rule: &Rule,
    settings: &crate::Settings,
) -> usize {
    let file = SourceFile::new(display, text);
    let diagnostics = crate::lint_source(&file, kind, settings);
    let mut fixes = 0;
    let before = diagnostics.iter().filter(|d| d.rule == rule.id).count();
    for d in &diagnostics {
        let Some(fix) = &d.fix else { continue };
        fixes += 1;
        assert_ne!(
            rule.fix,
            crate::engine::FixKind::None,
            "{display}: `{}` offers a fix but declares `fix: None`",
            rule.id
        );
        let fixed = SourceFile::new(display, fix.apply(text));
        let after = crate::lint_source(&fixed, kind, settings);
        let remaining = after.iter().filter(|a| a.rule == rule.id).count();
        assert!(
            remaining < before && !after.iter().any(|a| a.rule == "parse-error"),
            "{display}: the fix `{}` at {:?} does not remove its finding (or breaks the file):\n{}",
            fix.title,
            d.range,
            fixed.text
        );
    }
    fixes
}

/// Every `pass*` fixture of `rule` stays silent; every `fail*` fixture fires and matches its
/// snapshot `<name>.snap` beside it.
pub fn assert_fixtures(rule: &Rule) {
    let dir = fixture_dir(rule);
    let config = dir.join("plimsoll.toml");
    let settings = settings_for(rule, config.is_file().then_some(config.as_path()));
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("fixture entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            (name.starts_with("pass") || name.starts_with("fail")) && !name.contains(".snap")
        })
        .collect();
    entries.sort();
    let (mut passes, mut fails, mut fixes) = (0, 0, 0);
    for path in entries {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("utf-8 name")
            .to_string();
        let text = std::fs::read_to_string(&path).expect("fixture is UTF-8");
        let kind = detect_kind(&path, &globset::GlobSet::empty())
            .unwrap_or_else(|| panic!("{name}: fixture name does not say its kind"));
        let display = format!("{}/{name}", rule.id);
        let skipped = crate::engine::run::lint_file(
            &SourceFile::new(&display, text.as_str()),
            kind,
            &settings,
        )
        .skipped;
        assert!(
            skipped.is_none(),
            "{display}: fixture is skipped: {skipped:?}"
        );
        let (count, rendered, rules) = lint_and_render(&display, &text, kind, &settings);
        if rule.id != "parse-error" {
            assert!(
                !rules.contains(&"parse-error"),
                "{display}: fixture does not parse:\n{rendered}"
            );
        }
        assert_message_convention(&display, &text, kind, &settings);
        fixes += assert_fixes_remove_their_finding(&display, &text, kind, rule, &settings);
        if name.starts_with("pass") {
            passes += 1;
            assert_eq!(
                count, 0,
                "{display} must stay silent but reported:\n{rendered}"
            );
        } else {
            fails += 1;
            assert!(count > 0, "{display} must fire but reported nothing");
            let snapshot = name
                .rsplit_once('.')
                .map_or(name.as_str(), |(stem, _)| stem)
                .to_string();
            insta::with_settings!({
                snapshot_path => dir.clone(),
                prepend_module_to_snapshot => false,
                omit_expression => true,
            }, {
                insta::assert_snapshot!(snapshot, rendered);
            });
        }
    }
    assert!(
        rule.fix == crate::engine::FixKind::None || fixes > 0,
        "{}: declares a fix, so a fail* fixture must show one",
        rule.id
    );
    assert!(
        passes > 0 && fails > 0,
        "{}: needs at least one pass* and one fail* fixture",
        dir.display()
    );
}

/// Messages start lower-case (or with a quoted name) and have no trailing period; help lines
/// too (clippy's `lint_message_convention`).
fn assert_message_convention(
    display: &str,
    text: &str,
    kind: FileKind,
    settings: &crate::Settings,
) {
    let file = SourceFile::new(display, text);
    for d in crate::lint_source(&file, kind, settings) {
        for line in std::iter::once(&d.message).chain(d.help.as_ref()) {
            // Instruction names and acronyms (`ENV`, `TLS`) may lead; a capitalised word may not.
            let mut chars = line.chars();
            let (first, second) = (chars.next().unwrap_or('x'), chars.next().unwrap_or(' '));
            assert!(
                (!first.is_uppercase() || second.is_uppercase()) && !line.ends_with('.'),
                "{display}: `{line}` must start lower-case and have no trailing period"
            );
        }
    }
}

/// The findings of `rule` alone on `text` (a Kubernetes YAML stream) for Kubernetes
/// `version`: for unit tests of version-dependent behaviour, which one fixture config per
/// folder cannot show.
pub fn kubernetes_findings(rule: &Rule, text: &str, version: &str) -> Vec<crate::Diagnostic> {
    let overrides = Overrides {
        select: Some(vec![rule.id.to_string()]),
        kubernetes_version: Some(version.to_string()),
        ..Overrides::default()
    };
    let settings = default_settings(&overrides).expect("default settings");
    let file = SourceFile::new("test.yaml", text);
    crate::lint_source(&file, FileKind::Kubernetes, &settings)
        .into_iter()
        .filter(|d| d.rule == rule.id)
        .collect()
}
