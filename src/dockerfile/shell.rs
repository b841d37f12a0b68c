//! Shell inside `RUN`: tree-sitter-bash turns the script into simple commands with argument
//! words and pipelines, every word mapped back to its source range, so rules can ask "which
//! `apt-get install` lacks `-y`" instead of matching strings. Error-tolerant: a broken script
//! still yields its good commands.

use super::model::Word;
use crate::source::TextRange;
use std::cell::RefCell;
use tree_sitter::{Node, Parser};

/// The commands of one `RUN`.
#[derive(Clone, Debug, Default)]
pub struct ShellScript {
    /// Every simple command in source order, including those inside `$(...)`, subshells and
    /// control flow.
    pub commands: Vec<ShellCommand>,
    /// Pipelines of two or more stages, as indices into `commands` (the first command of each
    /// stage).
    pub pipelines: Vec<Vec<usize>>,
    /// tree-sitter found a syntax error somewhere in the script.
    pub has_errors: bool,
    /// `export`, `declare`, `typeset`, `readonly` and `local` commands, in source order: the
    /// keyword, then its arguments, `NAME=value` with quotes removed. tree-sitter-bash keeps
    /// them apart from simple commands, so they are not in `commands`.
    pub declarations: Vec<ShellCommand>,
}

impl ShellScript {
    /// The commands that start after `cmd` ends: what runs later in the same `RUN` (and so
    /// in the same layer).
    pub fn commands_after<'a>(
        &'a self,
        cmd: &ShellCommand,
    ) -> impl Iterator<Item = &'a ShellCommand> + 'a {
        let end = cmd.range.end;
        self.commands.iter().filter(move |c| c.range.start >= end)
    }

    /// Adds another script's commands after this one's (a `RUN` with several heredoc scripts).
    pub fn append(&mut self, other: ShellScript) {
        let shift = self.commands.len();
        self.commands.extend(other.commands);
        self.pipelines.extend(
            other
                .pipelines
                .into_iter()
                .map(|p| p.into_iter().map(|i| i + shift).collect()),
        );
        self.has_errors |= other.has_errors;
        self.declarations.extend(other.declarations);
    }
}

/// One simple command, `name args...`, as written; [`ShellCommand::name`] and
/// [`ShellCommand::args`] skip wrappers such as `sudo`, `env VAR=1` or `nice -n 5`.
#[derive(Clone, Debug)]
pub struct ShellCommand {
    /// The command name followed by its arguments.
    pub words: Vec<Word>,
    /// Index into `words` of the command that really runs, after wrappers.
    effective: usize,
    pub range: TextRange,
    /// Runs in a child shell (see [`ShellCommand::in_subshell`]).
    subshell: bool,
    /// `NAME=value` words before the command name.
    assignments: Vec<Word>,
}

impl ShellCommand {
    /// The program that runs (after `sudo`, `env`, ...), e.g. `apt-get`.
    pub fn name(&self) -> &Word {
        &self.words[self.effective]
    }

    /// The program's base name: `/usr/bin/apt-get` → `apt-get`.
    pub fn program(&self) -> &str {
        let name = &self.name().text;
        name.rsplit('/').next().unwrap_or(name)
    }

    /// The arguments of the program that runs.
    pub fn args(&self) -> &[Word] {
        &self.words[self.effective + 1..]
    }

    /// The command as written, wrappers included.
    pub fn written_name(&self) -> &Word {
        &self.words[0]
    }

    /// The wrappers in front of the program (`sudo`, `env`, ...).
    pub fn wrappers(&self) -> impl Iterator<Item = &Word> {
        self.words[..self.effective]
            .iter()
            .filter(|w| WRAPPERS.iter().any(|(n, _)| *n == base_name(&w.text)))
    }

    pub fn is(&self, program: &str) -> bool {
        self.program() == program
    }

