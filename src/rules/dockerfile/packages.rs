//! Shared helpers for the package-manager rules (apt-get, apk, yum, dnf, zypper, ...): which
//! package manager a command runs and with which sub-command, its package operands, clean-up
//! commands, build-cache mounts that make a clean-up unnecessary, settings written into a
//! package manager's configuration, and the `RUN`s whose layers end up in the final image.

use crate::dockerfile::shell::{has_option, parse_script, positional_args};
use crate::dockerfile::{Dockerfile, Instruction, Keyword, ShellCommand, ShellScript, Word};
use crate::source::TextRange;

/// The package managers the rules know, grouped by the package index they share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Manager {
    /// `apt-get`, `apt` and `aptitude`.
    Apt,
    /// `apk`.
    Apk,
    /// `yum`, `dnf`, `dnf5` and `microdnf`.
    Yum,
    /// `tdnf` (Photon OS, Azure Linux).
    Tdnf,
    /// `zypper`.
    Zypper,
}

/// Options of `apt-get`, `apt` and `aptitude` whose value is the next word.
pub const APT_VALUE_OPTIONS: &[&str] = &[
    "-o",
    "--option",
    "-c",
    "--config-file",
    "-t",
    "--target-release",
    "--default-release",
    "-a",
    "--host-architecture",
    "-P",
    "--build-profiles",
];

/// Options of `apk` whose value is the next word.
pub const APK_VALUE_OPTIONS: &[&str] = &[
    "-X",
    "--repository",
    "-p",
    "--root",
    "-t",
    "--virtual",
    "--arch",
    "--cache-dir",
    "--keys-dir",
    "--repositories-file",
    "--cache-max-age",
    "--timeout",
];

/// Options of `yum`, `dnf`, `microdnf` and `tdnf` whose value is the next word.
pub const YUM_VALUE_OPTIONS: &[&str] = &[
    "-c",
    "--config",
    "-d",
    "--debuglevel",
    "-e",
    "--errorlevel",
    "-x",
    "--exclude",
    "--excludepkgs",
    "--installroot",
    "--releasever",
    "--enablerepo",
    "--disablerepo",
    "--repo",
    "--repoid",
    "--setopt",
    "--downloaddir",
    "--destdir",
    "--rpmverbosity",
    "--color",
    "--forcearch",
    "--advisory",
    "--cve",
    "--bz",
    "--sec-severity",
    "--comment",
];

/// Options of `zypper` (global and of its sub-commands) whose value is the next word.
pub const ZYPPER_VALUE_OPTIONS: &[&str] = &[
    "-R",
    "--root",
    "-c",
    "--config",
    "-D",
    "--reposd-dir",
    "-C",
    "--cache-dir",
    "--raw-cache-dir",
    "--solv-cache-dir",
    "--pkg-cache-dir",
    "-p",
    "--plus-repo",
    "--installroot",
    "-r",
    "--repo",
    "--from",
    "-t",
    "--type",
];

impl Manager {
    /// The manager a program (base name, as [`ShellCommand::program`] gives it) belongs to.
    pub fn of(program: &str) -> Option<Manager> {
        match program {
            "apt-get" | "apt" | "aptitude" => Some(Manager::Apt),
            "apk" => Some(Manager::Apk),
            "yum" | "dnf" | "dnf5" | "microdnf" => Some(Manager::Yum),
            "tdnf" => Some(Manager::Tdnf),
            "zypper" => Some(Manager::Zypper),
            _ => None,
        }
    }

    pub fn value_options(self) -> &'static [&'static str] {
        match self {
            Manager::Apt => APT_VALUE_OPTIONS,
            Manager::Apk => APK_VALUE_OPTIONS,
            Manager::Yum | Manager::Tdnf => YUM_VALUE_OPTIONS,
            Manager::Zypper => ZYPPER_VALUE_OPTIONS,
        }
    }

    /// Where the manager keeps its package index (the repository metadata).
    pub fn index_dirs(self) -> &'static [&'static str] {
        match self {
            Manager::Apt => &["/var/lib/apt/lists"],
            _ => self.cache_dirs(),
        }
    }

    /// Where the manager keeps downloaded packages and repository metadata.
    pub fn cache_dirs(self) -> &'static [&'static str] {
        match self {
            Manager::Apt => &["/var/cache/apt", "/var/lib/apt/lists"],
            Manager::Apk => &["/var/cache/apk"],
            // yum is dnf on RHEL 8 and later, microdnf uses /var/cache/yum, dnf5 libdnf5.
            Manager::Yum => &["/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5"],
            Manager::Tdnf => &["/var/cache/tdnf"],
            Manager::Zypper => &["/var/cache/zypp"],
        }
    }
}

