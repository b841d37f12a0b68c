//! The language server: document sync, diagnostics (linted off the async runtime, stale
//! results dropped), code actions, hover with the rule's page, completion of rule ids in
//! suppression comments and annotations, and config files watched and checked.

use crate::actions::actions;
use crate::convert::{self, Encoding};
use crate::documents::Document;
use crate::lint::{Linter, Outcome};
use plimsoll::engine::{FileKind, Target};
use plimsoll::source::TextRange;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

/// Changes that arrive this close together are linted once, for the last one.
const DEBOUNCE: Duration = Duration::from_millis(5);

pub struct Backend {
    client: Client,
    state: Arc<State>,
}

#[derive(Default)]
struct State {
    docs: Mutex<HashMap<Uri, Document>>,
    encoding: RwLock<Option<Encoding>>,
    roots: RwLock<Vec<PathBuf>>,
    linter: Linter,
    /// Config files that currently show problems.
    config_uris: Mutex<HashSet<Uri>>,
}

impl State {
    fn encoding(&self) -> Encoding {
        self.encoding
            .read()
            .expect("encoding")
            .unwrap_or(Encoding::Utf16)
    }

    /// The workspace folder an untitled buffer is configured from.
    fn root(&self) -> PathBuf {
        self.roots
            .read()
            .expect("roots")
            .first()
            .cloned()
            .unwrap_or_else(|| std::env::current_dir().unwrap_or_default())
    }
}

impl Backend {
    pub fn new(client: Client) -> Self {
        Self {
            client,
            state: Arc::default(),
        }
    }

    /// Lints `uri` shortly, unless a newer change arrives first; publishes the result only if
    /// the document is still at the version that was linted.
    fn schedule_lint(&self, uri: Uri) {
        let version = self
            .state
            .docs
            .lock()
            .expect("docs")
            .get(&uri)
            .map(|d| d.version);
        let (client, state) = (self.client.clone(), self.state.clone());
        tokio::spawn(async move {
            tokio::time::sleep(DEBOUNCE).await;
            let current = |state: &State| {
                state
                    .docs
                    .lock()
                    .expect("docs")
                    .get(&uri)
                    .map(|d| d.version)
            };
            if current(&state) != version {
                return;
            }
            let Some((text, language_id)) = state
                .docs
                .lock()
                .expect("docs")
                .get(&uri)
                .map(|d| (d.text.clone(), d.language_id.clone()))
            else {
                return;
            };
            let path = uri
                .to_file_path()
                .map(|p| p.into_owned())
                .filter(|_| uri.scheme().as_str() == "file");
            let root = state.root();
            let lint_state = state.clone();
            let outcome = tokio::task::spawn_blocking(move || {
                lint_state
                    .linter
                    .lint(path.as_deref(), &root, &language_id, &text)
            })
            .await;
            let findings = match outcome {
                Ok(Outcome::Linted(findings)) => findings,
                Ok(Outcome::BrokenConfig) => Vec::new(),
                Ok(Outcome::Panicked(what)) => {
                    client
                        .log_message(
                            MessageType::ERROR,
                            format!(
                                "plimsoll: internal error while linting {}: {what}",
                                uri.as_str()
                            ),
                        )
                        .await;
                    Vec::new()
                }
                Err(e) => {
                    client
                        .log_message(
                            MessageType::ERROR,
                            format!("plimsoll: lint task failed: {e}"),
                        )
                        .await;
                    Vec::new()
                }
            };
            let published = {
                let mut docs = state.docs.lock().expect("docs");
                let Some(doc) = docs.get_mut(&uri).filter(|d| Some(d.version) == version) else {
                    return; // stale: a newer lint will publish
                };
                let view = doc.view(state.encoding());
                let diagnostics: Vec<_> = findings
                    .iter()
                    .map(|d| convert::diagnostic(d, &view, &uri))
                    .collect();
                doc.findings = findings;
                doc.linted_version = version;
                diagnostics
            };
            client.publish_diagnostics(uri, published, version).await;
            publish_config_problems(&client, &state).await;
        });
    }
}

