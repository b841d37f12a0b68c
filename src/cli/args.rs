//! Command-line flags (clap derive). Help text is written once, here.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "plimsoll",
    version,
    about = "A fast static linter for Dockerfiles, Kubernetes manifests and Helm output",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint files and directories (default: the current directory).
    Check(Box<CheckArgs>),
    /// List every rule.
    Rules(RulesArgs),
    /// Print a rule's documentation page.
    Rule {
        /// A rule id or a peer alias such as `DL3008`.
        id: String,
    },
    /// Write a commented starter plimsoll.toml.
    ///
    /// Every key is explained, with its default commented out. An existing config file is
    /// replaced only with --force.
    Init(InitArgs),
    /// Print a shell completion script.
    ///
    /// For example: `plimsoll completions bash >
    /// ~/.local/share/bash-completion/completions/plimsoll`, `plimsoll completions zsh >
    /// ~/.zfunc/_plimsoll` (with `~/.zfunc` on `fpath`), `plimsoll completions fish >
    /// ~/.config/fish/completions/plimsoll.fish`.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    ///
    /// For example: `plimsoll man > ~/.local/share/man/man1/plimsoll.1`, then `man plimsoll`.
    Man,
    /// Print the JSON schema of plimsoll.toml (committed as editors/plimsoll.schema.json).
    #[command(hide = true)]
    ConfigSchema,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write: a directory (gets `plimsoll.toml`; default: the current directory)
    /// or a file name ending in `.toml` (for `plimsoll check --config FILE`).
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
    /// Overwrite an existing config file.
    #[arg(long)]
    pub force: bool,
    /// Which rules the file turns on.
    #[arg(long, value_enum, default_value_t = InitProfile::Default)]
    pub profile: InitProfile,
}

/// The rule selection `plimsoll init` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InitProfile {
    /// Every rule that is on by default, including the Pod Security Standards `restricted`
    /// checks; every key is commented out.
    Default,
    /// Every rule, including those that are off by default (`select = ["all"]`).
    Strict,
    /// The default rules without the checks that only Pod Security Standards `restricted`
    /// has: manifests are judged against `baseline`.
    PssBaseline,
}

impl InitProfile {
    pub fn name(self) -> &'static str {
        match self {
            InitProfile::Default => "default",
            InitProfile::Strict => "strict",
            InitProfile::PssBaseline => "pss-baseline",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Source snippets with the exact span, help and rule links.
    Human,
    /// One `path:line:col: severity [rule] message` line per finding.
    Concise,
    /// One JSON document (see the README for the shape).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// GitLab Code Quality report.
    Gitlab,
    /// Checkstyle XML.
    Checkstyle,
    /// JUnit XML: one test case per file.
    Junit,
}

impl OutputFormat {
    pub fn render_format(self) -> crate::render::Format {
        use crate::render::Format;
        match self {
            OutputFormat::Human => Format::Human,
            OutputFormat::Concise => Format::Concise,
            OutputFormat::Json => Format::Json,
            OutputFormat::Sarif => Format::Sarif,
            OutputFormat::Github => Format::Github,
            OutputFormat::Gitlab => Format::Gitlab,
            OutputFormat::Checkstyle => Format::Checkstyle,
            OutputFormat::Junit => Format::Junit,
        }
    }
}

/// `--report FORMAT=FILE`: one more output of the same run.
#[derive(Clone, Debug)]
pub struct Report {
    pub format: OutputFormat,
    pub file: PathBuf,
}

impl std::str::FromStr for Report {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let (format, file) = text
            .split_once('=')
            .ok_or_else(|| format!("`{text}` is not FORMAT=FILE (e.g. `sarif=plimsoll.sarif`)"))?;
        let format = OutputFormat::from_str(format, true).map_err(|_| {
            let names: Vec<String> = OutputFormat::value_variants()
                .iter()
                .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
                .collect();
            format!("unknown format `{format}`: use one of {}", names.join(", "))
        })?;
        if file.is_empty() {
            return Err(format!("`{text}` names no file"));
        }
        Ok(Report {
            format,
            file: PathBuf::from(file),
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to lint (default: `.`, or nothing besides the chart with
    /// `--helm`); `-` reads standard input. Directories are walked (honouring .gitignore,
    /// .ignore and .plimsollignore); files named here are always linted.
    pub paths: Vec<PathBuf>,
    /// The file name to use for standard input: decides its kind, its config and the path shown.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    /// Output format (default: human, or github when GITHUB_ACTIONS=true).
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
    /// Write the output to FILE instead of standard output (the summary still goes to
    /// standard output).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// Also write the findings in FORMAT to FILE, e.g. `--report sarif=plimsoll.sarif`
    /// (repeatable).
    #[arg(long, value_name = "FORMAT=FILE")]
    pub report: Vec<Report>,
    /// Write the findings of this run to FILE as a baseline, for `--baseline`.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Report only findings that are not in this baseline (written by `--write-baseline`).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Rules to run instead of the configured set: rule ids, categories, `dockerfile`,
    /// `kubernetes`, `pss-baseline`, `pss-restricted`, `all`, or peer aliases such as `DL3008`
    /// (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Option<Vec<String>>,
    /// Rules to add to the configured set.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub extend_select: Vec<String>,
    /// Rules to turn off, on top of the configuration.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,
    /// Exit with 1 when a finding has at least this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// Use this config file for every file instead of searching for plimsoll.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore every config file; use the built-in defaults.
    #[arg(long)]
    pub no_config: bool,
    /// Read and parse every file but run no rule (for benchmarks: the cost of the rules).
    #[arg(long, hide = true)]
    pub no_rules: bool,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Colour in human output (`auto`: when standard output is a terminal and NO_COLOR is
    /// unset).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print findings only: no summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print the number of findings per rule instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// The Kubernetes version manifests are judged for (`1.30`, `v1.30`, `latest`): which Pod
    /// Security Standards checks and values apply, which API versions are removed.
    #[arg(long, value_name = "VERSION")]
    pub kubernetes_version: Option<String>,
    /// List the files that were read but not linted (YAML that holds no Kubernetes object,
    /// unrendered Helm templates), with the reason, on standard error.
    #[arg(long)]
    pub show_skipped: bool,
    /// Render this Helm chart with `helm template` and lint the output; each finding names
    /// the template it was rendered from.
    #[arg(long, value_name = "CHART_DIR")]
    pub helm: Option<PathBuf>,
    /// With --helm: a values file for `helm template` (repeatable).
    #[arg(long = "values", short = 'f', value_name = "FILE", requires = "helm")]
    pub values: Vec<PathBuf>,
    /// With --helm: a value for `helm template` (`key=value`, repeatable).
    #[arg(long = "set", value_name = "KEY=VALUE", requires = "helm")]
    pub set: Vec<String>,
    /// With --helm: the release name (default: helm's own, `release-name`).
    #[arg(long, value_name = "NAME", requires = "helm")]
    pub release_name: Option<String>,
    /// With --helm: the namespace to render into.
    #[arg(long, value_name = "NAMESPACE", requires = "helm")]
    pub namespace: Option<String>,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    pub format: RulesFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    /// One line per rule, aligned.
    Table,
    /// One JSON array of rules.
    Json,
    /// The Markdown table the README embeds.
    Markdown,
}
