//! `--format github`: one GitHub Actions workflow command per finding
//! (`::error file=...,line=...,col=...,endLine=...,endColumn=...,title=...::message`), which
//! GitHub shows as an annotation on the pull request's diff. Values are escaped as the
//! runner's toolkit does: `%`, CR and LF everywhere, and `:` and `,` in properties.

use super::{FileResult, Render};
use crate::diagnostic::Severity;
use std::io::{self, Write};

pub struct Github;

impl Render for Github {
    fn file(&mut self, result: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        for d in &result.diagnostics {
            let level = match d.diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut message = d.diagnostic.message.clone();
            if let Some(source) = &d.diagnostic.source {
                message.push_str(&format!(" (rendered from {source})"));
            }
            if let Some(help) = &d.diagnostic.help {
                message.push_str(&format!("\nhelp: {help}"));
            }
            writeln!(
                out,
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(&result.path),
                d.start.line,
                d.start.column,
                d.end.line,
                d.end.column,
                property(&format!("plimsoll {}", d.diagnostic.rule)),
                data(&message),
            )?;
        }
        Ok(())
    }
}

/// The message part of a command.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value (`file=`, `title=`).
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::{data, property};

    #[test]
    fn escapes_as_the_toolkit_does() {
        assert_eq!(
            data("100% sure\r\nnext: a, b"),
            "100%25 sure%0D%0Anext: a, b"
        );
        assert_eq!(property("dir,x/a:b%.yaml"), "dir%2Cx/a%3Ab%25.yaml");
    }
}
