//! `command-pointless-in-build`: a command that makes no sense in an image build (`ssh`, `vim`, `shutdown`, ...) (stub: to be implemented).

use crate::rules::prelude::*;

declare_rule! {
    id: "command-pointless-in-build",
    title: "a command that makes no sense in an image build (`ssh`, `vim`, `shutdown`, ...)",
    severity: Info,
    category: Style,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3001"],
    enabled_by_default: true,
    check: check,
}

fn check(_df: &Dockerfile, _cx: &mut Context) {}
