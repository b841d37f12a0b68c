//! The typed Dockerfile model: instructions, flags, words, heredocs, stages and image
//! references, every piece with its byte range. Shared walks that rules need (the stage an
//! instruction belongs to, the last `USER`, key/value pairs) live here, not in the rules.

use super::image::ImageRef;
use super::shell::{ShellCommand, ShellScript};
use crate::source::TextRange;

/// A parser directive at the top of the file (`# syntax=...`, `# escape=...`, `# check=...`).
#[derive(Clone, Debug)]
pub struct Directive {
    /// Lower-cased name.
    pub name: String,
    pub name_range: TextRange,
    pub value: String,
    pub value_range: TextRange,
    pub range: TextRange,
}

/// A comment line (`# ...`), anywhere in the file, including inside continuations.
#[derive(Clone, Copy, Debug)]
pub struct Comment {
    /// From `#` to the end of the line.
    pub range: TextRange,
}

/// Something the lexer noticed that is legal but suspicious, or a structural error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LexNoteKind {
    EmptyContinuationLine,
    ContinuationAtEof,
    UnterminatedHeredoc(String),
    InvalidEscape,
    DuplicateDirective,
}

#[derive(Clone, Debug)]
pub struct LexNote {
    pub kind: LexNoteKind,
    pub range: TextRange,
}

/// A word of an instruction's arguments, with quotes and escapes removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub range: TextRange,
    /// The word was (partly) quoted in the source.
    pub quoted: bool,
    /// The word holds a `$` outside single quotes, so its value is only known at build time.
    pub has_variable: bool,
}

/// `--name` or `--name=value` before an instruction's arguments.
#[derive(Clone, Debug)]
pub struct Flag {
    /// Without the leading `--`, lower-cased.
    pub name: String,
    pub name_range: TextRange,
    pub value: Option<Word>,
    pub range: TextRange,
}

macro_rules! keywords {
    ($($variant:ident => $text:literal),* $(,)?) => {
        /// An instruction keyword. Unknown keywords are parse errors and never reach rules.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Keyword { $($variant),* }

        impl Keyword {
            pub const ALL: &'static [Keyword] = &[$(Keyword::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $(Keyword::$variant => $text),* }
            }

            pub fn parse(word: &str) -> Option<Keyword> {
                $(if word.eq_ignore_ascii_case($text) { return Some(Keyword::$variant); })*
                None
            }
        }
    };
}

keywords! {
    Add => "ADD", Arg => "ARG", Cmd => "CMD", Copy => "COPY", Entrypoint => "ENTRYPOINT",
    Env => "ENV", Expose => "EXPOSE", From => "FROM", Healthcheck => "HEALTHCHECK",
    Label => "LABEL", Maintainer => "MAINTAINER", Onbuild => "ONBUILD", Run => "RUN",
    Shell => "SHELL", Stopsignal => "STOPSIGNAL", User => "USER", Volume => "VOLUME",
    Workdir => "WORKDIR",
}

impl Keyword {
    /// The flags BuildKit accepts for this instruction.
    pub fn known_flags(self) -> &'static [&'static str] {
        match self {
            Keyword::From => &["platform"],
            Keyword::Run => &["mount", "network", "security", "device"],
            Keyword::Copy => &["from", "chown", "chmod", "link", "parents", "exclude"],
            Keyword::Add => &[
                "chown",
                "chmod",
                "link",
                "keep-git-dir",
                "checksum",
                "exclude",
                "unpack",
            ],
            Keyword::Healthcheck => &[
                "interval",
                "timeout",
                "start-period",
                "start-interval",
                "retries",
            ],
            _ => &[],
        }
    }

    /// Instructions whose arguments may be a JSON array.
    pub fn allows_exec_form(self) -> bool {
        matches!(
            self,
            Keyword::Run
                | Keyword::Cmd
                | Keyword::Entrypoint
                | Keyword::Shell
                | Keyword::Volume
                | Keyword::Copy
                | Keyword::Add
                | Keyword::Healthcheck
        )
    }
}

/// A heredoc body attached to `RUN`, `COPY` or `ADD`.
#[derive(Clone, Debug)]
pub struct Heredoc {
    /// The `<<EOF` marker on the instruction line.
    pub marker: TextRange,
    pub delimiter: String,
    /// `<<-EOF`: leading tabs are stripped.
    pub strip_tabs: bool,
    /// `<<"EOF"` or `<<'EOF'`: no variable expansion in the body.
    pub quoted: bool,
    pub body: TextRange,
    pub terminated: bool,
}

