//! Suppression comments: `# plimsoll: ignore[a, b] -- reason`, `# plimsoll: file-ignore[...]`
//! and hadolint's `# hadolint ignore=DL3008` / `# hadolint global ignore=...` pragmas (through
//! rule aliases). Parsing is shared by every file kind; each kind decides what a comment covers.

use super::{Rule, Settings};
use crate::diagnostic::Diagnostic;
use crate::source::TextRange;
pub use crate::suggest::did_you_mean;

/// The scope a suppression comment asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The next instruction (or key, or document).
    Next,
    File,
}

/// One parsed suppression comment.
#[derive(Clone, Debug)]
pub struct Suppression {
    pub scope: Scope,
    /// Resolved rule ids.
    pub rules: Vec<&'static str>,
    /// The comment itself.
    pub range: TextRange,
}

/// Suppressions of one file, with what each covers.
#[derive(Clone, Default, Debug)]
pub struct Suppressions {
    file: Vec<&'static str>,
    scoped: Vec<(TextRange, Vec<&'static str>)>,
}

impl Suppressions {
    pub fn add_file(&mut self, rules: &[&'static str]) {
        self.file.extend_from_slice(rules);
    }

    pub fn add_scoped(&mut self, covers: TextRange, rules: Vec<&'static str>) {
        self.scoped.push((covers, rules));
    }

    pub fn suppresses(&self, d: &Diagnostic) -> bool {
        self.file.contains(&d.rule)
            || self.scoped.iter().any(|(covers, rules)| {
                rules.contains(&d.rule)
                    && covers.start <= d.range.start
                    && d.range.start <= covers.end
            })
    }
}

/// Parses a comment's text (from `#` to the end of the line, at `range`). Problems with the
/// comment (unknown ids, bad syntax) become `invalid-suppression` findings in `problems`.
pub fn parse_comment(
    text: &str,
    range: TextRange,
    settings: &Settings,
    problems: &mut Vec<(TextRange, String)>,
) -> Option<Suppression> {
    let body = text.strip_prefix('#')?.trim_start();
    let offset_of = |s: &str| range.start as usize + (s.as_ptr() as usize - text.as_ptr() as usize);
    if let Some(rest) = strip_prefix_ci(body, "plimsoll:") {
        let rest = rest.trim_start();
        let (scope, list) = if let Some(list) = rest.strip_prefix("ignore") {
            (Scope::Next, list)
        } else if let Some(list) = rest.strip_prefix("file-ignore") {
            (Scope::File, list)
        } else {
            problems.push((
                range,
                "unknown plimsoll comment: write `# plimsoll: ignore[rule-id]` or `# plimsoll: file-ignore[rule-id]`".into(),
            ));
            return None;
        };
        let Some(inner) = list
            .strip_prefix('[')
            .and_then(|l| l.split_once(']'))
            .map(|(i, _)| i)
        else {
            problems.push((
                range,
                "a suppression lists its rules in brackets: `ignore[rule-a, rule-b]`".into(),
            ));
            return None;
        };
        let mut rules = Vec::new();
        for id in inner.split(',') {
            let id = id.trim();
            if id.is_empty() {
                continue;
            }
            let start = offset_of(id);
            let id_range = TextRange::new(start, start + id.len());
            match resolve_id(settings.registry, id) {
                Some(rule) => rules.push(rule.id),
                None => problems.push((id_range, unknown_rule_message(settings.registry, id))),
            }
        }
        if rules.is_empty() && !problems.is_empty() {
            return None;
        }
        return Some(Suppression {
            scope,
            rules,
            range,
        });
    }
    if !settings.hadolint_pragmas {
        return None;
    }
    let rest = strip_prefix_ci(body, "hadolint")?.trim_start();
    let (scope, list) = if let Some(list) = rest.strip_prefix("ignore=") {
        (Scope::Next, list)
    } else if let Some(list) = rest
        .strip_prefix("global")
        .map(str::trim_start)
        .and_then(|r| r.strip_prefix("ignore="))
    {
        (Scope::File, list)
    } else {
        return None;
    };
    // hadolint allows free text after the list, separated by whitespace or a second `#`.
    let list = list
        .split(|c: char| c.is_whitespace() || c == '#')
        .next()
        .unwrap_or("");
    let rules = list
        .split(',')
        .filter_map(|code| {
            let code = code.trim();
            // Codes we have no rule for (ShellCheck's SCxxxx, hadolint rules we do not
            // implement) suppress nothing and are not an error: the pragma was written for
            // hadolint.
            settings
                .registry
                .iter()
                .filter(|r| {
                    r.alias_codes()
                        .any(|(tool, c)| tool == "hadolint" && c.eq_ignore_ascii_case(code))
                })
                .map(|r| r.id)
                .next()
        })
        .collect();
    Some(Suppression {
        scope,
        rules,
        range,
    })
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// A rule by id, or by a peer alias (`DL3008`, `hadolint:DL3008`).
pub fn resolve_id(registry: &'static [&'static Rule], id: &str) -> Option<&'static Rule> {
    registry.iter().copied().find(|r| r.id == id).or_else(|| {
        registry.iter().copied().find(|r| {
            r.aliases.iter().any(|a| a.eq_ignore_ascii_case(id))
                || r.alias_codes()
                    .any(|(_, code)| code.eq_ignore_ascii_case(id))
        })
    })
}

/// "unknown rule `x`; did you mean `y`?"
pub fn unknown_rule_message(registry: &[&Rule], id: &str) -> String {
    match did_you_mean(id, registry.iter().map(|r| r.id)) {
        Some(best) => format!("unknown rule `{id}`; did you mean `{best}`?"),
        None => format!("unknown rule `{id}`"),
    }
}

/// Rules an object annotation suppresses for that object, or `None` when the annotation is
/// not a suppression. `ignore.plimsoll.dev/<rule-id>: "<reason>"` names our rule (an unknown
/// id is an `Err` with a "did you mean"); the peers' forms work through aliases:
/// kube-linter's `ignore-check.kube-linter.io/<check>`, kube-score's `kube-score/ignore:
/// check-a,check-b`, Polaris' `polaris.fairwinds.com/<check>-exempt: "true"` and checkov's
/// `checkov.io/skip<N>: <CHECK_ID>=<reason>`. Peer ids we have no rule for suppress nothing.
pub fn annotation_suppression(
    registry: &'static [&'static Rule],
    key: &str,
    value: &str,
) -> Option<Result<Vec<&'static str>, String>> {
    let by_alias = |tool: &str, code: &str| -> Vec<&'static str> {
        registry
            .iter()
            .filter(|r| {
                r.alias_codes()
                    .any(|(t, c)| t == tool && c.eq_ignore_ascii_case(code.trim()))
            })
            .map(|r| r.id)
            .collect()
    };
    if let Some(id) = key.strip_prefix("ignore.plimsoll.dev/") {
        return Some(match resolve_id(registry, id) {
            Some(rule) => Ok(vec![rule.id]),
            None => Err(unknown_rule_message(registry, id)),
        });
    }
    if let Some(check) = key.strip_prefix("ignore-check.kube-linter.io/") {
        return Some(Ok(by_alias("kube-linter", check)));
    }
    if key == "kube-score/ignore" {
        return Some(Ok(value
            .split(',')
            .flat_map(|check| by_alias("kube-score", check))
            .collect()));
    }
    if let Some(check) = key
        .strip_prefix("polaris.fairwinds.com/")
        .and_then(|k| k.strip_suffix("-exempt"))
    {
        let exempt = value.trim().eq_ignore_ascii_case("true");
        return Some(Ok(if exempt {
            by_alias("polaris", check)
        } else {
            Vec::new()
        }));
    }
    if key
        .strip_prefix("checkov.io/skip")
        .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
    {
        let check = value.split('=').next().unwrap_or("");
        return Some(Ok(by_alias("checkov", check)));
    }
    None
}
