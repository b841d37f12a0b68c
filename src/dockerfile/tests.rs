//! Parser tests: the BuildKit features the model must handle, each with its spans.

use super::*;

fn text_of(source: &str, range: crate::source::TextRange) -> &str {
    &source[range.as_range()]
}

fn program_names(df: &Dockerfile) -> Vec<String> {
    df.commands()
        .map(|(_, c)| c.program().to_string())
        .collect()
}

#[test]
fn parser_directives_and_backtick_escape() {
    let src = "# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=JSONArgsRecommended\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n    C:\\ && echo done\n";
    let df = parse(src);
    assert!(df.errors.is_empty(), "{:?}", df.errors);
    assert_eq!(df.escape, '`');
    let names: Vec<_> = df
        .directives
        .iter()
        .map(|d| (d.name.as_str(), d.value.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("syntax", "docker/dockerfile:1"),
            ("escape", "`"),
            ("check", "skip=JSONArgsRecommended")
        ]
    );
    let run = &df.instructions[1];
    assert_eq!(run.keyword, Keyword::Run);
    assert_eq!(program_names(&df), ["dir", "echo"]);
    assert_eq!(
        text_of(src, df.commands().nth(1).unwrap().1.range),
        "echo done"
    );
}

#[test]
fn directives_stop_at_the_first_other_line() {
    let df = parse("\n# escape=`\nFROM alpine:3.20\n");
    assert!(df.directives.is_empty());
    assert_eq!(df.escape, '\\');
    assert_eq!(df.comments.len(), 1);
}

#[test]
fn comments_and_empty_lines_inside_continuations() {
    let src = "FROM debian:12\nRUN apt-get update \\\n# a comment\n\n    && apt-get install -y \\\n      curl\n";
    let df = parse(src);
    assert!(df.errors.is_empty());
    assert_eq!(df.instructions.len(), 2);
    assert_eq!(df.comments.len(), 1);
    assert_eq!(df.notes.len(), 1);
    assert_eq!(df.notes[0].kind, LexNoteKind::EmptyContinuationLine);
    let (_, install) = df.commands().nth(1).unwrap();
    assert_eq!(install.subcommand(&[]).unwrap().text, "install");
    let curl = install.args().last().unwrap();
    assert_eq!(text_of(src, curl.range), "curl");
    assert_eq!(
        text_of(src, df.instructions[1].range).lines().count(),
        6 - 1
    );
}

#[test]
fn heredocs_of_every_shape() {
    let src = "FROM alpine:3.20\nRUN <<EOF\napk add curl\nEOF\nRUN <<-'SCRIPT' bash\n\tset -e\n\techo $HOME | tee x\n\tSCRIPT\nCOPY <<one <<\"two\" /etc/\nfirst\none\nsecond\ntwo\nRUN python3 <<PY\nimport os\nPY\nRUN cat <<A > /a && cat <<B > /b\na\nA\nb\nB\n";
    let df = parse(src);
    assert!(df.errors.is_empty(), "{:?}", df.errors);
    let kinds: Vec<_> = df.instructions.iter().map(|i| i.keyword).collect();
    assert_eq!(
        kinds,
        [
            Keyword::From,
            Keyword::Run,
            Keyword::Run,
            Keyword::Copy,
            Keyword::Run,
            Keyword::Run
        ]
    );
    let tabs = &df.instructions[2].heredocs[0];
    assert!(tabs.strip_tabs && tabs.quoted && tabs.terminated);
    let copy = &df.instructions[3];
    assert_eq!(copy.heredocs.len(), 2);
    assert_eq!(text_of(src, copy.heredocs[1].body), "second\n");
    // The body of `RUN <<EOF`, of `RUN <<EOF bash` and the command line of `RUN cat <<A` are
    // shell; the body fed to python3 is not.
    assert_eq!(
        program_names(&df),
        ["apk", "bash", "set", "echo", "tee", "python3", "cat", "cat"]
    );
    let (_, apk) = df.commands().next().unwrap();
    assert_eq!(text_of(src, apk.range), "apk add curl");
    assert_eq!(df.run_scripts().next().unwrap().1.pipelines.len(), 0);
}

#[test]
fn heredoc_after_a_line_continuation() {
    let src = "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk \\\n    <<EOF\napk add git\nEOF\nRUN echo after\n";
    let df = parse(src);
    assert!(df.errors.is_empty(), "{:?}", df.errors);
    assert_eq!(program_names(&df), ["apk", "echo"]);
}

