//! Rule selectors as users type them: `all`, a category (`security`), a file kind
//! (`dockerfile`, `kubernetes`), a Pod Security Standards level (`pss-baseline`,
//! `pss-restricted`), `cross-object` (the rules that judge the whole input set), a rule id, or
//! a peer alias (`DL3008`, `hadolint:DL3008`).

use crate::engine::{suppress, Category, Check, PssLevel, Rule, Target};
use crate::rules::REGISTRY;

/// What a selector matched.
#[derive(Debug)]
pub enum Selection {
    Rules(Vec<&'static Rule>),
    Unknown(String),
}

/// Every group name a selector may use besides rule ids; kept disjoint from rule ids by a test.
pub fn group_names() -> Vec<&'static str> {
    let mut names = vec![
        "all",
        Target::Dockerfile.as_str(),
        Target::Kubernetes.as_str(),
        "pss-baseline",
        "pss-restricted",
        "cross-object",
    ];
    names.extend(Category::ALL.iter().map(|c| c.as_str()));
    names
}

pub fn resolve(selector: &str) -> Selection {
    let s = selector.trim();
    let rules: Vec<&'static Rule> = if s.eq_ignore_ascii_case("all") {
        REGISTRY.to_vec()
    } else if let Some(category) = Category::ALL.iter().find(|c| c.as_str() == s) {
        REGISTRY
            .iter()
            .copied()
            .filter(|r| r.category == *category)
            .collect()
    } else if let Some(target) = [Target::Dockerfile, Target::Kubernetes]
        .into_iter()
        .find(|t| t.as_str() == s)
    {
        REGISTRY
            .iter()
            .copied()
            .filter(|r| r.target == target)
            .collect()
    } else if s == "cross-object" {
        // The rules that judge the whole input set at once (a Service and its pods).
        REGISTRY
            .iter()
            .copied()
            .filter(|r| matches!(r.check, Check::Set(_)))
            .collect()
    } else if let Some(level) = match s {
        "pss-baseline" => Some(PssLevel::Baseline),
        "pss-restricted" => Some(PssLevel::Restricted),
        _ => None,
    } {
        // Levels are cumulative: restricted is baseline plus its own checks.
        REGISTRY
            .iter()
            .copied()
            .filter(|r| r.pss.is_some_and(|l| l <= level))
            .collect()
    } else if let Some(rule) = REGISTRY.iter().find(|r| r.id == s) {
        vec![*rule]
    } else {
        // A peer alias may stand for several of our rules.
        REGISTRY
            .iter()
            .copied()
            .filter(|r| {
                r.aliases.iter().any(|a| a.eq_ignore_ascii_case(s))
                    || r.alias_codes()
                        .any(|(_, code)| code.eq_ignore_ascii_case(s))
            })
            .collect()
    };
    if rules.is_empty() {
        let candidates = REGISTRY.iter().map(|r| r.id).chain(group_names());
        let message = match suppress::did_you_mean(s, candidates) {
            Some(best) => format!("unknown rule or group `{s}`; did you mean `{best}`?"),
            None => format!("unknown rule or group `{s}`"),
        };
        Selection::Unknown(message)
    } else {
        Selection::Rules(rules)
    }
}