/// One instruction with its flags, arguments and (for `RUN`) the parsed shell script.
#[derive(Clone, Debug)]
pub struct Instruction {
    pub keyword: Keyword,
    pub keyword_range: TextRange,
    /// The whole instruction: keyword to the last line, heredoc bodies included.
    pub range: TextRange,
    pub flags: Vec<Flag>,
    /// The arguments after the flags, up to the end of the instruction line(s).
    pub args_range: TextRange,
    /// The arguments split into words; for the exec form, the JSON array's strings.
    pub args: Vec<Word>,
    /// The arguments are a JSON array (`["a", "b"]`).
    pub exec_form: bool,
    /// The arguments start with `[` but are not a valid JSON array of strings, so Docker runs
    /// them as a shell command (BuildKit accepts this silently).
    pub invalid_exec_form: bool,
    pub heredocs: Vec<Heredoc>,
    /// `RUN` only: the shell commands, from the shell form or from a heredoc script.
    pub script: Option<ShellScript>,
    /// `ONBUILD` only: the instruction it registers.
    pub onbuild: Option<Box<Instruction>>,
    /// Index into [`Dockerfile::stages`]; `None` for instructions before the first `FROM` and
    /// for the instruction behind `ONBUILD` (it runs in a later build, in another stage).
    pub stage: Option<usize>,
}

impl Instruction {
    pub fn flag(&self, name: &str) -> Option<&Flag> {
        self.flags.iter().find(|f| f.name == name)
    }

    pub fn flag_value(&self, name: &str) -> Option<&Word> {
        self.flag(name).and_then(|f| f.value.as_ref())
    }

    /// `KEY=value` pairs of `ENV`, `LABEL` and `ARG` (whose value is optional), including the
    /// legacy `ENV KEY value` and `LABEL key value` forms.
    pub fn key_values(&self) -> Vec<KeyValue<'_>> {
        let legacy = matches!(self.keyword, Keyword::Env | Keyword::Label);
        if legacy && self.args.len() >= 2 && !self.args[0].text.contains('=') {
            let value_range = self.args[1].range.cover(self.args.last().unwrap().range);
            let value = self.args[1..]
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            return vec![KeyValue {
                key: &self.args[0].text,
                key_range: self.args[0].range,
                value: Some(value),
                value_range: Some(value_range),
                word: &self.args[0],
            }];
        }
        self.args
            .iter()
            .map(|w| match w.text.split_once('=') {
                Some((key, value)) => {
                    // Keys are practically never quoted, so the key's length in the source is its
                    // length in the text.
                    let raw_eq = w.range.start as usize + key.len();
                    KeyValue {
                        key,
                        key_range: TextRange::new(w.range.start as usize, raw_eq),
                        value: Some(value.to_string()),
                        value_range: Some(TextRange::new(raw_eq + 1, w.range.end as usize)),
                        word: w,
                    }
                }
                None => KeyValue {
                    key: &w.text,
                    key_range: w.range,
                    value: None,
                    value_range: None,
                    word: w,
                },
            })
            .collect()
    }

    /// This instruction, and the one behind `ONBUILD` if there is one: rules that judge
    /// `RUN` commands look at both.
    pub fn with_onbuild(&self) -> impl Iterator<Item = &Instruction> {
        std::iter::once(self).chain(self.onbuild.as_deref())
    }

    /// The stages or images this instruction reads from: `COPY --from=x` and each
    /// `RUN --mount=...,from=x`. The range is the value `x` itself (the whole flag value when it
    /// is quoted or escaped, so offsets inside it are not known).
    pub fn from_references(&self) -> impl Iterator<Item = FromReference<'_>> {
        let copy = (self.keyword == Keyword::Copy)
            .then(|| self.flag_value("from"))
            .flatten()
            .map(|w| FromReference {
                name: &w.text,
                range: w.range,
                has_variable: w.has_variable,
                mount: false,
            });
        let mounts = self
            .flags
            .iter()
            .filter(|f| self.keyword == Keyword::Run && f.name == "mount")
            .filter_map(|f| f.value.as_ref())
            .filter_map(|w| {
                let mut at = 0;
                let (offset, name) = w.text.split(',').find_map(|field| {
                    let start = at;
                    at += field.len() + 1;
                    // BuildKit reads mount keys case-insensitively.
                    let key = field.get(..5)?;
                    key.eq_ignore_ascii_case("from=")
                        .then(|| (start + 5, &field[5..]))
                })?;
                let exact = w.range.len() == w.text.len();
                let start = w.range.start as usize + offset;
                Some(FromReference {
                    name,
                    range: if exact {
                        TextRange::new(start, start + name.len())
                    } else {
                        w.range
                    },
                    has_variable: name.contains('$'),
                    mount: true,
                })
            });
        copy.into_iter().chain(mounts)
    }
}