#[test]
fn unterminated_heredoc_is_located_and_the_file_still_parses() {
    let src = "FROM alpine:3.20\nRUN <<EOF\necho never\n";
    let df = parse(src);
    assert_eq!(df.errors.len(), 1);
    assert_eq!(text_of(src, df.errors[0].range), "<<EOF");
    assert_eq!(df.instructions.len(), 2);
}

#[test]
fn flags_keep_their_spans() {
    let src = "FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nCOPY --from=build --chown=app:app --chmod=0755 --link /out /bin/\nRUN --mount=type=cache,target=/root/.cache --network=none go build\n";
    let df = parse(src);
    assert!(df.errors.is_empty(), "{:?}", df.errors);
    let copy = &df.instructions[1];
    let names: Vec<_> = copy.flags.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["from", "chown", "chmod", "link"]);
    let chmod = copy.flag_value("chmod").unwrap();
    assert_eq!(
        (chmod.text.as_str(), text_of(src, chmod.range)),
        ("0755", "0755")
    );
    assert!(copy.flag("link").unwrap().value.is_none());
    assert_eq!(text_of(src, copy.flags[0].range), "--from=build");
    assert_eq!(copy.args.len(), 2);
    assert_eq!(df.stages[0].alias.as_ref().unwrap().text, "build");
    assert_eq!(
        df.instructions[0].flag_value("platform").unwrap().text,
        "$BUILDPLATFORM"
    );
    assert_eq!(program_names(&df), ["go"]);
}

#[test]
fn exec_form_json_and_its_fallback() {
    let src = "FROM alpine:3.20\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\nENTRYPOINT ['/bin/sh']\nRUN [\"apk\", \"add\", \"curl\"]\n";
    let df = parse(src);
    let cmd = &df.instructions[1];
    assert!(cmd.exec_form);
    assert_eq!(cmd.args[2].text, "daemon off;");
    assert_eq!(text_of(src, cmd.args[2].range), "\"daemon off;\"");
    let entrypoint = &df.instructions[2];
    assert!(!entrypoint.exec_form && entrypoint.invalid_exec_form);
    assert!(df.instructions[3].exec_form && df.instructions[3].script.is_none());
}

#[test]
fn bom_crlf_and_lower_case_keywords() {
    let src = "\u{feff}from alpine:3.20 as base\r\nrun apk add \\\r\n    curl\r\nuser app\r\n";
    let df = parse(src);
    assert!(df.bom);
    assert!(df.errors.is_empty(), "{:?}", df.errors);
    assert_eq!(df.instructions.len(), 3);
    assert_eq!(df.stages[0].alias.as_ref().unwrap().text, "base");
    let (_, apk) = df.commands().next().unwrap();
    assert_eq!(apk.args().last().unwrap().text, "curl");
    assert_eq!(text_of(src, df.instructions[2].args[0].range), "app");
}

#[test]
fn arg_defaults_resolve_from_and_stage_scoping() {
    let src = "ARG BASE=python\nARG TAG\nARG REG=${MIRROR:-docker.io}\nFROM ${REG}/${BASE}:${TAG:-3.12}-slim AS app\nARG BASE\nARG LOCAL=1\nFROM $BASE:$TAG\nFROM app\n";
    let df = parse(src);
    assert!(df.errors.is_empty(), "{:?}", df.errors);
    assert_eq!(df.global_args.len(), 3);
    assert_eq!(
        df.stages[0].resolved_image.as_deref(),
        Some("docker.io/python:3.12-slim")
    );
    let reference = df.stages[0].image_ref.as_ref().unwrap();
    assert_eq!(reference.registry.as_deref(), Some("docker.io"));
    // `TAG` has no default: the image is unknown.
    assert_eq!(df.stages[1].resolved_image, None);
    assert_eq!(df.stages[2].parent_stage, Some(0));
    assert_eq!(df.arg_default(Some(0), "BASE").as_deref(), Some("python"));
    assert_eq!(df.arg_default(Some(0), "LOCAL").as_deref(), Some("1"));
    assert_eq!(df.arg_default(Some(1), "LOCAL"), None);
    assert_eq!(
        df.stage_chain(2).map(|s| s.index).collect::<Vec<_>>(),
        [2, 0]
    );
}

#[test]
fn a_malformed_instruction_does_not_hide_the_rest() {
    let src = "FROM alpine:3.20\nFROOM x\nCOPY --form=a b c\nHEALTHCHECK CONNECT x\nRUN echo still here\n";
    let df = parse(src);
    let messages: Vec<_> = df.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(messages[0].contains("did you mean `FROM`"));
    assert!(messages[1].contains("did you mean `--from`"));
    assert_eq!(program_names(&df), ["echo"]);
}

