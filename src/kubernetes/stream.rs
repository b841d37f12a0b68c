//! A YAML file as plimsoll sees it: its documents, the comments between and after its nodes,
//! the Helm template each document was rendered from (`# Source: chart/templates/x.yaml`),
//! and the Kubernetes objects it holds (`kind: List` items included). Also decides whether a
//! file is a manifest at all, an unrendered Helm template, or other YAML to skip.

use super::yaml::{load_stream, Document, Node, Value};
use crate::source::TextRange;

/// A `#` comment: from `#` to the end of its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comment {
    pub range: TextRange,
    /// Nothing but blanks before it on its line.
    pub own_line: bool,
}

/// One Kubernetes object of a stream.
#[derive(Clone, Copy, Debug)]
pub struct Object<'a> {
    /// The object's mapping.
    pub node: &'a Node,
    /// Index of its document in [`Stream::documents`].
    pub document: usize,
    /// The Helm template it was rendered from, as the `# Source:` comment names it.
    pub source: Option<&'a str>,
}

/// What to do with a YAML file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// At least one document is a Kubernetes object: lint it.
    Manifest,
    /// Not a manifest (values.yaml, a compose file, a CI workflow): skip without noise.
    NotManifest(String),
    /// Go template syntax that does not parse as YAML: a Helm chart's template.
    HelmTemplate,
}

/// A parsed YAML file.
#[derive(Debug)]
pub struct Stream {
    pub documents: Vec<Document>,
    /// The `# Source:` path of each document, if any.
    pub sources: Vec<Option<String>>,
    /// Every comment, in source order.
    pub comments: Vec<Comment>,
}

impl Stream {
    pub fn parse(text: &str) -> Stream {
        let documents = load_stream(text);
        let comments = find_comments(text, &documents);
        let sources = documents
            .iter()
            .map(|d| helm_source(text, d, &comments))
            .collect();
        Stream {
            documents,
            sources,
            comments,
        }
    }

    /// The Kubernetes objects, in source order: each document whose root has `apiVersion` and
    /// `kind`, or the `items` of a `kind: List` (also `PodList`, `ConfigMapList`, ...).
    pub fn objects(&self) -> Vec<Object<'_>> {
        let mut objects = Vec::new();
        for (i, doc) in self.documents.iter().enumerate() {
            let Some(root) = &doc.root else { continue };
            if !is_object(root) {
                continue;
            }
            let source = self.sources[i].as_deref();
            let kind = root.get("kind").and_then(Node::as_str).unwrap_or("");
            let items = root.get("items").filter(|n| n.is_seq());
            match items {
                Some(items) if kind.ends_with("List") => {
                    objects.extend(items.items().iter().filter(|n| is_object(n)).map(|node| {
                        Object {
                            node,
                            document: i,
                            source,
                        }
                    }))
                }
                _ => objects.push(Object {
                    node: root,
                    document: i,
                    source,
                }),
            }
        }
        objects
    }

    /// Whether the file is a manifest; `text` is the file's text.
    pub fn verdict(&self, text: &str) -> Verdict {
        let broken = self.documents.iter().find_map(|d| d.error.as_ref());
        // Template syntax that breaks the YAML: an unrendered chart template (or another Go
        // template), even when some of its documents happen to parse. Rendered output that
        // carries `{{ }}` inside strings (alerting templates) parses, and is a manifest.
        if text.contains("{{")
            && (broken.is_some()
                || !self
                    .documents
                    .iter()
                    .any(|d| d.root.as_ref().is_some_and(is_object)))
        {
            return Verdict::HelmTemplate;
        }
        let has_object = self
            .documents
            .iter()
            .any(|d| d.root.as_ref().is_some_and(is_object));
        if has_object {
            return Verdict::Manifest;
        }
        match broken {
            // A broken document that reads like a manifest is one: its error is a finding.
            Some(_) if looks_like_manifest(text) => Verdict::Manifest,
            Some(error) => Verdict::NotManifest(format!(
                "not a Kubernetes manifest, and not valid YAML either: {}",
                error.message
            )),
            None => Verdict::NotManifest(
                "not a Kubernetes manifest: no document has `apiVersion` and `kind`".into(),
            ),
        }
    }
}

/// A mapping with `apiVersion` and `kind`.
pub fn is_object(node: &Node) -> bool {
    node.get("apiVersion").is_some() && node.get("kind").is_some()
}

/// Lines `apiVersion:` and `kind:` at the start of a line: a manifest, even when broken.
fn looks_like_manifest(text: &str) -> bool {
    let mut api = false;
    let mut kind = false;
    for line in text.lines() {
        let line = line.trim_start_matches(['-', ' ']);
        api |= line.starts_with("apiVersion:");
        kind |= line.starts_with("kind:");
    }
    api && kind
}