    /// Arguments that are not options, skipping the values of options listed in
    /// `options_with_value` (written `-o` or `--opt`, value in the next word).
    pub fn positional_args<'a>(
        &'a self,
        options_with_value: &'static [&'static str],
    ) -> impl Iterator<Item = &'a Word> + 'a {
        positional_args(self.args(), options_with_value)
    }

    /// The first positional argument, usually the sub-command (`install` in `apt-get install`).
    pub fn subcommand(&self, options_with_value: &'static [&'static str]) -> Option<&Word> {
        self.positional_args(options_with_value).next()
    }

    /// True when an argument is the long option `--name` (or `--name=...`) or a short-option
    /// cluster containing one of `short` (`-y`, `-qy`).
    pub fn has_option(&self, long: &[&str], short: &[char]) -> bool {
        has_option(self.args(), long, short)
    }

    /// The word after option `name` (`-o value`), or the value in `--name=value`.
    pub fn option_value(&self, names: &[&str]) -> Option<&Word> {
        let args = self.args();
        args.iter().enumerate().find_map(|(i, w)| {
            if names.contains(&w.text.as_str()) {
                args.get(i + 1)
            } else {
                None
            }
        })
    }

    /// True when the command runs in a child shell: inside `( ... )`, `$( ... )`, `<( ... )`
    /// or as a stage of a pipeline. Its `cd`, `set` or `export` does not reach the commands
    /// after it.
    pub fn in_subshell(&self) -> bool {
        self.subshell
    }

    /// The `NAME=value` assignments written before the command name (`CC=clang make`), which
    /// set variables for this command only; quotes are removed from the value.
    pub fn assignments(&self) -> &[Word] {
        &self.assignments
    }
}

/// The words of `args` that are not options, skipping the values of options listed in
/// `options_with_value`; everything after `--` counts. [`ShellCommand::positional_args`] for a
/// slice of arguments, such as those of the command `xargs` runs.
pub fn positional_args<'a>(
    args: &'a [Word],
    options_with_value: &'static [&'static str],
) -> impl Iterator<Item = &'a Word> + 'a {
    let mut skip_next = false;
    let mut after_double_dash = false;
    args.iter().filter(move |w: &&'a Word| {
        if skip_next {
            skip_next = false;
            return false;
        }
        if after_double_dash {
            return true;
        }
        if w.text == "--" {
            after_double_dash = true;
            return false;
        }
        if w.text.starts_with('-') && w.text.len() > 1 {
            skip_next = options_with_value.contains(&w.text.as_str());
            return false;
        }
        true
    })
}

/// [`ShellCommand::has_option`] for a slice of arguments.
pub fn has_option(args: &[Word], long: &[&str], short: &[char]) -> bool {
    args.iter().any(|w| {
        let t = w.text.as_str();
        if let Some(l) = t.strip_prefix("--") {
            let l = l.split('=').next().unwrap_or(l);
            long.iter().any(|x| x.trim_start_matches("--") == l)
        } else if let Some(s) = t.strip_prefix('-') {
            !s.is_empty()
                && s.chars().all(|c| c.is_ascii_alphanumeric())
                && s.chars().any(|c| short.contains(&c))
        } else {
            false
        }
    })
}

/// Commands that run another command, with their options that take a value.
const WRAPPERS: &[(&str, &[&str])] = &[
    (
        "sudo",
        &[
            "-u", "-g", "-h", "-p", "-C", "-D", "-U", "-r", "-t", "-T", "--user", "--group",
        ],
    ),
    ("env", &["-u", "-C", "-S", "--unset", "--chdir"]),
    ("nice", &["-n", "--adjustment"]),
    ("nohup", &[]),
    ("time", &[]),
    ("exec", &["-a"]),
    ("command", &[]),
    ("stdbuf", &["-i", "-o", "-e"]),
];

fn base_name(text: &str) -> &str {
    text.rsplit('/').next().unwrap_or(text)
}

/// Index of the program after leading wrappers.
fn effective_start(words: &[Word]) -> usize {
    let mut i = 0;
    while i < words.len() {
        let Some((_, with_value)) = WRAPPERS
            .iter()
            .find(|(n, _)| *n == base_name(&words[i].text))
        else {
            break;
        };
        let wrapper = i;
        i += 1;
        while i < words.len() {
            let t = words[i].text.as_str();
            if t.starts_with('-') {
                i += if with_value.contains(&t) { 2 } else { 1 };
            } else if base_name(&words[wrapper].text) == "env" && t.contains('=') {
                i += 1;
            } else {
                break;
            }
        }
        if i >= words.len() {
            // A bare `sudo` or `env`: the wrapper itself is the program.
            return wrapper;
        }
    }
    i.min(words.len().saturating_sub(1))
}