#[test]
fn a_fragment_without_from_is_one_implicit_stage() {
    let df = parse("RUN apt-get install curl\nUSER root\n");
    assert!(!df.has_from());
    assert_eq!(df.stages.len(), 1);
    assert_eq!(df.stages[0].from, None);
    assert!(df.instructions.iter().all(|i| i.stage == Some(0)));
}

#[test]
fn onbuild_wraps_a_parsed_instruction() {
    let src = "FROM alpine:3.20\nONBUILD RUN sudo apk add curl\nONBUILD ONBUILD RUN x\n";
    let df = parse(src);
    let inner = df.instructions[1].onbuild.as_ref().unwrap();
    assert_eq!(inner.keyword, Keyword::Run);
    assert_eq!(program_names(&df), ["apk"]);
    assert_eq!(df.errors.len(), 1);
}

#[test]
fn continuation_at_end_of_file_and_empty_input() {
    let df = parse("FROM alpine:3.20\nRUN echo \\");
    assert_eq!(df.notes[0].kind, LexNoteKind::ContinuationAtEof);
    assert_eq!(df.instructions.len(), 2);
    let empty = parse("");
    assert!(empty.instructions.is_empty() && empty.errors.is_empty() && empty.stages.is_empty());
}

#[test]
fn env_and_label_forms() {
    let src = "FROM alpine:3.20\nENV A=1 B=\"two words\" C=three\\ words\nENV LEGACY value with spaces\nLABEL maintainer \"someone@example.com\"\n";
    let df = parse(src);
    assert!(df.errors.is_empty(), "{:?}", df.errors);
    let env: Vec<_> = df.instructions[1]
        .key_values()
        .into_iter()
        .map(|kv| (kv.key.to_string(), kv.value.unwrap()))
        .collect();
    assert_eq!(
        env,
        [
            ("A".into(), "1".into()),
            ("B".into(), "two words".into()),
            ("C".into(), "three words".into())
        ]
    );
    let legacy = df.instructions[2].key_values();
    assert_eq!(legacy[0].value.as_deref(), Some("value with spaces"));
    assert_eq!(text_of(src, legacy[0].key_range), "LEGACY");
    let label = df.instructions[3].key_values();
    assert_eq!(label[0].value.as_deref(), Some("someone@example.com"));
}

#[test]
fn env_at_follows_the_stage_chain_and_onbuild() {
    let src = "ARG G=7\nFROM alpine:3.20 AS base\nENV A=1\nARG B=2\nFROM base AS next\nARG G\nARG C\nENV A=3\nRUN true\nENV D=4\nONBUILD RUN true\n";
    let df = parse(src);
    assert!(df.errors.is_empty(), "{:?}", df.errors);
    let run = &df.instructions[8];
    assert_eq!(run.keyword, Keyword::Run);
    assert_eq!(df.env_at(run, "A"), Some(Some("3".into())));
    // `ARG`s of a parent stage do not reach a child stage; a stage's own do, with the global
    // default when they have none of their own.
    assert_eq!(df.env_at(run, "B"), None);
    assert_eq!(df.env_at(run, "C"), Some(None));
    assert_eq!(df.env_at(run, "G"), Some(Some("7".into())));
    assert_eq!(df.env_at(run, "D"), None);
    let onbuild = df.instructions[10].onbuild.as_deref().unwrap();
    assert_eq!(df.env_at(onbuild, "D"), Some(Some("4".into())));
    assert_eq!(df.env_at(onbuild, "C"), None);
}

#[test]
fn from_references_of_copy_and_run_mounts() {
    let src = "FROM alpine:3.20 AS build\nCOPY --from=Build /a /b\nRUN --mount=type=bind,from=build,target=/x --mount=type=cache,target=/c --mount=\"from=q\" true\n";
    let df = parse(src);
    assert!(df.errors.is_empty(), "{:?}", df.errors);
    let copy: Vec<_> = df.instructions[1].from_references().collect();
    assert_eq!(copy.len(), 1);
    assert_eq!(
        (copy[0].name, text_of(src, copy[0].range)),
        ("Build", "Build")
    );
    let run: Vec<_> = df.instructions[2].from_references().collect();
    let names: Vec<_> = run
        .iter()
        .map(|r| (r.name, text_of(src, r.range)))
        .collect();
    assert_eq!(names, [("build", "build"), ("q", "\"from=q\"")]);
}

