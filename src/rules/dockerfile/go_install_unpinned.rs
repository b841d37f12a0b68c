//! `go-install-unpinned`: `go install`, `go get` or `go run` of a remote module at a moving
//! version (`@latest`, a branch, a version prefix), or `go get` of one without a version.

use super::install_args::{invocation, operands, OptionSyntax};
use crate::rules::prelude::*;

declare_rule! {
    id: "go-install-unpinned",
    title: "`go install` or `go get` of a module without a fixed version",
    severity: Warning,
    category: Reproducibility,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3062"],
    enabled_by_default: true,
    check: check,
}

/// Build flags of `go install`, `go get` and `go run` that take the next word.
const GO_OPTIONS: OptionSyntax = OptionSyntax {
    long: &[
        "-C",
        "-asmflags",
        "-buildmode",
        "-compiler",
        "-coverpkg",
        "-covermode",
        "-exec",
        "-gccgoflags",
        "-gcflags",
        "-installsuffix",
        "-ldflags",
        "-mod",
        "-modfile",
        "-o",
        "-overlay",
        "-p",
        "-pgo",
        "-pkgdir",
        "-tags",
        "-toolexec",
    ],
    short: &[],
};

fn check(df: &Dockerfile, cx: &mut Context) {
    for (_, cmd) in df.commands() {
        // `xx-go` (tonistiigi/xx) is `go` with the target platform's environment.
        if !(cmd.is("go") || cmd.is("xx-go")) {
            continue;
        }
        let Some(go) = invocation(cmd.args(), &GO_OPTIONS, &["install", "get", "run"]) else {
            continue;
        };
        let subcommand = go.subcommand.text.as_str();
        // `go run` runs its first operand; the words after it are the program's arguments.
        let take = if subcommand == "run" { 1 } else { usize::MAX };
        for package in operands(go.rest, &GO_OPTIONS).take(take) {
            let spec = package.text.as_str();
            let (path, version) = match spec.split_once('@') {
                Some((path, version)) => (path, Some(version)),
                None => (spec, None),
            };
            if !is_remote(path) {
                continue;
            }
            match version {
                // Without a version, `go install` and `go run` build what the main module's
                // `go.mod` requires (or fail outside a module); `go get` takes the newest.
                None if subcommand == "get" && !path.contains('$') => {
                    cx.report(package.range, format!("package `{spec}` has no version"))
                        .help(format!(
                            "add `@<version>`; to install a tool, use `go install {path}@<version>`"
                        ));
                }
                Some(version) if !version.contains('$') && is_moving(version) => {
                    cx.report(
                        package.range,
                        format!("package `{spec}` has no fixed version"),
                    )
                    .help(format!(
                        "replace `@{version}` with a release tag or a commit hash"
                    ));
                }
                _ => {}
            }
        }
    }
}

/// A package path outside the main module and the standard library: its first element has
/// a dot (`golang.org/x/tools/gopls`), unlike `./cmd/app`, `std` or `tool`.
fn is_remote(path: &str) -> bool {
    let first = path.split('/').next().unwrap_or(path);
    first.contains('.') && !path.starts_with(['.', '/']) && !path.ends_with(".go")
}

/// A version query that resolves to something newer over time: `latest`, `upgrade`,
/// `patch`, a common branch name, a version prefix (`v1`, `v1.2`) or a comparison.
fn is_moving(version: &str) -> bool {
    let prefix = version.strip_prefix('v').is_some_and(|v| {
        let number = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        match v.split_once('.') {
            Some((major, minor)) => number(major) && number(minor),
            None => number(v),
        }
    });
    prefix
        || version.starts_with(['<', '>'])
        || [
            "latest", "upgrade", "patch", "master", "main", "head", "trunk", "develop",
        ]
        .iter()
        .any(|m| version.eq_ignore_ascii_case(m))
}

#[cfg(test)]
mod tests {
    use super::{is_moving, is_remote};

    #[test]
    fn paths_and_versions() {
        for remote in [
            "golang.org/x/tools/gopls",
            "github.com/a/b/...",
            "example.com/pkg",
        ] {
            assert!(is_remote(remote), "{remote}");
        }
        for local in [
            ".",
            "./cmd/app",
            "../x",
            "/go/src/main.go",
            "main.go",
            "std",
            "tool",
            "cmd/go",
            "mymod/cmd",
        ] {
            assert!(!is_remote(local), "{local}");
        }
        for moving in [
            "latest", "upgrade", "patch", "master", "main", "HEAD", "v1", "v1.2", ">=v1.2.0", "<v2",
        ] {
            assert!(is_moving(moving), "{moving}");
        }
        for fixed in [
            "v1.2.3",
            "v0.15.0",
            "v1.2.3-rc.1",
            "v0.0.0-20240101000000-0123456789ab",
            "0123abcd",
            "none",
            "release-1.4",
        ] {
            assert!(!is_moving(fixed), "{fixed}");
        }
    }
}
