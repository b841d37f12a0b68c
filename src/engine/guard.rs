//! Panic safety: every rule check (and every parse) runs under `catch_unwind`, so a bug in one
//! rule on one file becomes an `internal-error` finding naming the rule, and the other rules
//! and files still run.

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::TextRange;
use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::OnceLock;

/// Id of the built-in rule that reports a panic inside plimsoll.
pub const INTERNAL_ERROR: &str = "internal-error";

/// What panicked: a rule (by id) or the parser of the file.
#[derive(Clone, Copy, Debug)]
pub enum Culprit {
    Rule(&'static str),
    Parser,
}

/// Runs `body`; on a panic, returns `Err` with the `internal-error` finding for `culprit`.
pub fn guarded<T>(culprit: Culprit, body: impl FnOnce() -> T) -> Result<T, Box<Diagnostic>> {
    catch_unwind(AssertUnwindSafe(|| {
        panic_if_requested(culprit);
        body()
    }))
    .map_err(|payload| Box::new(internal_error(culprit, payload.as_ref())))
}

/// Runs one rule's check, which pushes findings onto `diagnostics`; on a panic, drops what the
/// rule pushed and pushes the `internal-error` finding instead.
pub fn run_rule(
    rule: &'static str,
    diagnostics: &mut Vec<Diagnostic>,
    check: impl FnOnce(&mut Vec<Diagnostic>),
) {
    let before = diagnostics.len();
    if let Err(error) = guarded(Culprit::Rule(rule), || check(&mut *diagnostics)) {
        diagnostics.truncate(before);
        diagnostics.push(*error);
    }
}

fn internal_error(culprit: Culprit, payload: &(dyn Any + Send)) -> Diagnostic {
    let why = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".into());
    let what = match culprit {
        Culprit::Rule(id) => format!("rule `{id}` crashed on this file ({why}); the other rules ran, but `{id}` findings here are missing"),
        Culprit::Parser => format!("plimsoll crashed while parsing this file ({why}), so it was not linted"),
    };
    Diagnostic {
        rule: INTERNAL_ERROR,
        severity: Severity::Error,
        range: TextRange::new(0, 0),
        message: what,
        help: Some(
            "this is a bug in plimsoll: please report it with the file at https://github.com/plimsoll-dev/plimsoll/issues".into(),
        ),
        fix: None,
        source: None,
    }
}

/// `PLIMSOLL_TEST_PANIC=<rule id>` (or `parser`) makes that rule (or the parser) panic, so the
/// tests can check that a crash is contained. Read once per process.
fn panic_if_requested(culprit: Culprit) {
    static REQUESTED: OnceLock<Option<String>> = OnceLock::new();
    let Some(requested) = REQUESTED.get_or_init(|| std::env::var("PLIMSOLL_TEST_PANIC").ok())
    else {
        return;
    };
    let name = match culprit {
        Culprit::Rule(id) => id,
        Culprit::Parser => "parser",
    };
    if requested == name {
        panic!("a panic requested by PLIMSOLL_TEST_PANIC={requested}");
    }
}