/// Diagnostics on every config file with problems; clears files whose problems are gone.
async fn publish_config_problems(client: &Client, state: &State) {
    let mut by_file: BTreeMap<Uri, Vec<Diagnostic>> = BTreeMap::new();
    for problem in state.linter.config_problems() {
        let Some(uri) = Uri::from_file_path(&problem.file) else {
            continue;
        };
        let position = problem.at.map_or(Position::new(0, 0), |(line, col)| {
            Position::new(line.saturating_sub(1), col.saturating_sub(1))
        });
        by_file.entry(uri).or_default().push(Diagnostic {
            range: Range::new(
                position,
                Position::new(position.line, position.character + 1),
            ),
            severity: Some(if problem.is_error {
                DiagnosticSeverity::ERROR
            } else {
                DiagnosticSeverity::WARNING
            }),
            source: Some("plimsoll".into()),
            message: problem.message,
            ..Diagnostic::default()
        });
    }
    let stale: Vec<Uri> = {
        let mut shown = state.config_uris.lock().expect("config uris");
        let stale = shown
            .iter()
            .filter(|u| !by_file.contains_key(*u))
            .cloned()
            .collect();
        *shown = by_file.keys().cloned().collect();
        stale
    };
    for uri in stale {
        client.publish_diagnostics(uri, Vec::new(), None).await;
    }
    for (uri, diagnostics) in by_file {
        client.publish_diagnostics(uri, diagnostics, None).await;
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let offers_utf8 = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|e| e.contains(&PositionEncodingKind::UTF8));
        let encoding = if offers_utf8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        };
        *self.state.encoding.write().expect("encoding") = Some(encoding);
        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| f.uri.to_file_path().map(|p| p.into_owned()))
            .collect();
        #[allow(deprecated)] // rootUri is what older clients send
        if let Some(root) = params.root_uri.as_ref().and_then(|u| u.to_file_path()) {
            roots.push(root.into_owned());
        }
        *self.state.roots.write().expect("roots") = roots;
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(match encoding {
                    Encoding::Utf8 => PositionEncodingKind::UTF8,
                    Encoding::Utf16 => PositionEncodingKind::UTF16,
                }),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..CodeActionOptions::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec!["[".into(), ",".into(), " ".into(), "/".into()]),
                    ..CompletionOptions::default()
                }),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "plimsoll-lsp".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let watchers = ["**/plimsoll.toml", "**/.plimsoll.toml"]
            .into_iter()
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String(glob.into()),
                kind: None,
            })
            .collect();
        let registration = Registration {
            id: "plimsoll-config".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                watchers,
            })
            .ok(),
        };
        // Clients without dynamic registration answer with an error; edits then show after
        // the next document change.
        let _ = self.client.register_capability(vec![registration]).await;
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        self.state.docs.lock().expect("docs").insert(
            doc.uri.clone(),
            Document::new(doc.text, doc.version, doc.language_id),
        );
        self.schedule_lint(doc.uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let encoding = self.state.encoding();
        if let Some(doc) = self.state.docs.lock().expect("docs").get_mut(&uri) {
            doc.apply(
                params.content_changes,
                params.text_document.version,
                encoding,
            );
        }
        self.schedule_lint(uri);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.state.docs.lock().expect("docs").remove(&uri);
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
    }

    async fn did_change_watched_files(&self, _: DidChangeWatchedFilesParams) {
        self.state.linter.reload();
        let open: Vec<Uri> = self
            .state
            .docs
            .lock()
            .expect("docs")
            .keys()
            .cloned()
            .collect();
        for uri in open {
            self.schedule_lint(uri);
        }
        publish_config_problems(&self.client, &self.state).await;
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let encoding = self.state.encoding();
        let docs = self.state.docs.lock().expect("docs");
        let Some(doc) = docs
            .get(&uri)
            .filter(|d| d.linted_version == Some(d.version))
        else {
            return Ok(None);
        };
        let view = doc.view(encoding);
        let (start, end) = (
            view.offset(params.range.start),
            view.offset(params.range.end),
        );
        let kind = kind_of_findings(doc);
        let mut response = Vec::new();
        for finding in doc
            .findings
            .iter()
            .filter(|d| d.range.start as usize <= end && start <= d.range.end as usize)
        {
            let lsp_diagnostic = convert::diagnostic(finding, &view, &uri);
            for action in actions(finding, kind, &doc.text) {
                let edits = action
                    .edits
                    .into_iter()
                    .map(|(s, e, text)| TextEdit::new(view.range(TextRange::new(s, e)), text))
                    .collect();
                response.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: action.title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![lsp_diagnostic.clone()]),
                    edit: Some(WorkspaceEdit {
                        changes: Some(HashMap::from([(uri.clone(), edits)])),
                        ..WorkspaceEdit::default()
                    }),
                    is_preferred: action.preferred.then_some(true),
                    ..CodeAction::default()
                }));
            }
        }
        Ok(Some(response))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let params = params.text_document_position_params;
        let docs = self.state.docs.lock().expect("docs");
        let Some(doc) = docs.get(&params.text_document.uri) else {
            return Ok(None);
        };
        let view = doc.view(self.state.encoding());
        let at = view.offset(params.position);
        let mut pages: Vec<String> = Vec::new();
        let mut range = None;
        for finding in doc
            .findings
            .iter()
            .filter(|d| d.range.start as usize <= at && at <= d.range.end as usize)
        {
            let Some(rule) = plimsoll::rules::REGISTRY
                .iter()
                .find(|r| r.id == finding.rule)
            else {
                continue;
            };
            let page = plimsoll::cli::rule_page(rule);
            if !pages.contains(&page) {
                pages.push(page);
            }
            range.get_or_insert(view.range(finding.range));
        }
        if pages.is_empty() {
            return Ok(None);
        }
        Ok(Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: pages.join("\n---\n\n"),
            }),
            range,
        }))
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let params = params.text_document_position;
        let docs = self.state.docs.lock().expect("docs");
        let Some(doc) = docs.get(&params.text_document.uri) else {
            return Ok(None);
        };
        let view = doc.view(self.state.encoding());
        let at = view.offset(params.position);
        let line_start = doc.text[..at].rfind('\n').map_or(0, |i| i + 1);
        let before = &doc.text[line_start..at];
        if !wants_rule_ids(before) {
            return Ok(None);
        }
        let kind = kind_of_findings(doc);
        let items = plimsoll::rules::REGISTRY
            .iter()
            .filter(|r| r.target == Target::Any || r.target.applies_to(kind))
            .map(|r| CompletionItem {
                label: r.id.to_string(),
                kind: Some(CompletionItemKind::VALUE),
                detail: Some(r.title.to_string()),
                ..CompletionItem::default()
            })
            .collect();
        Ok(Some(CompletionResponse::Array(items)))
    }
}