/// Options of `xargs` whose value is the next word.
const XARGS_VALUE_OPTIONS: &[&str] = &[
    "-a",
    "--arg-file",
    "-d",
    "--delimiter",
    "-E",
    "-I",
    "-L",
    "-n",
    "--max-args",
    "-P",
    "--max-procs",
    "-s",
    "--max-chars",
    "--process-slot-var",
];

/// One package-manager command: `sudo apt-get -q install -y curl`, also behind `xargs`
/// (`xargs -r apt-get install -y < packages.txt`), whose own options are skipped.
#[derive(Clone, Copy, Debug)]
pub struct PackageCommand<'a> {
    pub cmd: &'a ShellCommand,
    /// The package manager as written (`/usr/bin/apt-get`).
    pub name: &'a Word,
    /// The package manager's arguments.
    pub args: &'a [Word],
    pub manager: Manager,
    /// The first non-option argument (`install`).
    pub subcommand: &'a Word,
    /// The word naming what is done: the sub-command, or the word after `group`/`groups`/
    /// `module` for yum and dnf (`install` in `dnf group install`).
    pub action: &'a Word,
}

impl<'a> PackageCommand<'a> {
    /// `cmd` as a package-manager command, if it runs one with a sub-command.
    pub fn of(cmd: &'a ShellCommand) -> Option<Self> {
        let (name, args) = if cmd.is("xargs") {
            let at = positional_args(cmd.args(), XARGS_VALUE_OPTIONS).next()?;
            let index = cmd.args().iter().position(|w| std::ptr::eq(w, at))?;
            (at, &cmd.args()[index + 1..])
        } else {
            (cmd.name(), cmd.args())
        };
        let manager = Manager::of(tool(&name.text))?;
        let mut operands = positional_args(args, manager.value_options());
        let subcommand = operands.next()?;
        let grouped = matches!(manager, Manager::Yum | Manager::Tdnf)
            && matches!(subcommand.text.as_str(), "group" | "groups" | "module");
        let action = if grouped {
            operands.next().unwrap_or(subcommand)
        } else {
            subcommand
        };
        Some(PackageCommand {
            cmd,
            name,
            args,
            manager,
            subcommand,
            action,
        })
    }

