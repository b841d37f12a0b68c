//! `image-runs-as-root`: the final stage runs as root, because its last `USER` is root (or the
//! Windows `ContainerAdministrator`) or because no `USER` is set on a base that runs as root.

use crate::dockerfile::ImageRef;
use crate::rules::prelude::*;

declare_rule! {
    id: "image-runs-as-root",
    title: "the final stage runs as root",
    severity: Warning,
    category: Security,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3002", "checkov:CKV_DOCKER_3", "checkov:CKV_DOCKER_8", "trivy:DS-0002", "cis-docker:4.1"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    // Only the final stage becomes the image that runs; earlier stages may build as root.
    let Some(stage) = df.final_stage() else {
        return;
    };
    if let Some(user) = df.last_user(stage.index) {
        let Some(word) = user.args.first() else {
            return;
        };
        let Some(account) = root_account(word) else {
            return;
        };
        let message = match user.stage.filter(|&s| s != stage.index) {
            // Inherited through `FROM <stage>`.
            Some(parent) => format!(
                "the final stage inherits `USER {}` from stage `{}`, so the container runs as {account}",
                word.text,
                stage_name(&df.stages[parent])
            ),
            None => format!(
                "the final stage's last `USER` is `{}`, so the container runs as {account}",
                word.text
            ),
        };
        cx.report(word.range, message)
            .help("switch to an unprivileged user with `USER` after the steps that need root");
        return;
    }
    // No `USER` anywhere in the chain: the base image's user applies. A fragment has no known
    // base, and a base whose `ARG` has no default is unknown, so neither is judged.
    let Some(from) = stage.from.map(|i| &df.instructions[i]) else {
        return;
    };
    let Some(base) = df.stage_chain(stage.index).last() else {
        return;
    };
    let Some(resolved) = &base.resolved_image else {
        return;
    };
    let message = match &base.image_ref {
        Some(image) if runs_as_non_root(image) => return,
        Some(_) => format!(
            "the final stage sets no `USER`, so the container runs as the default user of `{resolved}`, root unless that image sets another"
        ),
        None if resolved.eq_ignore_ascii_case("scratch") => {
            "the final stage sets no `USER` on `scratch`, so the container runs as root".to_string()
        }
        None => return,
    };
    let range = from.args.first().map_or(from.keyword_range, |image| {
        from.keyword_range.cover(image.range)
    });
    cx.report(range, message)
        .help("create an unprivileged user and switch to it with `USER` in the final stage");
}

/// A stage's alias, or its number.
fn stage_name(stage: &Stage) -> String {
    stage
        .alias
        .as_ref()
        .map_or_else(|| stage.index.to_string(), |a| a.text.clone())
}

/// `"root"` or `"an administrator"` when the `USER` value is a root account: `root` or uid 0,
/// with or without a group, or Windows' `ContainerAdministrator`. A value with a variable is
/// unknown and never root.
fn root_account(word: &Word) -> Option<&'static str> {
    if word.has_variable {
        return None;
    }
    let user = word.text.split(':').next().unwrap_or("");
    if user == "root" || (!user.is_empty() && user.bytes().all(|b| b == b'0')) {
        Some("root")
    } else if user.eq_ignore_ascii_case("ContainerAdministrator") {
        Some("an administrator")
    } else {
        None
    }
}

/// Base images documented to run as a non-root user by default. Deliberately short: vendors
/// whose images mostly but not always run as non-root (Chainguard, Bitnami) are not listed.
fn runs_as_non_root(image: &ImageRef) -> bool {
    let repository = image.repository.as_str();
    let name = repository.rsplit('/').next().unwrap_or("");
    let tag = image.tag.as_deref().unwrap_or("");
    // distroless `:nonroot` and `:debug-nonroot`, and images named for it.
    tag.contains("nonroot")
        || name.contains("nonroot")
        // `nginxinc/nginx-unprivileged` and its kin run as an unprivileged uid.
        || name.ends_with("-unprivileged")
        // Windows Nano Server runs as `ContainerUser`.
        || repository.split('/').any(|part| part.starts_with("nanoserver"))
        // .NET's chiseled and distroless images end with `USER $APP_UID`.
        || (repository.starts_with("dotnet/")
            && image.registry.as_deref() == Some("mcr.microsoft.com")
            && (tag.contains("chiseled") || tag.contains("distroless")))
        // Jupyter's docker-stacks images end with `USER ${NB_UID}`.
        || (repository.starts_with("jupyter/") && name.ends_with("-notebook"))
}
