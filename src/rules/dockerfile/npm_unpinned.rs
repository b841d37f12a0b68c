//! `npm-unpinned`: `npm install`, `yarn add` or `pnpm add` of a registry package without a
//! version (or at the moving `latest` tag), or of a git repository without a `#ref`.

use super::install_args::{invocation, operands, OptionSyntax};
use crate::rules::prelude::*;

declare_rule! {
    id: "npm-unpinned",
    title: "`npm install` or `yarn`/`pnpm add` of a package without a version",
    severity: Warning,
    category: Reproducibility,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3016"],
    enabled_by_default: true,
    check: check,
}

/// String-valued npm options that take the next word (npm treats unknown options as
/// booleans, so only these consume it).
const NPM_OPTIONS: OptionSyntax = OptionSyntax {
    long: &[
        "--also",
        "--before",
        "--ca",
        "--cache",
        "--cafile",
        "--fetch-retries",
        "--fetch-timeout",
        "--globalconfig",
        "--https-proxy",
        "--include",
        "--install-strategy",
        "--location",
        "--loglevel",
        "--omit",
        "--only",
        "--otp",
        "--prefix",
        "--proxy",
        "--registry",
        "--save-prefix",
        "--script-shell",
        "--tag",
        "--userconfig",
        "--workspace",
    ],
    short: &['C', 'w'],
};

const YARN_OPTIONS: OptionSyntax = OptionSyntax {
    long: &[
        "--cache-folder",
        "--cwd",
        "--global-folder",
        "--link-folder",
        "--modules-folder",
        "--mutex",
        "--network-concurrency",
        "--network-timeout",
        "--otp",
        "--prefix",
        "--registry",
        "--use-yarnrc",
    ],
    short: &[],
};

const PNPM_OPTIONS: OptionSyntax = OptionSyntax {
    long: &[
        "--dir",
        "--filter",
        "--loglevel",
        "--registry",
        "--reporter",
        "--store-dir",
        "--virtual-store-dir",
    ],
    short: &['C', 'F'],
};

/// `npm install` and every alias npm accepts for it.
const NPM_INSTALL: &[&str] = &[
    "install",
    "i",
    "add",
    "in",
    "ins",
    "inst",
    "insta",
    "instal",
    "isnt",
    "isnta",
    "isntal",
    "isntall",
    "install-test",
    "it",
];

fn check(df: &Dockerfile, cx: &mut Context) {
    for (_, cmd) in df.commands() {
        let (tool, syntax) = match cmd.program() {
            "npm" => (
                invocation(cmd.args(), &NPM_OPTIONS, NPM_INSTALL),
                &NPM_OPTIONS,
            ),
            "pnpm" => (
                invocation(cmd.args(), &PNPM_OPTIONS, &["add"]),
                &PNPM_OPTIONS,
            ),
            "yarn" => {
                // `yarn add` or `yarn global add`.
                let first = invocation(cmd.args(), &YARN_OPTIONS, &["add", "global"]);
                let add = first.and_then(|f| match f.subcommand.text.as_str() {
                    "global" => invocation(f.rest, &YARN_OPTIONS, &["add"]),
                    _ => Some(f),
                });
                (add, &YARN_OPTIONS)
            }
            _ => continue,
        };
        let Some(install) = tool else { continue };
        for package in operands(install.rest, syntax) {
            let spec = package.text.as_str();
            // A visible version pins even with a variable in it (`pkg@$VERSION`).
            let Some(problem) = judge(spec) else { continue };
            if package.has_variable {
                continue;
            }
            match problem {
                Problem::NoVersion(name) => cx
                    .report(package.range, format!("package `{spec}` has no version"))
                    .help(format!("pin it as `{name}@<version>`")),
                Problem::Latest(name) => cx
                    .report(
                        package.range,
                        format!("package `{spec}` has no fixed version"),
                    )
                    .help(format!("pin it as `{name}@<version>`")),
                Problem::NoRef => cx
                    .report(
                        package.range,
                        format!("git dependency `{spec}` has no `#ref`"),
                    )
                    .help("add `#<tag or commit>` (or `#semver:<range>`) after the repository"),
            };
        }
    }
}