thread_local! {
    static PARSER: RefCell<Parser> = RefCell::new({
        let mut parser = Parser::new();
        parser
            .set_language(&tree_sitter_bash::LANGUAGE.into())
            .expect("tree-sitter-bash matches the tree-sitter version");
        parser
    });
}

/// Parses `text` as a bash script; `map(start, end)` turns byte ranges of `text` into source
/// ranges.
pub(crate) fn parse_script(text: &str, map: &dyn Fn(usize, usize) -> TextRange) -> ShellScript {
    let Some(tree) = PARSER.with(|p| p.borrow_mut().parse(text, None)) else {
        return ShellScript {
            has_errors: true,
            ..ShellScript::default()
        };
    };
    let root = tree.root_node();
    let mut script = ShellScript {
        has_errors: root.has_error(),
        ..ShellScript::default()
    };
    let mut pipeline_stages: Vec<Vec<(usize, usize)>> = Vec::new();
    // Where each command starts in `text`, to place pipeline stages.
    let mut command_starts: Vec<usize> = Vec::new();
    // An explicit stack: `a && b && c` nests as deep as it is long. Each node carries whether
    // it runs in a child shell.
    let mut stack = vec![(root, false)];
    while let Some((node, subshell)) = stack.pop() {
        match node.kind() {
            "command" => {
                if let Some(command) = command_of(node, text, map, subshell) {
                    command_starts.push(node.start_byte());
                    script.commands.push(command);
                }
            }
            "declaration_command" => {
                if let Some(declaration) = declaration_of(node, text, map, subshell) {
                    script.declarations.push(declaration);
                }
            }
            "pipeline" => {
                let mut cursor = node.walk();
                let stages: Vec<_> = node
                    .named_children(&mut cursor)
                    .map(|c| (c.start_byte(), c.end_byte()))
                    .collect();
                if stages.len() >= 2 {
                    pipeline_stages.push(stages);
                }
            }
            _ => {}
        }
        let child_subshell = subshell
            || matches!(
                node.kind(),
                "subshell" | "command_substitution" | "process_substitution" | "pipeline"
            );
        let mut cursor = node.walk();
        let children: Vec<Node> = node.named_children(&mut cursor).collect();
        stack.extend(children.into_iter().rev().map(|c| (c, child_subshell)));
    }
    // Commands were collected in document order; give each pipeline stage its first command.
    for stages in pipeline_stages {
        let indices: Vec<usize> = stages
            .iter()
            .filter_map(|&(s, e)| command_starts.iter().position(|&cs| cs >= s && cs < e))
            .collect();
        if indices.len() >= 2 {
            script.pipelines.push(indices);
        }
    }
    script
}

fn command_of(
    node: Node,
    text: &str,
    map: &dyn Fn(usize, usize) -> TextRange,
    subshell: bool,
) -> Option<ShellCommand> {
    let name = node.child_by_field_name("name")?;
    let mut words = vec![word_of(name, text, map)];
    let mut cursor = node.walk();
    for arg in node.children_by_field_name("argument", &mut cursor) {
        words.push(word_of(arg, text, map));
    }
    let mut cursor = node.walk();
    let assignments = node
        .named_children(&mut cursor)
        .filter(|c| c.kind() == "variable_assignment")
        .map(|c| assignment_of(c, text, map))
        .collect();
    Some(ShellCommand {
        effective: effective_start(&words),
        words,
        range: map(node.start_byte(), node.end_byte()),
        subshell,
        assignments,
    })
}

/// `export A=1 B`: the keyword, then one word per argument.
fn declaration_of(
    node: Node,
    text: &str,
    map: &dyn Fn(usize, usize) -> TextRange,
    subshell: bool,
) -> Option<ShellCommand> {
    let keyword = node.child(0)?;
    let mut words = vec![Word {
        text: text[keyword.byte_range()].to_string(),
        range: map(keyword.start_byte(), keyword.end_byte()),
        quoted: false,
        has_variable: false,
    }];
    let mut cursor = node.walk();
    for arg in node.named_children(&mut cursor) {
        words.push(if arg.kind() == "variable_assignment" {
            assignment_of(arg, text, map)
        } else {
            word_of(arg, text, map)
        });
    }
    Some(ShellCommand {
        words,
        effective: 0,
        range: map(node.start_byte(), node.end_byte()),
        subshell,
        assignments: Vec::new(),
    })
}