    /// The package manager's base name, without the `xx-` of the cross-compilation helpers
    /// (`/usr/bin/apt-get` and `xx-apt-get` are `apt-get`).
    pub fn program(&self) -> &'a str {
        tool(&self.name.text)
    }

    /// The command as it is named in messages: `apt-get install`, `dnf group install`,
    /// `xx-apt-get install`.
    pub fn display(&self) -> String {
        let name = &self.name.text;
        let name = name.rsplit('/').next().unwrap_or(name);
        if std::ptr::eq(self.subcommand, self.action) {
            format!("{name} {}", self.subcommand.text)
        } else {
            format!("{name} {} {}", self.subcommand.text, self.action.text)
        }
    }

    /// From the program name to the action word: the span of findings about the command.
    pub fn range(&self) -> TextRange {
        self.name.range.cover(self.action.range)
    }

    /// The non-option arguments after the action word: the packages of an install.
    pub fn operands(&self) -> impl Iterator<Item = &'a Word> + 'a {
        let skip = if std::ptr::eq(self.subcommand, self.action) {
            1
        } else {
            2
        };
        positional_args(self.args, self.manager.value_options()).skip(skip)
    }

    /// [`ShellCommand::has_option`] for the package manager's arguments.
    pub fn has_option(&self, long: &[&str], short: &[char]) -> bool {
        has_option(self.args, long, short)
    }

    /// True when the action only refreshes the package index (`apt-get update`,
    /// `yum makecache`, `zypper refresh`).
    pub fn refreshes_index(&self) -> bool {
        let action = self.action.text.as_str();
        match self.manager {
            Manager::Apt | Manager::Apk => action == "update",
            Manager::Yum | Manager::Tdnf => {
                matches!(action, "makecache" | "check-update" | "check-upgrade")
            }
            Manager::Zypper => matches!(action, "refresh" | "ref"),
        }
    }

    /// True when the action downloads packages from the index: installs, reinstalls,
    /// upgrades, build dependencies, downloads.
    pub fn fetches_packages(&self) -> bool {
        let action = self.action.text.as_str();
        match self.manager {
            Manager::Apt => matches!(
                action,
                "install"
                    | "reinstall"
                    | "upgrade"
                    | "dist-upgrade"
                    | "full-upgrade"
                    | "safe-upgrade"
                    | "build-dep"
                    | "satisfy"
                    | "source"
                    | "download"
            ),
            Manager::Apk => matches!(action, "add" | "upgrade" | "fix" | "fetch"),
            Manager::Yum | Manager::Tdnf => matches!(
                action,
                "install"
                    | "in"
                    | "groupinstall"
                    | "localinstall"
                    | "reinstall"
                    | "rei"
                    | "install-n"
                    | "install-na"
                    | "install-nevra"
                    | "update"
                    | "upgrade"
                    | "up"
                    | "groupupdate"
                    | "update-minimal"
                    | "upgrade-minimal"
                    | "downgrade"
                    | "distro-sync"
                    | "distrosync"
                    | "dsync"
                    | "swap"
                    | "builddep"
                    | "download"
                    | "debuginfo-install"
            ),
            Manager::Zypper => matches!(
                action,
                "install"
                    | "in"
                    | "update"
                    | "up"
                    | "dist-upgrade"
                    | "dup"
                    | "patch"
                    | "source-install"
                    | "si"
                    | "install-new-recommends"
                    | "inr"
                    | "download"
            ),
        }
    }

    /// True when this is the manager's own cache clean-up: `yum clean all`, `tdnf clean all`,
    /// `zypper clean` (or `cc`), `apk cache clean`, `apt-get clean` (which keeps the package
    /// lists; `apt-get distclean` removes them too).
    pub fn cleans_cache(&self) -> bool {
        let sub = self.subcommand.text.as_str();
        match self.manager {
            Manager::Apt => matches!(sub, "clean" | "autoclean" | "distclean" | "dist-clean"),
            Manager::Apk => sub == "cache" && self.operands().any(|w| w.text == "clean"),
            Manager::Yum | Manager::Tdnf => {
                sub == "clean" && self.operands().any(|w| w.text == "all")
            }
            Manager::Zypper => matches!(sub, "clean" | "cc"),
        }
    }

    /// True when this is the manager's own removal of its package index: `apt-get distclean`,
    /// `yum clean all` (or `clean metadata`), `zypper clean --all` (or `--metadata`).
    pub fn removes_index(&self) -> bool {
        let sub = self.subcommand.text.as_str();
        match self.manager {
            Manager::Apt => matches!(sub, "distclean" | "dist-clean"),
            Manager::Apk => false,
            Manager::Yum | Manager::Tdnf => {
                sub == "clean"
                    && self
                        .operands()
                        .any(|w| matches!(w.text.as_str(), "all" | "metadata"))
            }
            Manager::Zypper => {
                matches!(sub, "clean" | "cc")
                    && self.has_option(&["--all", "--metadata", "--raw-metadata"], &['a', 'm', 'M'])
            }
        }
    }
}

/// The package-manager commands of a script, in source order.
pub fn package_commands(script: &ShellScript) -> impl Iterator<Item = PackageCommand<'_>> {
    script.commands.iter().filter_map(PackageCommand::of)
}

/// The base name of a program without the `xx-` prefix of tonistiigi/xx's wrappers.
fn tool(name: &str) -> &str {
    let base = name.rsplit('/').next().unwrap_or(name);
    base.strip_prefix("xx-").unwrap_or(base)
}

