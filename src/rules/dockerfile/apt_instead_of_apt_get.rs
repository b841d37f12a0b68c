//! `apt-instead-of-apt-get`: a `RUN` calls `apt`, the interactive front end, instead of
//! `apt-get` or `apt-cache`.

use super::packages::APT_VALUE_OPTIONS;
use crate::rules::prelude::*;

declare_rule! {
    id: "apt-instead-of-apt-get",
    title: "`apt` used in a script instead of `apt-get`",
    severity: Warning,
    category: Correctness,
    target: Dockerfile,
    fix: Safe,
    aliases: ["hadolint:DL3027", "checkov:CKV_DOCKER_9"],
    enabled_by_default: true,
    check: check,
}

/// Sub-commands `apt-get` runs the same way as `apt`. Not `upgrade`: `apt upgrade` installs new
/// dependencies, `apt-get upgrade` holds such packages back.
const APT_GET_SAME: &[&str] = &[
    "update",
    "install",
    "remove",
    "purge",
    "autoremove",
    "dist-upgrade",
    "build-dep",
    "satisfy",
    "source",
    "download",
    "clean",
    "autoclean",
    "changelog",
];

/// Queries `apt-cache` answers with the same data.
const APT_CACHE_SAME: &[&str] = &["show", "search", "policy", "depends", "rdepends", "showsrc"];

fn check(df: &Dockerfile, cx: &mut Context) {
    for (_, cmd) in df.commands() {
        if !cmd.is("apt") {
            continue;
        }
        let name = cmd.name();
        let sub = cmd.subcommand(APT_VALUE_OPTIONS);
        let sub_text = sub.map_or("", |w| w.text.as_str());
        // `apt` → `apt-get`, `/usr/bin/apt` → `/usr/bin/apt-get`.
        let mut edits = Vec::new();
        let rename = |tool: &str| Edit::insert(name.range.end as usize, &tool[3..]);
        let instead = match (sub, sub_text) {
            (_, t) if APT_GET_SAME.contains(&t) => {
                edits.push(rename("apt-get"));
                format!("apt-get {t}")
            }
            (_, t) if APT_CACHE_SAME.contains(&t) => {
                edits.push(rename("apt-cache"));
                format!("apt-cache {t}")
            }
            // `apt upgrade` also installs new dependencies; `apt-get upgrade` holds them back.
            (Some(w), "upgrade") => {
                edits.push(rename("apt-get"));
                edits.push(Edit::insert(w.range.end as usize, " --with-new-pkgs"));
                "apt-get upgrade --with-new-pkgs".to_string()
            }
            (Some(w), "full-upgrade") => {
                edits.push(rename("apt-get"));
                edits.push(Edit::replace(w.range, "dist-upgrade"));
                "apt-get dist-upgrade".to_string()
            }
            _ => "apt-get` or `apt-cache".to_string(),
        };
        let shown = sub.map_or_else(|| "apt".to_string(), |s| format!("apt {}", s.text));
        let report = cx
            .report(
                name.range,
                format!("`{shown}` runs `apt`, whose command line is not stable for scripts"),
            )
            .help(format!("use `{instead}` instead"));
        if !edits.is_empty() {
            report.fix(format!("use `{instead}`"), edits);
        }
    }
}