/// A stage or image named by `COPY --from=` or `RUN --mount=from=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FromReference<'a> {
    pub name: &'a str,
    pub range: TextRange,
    pub has_variable: bool,
    /// From a `RUN --mount` rather than `COPY --from`.
    pub mount: bool,
}

impl FromReference<'_> {
    /// The reference as written: `--from=build` or `from=build`.
    pub fn display(&self) -> String {
        let flag = if self.mount { "from" } else { "--from" };
        format!("{flag}={}", self.name)
    }
}

/// A `KEY=value` item of `ENV`, `LABEL` or `ARG`.
#[derive(Clone, Debug)]
pub struct KeyValue<'a> {
    pub key: &'a str,
    pub key_range: TextRange,
    pub value: Option<String>,
    pub value_range: Option<TextRange>,
    pub word: &'a Word,
}

/// A build stage: a `FROM` and the instructions after it.
#[derive(Clone, Debug)]
pub struct Stage {
    pub index: usize,
    /// Index of the `FROM` instruction, `None` for the implicit stage of a fragment without
    /// `FROM`.
    pub from: Option<usize>,
    /// The base image as written.
    pub image: Option<Word>,
    /// The base image with global `ARG` defaults substituted; `None` when a variable has no
    /// default.
    pub resolved_image: Option<String>,
    /// Parsed [`Self::resolved_image`], unless it names an earlier stage or `scratch`.
    pub image_ref: Option<ImageRef>,
    /// The earlier stage this one builds on (`FROM builder`).
    pub parent_stage: Option<usize>,
    pub alias: Option<Word>,
    /// Indices of this stage's instructions, `FROM` included.
    pub instructions: std::ops::Range<usize>,
}

/// The last of `stages` whose alias is `name` (case-insensitive, as BuildKit compares them).
pub fn stage_by_alias(stages: &[Stage], name: &str) -> Option<usize> {
    stages
        .iter()
        .rev()
        .find(|s| {
            s.alias
                .as_ref()
                .is_some_and(|a| a.text.eq_ignore_ascii_case(name))
        })
        .map(|s| s.index)
}

/// A syntax error; becomes a `parse-error` diagnostic.
#[derive(Clone, Debug)]
pub struct SyntaxError {
    pub range: TextRange,
    pub message: String,
}

/// A parsed Dockerfile.
#[derive(Clone, Debug)]
pub struct Dockerfile {
    pub bom: bool,
    pub escape: char,
    pub directives: Vec<Directive>,
    pub comments: Vec<Comment>,
    pub instructions: Vec<Instruction>,
    pub stages: Vec<Stage>,
    /// `ARG`s before the first `FROM`.
    pub global_args: Vec<usize>,
    pub notes: Vec<LexNote>,
    pub errors: Vec<SyntaxError>,
}

impl Dockerfile {
    /// True when the file has at least one `FROM` (it is a whole Dockerfile, not a fragment).
    pub fn has_from(&self) -> bool {
        self.stages.iter().any(|s| s.from.is_some())
    }

    pub fn stage_instructions(&self, stage: &Stage) -> &[Instruction] {
        &self.instructions[stage.instructions.clone()]
    }

    /// The stage a finding about "the image" belongs to: the last one.
    pub fn final_stage(&self) -> Option<&Stage> {
        self.stages.last()
    }

    /// Stage index of an earlier stage named `name` (alias, case-insensitive, or number),
    /// looking only before stage `before`.
    pub fn stage_by_name(&self, name: &str, before: usize) -> Option<usize> {
        if let Ok(n) = name.parse::<usize>() {
            return (n < before).then_some(n);
        }
        stage_by_alias(&self.stages[..before.min(self.stages.len())], name)
    }

    /// The stages whose instructions are in effect for `stage`: itself and the earlier stages
    /// it is built `FROM`, nearest first.
    pub fn stage_chain(&self, stage: usize) -> impl Iterator<Item = &Stage> {
        std::iter::successors(self.stages.get(stage), |s| {
            s.parent_stage.and_then(|p| self.stages.get(p))
        })
    }