/// True when `text` (stdin without a name) is YAML with a Kubernetes object rather than a
/// Dockerfile: a line starting `apiVersion:` or `---`, or a JSON object.
pub fn sniff_manifest(text: &str) -> bool {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    trimmed.starts_with('{')
        || text
            .lines()
            .any(|l| l.starts_with("apiVersion:") || l == "---" || l.starts_with("--- "))
}

/// Every comment of the file: a `#` at the start of a line or after a blank, outside every
/// scalar (a `#` inside a quoted string or a block scalar is content).
fn find_comments(text: &str, documents: &[Document]) -> Vec<Comment> {
    if !text.contains('#') {
        return Vec::new();
    }
    let mut scalars = Vec::new();
    for doc in documents {
        if let Some(root) = &doc.root {
            collect_scalar_ranges(root, &mut scalars);
        }
    }
    scalars.sort_unstable();
    let inside_scalar = |at: usize| {
        let i = scalars.partition_point(|r: &TextRange| r.start as usize <= at);
        i > 0 && scalars[..i].iter().rev().take(64).any(|r| r.contains(at))
    };
    let mut comments = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let bytes = content.as_bytes();
        let mut search = 0;
        while let Some(i) = content[search..].find('#').map(|i| search + i) {
            let at = line_start + i;
            let after_blank = i == 0 || matches!(bytes[i - 1], b' ' | b'\t');
            if after_blank && !inside_scalar(at) {
                comments.push(Comment {
                    range: TextRange::new(at, line_start + content.len()),
                    own_line: content[..i].trim().is_empty(),
                });
                break;
            }
            search = i + 1;
        }
        line_start += line.len();
    }
    comments
}

fn collect_scalar_ranges(node: &Node, out: &mut Vec<TextRange>) {
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        match &n.value {
            Value::Scalar(_) => out.push(n.range),
            Value::Seq(items) => stack.extend(items),
            Value::Map(entries) => {
                for (k, v) in entries {
                    stack.push(k);
                    stack.push(v);
                }
            }
        }
    }
}

/// The `# Source: <path>` comment at the top of a document (before its content), as
/// `helm template` writes it.
fn helm_source(text: &str, doc: &Document, comments: &[Comment]) -> Option<String> {
    let content_start = doc.root.as_ref().map_or(doc.range.end, |r| r.range.start) as usize;
    let first = comments.partition_point(|c| c.range.start < doc.range.start);
    comments[first..]
        .iter()
        .take_while(|c| (c.range.start as usize) < content_start)
        .filter(|c| c.own_line)
        .find_map(|c| {
            let body = text[c.range.as_range()].strip_prefix('#')?.trim();
            Some(body.strip_prefix("Source:")?.trim().to_string())
        })
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_lists_and_helm_sources() {
        let text = "---\n# Source: app/templates/svc.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web # the name\n---\n# Source: app/templates/list.yaml\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- {apiVersion: v1, kind: Secret, metadata: {name: b}}\n---\nfoo: bar\n";
        let stream = Stream::parse(text);
        let objects = stream.objects();
        let kinds: Vec<_> = objects
            .iter()
            .map(|o| o.node.get("kind").unwrap().as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["Service", "ConfigMap", "Secret"]);
        assert_eq!(objects[0].source, Some("app/templates/svc.yaml"));
        assert_eq!(objects[2].source, Some("app/templates/list.yaml"));
        assert_eq!(stream.verdict(text), Verdict::Manifest);
        let trailing: Vec<_> = stream.comments.iter().filter(|c| !c.own_line).collect();
        assert_eq!(trailing.len(), 1);
        assert_eq!(&text[trailing[0].range.as_range()], "# the name");
    }

    #[test]
    fn hashes_inside_scalars_are_not_comments() {
        let text = "a: \"x # y\"\nb: |\n  # not a comment\nc: d#e\n# real\n";
        let stream = Stream::parse(text);
        let comments: Vec<_> = stream
            .comments
            .iter()
            .map(|c| &text[c.range.as_range()])
            .collect();
        assert_eq!(comments, ["# real"]);
    }

    #[test]
    fn verdicts() {
        let v = |t: &str| Stream::parse(t).verdict(t);
        assert!(matches!(
            v("replicaCount: 1\nimage: {tag: x}\n"),
            Verdict::NotManifest(_)
        ));
        assert_eq!(
            v("apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n{{- if .Values.x }}\n"),
            Verdict::HelmTemplate
        );
        assert_eq!(v("apiVersion: v1\nkind: Pod\nspec: [\n"), Verdict::Manifest);
        assert!(matches!(v("a: [\n"), Verdict::NotManifest(m) if m.contains("not valid YAML")));
        assert!(sniff_manifest("# Source: x\n---\napiVersion: v1\n"));
        assert!(!sniff_manifest("FROM alpine:3.20\nRUN echo --- \n"));
    }
}
