//! `add-remote-url`: `ADD` of an HTTP(S) URL without `--checksum`, or of a Git repository not
//! pinned to a commit. Also owns [`remote_source`], which `add-instead-of-copy` uses to tell
//! remote sources from local files.

use crate::dockerfile::image::expand;
use crate::rules::prelude::*;

declare_rule! {
    id: "add-remote-url",
    title: "`ADD` of a remote URL without a checksum",
    severity: Warning,
    category: Security,
    target: Dockerfile,
    fix: None,
    aliases: [],
    enabled_by_default: true,
    check: check,
}

/// What a remote `ADD` source fetches.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Remote {
    /// A file over HTTP(S).
    Http,
    /// A Git repository (`git@host:repo`, `git://`, `ssh://`, or an HTTP(S) URL ending `.git`).
    Git,
}

/// The kind of remote source `text` is, or `None` for a local path (or a variable whose value
/// is unknown: `$URL`).
pub(crate) fn remote_source(text: &str) -> Option<Remote> {
    if ["git@", "git://", "ssh://"]
        .iter()
        .any(|p| starts_with_ignore_case(text, p))
    {
        return Some(Remote::Git);
    }
    if !["http://", "https://"]
        .iter()
        .any(|p| starts_with_ignore_case(text, p))
    {
        return None;
    }
    let path = text.split(['#', '?']).next().unwrap_or(text);
    // On bytes: the path may end in a multi-byte character just before its last four bytes.
    let is_git = path
        .as_bytes()
        .get(path.len().saturating_sub(4)..)
        .is_some_and(|tail| tail.eq_ignore_ascii_case(b".git"));
    Some(if is_git { Remote::Git } else { Remote::Http })
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

fn check(df: &Dockerfile, cx: &mut Context) {
    let adds = df.all_instructions().filter(|i| i.keyword == Keyword::Add);
    for inst in adds {
        // `--checksum` verifies the download (a SHA-256 digest) or the clone (a commit SHA).
        if inst.flag("checksum").is_some() {
            continue;
        }
        let Some((_, sources)) = inst.args.split_last() else {
            continue;
        };
        for source in sources {
            match remote_source(&source.text) {
                Some(Remote::Http) => {
                    cx.report(
                        source.range,
                        format!("`ADD` downloads `{}` without `--checksum`", source.text),
                    )
                    .help("add `--checksum=sha256:<digest>`, or download in a `RUN` with `curl -fsSLO` and check it with `sha256sum -c`");
                }
                Some(Remote::Git) => {
                    let Some(written) = git_ref(&source.text) else {
                        continue;
                    };
                    // A ref from an `ARG` is judged by its default; without one it is unknown.
                    let Some(resolved) =
                        expand(written, &|name| df.arg_default(inst.stage, name).map(Some))
                    else {
                        continue;
                    };
                    if is_commit(&resolved) {
                        continue;
                    }
                    let at = if resolved.is_empty() {
                        "the default branch".to_string()
                    } else if resolved == written {
                        format!("`{resolved}`")
                    } else {
                        format!("`{resolved}` (`{written}`)")
                    };
                    cx.report(
                        source.range,
                        format!(
                            "`ADD` clones `{}` at {at}, not at a pinned commit",
                            source.text
                        ),
                    )
                    .help("pin a commit with `#<full commit sha>` or `--checksum=<commit sha>`");
                }
                None => {}
            }
        }
    }
}

/// The ref of a Git source (`#ref:subdir`, or `?ref=` / `?commit=`), empty for the default
/// branch; `None` when a `?checksum=` pins it already.
fn git_ref(url: &str) -> Option<&str> {
    if let Some((_, fragment)) = url.split_once('#') {
        return Some(fragment.split(':').next().unwrap_or(""));
    }
    let mut reference = "";
    if let Some((_, query)) = url.split_once('?') {
        for (key, value) in query.split('&').filter_map(|p| p.split_once('=')) {
            match key {
                "checksum" => return None,
                "ref" | "commit" | "tag" | "branch" => reference = value,
                _ => {}
            }
        }
    }
    Some(reference)
}

/// A full SHA-1 or SHA-256 commit id.
fn is_commit(reference: &str) -> bool {
    matches!(reference.len(), 40 | 64) && reference.bytes().all(|b| b.is_ascii_hexdigit())
}