/// True when `pred` holds for `cmd` or, when `cmd` is a shell given its script with `-c`
/// (`bash -c "apt-get clean && rm -rf /var/lib/apt/lists/*"`), for a command of that script.
/// The nested script is parsed only when `cmd` itself does not match.
pub fn runs(cmd: &ShellCommand, pred: impl Fn(&ShellCommand) -> bool) -> bool {
    if pred(cmd) {
        return true;
    }
    if !matches!(
        cmd.program(),
        "sh" | "bash" | "dash" | "ash" | "zsh" | "ksh"
    ) {
        return false;
    }
    let args = cmd.args();
    // `-o pipefail` takes a value; the first operand after the options is the script.
    let Some(string) = positional_args(args, &["-o", "-O"]).next() else {
        return false;
    };
    let with_c = args
        .iter()
        .take_while(|w| !std::ptr::eq(*w, string))
        .any(|w| !w.text.starts_with("--") && w.text.starts_with('-') && w.text.contains('c'));
    // Every word of the nested script points at the string it came from.
    with_c
        && parse_script(&string.text, &|_, _| string.range)
            .commands
            .iter()
            .any(pred)
}

/// True when `cmd` is a recursive `rm` (`rm -rf`, `rm -r -f`, `rm --recursive`) that removes
/// one of `dirs`, everything in it (`dir/*`) or a parent of it, or an `rm` of the files in one
/// of `dirs` (`rm /var/lib/apt/lists/*_*`). A path whose value is only known at build time
/// does not count: in practice it is a temporary directory (`rm -rf "$GNUPGHOME"`).
pub fn removes_dir(cmd: &ShellCommand, dirs: &[&str]) -> bool {
    if !cmd.is("rm") {
        return false;
    }
    let args = cmd.args();
    let options = || args.iter().take_while(|w| w.text != "--");
    let recursive = options().any(|w| {
        let t = w.text.as_str();
        t == "--recursive" || (!t.starts_with("--") && t.starts_with('-') && t.contains(['r', 'R']))
    });
    let mut after_double_dash = false;
    args.iter()
        .filter(|w| {
            let t = w.text.as_str();
            after_double_dash |= t == "--";
            after_double_dash && t != "--" || !t.starts_with('-') || t == "-"
        })
        .any(|w| {
            dirs.iter().any(|dir| {
                if recursive {
                    !w.has_variable && covers(&w.text, dir)
                } else {
                    // `rm /var/lib/apt/lists/*_*`: the files of `dir`, where apt keeps its lists.
                    w.text
                        .strip_prefix(dir.trim_end_matches('/'))
                        .and_then(|rest| rest.strip_prefix('/'))
                        .is_some_and(|glob| glob.starts_with('*') && !glob.contains('/'))
                }
            })
        })
}

/// True when removing `path` (absolute, possibly ending in a `*` glob) removes `dir` or all of
/// its content: `dir`, `dir/`, `dir/*`, a parent (`/var/cache`) or a parent's glob
/// (`/var/cache/*`, `/var/cache/ap*`). A relative path depends on the working directory and
/// `/*` is not a clean-up, so neither counts.
pub fn covers(path: &str, dir: &str) -> bool {
    let dir = dir.trim_end_matches('/');
    if !path.starts_with('/') {
        return false;
    }
    if let Some(prefix) = path.strip_suffix('*') {
        let prefix = prefix.trim_end_matches('*');
        return prefix.len() > 1
            && (dir.starts_with(prefix) || prefix.trim_end_matches('/') == dir);
    }
    let path = path.trim_end_matches('/');
    !path.is_empty()
        && (path == dir
            || dir
                .strip_prefix(path)
                .is_some_and(|rest| rest.starts_with('/')))
}

/// True when `inst` has a `--mount=type=cache` or `--mount=type=tmpfs` whose target is one of
/// `dirs` or a parent of one (`/var/cache` covers `/var/cache/apk`): nothing written there ends
/// up in the image layer.
pub fn has_cache_mount(inst: &Instruction, dirs: &[&str]) -> bool {
    inst.flags
        .iter()
        .filter(|f| f.name == "mount")
        .filter_map(|f| f.value.as_ref())
        .any(|value| {
            let mut kind = "bind";
            let mut target = None;
            for field in value.text.split(',') {
                match field.split_once('=') {
                    Some(("type", v)) => kind = v,
                    Some(("target" | "dst" | "destination", v)) => target = Some(v),
                    _ => {}
                }
            }
            let Some(target) = target else { return false };
            let target = target.trim_end_matches('/');
            matches!(kind, "cache" | "tmpfs")
                && dirs.iter().any(|dir| {
                    let dir = dir.trim_end_matches('/');
                    dir == target || dir.strip_prefix(target).is_some_and(|r| r.starts_with('/'))
                })
        })
}