enum Problem<'a> {
    /// A registry package without a version; the package name.
    NoVersion(&'a str),
    /// `name@latest`, `name@*` or `name@`.
    Latest(&'a str),
    /// A git repository without `#ref`.
    NoRef,
}

/// What is wrong with package spec `spec` (npm's grammar, which yarn and pnpm share), if
/// anything. Local paths and tarballs name one fixed thing and are fine.
fn judge(spec: &str) -> Option<Problem<'_>> {
    if spec.starts_with(['.', '/', '~']) || spec.starts_with("file:") || is_windows_path(spec) {
        return None;
    }
    if [".tgz", ".tar.gz", ".tar"]
        .iter()
        .any(|ext| spec.ends_with(ext))
    {
        return None;
    }
    let git = ["git:", "git+", "github:", "gitlab:", "bitbucket:", "gist:"]
        .iter()
        .any(|p| spec.starts_with(p))
        || (spec.contains("://") && spec.ends_with(".git"));
    if git {
        return (!spec.contains('#')).then_some(Problem::NoRef);
    }
    if spec.contains("://") {
        // Some other URL: a tarball.
        return None;
    }
    // `@scope/name@range` or `name@range`: the version starts at the `@` after the name.
    let name_end = if spec.starts_with('@') {
        spec.find('/')
            .and_then(|slash| spec[slash..].find('@').map(|at| slash + at))
    } else {
        spec.find('@')
    };
    let Some(at) = name_end else {
        // `user/repo` is GitHub shorthand; `@scope/name` is a package.
        if !spec.starts_with('@') && spec.contains('/') {
            return (!spec.contains('#')).then_some(Problem::NoRef);
        }
        return Some(Problem::NoVersion(spec));
    };
    let (name, version) = (&spec[..at], &spec[at + 1..]);
    if let Some(aliased) = version.strip_prefix("npm:") {
        return judge(aliased);
    }
    matches!(version, "" | "latest" | "*" | "x" | "X").then_some(Problem::Latest(name))
}

/// `C:\pkg` or `C:/pkg`.
fn is_windows_path(spec: &str) -> bool {
    let bytes = spec.as_bytes();
    bytes.len() > 2
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && matches!(bytes[2], b'\\' | b'/')
}

#[cfg(test)]
mod tests {
    use super::{judge, Problem};

    #[test]
    fn spec_forms() {
        for ok in [
            "npm@10",
            "yarn@1.22.22",
            "@angular/cli@17.3.0",
            "@types/node@^20",
            "pkg@next",
            "./local",
            "../x",
            "/abs",
            "~/x",
            "file:../x",
            "C:\\pkg",
            "pkg-1.0.0.tgz",
            "https://registry.example.com/pkg/-/pkg-1.0.0.tgz",
            "git+https://github.com/a/b.git#v1.0.0",
            "github:a/b#semver:^1.2",
            "a/b#0123abc",
            "alias@npm:real@1.0.0",
        ] {
            assert!(judge(ok).is_none(), "{ok}");
        }
        for (bad, name) in [("express", "express"), ("@vue/cli", "@vue/cli")] {
            assert!(
                matches!(judge(bad), Some(Problem::NoVersion(n)) if n == name),
                "{bad}"
            );
        }
        for (bad, name) in [
            ("npm@latest", "npm"),
            ("@vue/cli@latest", "@vue/cli"),
            ("pkg@*", "pkg"),
            ("pkg@", "pkg"),
            ("alias@npm:real@latest", "real"),
        ] {
            assert!(
                matches!(judge(bad), Some(Problem::Latest(n)) if n == name),
                "{bad}"
            );
        }
        for bad in [
            "git+https://github.com/a/b.git",
            "git://github.com/a/b",
            "github:a/b",
            "a/b",
            "https://github.com/a/b.git",
        ] {
            assert!(matches!(judge(bad), Some(Problem::NoRef)), "{bad}");
        }
    }
}
