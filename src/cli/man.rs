//! `plimsoll man`: one manual page (roff) generated from the clap definitions. Every
//! subcommand is a subsection of COMMANDS with its synopsis and options, so `man plimsoll`
//! documents `plimsoll check`'s flags; there are no `plimsoll-check(1)` pages to look for.

use super::args::Cli;
use super::exit;
use clap::CommandFactory;
use clap_mangen::Man;
use std::io::Write;

pub fn run() -> anyhow::Result<u8> {
    let page = render()?;
    std::io::stdout().lock().write_all(page.as_bytes())?;
    Ok(exit::CLEAN)
}

/// The whole page.
pub fn render() -> std::io::Result<String> {
    let cmd = Cli::command().long_about(DESCRIPTION);
    // Without `--help` and `--version`: OPTIONS documents them once, for every command.
    let subcommands: Vec<clap::Command> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| {
            s.clone()
                .bin_name(format!("plimsoll {}", s.get_name()))
                .disable_help_flag(true)
                .disable_version_flag(true)
        })
        .collect();
    let man = Man::new(cmd);
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    for sub in &subcommands {
        writeln!(page, ".br")?;
        page.extend(without_headings(&section(sub, Man::render_synopsis_section)?).as_bytes());
    }
    man.render_description_section(&mut page)?;
    writeln!(page, ".SH COMMANDS")?;
    for sub in &subcommands {
        let name = sub.get_bin_name().unwrap_or_else(|| sub.get_name());
        writeln!(page, ".SS \"{}\"", escape(name))?;
        if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
            writeln!(page, "{}", escape(&about.to_string()))?;
        }
        let options = section(sub, Man::render_options_section)?;
        if options.lines().any(|l| l.starts_with(".TP")) {
            writeln!(page, ".PP")?;
            page.extend(without_headings(&options).as_bytes());
        }
    }
    man.render_options_section(&mut page)?;
    page.extend(EXTRA_SECTIONS.as_bytes());
    man.render_version_section(&mut page)?;
    Ok(once_preamble(
        &String::from_utf8(page).expect("roff is UTF-8"),
    ))
}

/// Each rendered piece starts with the same two-line preamble; the page needs it once.
fn once_preamble(page: &str) -> String {
    let mut lines: Vec<&str> = page.lines().collect();
    let preamble = [lines[0], lines[1]];
    let mut i = 2;
    while i + 1 < lines.len() {
        if lines[i] == preamble[0] && lines[i + 1] == preamble[1] {
            lines.drain(i..i + 2);
        } else {
            i += 1;
        }
    }
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// One section of a subcommand's own page.
fn section(
    sub: &clap::Command,
    render: fn(&Man, &mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<String> {
    let mut out = Vec::new();
    render(&Man::new(sub.clone()), &mut out)?;
    Ok(String::from_utf8(out).expect("roff is UTF-8"))
}

/// A section's body without its `.SH` heading: it becomes part of the subcommand's
/// subsection (or of SYNOPSIS).
fn without_headings(roff: &str) -> String {
    roff.lines()
        .filter(|l| !l.starts_with(".SH"))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Text as roff text lines: backslashes, hyphens and leading control characters escaped,
/// blank lines as paragraph breaks.
fn escape(text: &str) -> String {
    text.lines()
        .map(|line| {
            let line = line.replace('\\', "\\e").replace('-', "\\-");
            if line.trim().is_empty() {
                ".PP".to_string()
            } else if line.starts_with(['.', '\'']) {
                format!("\\&{line}")
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

const DESCRIPTION: &str = "plimsoll lints Dockerfiles, Containerfiles and Kubernetes manifests \
(plain YAML or JSON, multi-document streams, Helm output and kustomize builds) and reports each \
finding with an exact line, column and span. It runs as a pre-commit hook, in CI and in editors.

Directories are walked in parallel, honouring .gitignore, .ignore and .plimsollignore files and \
the exclude globs of the configuration. Dockerfiles are recognised by name; YAML and JSON files \
are linted when they hold Kubernetes objects.";

/// Sections clap knows nothing about.
const EXTRA_SECTIONS: &str = r#".SH "EXIT STATUS"
.TP
0
No finding at or above \fB\-\-fail\-on\fR (default: warning).
.TP
1
At least one finding at or above \fB\-\-fail\-on\fR.
.TP
2
A usage, configuration or IO error; every other file was still linted and reported.
.SH FILES
.TP
\fBplimsoll.toml\fR, \fB.plimsoll.toml\fR
The configuration, searched from each linted file's directory upward; the nearest file wins
(files are not merged). \fBplimsoll init\fR writes a commented one.
.TP
\fB.plimsollignore\fR
Paths not to walk, in gitignore syntax (as are \fB.gitignore\fR and \fB.ignore\fR).
.SH ENVIRONMENT
.TP
\fBNO_COLOR\fR
When set, \fB\-\-color auto\fR prints no colour.
.TP
\fBGITHUB_ACTIONS\fR
When \fBtrue\fR, the default output format is \fBgithub\fR (annotations on the pull request).
.TP
\fBCI\fR
When set, no progress indicator is drawn on standard error.
.TP
\fBPLIMSOLL_HELM\fR
The helm binary that \fB\-\-helm\fR runs (default: \fBhelm\fR on \fBPATH\fR).
.SH "SEE ALSO"
Every rule's page: \fBplimsoll rule ID\fR, or
https://github.com/plimsoll\-dev/plimsoll/tree/main/rules
"#;
