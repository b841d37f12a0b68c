//! `--format concise`: one `path:line:col: severity [rule] message` line per finding, with
//! `(rendered from <template>)` after the message for a Helm-rendered object.

use super::{FileResult, Render};
use std::io::{self, Write};

pub struct Concise;

impl Render for Concise {
    fn file(&mut self, result: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        for d in &result.diagnostics {
            write!(
                out,
                "{}:{}:{}: {} [{}] {}",
                result.path,
                d.start.line,
                d.start.column,
                d.diagnostic.severity,
                d.diagnostic.rule,
                // One line per finding, whatever the message holds.
                d.diagnostic
                    .message
                    .replace('\r', "\\r")
                    .replace('\n', "\\n")
            )?;
            match &d.diagnostic.source {
                Some(source) => writeln!(out, " (rendered from {source})")?,
                None => writeln!(out)?,
            }
        }
        Ok(())
    }
}
