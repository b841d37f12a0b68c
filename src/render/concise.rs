//! `--format concise`: one `path:line:col: severity [rule] message` line per finding.

use super::FileResult;
use std::io::{self, Write};

pub fn render(results: &[FileResult], out: &mut dyn Write) -> io::Result<()> {
    for result in results {
        for d in &result.diagnostics {
            writeln!(
                out,
                "{}:{}:{}: {} [{}] {}",
                result.path,
                d.start.line,
                d.start.column,
                d.diagnostic.severity,
                d.diagnostic.rule,
                d.diagnostic.message
            )?;
        }
    }
    Ok(())
}
