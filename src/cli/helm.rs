//! `plimsoll check --helm CHART_DIR`: renders a chart with the `helm` on PATH (helm 3 or 4)
//! and hands back its output, with each `# Source: <chart>/templates/x.yaml` comment
//! rewritten to the template's path under CHART_DIR, so findings name a real file.

use super::args::CheckArgs;
use std::path::Path;
use std::process::Command;

/// Runs `helm template` for `chart` with the values, `--set`s, release name and namespace of
/// `args`; `Err` is a one-line message for the user.
pub fn render(chart: &Path, args: &CheckArgs) -> Result<Vec<u8>, String> {
    let program = std::env::var_os("PLIMSOLL_HELM").unwrap_or_else(|| "helm".into());
    let mut command = Command::new(&program);
    command.arg("template");
    if let Some(name) = &args.release_name {
        command.arg(name);
    }
    command.arg(chart);
    for file in &args.values {
        command.arg("--values").arg(file);
    }
    for value in &args.set {
        command.arg("--set").arg(value);
    }
    if let Some(namespace) = &args.namespace {
        command.arg("--namespace").arg(namespace);
    }
    let output = command.output().map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            format!(
                "--helm needs `helm` on PATH (helm 3 or 4), and there is none: install it, or render the chart yourself and pipe it in: `helm template {} | plimsoll check -`",
                chart.display()
            )
        } else {
            format!("cannot run `{}`: {e}", program.to_string_lossy())
        }
    })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!(
            "`helm template {}` failed: {}",
            chart.display(),
            stderr.trim()
        ));
    }
    Ok(map_sources(&output.stdout, chart))
}

/// `# Source: mychart/templates/web.yaml` becomes `# Source: <chart dir>/templates/web.yaml`
/// (sub-charts keep their `charts/<name>/...` part).
fn map_sources(rendered: &[u8], chart: &Path) -> Vec<u8> {
    let text = String::from_utf8_lossy(rendered);
    let dir = chart.to_string_lossy();
    let dir = dir.trim_end_matches('/');
    let dir = dir.strip_prefix("./").unwrap_or(dir);
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        match line.strip_prefix("# Source: ") {
            Some(path) => {
                let relative = path.split_once('/').map_or(path, |(_, rest)| rest);
                out.push_str("# Source: ");
                if !dir.is_empty() && dir != "." {
                    out.push_str(dir);
                    out.push('/');
                }
                out.push_str(relative);
            }
            None => out.push_str(line),
        }
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::map_sources;
    use std::path::Path;

    #[test]
    fn sources_name_files_under_the_chart_dir() {
        let rendered = b"---\n# Source: app/templates/web.yaml\nkind: Service\n---\n# Source: app/charts/redis/templates/sts.yaml\n";
        let mapped = String::from_utf8(map_sources(rendered, Path::new("./charts/app/"))).unwrap();
        assert!(
            mapped.contains("# Source: charts/app/templates/web.yaml\n"),
            "{mapped}"
        );
        assert!(mapped.contains("# Source: charts/app/charts/redis/templates/sts.yaml\n"));
        let here = String::from_utf8(map_sources(rendered, Path::new("."))).unwrap();
        assert!(here.contains("# Source: templates/web.yaml\n"));
    }
}
