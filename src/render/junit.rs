//! `--format junit`: JUnit XML, for CI systems that show test reports (GitLab
//! `artifacts:reports:junit`, Jenkins, Azure DevOps, GitHub test-report actions):
//!
//! ```xml
//! <?xml version="1.0" encoding="UTF-8"?>
//! <testsuites name="plimsoll" tests="2" failures="1" errors="0">
//!   <testsuite name="plimsoll" tests="2" failures="1" errors="0" skipped="0">
//!     <properties>...</properties>
//!     <testcase classname="app/Dockerfile" name="app/Dockerfile" file="app/Dockerfile">
//!       <failure message="..." type="base-image-latest">app/Dockerfile:1:6: warning [...] ...</failure>
//!     </testcase>
//!     <testcase classname="k8s/web.yaml" name="k8s/web.yaml" file="k8s/web.yaml"/>
//!   </testsuite>
//! </testsuites>
//! ```
//!
//! Every linted file is a test case, so files without findings are passing tests; each
//! finding is a `<failure>` of its file's test case (`type` is the rule, `message` the
//! finding, the text its location, help and rule page). `tests` counts the files linted and
//! `failures` the files with findings, as JUnit counts test cases; the finding totals and
//! the number of files read but not linted are `<properties>`. Some readers (Jenkins, Azure
//! DevOps) show only the first failure of a test case; the concise line of every finding is
//! in its failure's text.
//!
//! The opening tags carry the counts, known only at the end: test cases are kept aside in an
//! anonymous temporary file as they come and copied after the opening at the end.

use super::checkstyle::{attribute, text};
use super::{FileResult, Render, Summary};
use std::fs::File;
use std::io::{self, BufWriter, Seek, SeekFrom, Write};

/// The test cases written so far, and their counts.
#[derive(Default)]
pub struct Junit {
    cases: Option<BufWriter<File>>,
    tests: usize,
    failures: usize,
}

impl Render for Junit {
    fn start(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        self.cases = Some(BufWriter::new(tempfile::tempfile()?));
        Ok(())
    }

    fn file(&mut self, result: &FileResult, _out: &mut dyn Write) -> io::Result<()> {
        let out = self.cases.as_mut().expect("started");
        self.tests += 1;
        let path = attribute(&result.path);
        let case = format!(r#"<testcase classname="{path}" name="{path}" file="{path}""#);
        if result.diagnostics.is_empty() {
            return writeln!(out, "    {case}/>");
        }
        self.failures += 1;
        writeln!(out, "    {case}>")?;
        for d in &result.diagnostics {
            let diagnostic = &d.diagnostic;
            let mut message = diagnostic.message.clone();
            if let Some(source) = &diagnostic.source {
                message.push_str(&format!(" (rendered from {source})"));
            }
            let mut body = format!(
                "{}:{}:{}: {} [{}] {message}",
                result.path, d.start.line, d.start.column, diagnostic.severity, diagnostic.rule
            );
            if let Some(help) = &diagnostic.help {
                body.push_str(&format!("\nhelp: {help}"));
            }
            if let Some(rule) = crate::rules::REGISTRY
                .iter()
                .find(|r| r.id == diagnostic.rule)
            {
                body.push_str(&format!("\n{}", rule.url()));
            }
            writeln!(
                out,
                r#"      <failure message="{}" type="{}">{}</failure>"#,
                attribute(&message),
                attribute(diagnostic.rule),
                text(&body),
            )?;
        }
        writeln!(out, "    </testcase>")
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        let counts = format!(
            r#"tests="{}" failures="{}" errors="0""#,
            self.tests, self.failures
        );
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(out, r#"<testsuites name="plimsoll" {counts}>"#)?;
        writeln!(out, r#"  <testsuite name="plimsoll" {counts} skipped="0">"#)?;
        writeln!(out, "    <properties>")?;
        for (name, value) in [
            ("plimsoll.version", env!("CARGO_PKG_VERSION").to_string()),
            ("plimsoll.errors", summary.errors.to_string()),
            ("plimsoll.warnings", summary.warnings.to_string()),
            ("plimsoll.infos", summary.infos.to_string()),
            ("plimsoll.skipped-files", summary.skipped.to_string()),
        ] {
            writeln!(out, r#"      <property name="{name}" value="{value}"/>"#)?;
        }
        writeln!(out, "    </properties>")?;
        let mut cases = self
            .cases
            .take()
            .expect("started")
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        cases.seek(SeekFrom::Start(0))?;
        io::copy(&mut cases, out)?;
        writeln!(out, "  </testsuite>")?;
        writeln!(out, "</testsuites>")
    }
}