/// Every `RUN` (also behind `ONBUILD`) whose layer ends up in the final image: those of the
/// last stage and of the stages it is built `FROM`, directly or through other stages. A stage
/// that is only copied from (`COPY --from`) leaves nothing else behind, so what its `RUN`s
/// write does not matter to the image. A fragment without `FROM` is one stage, the last.
pub fn final_image_runs(df: &Dockerfile) -> impl Iterator<Item = (&Instruction, &ShellScript)> {
    let last = df.final_stage().map(|s| s.index);
    let in_final = move |stage: Option<usize>| {
        let (Some(stage), Some(last)) = (stage, last) else {
            return false;
        };
        df.stage_chain(last).any(|s| s.index == stage)
    };
    df.instructions
        .iter()
        .filter(move |outer| in_final(outer.stage))
        .flat_map(Instruction::with_onbuild)
        .filter_map(|inst| inst.script.as_ref().map(|script| (inst, script)))
}

/// The value of the last `-o key=value` (also `-okey=value`, `--option key=value`,
/// `--option=key=value`) of an apt command; keys compare case-insensitively, as apt does.
pub fn apt_option<'a>(args: &'a [Word], key: &str) -> Option<&'a str> {
    let mut found = None;
    for (i, w) in args.iter().enumerate() {
        let t = w.text.as_str();
        let setting = match t {
            "-o" | "--option" => args.get(i + 1).map(|v| v.text.as_str()),
            _ => t
                .strip_prefix("--option=")
                .or_else(|| t.strip_prefix("-o").filter(|s| !s.is_empty())),
        };
        if let Some((k, v)) = setting.and_then(|s| s.split_once('=')) {
            if k.eq_ignore_ascii_case(key) {
                found = Some(v);
            }
        }
    }
    found
}

/// The option letters of a short-option word of apt (`-qy` → `q`, `y`), up to the first one
/// that takes a value (`-oFoo=1` → `o`); nothing for other words.
pub fn apt_short_flags(word: &str) -> impl Iterator<Item = char> + '_ {
    let cluster = word
        .strip_prefix('-')
        .filter(|c| !c.starts_with('-') && !c.contains('='))
        .unwrap_or("");
    let mut done = false;
    cluster.chars().take_while(move |c| {
        let take = !done;
        done |= matches!(c, 'o' | 'c' | 't' | 'a' | 'P');
        take
    })
}

/// True when the arguments of an apt command only simulate (`-s`, `--simulate`, `--dry-run`,
/// `--just-print`, `--recon`, `--no-act`, `--print-uris`): it installs nothing and asks nothing.
pub fn apt_simulates(args: &[Word]) -> bool {
    args.iter().take_while(|w| w.text != "--").any(|w| {
        let t = w.text.as_str();
        matches!(
            t,
            "--simulate" | "--just-print" | "--dry-run" | "--recon" | "--no-act" | "--print-uris"
        ) || apt_short_flags(t).any(|c| c == 's')
    })
}

/// apt's reading of a boolean setting: `true`/`yes`/`on`/`1` or `false`/`no`/`off`/`0`.
pub fn apt_bool(value: &str) -> Option<bool> {
    let value = value.trim_matches(['"', '\'']);
    ["true", "yes", "on", "with", "enable", "1"]
        .iter()
        .any(|t| value.eq_ignore_ascii_case(t))
        .then_some(true)
        .or_else(|| {
            ["false", "no", "off", "without", "disable", "0"]
                .iter()
                .any(|f| value.eq_ignore_ascii_case(f))
                .then_some(false)
        })
}

/// Where a `RUN` writes the setting `key` with one of `values` into a configuration file with
/// `echo` or `printf`
/// (`echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90yes`,
/// `echo assumeyes=1 >> /etc/dnf/dnf.conf`). Keys and values compare case-insensitively.
/// Found once per file, so that judging many commands stays linear.
pub struct Configured(Vec<(u32, usize)>);