    /// Where `inst` (an instruction of this file) sits: the index of the top-level instruction
    /// that is or holds it, and whether `inst` is the one behind that `ONBUILD`. `None` for an
    /// instruction of another file. A binary search: instructions are in source order, and
    /// the one behind `ONBUILD` lies inside its outer one.
    pub fn position_of(&self, inst: &Instruction) -> Option<(usize, bool)> {
        let index = self
            .instructions
            .partition_point(|i| i.range.start <= inst.range.start)
            .checked_sub(1)?;
        let outer = &self.instructions[index];
        if std::ptr::eq(outer, inst) {
            Some((index, false))
        } else {
            outer
                .onbuild
                .as_deref()
                .is_some_and(|o| std::ptr::eq(o, inst))
                .then_some((index, true))
        }
    }

    /// Every instruction, each followed by the one behind it when it is an `ONBUILD`.
    pub fn all_instructions(&self) -> impl Iterator<Item = &Instruction> {
        self.instructions.iter().flat_map(Instruction::with_onbuild)
    }

    /// All `RUN` instructions (also behind `ONBUILD`) with their parsed scripts.
    pub fn run_scripts(&self) -> impl Iterator<Item = (&Instruction, &ShellScript)> {
        self.all_instructions()
            .filter_map(|i| i.script.as_ref().map(|s| (i, s)))
    }

    /// Every shell command of every `RUN` (also behind `ONBUILD`), with its instruction.
    pub fn commands(&self) -> impl Iterator<Item = (&Instruction, &ShellCommand)> {
        self.run_scripts()
            .flat_map(|(inst, script)| script.commands.iter().map(move |c| (inst, c)))
    }

    /// Instructions of `stage` with the given keyword.
    pub fn stage_keyword<'a>(
        &'a self,
        stage: &'a Stage,
        keyword: Keyword,
    ) -> impl Iterator<Item = &'a Instruction> + 'a {
        self.stage_instructions(stage)
            .iter()
            .filter(move |i| i.keyword == keyword)
    }

    /// The default value of `ARG name` visible in `stage` (declared in the stage, taking the
    /// global default when the stage re-declares it without one).
    pub fn arg_default(&self, stage: Option<usize>, name: &str) -> Option<String> {
        let global = self.global_args.iter().rev().find_map(|&i| {
            self.instructions[i]
                .key_values()
                .into_iter()
                .find(|kv| kv.key == name)
                .map(|kv| kv.value)
        });
        let global = global.flatten();
        let Some(stage) = stage.and_then(|s| self.stages.get(s)) else {
            return global;
        };
        for inst in self.stage_instructions(stage).iter().rev() {
            if inst.keyword == Keyword::Arg {
                if let Some(kv) = inst.key_values().into_iter().find(|kv| kv.key == name) {
                    return kv.value.or(global);
                }
            }
        }
        None
    }

    /// The environment variable `name` as a `RUN` at `inst` sees it from `ENV` (and, in the
    /// same stage, `ARG`) instructions: the last one before `inst` in its stage, then in the
    /// stages it is built `FROM`. `inst` behind `ONBUILD` runs in a later build and sees every
    /// `ENV` of the chain. `None` when nothing declares it, `Some(None)` when an `ARG` declares
    /// it without any default. Values are as written (`$OTHER` is not expanded).
    pub fn env_at(&self, inst: &Instruction, name: &str) -> Option<Option<String>> {
        let (index, onbuild) = self.position_of(inst)?;
        let stage = self.instructions[index].stage?;
        for (n, s) in self.stage_chain(stage).enumerate() {
            let own = n == 0 && !onbuild;
            let end = if own { index } else { s.instructions.end };
            for i in self.instructions[s.instructions.start..end].iter().rev() {
                // An `ARG` is an environment variable of its own stage's `RUN`s only; it is
                // not kept in the image a later stage or build starts from.
                if i.keyword != Keyword::Env && !(own && i.keyword == Keyword::Arg) {
                    continue;
                }
                if let Some(kv) = i.key_values().into_iter().rev().find(|kv| kv.key == name) {
                    return Some(kv.value.or_else(|| self.arg_default(None, name)));
                }
            }
        }
        None
    }

    /// The `USER` instruction in effect at the end of `stage`: its last `USER`, or else the last
    /// one of the earlier stages it is built `FROM`, nearest first. `ONBUILD USER` is not
    /// counted: it applies to images built from this one. `None` when the chain sets no user
    /// (the base image's user applies).
    pub fn last_user(&self, stage: usize) -> Option<&Instruction> {
        self.stage_chain(stage).find_map(|s| {
            self.stage_instructions(s)
                .iter()
                .rev()
                .find(|i| i.keyword == Keyword::User)
        })
    }
}
