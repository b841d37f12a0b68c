//! `plimsoll rules` (the catalog as a table, JSON or Markdown) and `plimsoll rule ID` (a page).

use super::args::{RulesArgs, RulesFormat};
use super::exit;
use crate::config::selector::{resolve, Selection};
use crate::engine::{FixKind, Rule};
use crate::rules::REGISTRY;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct RuleRow {
    id: &'static str,
    title: &'static str,
    severity: &'static str,
    category: &'static str,
    kind: &'static str,
    fixable: bool,
    enabled_by_default: bool,
    aliases: &'static [&'static str],
    url: String,
}

fn row(rule: &Rule) -> RuleRow {
    RuleRow {
        id: rule.id,
        title: rule.title,
        severity: rule.severity.as_str(),
        category: rule.category.as_str(),
        kind: rule.target.as_str(),
        fixable: rule.fix != FixKind::None,
        enabled_by_default: rule.enabled_by_default,
        aliases: rule.aliases,
        url: rule.url(),
    }
}

pub fn list(args: RulesArgs) -> anyhow::Result<u8> {
    let mut out = std::io::stdout().lock();
    match args.format {
        RulesFormat::Json => {
            let rows: Vec<RuleRow> = REGISTRY.iter().map(|r| row(r)).collect();
            serde_json::to_writer_pretty(&mut out, &rows)?;
            writeln!(out)?;
        }
        RulesFormat::Markdown => out.write_all(markdown_table().as_bytes())?,
        RulesFormat::Table => {
            let id_width = REGISTRY.iter().map(|r| r.id.len()).max().unwrap_or(2);
            writeln!(
                out,
                "{:id_width$}  {:8}  {:15}  {:10}  {:7}  TITLE",
                "ID", "SEVERITY", "CATEGORY", "KIND", "FIXABLE"
            )?;
            for rule in REGISTRY {
                let off = if rule.enabled_by_default {
                    ""
                } else {
                    " (off by default)"
                };
                writeln!(
                    out,
                    "{:id_width$}  {:8}  {:15}  {:10}  {:7}  {}{off}",
                    rule.id,
                    rule.severity.as_str(),
                    rule.category.as_str(),
                    rule.target.as_str(),
                    if rule.fix == FixKind::None { "" } else { "yes" },
                    rule.title,
                )?;
            }
        }
    }
    Ok(exit::CLEAN)
}

/// The rule table embedded in the README between `<!-- rules:start -->` and `<!-- rules:end -->`.
pub fn markdown_table() -> String {
    let mut out = String::from(
        "| id | title | severity | category | kind | fix | aliases |\n|---|---|---|---|---|---|---|\n",
    );
    for rule in REGISTRY {
        let dir = rule.target.dir();
        let off = if rule.enabled_by_default {
            ""
        } else {
            " (off by default)"
        };
        out.push_str(&format!(
            "| [`{id}`](rules/{dir}/{id}.md) | {title}{off} | {sev} | {cat} | {kind} | {fix} | {aliases} |\n",
            id = rule.id,
            title = rule.title.replace('|', "\\|"),
            sev = rule.severity.as_str(),
            cat = rule.category.as_str(),
            kind = rule.target.as_str(),
            fix = if rule.fix == FixKind::None { "" } else { "yes" },
            aliases = rule.aliases.join(", "),
        ));
    }
    out
}

/// The page of a rule with a generated header of its metadata.
pub fn page(rule: &Rule) -> String {
    let mut out = String::new();
    let mut lines = rule.page.lines();
    let title_line = lines.next().unwrap_or("");
    out.push_str(title_line);
    out.push_str("\n\n");
    out.push_str(&format!(
        "> {title}\n>\n> severity: **{sev}** · category: **{cat}** · kind: **{kind}** · fix: **{fix}** · {on}\n",
        title = rule.title,
        sev = rule.severity.as_str(),
        cat = rule.category.as_str(),
        kind = rule.target.as_str(),
        fix = match rule.fix {
            FixKind::None => "none",
            FixKind::Safe => "safe",
            FixKind::Unsafe => "unsafe",
        },
        on = if rule.enabled_by_default { "on by default" } else { "off by default" },
    ));
    if !rule.aliases.is_empty() {
        out.push_str(&format!("> aliases: {}\n", rule.aliases.join(", ")));
    }
    for line in lines {
        out.push_str(line);
        out.push('\n');
    }
    out
}

pub fn show(id: &str) -> anyhow::Result<u8> {
    match resolve(id) {
        Selection::Rules(rules) if rules.len() == 1 || rules.iter().any(|r| r.id == id) => {
            let rule = rules.iter().find(|r| r.id == id).unwrap_or(&rules[0]);
            print!("{}", page(rule));
            Ok(exit::CLEAN)
        }
        Selection::Rules(rules) => {
            eprintln!("`{id}` stands for several rules:");
            for r in rules {
                eprintln!("  {}  {}", r.id, r.title);
            }
            Ok(exit::ERROR)
        }
        Selection::Unknown(message) => {
            eprintln!("error: {message}");
            Ok(exit::ERROR)
        }
    }
}
