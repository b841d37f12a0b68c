//! `apt-get-install-recommends`: `apt-get install` (or `apt install`) without
//! `--no-install-recommends`, so recommended packages are installed too.

use super::packages::{apt_bool, apt_option, apt_simulates, Configured, PackageCommand};
use crate::rules::prelude::*;

declare_rule! {
    id: "apt-get-install-recommends",
    title: "`apt-get install` without `--no-install-recommends`",
    severity: Info,
    category: Efficiency,
    target: Dockerfile,
    fix: Unsafe,
    aliases: ["hadolint:DL3015", "trivy:DS-0029"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    let no_recommends = Configured::scan(df, "APT::Install-Recommends", &["false", "no", "0"]);
    for (inst, cmd) in df.commands() {
        let Some(pc) = PackageCommand::of(cmd) else {
            continue;
        };
        if !matches!(pc.program(), "apt-get" | "apt")
            || pc.action.text != "install"
            || apt_simulates(pc.args)
            // `--install-recommends` asks for them on purpose.
            || pc.has_option(&["--no-install-recommends", "--install-recommends"], &[])
            || apt_option(pc.args, "APT::Install-Recommends").and_then(apt_bool).is_some()
            || no_recommends.before(df, inst)
        {
            continue;
        }
        let end = pc.action.range.end as usize;
        cx.report(
            pc.range(),
            format!(
                "`{}` without `--no-install-recommends` also installs recommended packages",
                pc.display()
            ),
        )
        .help("add `--no-install-recommends` and name every package the image needs")
        .fix(
            "add `--no-install-recommends`",
            vec![Edit::insert(end, " --no-install-recommends")],
        );
    }
}