impl Configured {
    /// The start offset and stage of every top-level `RUN` that writes `key` with one of
    /// `values`.
    pub fn scan(df: &Dockerfile, key: &str, values: &[&str]) -> Configured {
        let writes = |script: &ShellScript| {
            script
                .commands
                .iter()
                .filter(|c| c.is("echo") || c.is("printf"))
                .flat_map(ShellCommand::args)
                .any(|w| {
                    setting_in(&w.text, key)
                        .is_some_and(|v| values.iter().any(|x| v.eq_ignore_ascii_case(x)))
                })
        };
        Configured(
            df.instructions
                .iter()
                .filter(|i| i.keyword == Keyword::Run)
                .filter_map(|i| Some((i.range.start, i.stage?, i.script.as_ref()?)))
                .filter(|(_, _, script)| writes(script))
                .map(|(at, stage, _)| (at, stage))
                .collect(),
        )
    }

    /// True when a `RUN` before `inst`, in its stage or a stage that stage is built on, wrote
    /// the setting. An `ONBUILD RUN` counts as part of the stage of its `ONBUILD`.
    pub fn before(&self, df: &Dockerfile, inst: &Instruction) -> bool {
        if self.0.is_empty() {
            return false;
        }
        let Some(stage) = df
            .position_of(inst)
            .and_then(|(index, _)| df.instructions[index].stage)
        else {
            return false;
        };
        let at = inst.range.start;
        df.stage_chain(stage).any(|s| {
            self.0
                .iter()
                .any(|&(written, in_stage)| in_stage == s.index && written < at)
        })
    }
}