/// `NAME=value` as one word, with the value unquoted like any other word.
fn assignment_of(node: Node, text: &str, map: &dyn Fn(usize, usize) -> TextRange) -> Word {
    let name = node
        .child_by_field_name("name")
        .map_or("", |n| &text[n.byte_range()]);
    let mut word = match node.child_by_field_name("value") {
        Some(value) => word_of(value, text, map),
        None => Word {
            text: String::new(),
            range: TextRange::default(),
            quoted: false,
            has_variable: false,
        },
    };
    word.text = format!("{name}={}", word.text);
    word.range = map(node.start_byte(), node.end_byte());
    word
}

fn word_of(node: Node, text: &str, map: &dyn Fn(usize, usize) -> TextRange) -> Word {
    let mut value = String::new();
    let mut has_variable = false;
    let mut quoted = false;
    unquote(node, text, &mut value, &mut has_variable, &mut quoted);
    Word {
        text: value,
        range: map(node.start_byte(), node.end_byte()),
        quoted,
        has_variable,
    }
}

fn unquote(node: Node, text: &str, out: &mut String, has_variable: &mut bool, quoted: &mut bool) {
    let raw = &text[node.byte_range()];
    match node.kind() {
        "command_name" | "concatenation" => {
            let mut cursor = node.walk();
            let mut last_end = node.start_byte();
            for child in node.children(&mut cursor) {
                // Unnamed pieces between named children (rare) are kept verbatim.
                out.push_str(&text[last_end..child.start_byte()]);
                unquote(child, text, out, has_variable, quoted);
                last_end = child.end_byte();
            }
            out.push_str(&text[last_end..node.end_byte()]);
        }
        "word" | "number" => push_unescaped(raw, out),
        "raw_string" => {
            *quoted = true;
            out.push_str(raw.trim_start_matches('\'').trim_end_matches('\''));
        }
        "ansi_c_string" => {
            *quoted = true;
            out.push_str(raw.trim_start_matches("$'").trim_end_matches('\''));
        }
        "string" => {
            *quoted = true;
            let inner = raw.strip_prefix('"').unwrap_or(raw);
            let inner = inner.strip_suffix('"').unwrap_or(inner);
            let mut cursor = node.walk();
            if node
                .named_children(&mut cursor)
                .any(|c| c.kind() != "string_content")
            {
                *has_variable = true;
            }
            push_unescaped(inner, out);
        }
        "simple_expansion"
        | "expansion"
        | "command_substitution"
        | "arithmetic_expansion"
        | "process_substitution" => {
            *has_variable = true;
            out.push_str(raw);
        }
        _ => out.push_str(raw),
    }
}

fn push_unescaped(raw: &str, out: &mut String) {
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> ShellScript {
        parse_script(text, &|s, e| TextRange::new(s, e))
    }

    #[test]
    fn commands_pipelines_and_wrappers() {
        let s = parse("apt-get update && sudo -E apt-get install -y 'curl' \"$PKG\" && curl -fsSL https://x | sh -");
        let names: Vec<_> = s.commands.iter().map(|c| c.program().to_string()).collect();
        assert_eq!(names, ["apt-get", "apt-get", "curl", "sh"]);
        let install = &s.commands[1];
        assert_eq!(install.written_name().text, "sudo");
        assert_eq!(install.subcommand(&[]).unwrap().text, "install");
        assert!(install.has_option(&["--yes"], &['y']));
        assert_eq!(install.args()[2].text, "curl");
        assert!(install.args()[3].has_variable);
        assert_eq!(s.pipelines, vec![vec![2, 3]]);
    }

    #[test]
    fn nested_and_broken_scripts_still_yield_commands() {
        let s = parse("if true; then echo $(whoami); fi; cd /x && (make install) && && ) echo ok");
        let names: Vec<_> = s.commands.iter().map(|c| c.program().to_string()).collect();
        assert!(names.contains(&"whoami".to_string()));
        assert!(names.contains(&"cd".to_string()));
        assert!(names.contains(&"make".to_string()));
        assert!(s.has_errors);
    }

    #[test]
    fn long_and_chains_do_not_overflow_the_stack() {
        let script = vec!["true"; 20_000].join(" && ");
        assert_eq!(parse(&script).commands.len(), 20_000);
    }
}
