//! `secret-in-env-or-arg`: an `ENV` or `ARG` whose name says it holds a secret (`DB_PASSWORD`,
//! `NPM_TOKEN`), or whose value looks like a credential whatever its name (an AWS key id, a
//! private key, a GitHub token).

use crate::dockerfile::image::expand;
use crate::dockerfile::KeyValue;
use crate::rules::prelude::*;
use crate::rules::secrets::{find_credential, is_harmless, is_secret_name};

declare_rule! {
    id: "secret-in-env-or-arg",
    title: "a secret in `ENV` or `ARG`",
    severity: Error,
    category: Security,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3064", "trivy:DS-0031", "buildkit:SecretsUsedInArgOrEnv"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    let settings = df
        .all_instructions()
        .filter(|i| matches!(i.keyword, Keyword::Env | Keyword::Arg));
    for inst in settings {
        for kv in inst.key_values() {
            judge(df, cx, inst, &kv);
        }
    }
}

fn judge(df: &Dockerfile, cx: &mut Context, inst: &Instruction, kv: &KeyValue) {
    let name = kv.key;
    let kind = inst.keyword.as_str();
    // A credential in the value is reported whatever the name, at the credential itself.
    if let (Some(value), Some(value_range)) = (kv.value.as_deref(), kv.value_range) {
        if let Some((at, len, what)) = find_credential(value) {
            let raw = &cx.text()[value_range.as_range()];
            let range = if raw == value {
                let start = value_range.start as usize + at;
                TextRange::new(start, start + len)
            } else {
                value_range
            };
            cx.report(range, format!("`{kind} {name}` holds what looks like {what}"))
                .help("remove it from the Dockerfile and revoke it: it is in the image and in the repository's history");
            return;
        }
    }
    if !is_secret_name(name) {
        return;
    }
    let (message, help) = match (inst.keyword, kv.value.as_deref()) {
        // An `ARG` without a value still takes one from `--build-arg`.
        (Keyword::Arg, value) => {
            if value.is_some_and(|v| !v.is_empty() && is_harmless(v)) {
                return;
            }
            (
                format!("`ARG {name}` passes a secret as a build argument, which the image history records"),
                "use a secret mount instead: `RUN --mount=type=secret,id=...,env=NAME` and `docker build --secret`",
            )
        }
        (_, value) => {
            let value = value.unwrap_or("");
            // `ENV TOKEN=$TOKEN` copies a build argument into the image. Other variables (an
            // undeclared one is empty) leave what the value says literally.
            if !copies_build_arg(df, inst, value) {
                let literal = expand(value, &|_| Some(Some(String::new()))).unwrap_or_default();
                if literal.is_empty() || is_harmless(&literal) {
                    return;
                }
            }
            (
                format!("`ENV {name}` stores a secret in the image, where every container and `docker inspect` can read it"),
                "set it when the container starts (`docker run -e`, a Kubernetes Secret), or use a secret mount at build time",
            )
        }
    };
    cx.report(kv.key_range, message).help(help);
}

/// True when `value` refers to a variable that an `ARG` of the stage (or of the stages it builds
/// on) declares. Behind `ONBUILD` the downstream build's `ARG`s are unknown, so any variable
/// counts.
fn copies_build_arg(df: &Dockerfile, inst: &Instruction, value: &str) -> bool {
    let mut names = variable_names(value).peekable();
    if names.peek().is_none() {
        return false;
    }
    let Some(stage) = inst.stage else {
        return true;
    };
    names.any(|name| {
        df.stage_chain(stage).any(|s| {
            df.stage_keyword(s, Keyword::Arg)
                .any(|arg| arg.key_values().iter().any(|kv| kv.key == name))
        })
    })
}

/// The names of `$NAME` and `${NAME...}` references in `value`.
fn variable_names(value: &str) -> impl Iterator<Item = &str> {
    value.match_indices('$').filter_map(move |(at, _)| {
        let rest = &value[at + 1..];
        let rest = rest.strip_prefix('{').unwrap_or(rest);
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        (len > 0).then(|| &rest[..len])
    })
}