/// The value written after `key` in `text`: `true` in `APT::Get::Assume-Yes "true";`.
fn setting_in<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    let at = (0..=text.len().checked_sub(key.len())?)
        .find(|&i| text.as_bytes()[i..i + key.len()].eq_ignore_ascii_case(key.as_bytes()))?;
    let rest = text[at + key.len()..].trim_start_matches([' ', '\t', '"', '\'', '=']);
    let end = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_run(text: &str) -> Instruction {
        crate::dockerfile::parse(text).instructions.remove(0)
    }

    fn first_command(text: &str) -> ShellCommand {
        first_run(text).script.unwrap().commands.remove(0)
    }

    #[test]
    fn cache_and_tmpfs_mounts_on_the_directory_or_a_parent() {
        let dirs = &["/var/cache/apk"];
        assert!(has_cache_mount(
            &first_run("RUN --mount=type=cache,target=/var/cache/apk apk add curl"),
            dirs
        ));
        assert!(has_cache_mount(
            &first_run("RUN --mount=type=tmpfs,dst=/var/cache/ apk add curl"),
            dirs
        ));
        assert!(!has_cache_mount(
            &first_run("RUN --mount=type=bind,target=/var/cache/apk apk add curl"),
            dirs
        ));
        assert!(!has_cache_mount(
            &first_run("RUN --mount=type=cache,target=/var/cache/apkx apk add curl"),
            dirs
        ));
        assert!(!has_cache_mount(&first_run("RUN apk add curl"), dirs));
    }

    #[test]
    fn package_commands_know_their_manager_action_and_operands() {
        let cmd = first_command("RUN sudo /usr/bin/apt-get -o A=B -q install -y curl=1 wget");
        let pc = PackageCommand::of(&cmd).unwrap();
        assert_eq!(pc.manager, Manager::Apt);
        assert_eq!(pc.display(), "apt-get install");
        let operands: Vec<_> = pc.operands().map(|w| w.text.as_str()).collect();
        assert_eq!(operands, ["curl=1", "wget"]);
        assert!(pc.fetches_packages() && !pc.refreshes_index());

        let cmd = first_command("RUN dnf -y group install 'Development Tools'");
        let pc = PackageCommand::of(&cmd).unwrap();
        assert_eq!(pc.display(), "dnf group install");
        assert!(pc.fetches_packages());
        assert_eq!(pc.operands().next().unwrap().text, "Development Tools");

        let cmd = first_command("RUN yum clean all");
        assert!(PackageCommand::of(&cmd).unwrap().cleans_cache());
        let cmd = first_command("RUN zypper --non-interactive ref");
        assert!(PackageCommand::of(&cmd).unwrap().refreshes_index());
        assert!(PackageCommand::of(&first_command("RUN apt-get")).is_none());
        assert!(PackageCommand::of(&first_command("RUN pip install x")).is_none());
    }

    #[test]
    fn recursive_rm_of_a_directory_its_content_or_a_parent() {
        let lists = &["/var/lib/apt/lists"];
        for yes in [
            "RUN rm -rf /var/lib/apt/lists/*",
            "RUN rm -fr /var/lib/apt/lists",
            "RUN rm -r -f /var/lib/apt/lists/",
            "RUN rm --recursive --force /var/lib/apt",
            "RUN rm -Rf /tmp/* /var/lib/apt/lists/*",
            "RUN rm -rf /var/lib/apt/*",
        ] {
            assert!(removes_dir(&first_command(yes), lists), "{yes}");
        }
        assert!(removes_dir(
            &first_command("RUN rm -f /var/lib/apt/lists/*_*"),
            lists
        ));
        for no in [
            "RUN rm -f /var/lib/apt/lists/partial/*",
            "RUN rm -f /var/lib/apt/lists",
            "RUN rm -rf /var/lib/apt/lists/partial",
            "RUN rm -rf /var/lib/apt/listsx",
            "RUN rm -rf /tmp/$X",
            "RUN rm -rf \"$GNUPGHOME\"",
            "RUN echo -rf /var/lib/apt/lists/*",
        ] {
            assert!(!removes_dir(&first_command(no), lists), "{no}");
        }
    }

    #[test]
    fn commands_of_a_shell_c_script() {
        let lists = &["/var/lib/apt/lists"];
        let removes = |c: &ShellCommand| removes_dir(c, lists);
        for yes in [
            "RUN rm -rf /var/lib/apt/lists/*",
            "RUN bash -c \"apt-get clean && rm -rf /var/lib/apt/lists/*\"",
            "RUN sudo sh -ec 'rm -rf /var/lib/apt/lists/*'",
            "RUN bash -o pipefail -c 'rm -rf /var/lib/apt/lists/*'",
        ] {
            assert!(runs(&first_command(yes), removes), "{yes}");
        }
        for no in [
            "RUN bash /tmp/rm -rf /var/lib/apt/lists/*",
            "RUN echo -c 'rm -rf /var/lib/apt/lists/*'",
            "RUN bash -c 'rm -rf /tmp/*'",
        ] {
            assert!(!runs(&first_command(no), removes), "{no}");
        }
    }

    #[test]
    fn final_image_runs_follow_the_last_stage_and_its_bases() {
        let df = crate::dockerfile::parse(
            "FROM debian AS base\nRUN echo base\nFROM debian AS tool\nRUN echo tool\n\
             FROM base\nONBUILD RUN echo onbuild\nRUN echo final\n",
        );
        let runs: Vec<_> = final_image_runs(&df)
            .map(|(_, s)| s.commands[0].args()[0].text.as_str())
            .collect();
        assert_eq!(runs, ["base", "onbuild", "final"]);
    }

    #[test]
    fn apt_options_and_settings_written_earlier() {
        let cmd = first_command(
            "RUN apt-get install -o APT::Install-Recommends=false -oapt::get::assume-yes=1 x",
        );
        let args = cmd.args();
        assert_eq!(apt_option(args, "APT::Install-Recommends"), Some("false"));
        assert_eq!(apt_option(args, "APT::Get::Assume-Yes"), Some("1"));
        assert_eq!(apt_option(args, "APT::Get::Show-Versions"), None);
        assert!(apt_simulates(
            first_command("RUN apt-get -qs install x").args()
        ));
        assert!(!apt_simulates(
            first_command("RUN apt-get -t stable install x").args()
        ));
        assert_eq!(apt_bool("\"False\""), Some(false));
        assert_eq!(apt_bool("maybe"), None);

        let df = crate::dockerfile::parse(
            "FROM debian AS base\nRUN echo 'APT::Get::Assume-Yes \"true\";' > /etc/apt/apt.conf.d/90yes\n\
             FROM base\nRUN apt-get install curl\nFROM debian\nRUN apt-get install curl\n",
        );
        let key = "APT::Get::Assume-Yes";
        let configured = Configured::scan(&df, key, &["true"]);
        assert!(configured.before(&df, &df.instructions[3]));
        assert!(!configured.before(&df, &df.instructions[5]));
        assert!(!configured.before(&df, &df.instructions[1]));
    }
}
