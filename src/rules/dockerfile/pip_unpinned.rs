//! `pip-unpinned`: `pip install` of a package without a version specifier, or of a VCS URL
//! without a ref.

use super::install_args::{parse, pip, Arg, PIP_OPTIONS};
use crate::rules::prelude::*;

declare_rule! {
    id: "pip-unpinned",
    title: "`pip install` of a package without a version",
    severity: Warning,
    category: Reproducibility,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3013"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    for (inst, cmd) in df.commands() {
        let Some(install) = pip(cmd, &["install"]) else {
            continue;
        };
        // A constraints file decides the versions of whatever is named.
        if parse(install.rest, &PIP_OPTIONS).any(|a| a.is_option(&["--constraint"], &['c']))
            || df.env_at(inst, "PIP_CONSTRAINT").is_some()
        {
            continue;
        }
        for arg in parse(install.rest, &PIP_OPTIONS) {
            // `-e` takes a requirement too: a path or a VCS URL.
            let requirement = match arg {
                Arg::Operand(word) => word,
                Arg::Option {
                    value: Some(word), ..
                } if arg.is_option(&["--editable"], &['e']) => word,
                _ => continue,
            };
            // A visible specifier pins even with a variable in it (`tool==$VERSION`); what
            // else a variable holds is unknown before the build.
            let Some(problem) = judge(&requirement.text) else {
                continue;
            };
            if requirement.has_variable {
                continue;
            }
            let spec = &requirement.text;
            match problem {
                Problem::NoVersion => {
                    // The name with its extras, without a `!=` exclusion or a marker.
                    let name = spec.split(['<', '>', '=', '!', '~', ';', ' ']).next();
                    let name = name.unwrap_or(spec);
                    cx.report(requirement.range, format!("package `{spec}` has no version"))
                        .help(format!(
                            "pin it as `{name}==<version>`, or install from a requirements file of pinned versions"
                        ))
                }
                Problem::NoRef => cx
                    .report(requirement.range, format!("VCS URL `{spec}` has no `@ref`"))
                    .help("add `@<tag or commit>` after the repository path"),
            };
        }
    }
}

enum Problem {
    NoVersion,
    NoRef,
}

/// What is wrong with requirement `spec`, if anything. Paths, archives and plain URLs name
/// one fixed thing and are fine.
fn judge(spec: &str) -> Option<Problem> {
    // Environment markers (`; python_version < "3.9"`) hold operators that are no version.
    let spec = spec.split(';').next().unwrap_or(spec).trim();
    if let Some(at) = spec.find("://") {
        // `git+https://host/repo.git@v1.2#egg=x`, maybe as `name @ git+https://...`.
        let before = &spec[..at];
        let scheme = &before[before
            .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '+')
            .len()..];
        let vcs = ["git", "hg", "svn", "bzr"]
            .iter()
            .filter_map(|v| scheme.strip_prefix(v))
            .any(|transport| transport.is_empty() || transport.starts_with('+'));
        let rest = &spec[at + 3..];
        let rest = rest.split('#').next().unwrap_or(rest);
        // An `@` in the host part is a user name (`git+ssh://git@github.com/...`).
        let path = rest.split_once('/').map_or("", |(_, path)| path);
        return (vcs && !path.contains('@')).then_some(Problem::NoRef);
    }
    let is_path = spec.starts_with(['.', '/', '~']) || spec.contains(['/', '\\']);
    let is_archive = [
        ".whl", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".zip", ".tar",
    ]
    .iter()
    .any(|ext| spec.ends_with(ext));
    // `==`, `===`, `~=`, `<`, `<=`, `>`, `>=` bound the version; `!=` alone does not.
    let has_version = spec.contains(['<', '>']) || spec.contains("==") || spec.contains("~=");
    // `pip install -U pip` updates the installer itself, not the image's software.
    let is_pip = spec.eq_ignore_ascii_case("pip");
    (!(is_path || is_archive || has_version || is_pip)).then_some(Problem::NoVersion)
}

#[cfg(test)]
mod tests {
    use super::{judge, Problem};

    #[test]
    fn requirement_forms() {
        for ok in [
            "flask==3.0.2",
            "requests>=2",
            "pkg[extra]==1",
            "Django~=4.2",
            "ruamel.yaml == 0.19.1",
            "numpy<2",
            "foo===1.0",
            ".",
            ".[tpu]",
            "./src",
            "/wheels/*",
            "dist/*.whl",
            "pkg-1.0.tar.gz",
            "https://example.com/pkg-1.0.zip",
            "git+https://github.com/a/b.git@v1.2#egg=b",
            "git+ssh://git@github.com/a/b.git@0123abc",
            "b @ git+https://github.com/a/b.git@v1",
            "pip",
            "PIP",
        ] {
            assert!(judge(ok).is_none(), "{ok}");
        }
        for bad in [
            "flask",
            "apache-beam[gcp]",
            "foo!=1.2",
            "foo; python_version<'3.9'",
        ] {
            assert!(matches!(judge(bad), Some(Problem::NoVersion)), "{bad}");
        }
        for bad in [
            "git+https://github.com/a/b.git",
            "git+ssh://git@github.com/a/b.git",
            "git://github.com/a/b.git#egg=b",
            "b @ git+https://github.com/a/b",
        ] {
            assert!(matches!(judge(bad), Some(Problem::NoRef)), "{bad}");
        }
    }
}
