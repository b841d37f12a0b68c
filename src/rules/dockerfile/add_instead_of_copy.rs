//! `add-instead-of-copy`: `ADD` of local files that it neither downloads nor extracts, so
//! `COPY` does the same with fewer surprises.

use super::add_remote_url::remote_source;
use crate::rules::prelude::*;

declare_rule! {
    id: "add-instead-of-copy",
    title: "`ADD` of a local file where `COPY` does",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: Safe,
    aliases: ["hadolint:DL3020", "checkov:CKV_DOCKER_4", "trivy:DS-0005"],
    enabled_by_default: true,
    check: check,
}

/// Names of tar archives `ADD` extracts: plain, gzip, bzip2, xz or zstd. A bare compressed file
/// (`.gz`) may be a tarball too: `ADD` decides by content, so it counts.
const ARCHIVES: &[&str] = &[
    ".tar", ".tgz", ".tbz", ".tbz2", ".tb2", ".txz", ".tzst", ".gz", ".bz2", ".xz", ".zst",
];

/// Flags only `ADD` has; `COPY` rejects them, so the keyword cannot simply be swapped.
const ADD_ONLY_FLAGS: &[&str] = &["checksum", "keep-git-dir", "unpack"];

fn check(df: &Dockerfile, cx: &mut Context) {
    let adds = df.all_instructions().filter(|i| i.keyword == Keyword::Add);
    for inst in adds {
        let Some((_, sources)) = inst.args.split_last() else {
            continue;
        };
        // `--unpack=false` keeps archives as files, as `COPY` does.
        let unpacks = inst.flag("unpack").is_none_or(|f| {
            f.value
                .as_ref()
                .is_none_or(|v| !v.text.eq_ignore_ascii_case("false"))
        });
        let needs_add = |source: &Word| {
            // A variable may hold a URL or an archive name.
            source.has_variable
                || remote_source(&source.text).is_some()
                || (unpacks && is_archive(&source.text))
        };
        let Some(first) = sources.first() else {
            continue;
        };
        if sources.iter().any(needs_add) {
            continue;
        }
        let more = match sources.len() {
            1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        let keyword = &cx.text()[inst.keyword_range.as_range()];
        let copy = if keyword.bytes().all(|b| b.is_ascii_lowercase()) {
            "copy"
        } else {
            "COPY"
        };
        let report = cx
            .report(
                inst.keyword_range,
                format!(
                    "`ADD` of `{}`{more} neither downloads nor extracts anything, so `COPY` does the same",
                    first.text
                ),
            )
            .help("use `COPY`; keep `ADD` for URLs, Git repositories and tar archives to extract");
        if ADD_ONLY_FLAGS.iter().all(|f| inst.flag(f).is_none()) {
            report.fix(
                format!("replace `{keyword}` with `{copy}`"),
                vec![Edit::replace(inst.keyword_range, copy)],
            );
        }
    }
}

fn is_archive(source: &str) -> bool {
    ARCHIVES.iter().any(|ext| {
        source
            .len()
            .checked_sub(ext.len())
            .and_then(|at| source.get(at..))
            .is_some_and(|tail| tail.eq_ignore_ascii_case(ext))
    })
}