/// The kind of a document, as its findings were linted.
fn kind_of_findings(doc: &Document) -> FileKind {
    match doc.language_id.as_str() {
        "dockerfile" | "containerfile" => FileKind::Dockerfile,
        "yaml" | "json" | "helm" => FileKind::Kubernetes,
        _ if plimsoll::kubernetes::stream::sniff_manifest(&doc.text) => FileKind::Kubernetes,
        _ => FileKind::Dockerfile,
    }
}

/// True inside the brackets of `# plimsoll: ignore[...` or `file-ignore[...`, or after
/// `ignore.plimsoll.dev/` in an annotation key.
fn wants_rule_ids(before_cursor: &str) -> bool {
    if before_cursor.trim_start().ends_with("ignore.plimsoll.dev/")
        || before_cursor
            .rsplit_once("ignore.plimsoll.dev/")
            .is_some_and(|(_, id)| {
                id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
    {
        return true;
    }
    let Some((_, rest)) = before_cursor.rsplit_once("plimsoll:") else {
        return false;
    };
    let rest = rest.trim_start();
    let list = rest
        .strip_prefix("ignore[")
        .or_else(|| rest.strip_prefix("file-ignore["));
    list.is_some_and(|l| !l.contains(']'))
}

#[cfg(test)]
mod tests {
    use super::wants_rule_ids;

    #[test]
    fn rule_id_completion_contexts() {
        assert!(wants_rule_ids("# plimsoll: ignore["));
        assert!(wants_rule_ids(
            "  # plimsoll: file-ignore[apt-get-unpinned, base"
        ));
        assert!(wants_rule_ids("    ignore.plimsoll.dev/"));
        assert!(wants_rule_ids("    ignore.plimsoll.dev/host-na"));
        assert!(!wants_rule_ids("# plimsoll: ignore[a] -- "));
        assert!(!wants_rule_ids("RUN echo ["));
    }
}