#[test]
fn doubled_escape_at_end_of_line_is_not_a_continuation() {
    // BuildKit: `([^\\])\\[ \t]*$` — an escaped escape ends the line (Windows paths).
    let src =
        "FROM alpine:3.20\nCOPY a.dll \\\n\tC:\\\\Windows\\\\\n\nENV A=1\nRUN echo \\\\\\\nRUN x\n";
    let df = parse(src);
    assert!(df.errors.is_empty(), "{:?}", df.errors);
    let keywords: Vec<_> = df.instructions.iter().map(|i| i.keyword).collect();
    assert_eq!(
        keywords,
        [
            Keyword::From,
            Keyword::Copy,
            Keyword::Env,
            Keyword::Run,
            Keyword::Run
        ]
    );
    assert!(df.notes.is_empty(), "{:?}", df.notes);
    let backtick = parse("# escape=`\nFROM alpine:3.20\nRUN echo ``\nRUN x `\n  y\n");
    assert_eq!(backtick.instructions.len(), 3);
}

#[test]
fn last_user_follows_the_stage_chain() {
    let src = "FROM alpine:3.20 AS base\nUSER app\nFROM base AS mid\nONBUILD USER root\nFROM mid\nRUN id\nFROM alpine:3.20\nUSER root\nUSER 1000\n";
    let df = parse(src);
    let user = |stage: usize| df.last_user(stage).map(|i| i.args[0].text.as_str());
    assert_eq!(user(0), Some("app"));
    // Inherited from `base` through `mid`; `ONBUILD USER` does not count.
    assert_eq!(user(2), Some("app"));
    assert_eq!(user(3), Some("1000"));
    assert!(parse("FROM alpine:3.20\nRUN id\n").last_user(0).is_none());
}

#[test]
fn option_helpers_work_on_argument_slices() {
    let df = parse("RUN xargs -r apt-get -o A=B install -y -- -curl\n");
    let (_, cmd) = df.commands().next().unwrap();
    // The command xargs runs, as a slice of xargs's arguments.
    let inner = &cmd.args()[2..];
    let operands: Vec<_> = shell::positional_args(inner, &["-o"])
        .map(|w| w.text.as_str())
        .collect();
    assert_eq!(operands, ["install", "-curl"]);
    assert!(shell::has_option(inner, &["--yes"], &['y']));
    assert!(!shell::has_option(inner, &["--quiet"], &['q']));
    // The methods on a command say the same about its own arguments.
    assert_eq!(
        cmd.positional_args(&[])
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>(),
        ["apt-get", "A=B", "install", "-curl"]
    );
    assert_eq!(
        cmd.has_option(&[], &['y']),
        shell::has_option(cmd.args(), &[], &['y'])
    );
}

#[test]
fn commands_in_child_shells() {
    let df = parse("RUN cd /a && (cd b && make) && x=$(cd c; pwd) | tee log; diff <(cd d) e\n");
    let sub: Vec<_> = df
        .commands()
        .map(|(_, c)| format!("{}:{}", c.program(), c.in_subshell()))
        .collect();
    assert_eq!(
        sub,
        [
            "cd:false",
            "cd:true",
            "make:true",
            "cd:true",
            "pwd:true",
            "tee:true",
            "diff:false",
            "cd:true"
        ]
    );
}

#[test]
fn assignments_and_declarations() {
    let src =
        "RUN CC=clang CFLAGS=\"-O2 -g\" make && export A=1 B=\"$HOME/x\" C && declare -x D='y'\n";
    let df = parse(src);
    let (_, script) = df.run_scripts().next().unwrap();
    let make = &script.commands[0];
    assert_eq!(make.program(), "make");
    let assigned: Vec<_> = make.assignments().iter().map(|w| w.text.as_str()).collect();
    assert_eq!(assigned, ["CC=clang", "CFLAGS=-O2 -g"]);
    assert_eq!(
        text_of(src, make.assignments()[1].range),
        "CFLAGS=\"-O2 -g\""
    );
    assert_eq!(script.commands.len(), 1);
    let declared: Vec<Vec<_>> = script
        .declarations
        .iter()
        .map(|d| d.words.iter().map(|w| w.text.as_str()).collect())
        .collect();
    assert_eq!(
        declared,
        [
            vec!["export", "A=1", "B=$HOME/x", "C"],
            vec!["declare", "-x", "D=y"]
        ]
    );
    assert!(script.declarations[0].words[2].has_variable);
}
