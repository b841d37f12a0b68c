//! Lenient typed views over an object's YAML tree. Every field is optional and loosely typed
//! (`replicas: "3"` still reads as 3), and every accessor hands back the [`Node`], so a rule
//! has the value and its exact range. Shared walks (all containers of a pod, a container's
//! security setting with pod-level inheritance, label selectors) live here, not in rules.

use super::stream::Object;
use super::yaml::Node;
use crate::source::TextRange;

/// The kinds whose pod template is linted like a pod, with the path to their `PodSpec`.
const POD_SPEC_PATHS: &[(&str, &[&str])] = &[
    ("Pod", &["spec"]),
    ("PodTemplate", &["template", "spec"]),
    ("Deployment", &["spec", "template", "spec"]),
    ("ReplicaSet", &["spec", "template", "spec"]),
    ("ReplicationController", &["spec", "template", "spec"]),
    ("StatefulSet", &["spec", "template", "spec"]),
    ("DaemonSet", &["spec", "template", "spec"]),
    ("Job", &["spec", "template", "spec"]),
    (
        "CronJob",
        &["spec", "jobTemplate", "spec", "template", "spec"],
    ),
    // OpenShift's DeploymentConfig and Argo's Rollout keep a standard pod template.
    ("DeploymentConfig", &["spec", "template", "spec"]),
    ("Rollout", &["spec", "template", "spec"]),
];

impl<'a> Object<'a> {
    pub fn api_version(&self) -> Option<&'a Node> {
        self.node.get("apiVersion")
    }

    pub fn kind(&self) -> &'a str {
        self.node.get("kind").and_then(Node::as_str).unwrap_or("")
    }

    /// The `kind` node, where findings about the whole object point.
    pub fn kind_node(&self) -> Option<&'a Node> {
        self.node.get("kind")
    }

    /// The API group: `apps` for `apps/v1`, empty for the core group (`v1`).
    pub fn group(&self) -> &'a str {
        let api = self.api_version().and_then(Node::as_str).unwrap_or("");
        api.rsplit_once('/').map_or("", |(group, _)| group)
    }

    pub fn metadata(&self) -> Metadata<'a> {
        Metadata(self.node.get("metadata"))
    }

    pub fn name(&self) -> Option<&'a str> {
        self.metadata().name()
    }

    /// `metadata.namespace` as written (`None`: the namespace the object is applied to).
    pub fn namespace(&self) -> Option<&'a str> {
        self.metadata().namespace()
    }

    pub fn spec(&self) -> Option<&'a Node> {
        self.node.get("spec")
    }

    /// A short name for messages: `Deployment/web`.
    pub fn display(&self) -> String {
        match self.name() {
            Some(name) => format!("{}/{}", self.kind(), name),
            None => self.kind().to_string(),
        }
    }

    /// The range to point at for a finding about the whole object: its `metadata.name`, else
    /// its `kind`, else the object.
    pub fn anchor(&self) -> TextRange {
        self.metadata()
            .name_node()
            .or(self.kind_node())
            .map_or(self.node.range, |n| n.range)
    }

    /// True for workload kinds whose pod template [`Object::pod_spec`] reads.
    pub fn is_pod_like(&self) -> bool {
        POD_SPEC_PATHS.iter().any(|(k, _)| *k == self.kind())
    }

    /// The pod spec of a Pod, or the pod template's spec of a workload (Deployment,
    /// StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate).
    pub fn pod_spec(&self) -> Option<PodSpec<'a>> {
        let (_, path) = POD_SPEC_PATHS.iter().find(|(k, _)| *k == self.kind())?;
        let spec = self.node.path(path)?;
        // The metadata next to the spec: the template's, or the Pod's own.
        let parent = &path[..path.len() - 1];
        let template_metadata = if parent.is_empty() {
            self.node.get("metadata")
        } else {
            self.node.path(parent).and_then(|t| t.get("metadata"))
        };
        Some(PodSpec {
            node: spec,
            metadata: Metadata(template_metadata),
        })
    }

    /// The workload's own `spec.selector` (a label selector); `None` for a Pod.
    pub fn workload_selector(&self) -> Option<LabelSelector<'a>> {
        if self.kind() == "Pod" || self.kind() == "PodTemplate" {
            return None;
        }
        let spec = match self.kind() {
            "CronJob" => self.node.path(&["spec", "jobTemplate", "spec"])?,
            _ => self.spec()?,
        };
        spec.get("selector").map(LabelSelector)
    }

    /// The policy rules (`rules`, mappings only) of a `rbac.authorization.k8s.io` Role or
    /// ClusterRole. Empty for other kinds, and for an aggregated ClusterRole
    /// (`aggregationRule`), whose rules the controller manager overwrites.
    pub fn policy_rules(&self) -> impl Iterator<Item = &'a Node> + 'a {
        let rbac = matches!(self.kind(), "Role" | "ClusterRole")
            && self.group() == "rbac.authorization.k8s.io"
            && self.node.get("aggregationRule").is_none_or(Node::is_null);
        let rules = if rbac { self.node.get("rules") } else { None };
        rules
            .map_or(&[][..], Node::items)
            .iter()
            .filter(|n| n.is_map())
    }

    /// Each policy rule granting one of `verbs` on `resource` (`secrets`, `pods/exec`) of API
    /// group `group` (empty for the core group): the rule, its `resources` item that names the
    /// resource, and the granted verbs (`*` included). A `*` verb or API group matches; a `*`
    /// resource does not (rules about wildcards report it).
    pub fn grants(
        &self,
        group: &'a str,
        resource: &'a str,
        verbs: &'a [&'a str],
    ) -> impl Iterator<Item = (&'a Node, &'a Node, Vec<&'a str>)> + 'a {
        let strings = |rule: &'a Node, key: &str| {
            rule.get(key)
                .map_or(&[][..], Node::items)
                .iter()
                .filter_map(|n| Some((n.as_str()?, n)))
        };
        self.policy_rules().filter_map(move |rule| {
            if !strings(rule, "apiGroups").any(|(g, _)| g == group || g == "*") {
                return None;
            }
            let (_, item) = strings(rule, "resources").find(|(r, _)| *r == resource)?;
            let granted: Vec<&str> = strings(rule, "verbs")
                .map(|(v, _)| v)
                .filter(|v| *v == "*" || verbs.contains(v))
                .collect();
            (!granted.is_empty()).then_some((rule, item, granted))
        })
    }
}

/// `metadata` of an object or a pod template.
#[derive(Clone, Copy, Debug)]
pub struct Metadata<'a>(pub Option<&'a Node>);

impl<'a> Metadata<'a> {
    pub fn node(&self) -> Option<&'a Node> {
        self.0
    }

    pub fn name_node(&self) -> Option<&'a Node> {
        self.0?.get("name")
    }

    pub fn name(&self) -> Option<&'a str> {
        self.name_node()?.as_str()
    }

    pub fn namespace_node(&self) -> Option<&'a Node> {
        self.0?.get("namespace")
    }

    pub fn namespace(&self) -> Option<&'a str> {
        self.namespace_node()?.as_str()
    }

    /// `labels` as (key, value) nodes.
    pub fn labels(&self) -> &'a [(Node, Node)] {
        self.0
            .and_then(|m| m.get("labels"))
            .map_or(&[], Node::entries)
    }

    /// `annotations` as (key, value) nodes.
    pub fn annotations(&self) -> &'a [(Node, Node)] {
        self.0
            .and_then(|m| m.get("annotations"))
            .map_or(&[], Node::entries)
    }

    pub fn label(&self, key: &str) -> Option<&'a Node> {
        self.0?.get("labels")?.get(key)
    }

    pub fn annotation(&self, key: &str) -> Option<&'a Node> {
        self.0?.get("annotations")?.get(key)
    }

    /// The labels as string pairs, for selector matching.
    pub fn label_pairs(&self) -> impl Iterator<Item = (&'a str, &'a str)> {
        self.labels()
            .iter()
            .filter_map(|(k, v)| Some((k.as_str()?, v.as_str().unwrap_or(""))))
    }
}

/// Which list of a pod a container comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContainerKind {
    Init,
    App,
    Ephemeral,
}

impl ContainerKind {
    /// The field that holds this list.
    pub fn field(self) -> &'static str {
        match self {
            ContainerKind::Init => "initContainers",
            ContainerKind::App => "containers",
            ContainerKind::Ephemeral => "ephemeralContainers",
        }
    }
}

/// A `PodSpec`, with the metadata of the pod (template) it belongs to.
#[derive(Clone, Copy, Debug)]
pub struct PodSpec<'a> {
    pub node: &'a Node,
    /// The pod's labels and annotations (the template's for a workload).
    pub metadata: Metadata<'a>,
}

impl<'a> PodSpec<'a> {
    pub fn get(&self, key: &str) -> Option<&'a Node> {
        self.node.get(key)
    }

    /// `spec.securityContext` of the pod.
    pub fn security_context(&self) -> Option<&'a Node> {
        self.node.get("securityContext")
    }

    /// A field of the pod-level `securityContext`.
    pub fn pod_security(&self, field: &str) -> Option<&'a Node> {
        self.security_context()?.get(field)
    }

    /// Init, app and ephemeral containers, in that order.
    pub fn all_containers(&self) -> impl Iterator<Item = Container<'a>> + 'a {
        let pod = *self;
        [
            ContainerKind::Init,
            ContainerKind::App,
            ContainerKind::Ephemeral,
        ]
        .into_iter()
        .flat_map(move |kind| pod.containers_of(kind))
    }

    /// The containers of one list.
    pub fn containers_of(&self, kind: ContainerKind) -> impl Iterator<Item = Container<'a>> + 'a {
        let pod = *self;
        self.node
            .get(kind.field())
            .map_or(&[][..], Node::items)
            .iter()
            .filter(|n| n.is_map())
            .map(move |node| Container { node, kind, pod })
    }

    /// App containers only (`spec.containers`).
    pub fn containers(&self) -> impl Iterator<Item = Container<'a>> + 'a {
        self.containers_of(ContainerKind::App)
    }

    pub fn volumes(&self) -> impl Iterator<Item = Volume<'a>> + 'a {
        self.node
            .get("volumes")
            .map_or(&[][..], Node::items)
            .iter()
            .filter(|n| n.is_map())
            .map(Volume)
    }

    /// `spec.os.name: windows`.
    pub fn is_windows(&self) -> bool {
        self.node
            .path(&["os", "name"])
            .and_then(Node::as_str)
            .is_some_and(|os| os.eq_ignore_ascii_case("windows"))
    }

    /// `spec.hostUsers: false`: the pod runs in a user namespace.
    pub fn in_user_namespace(&self) -> bool {
        self.node.get("hostUsers").and_then(Node::as_bool) == Some(false)
    }

    /// The service account the pod runs as: `serviceAccountName`, else the deprecated
    /// `serviceAccount`.
    pub fn service_account(&self) -> Option<&'a Node> {
        self.node
            .get("serviceAccountName")
            .or_else(|| self.node.get("serviceAccount"))
    }
}

/// A setting read from a container's `securityContext`, or inherited from the pod's.
#[derive(Clone, Copy, Debug)]
pub struct Setting<'a> {
    pub node: &'a Node,
    /// Set in the pod-level `securityContext`, not the container's.
    pub from_pod: bool,
}

/// One container of a pod.
#[derive(Clone, Copy, Debug)]
pub struct Container<'a> {
    pub node: &'a Node,
    pub kind: ContainerKind,
    pub pod: PodSpec<'a>,
}

impl<'a> Container<'a> {
    pub fn get(&self, key: &str) -> Option<&'a Node> {
        self.node.get(key)
    }

    pub fn name(&self) -> &'a str {
        self.node.get("name").and_then(Node::as_str).unwrap_or("")
    }

    /// `container `app``, `init container `setup``: for messages.
    pub fn display(&self) -> String {
        let what = match self.kind {
            ContainerKind::Init => "init container",
            ContainerKind::App => "container",
            ContainerKind::Ephemeral => "ephemeral container",
        };
        format!("{what} `{}`", self.name())
    }

    /// Where findings about the whole container point: its `name` value, else the container.
    pub fn anchor(&self) -> TextRange {
        self.node.get("name").map_or(self.node.range, |n| n.range)
    }

    pub fn image(&self) -> Option<&'a Node> {
        self.node.get("image")
    }

    /// The container's own `securityContext`.
    pub fn security_context(&self) -> Option<&'a Node> {
        self.node.get("securityContext")
    }

    /// A field of the container's own `securityContext`.
    pub fn security(&self, field: &str) -> Option<&'a Node> {
        self.security_context()?.get(field)
    }

    /// A field of the container's `securityContext`, else of the pod's: `runAsUser`,
    /// `runAsGroup`, `runAsNonRoot`, `seLinuxOptions`, `seccompProfile`, `appArmorProfile`
    /// and `windowsOptions` are inherited; the container's value wins when both are set.
    pub fn effective_security(&self, field: &str) -> Option<Setting<'a>> {
        if let Some(node) = self.security(field) {
            return Some(Setting {
                node,
                from_pod: false,
            });
        }
        const INHERITED: &[&str] = &[
            "runAsUser",
            "runAsGroup",
            "runAsNonRoot",
            "seLinuxOptions",
            "seccompProfile",
            "appArmorProfile",
            "windowsOptions",
        ];
        if !INHERITED.contains(&field) {
            return None;
        }
        self.pod.pod_security(field).map(|node| Setting {
            node,
            from_pod: true,
        })
    }

    /// Where a finding about a missing `securityContext` field points: the container's
    /// `securityContext` key if it has one, else its name.
    pub fn security_anchor(&self) -> TextRange {
        self.node
            .entry("securityContext")
            .map_or(self.anchor(), |(k, _)| k.range)
    }

    pub fn ports(&self) -> &'a [Node] {
        self.node.get("ports").map_or(&[], Node::items)
    }

    pub fn env(&self) -> &'a [Node] {
        self.node.get("env").map_or(&[], Node::items)
    }

    pub fn env_from(&self) -> &'a [Node] {
        self.node.get("envFrom").map_or(&[], Node::items)
    }

    pub fn volume_mounts(&self) -> &'a [Node] {
        self.node.get("volumeMounts").map_or(&[], Node::items)
    }

    /// `resources.requests.<name>` or `resources.limits.<name>`.
    pub fn resource(&self, section: &str, name: &str) -> Option<&'a Node> {
        self.node.path(&["resources", section, name])
    }

    /// `livenessProbe`, `readinessProbe` or `startupProbe`.
    pub fn probe(&self, name: &str) -> Option<&'a Node> {
        self.node.get(name).filter(|n| n.is_map())
    }

    /// `capabilities.add` or `capabilities.drop` of the container's `securityContext`, as
    /// (capability name without a `CAP_` prefix, upper-cased; its node).
    pub fn capabilities(&self, list: &str) -> impl Iterator<Item = (String, &'a Node)> + 'a {
        self.security("capabilities")
            .and_then(|c| c.get(list))
            .map_or(&[][..], Node::items)
            .iter()
            .filter_map(|n| {
                let name = n.as_str()?.trim().to_ascii_uppercase();
                let name = name
                    .strip_prefix("CAP_")
                    .map_or(name.clone(), str::to_string);
                Some((name, n))
            })
    }

    /// Where a finding about `securityContext.<field>` being unset points: the field's key
    /// when it is written but empty (`runAsNonRoot:`), else [`Container::security_anchor`].
    pub fn missing_security_anchor(&self, field: &str) -> TextRange {
        self.security_context()
            .and_then(|context| context.entry(field))
            .map_or(self.security_anchor(), |(key, _)| key.range)
    }

    /// Where a finding about a capability missing from `capabilities.drop` points: the `drop`
    /// key, else the `capabilities` key, else [`Container::security_anchor`].
    pub fn drop_anchor(&self) -> TextRange {
        match self
            .security_context()
            .and_then(|c| c.entry("capabilities"))
        {
            Some((key, capabilities)) => capabilities
                .entry("drop")
                .map_or(key.range, |(drop, _)| drop.range),
            None => self.security_anchor(),
        }
    }

    /// The container's `capabilities.drop` entries as the runtime applies them: compared in
    /// any case but without stripping a `CAP_` prefix, which containerd does not strip
    /// (`CAP_NET_RAW` drops nothing there). `None` when the list cannot be known: not a list,
    /// `capabilities` not a mapping, or an entry that is a template leftover or a variable.
    pub fn runtime_drops(&self) -> Option<Vec<&'a Node>> {
        let capabilities = self.security("capabilities").filter(|c| !c.is_null());
        if capabilities.is_some_and(|c| !c.is_map()) {
            return None;
        }
        let items = match capabilities.and_then(|c| c.get("drop")) {
            Some(list) if list.is_seq() => list.items(),
            Some(list) if !list.is_null() => return None,
            _ => &[],
        };
        let unknown = items
            .iter()
            .filter_map(Node::as_str)
            .any(|c| c.contains('$') || c.contains("{{"));
        (!unknown).then(|| items.iter().collect())
    }
}

/// One entry of `spec.volumes`.
#[derive(Clone, Copy, Debug)]
pub struct Volume<'a>(pub &'a Node);

impl<'a> Volume<'a> {
    pub fn name(&self) -> &'a str {
        self.0.get("name").and_then(Node::as_str).unwrap_or("")
    }

    /// The volume source: the key other than `name` (`hostPath`, `configMap`, `nfs`, ...),
    /// with its key node.
    pub fn source(&self) -> Option<(&'a str, &'a Node, &'a Node)> {
        self.0.entries().iter().find_map(|(k, v)| {
            let key = k.as_str()?;
            (key != "name").then_some((key, k, v))
        })
    }

    /// `hostPath.path`.
    pub fn host_path(&self) -> Option<&'a Node> {
        self.0.path(&["hostPath", "path"])
    }

    /// `hostPath.path` in a form to compare: `//` and `/./` collapsed and a trailing `/`
    /// dropped (`/var/run/` is `/var/run`). `None` when the path is not absolute (a template
    /// leftover, a variable) or climbs with `..`.
    pub fn host_path_clean(&self) -> Option<String> {
        let path = self.host_path()?.as_str()?.trim();
        if !path.starts_with('/') || path.contains("{{") {
            return None;
        }
        let mut clean = String::with_capacity(path.len());
        for part in path.split('/').filter(|p| !p.is_empty() && *p != ".") {
            if part == ".." {
                return None;
            }
            clean.push('/');
            clean.push_str(part);
        }
        if clean.is_empty() {
            clean.push('/');
        }
        Some(clean)
    }
}

/// A label selector: `{matchLabels: {...}, matchExpressions: [...]}`, or for a Service (and
/// a ReplicationController) a plain map of labels.
#[derive(Clone, Copy, Debug)]
pub struct LabelSelector<'a>(pub &'a Node);

impl<'a> LabelSelector<'a> {
    /// A Service's `spec.selector` or a ReplicationController's: equality on every pair.
    pub fn is_plain_map(&self) -> bool {
        self.0.get("matchLabels").is_none() && self.0.get("matchExpressions").is_none()
    }

    /// An empty selector (`{}`) selects everything; a null one nothing.
    pub fn is_empty(&self) -> bool {
        self.0.entries().is_empty()
    }

    /// The equality pairs: `matchLabels`, or the plain map.
    pub fn match_labels(&self) -> impl Iterator<Item = (&'a str, &'a str)> {
        let map = if self.is_plain_map() {
            Some(self.0)
        } else {
            self.0.get("matchLabels")
        };
        map.map_or(&[][..], Node::entries)
            .iter()
            .filter_map(|(k, v)| Some((k.as_str()?, v.as_str().unwrap_or(""))))
    }
}

#[cfg(test)]
mod tests {
    use crate::kubernetes::inventory::Selector;
    use crate::kubernetes::stream::Stream;

    const DEPLOYMENT: &str = "apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
    matchExpressions:
      - {key: tier, operator: In, values: [front, edge]}
  template:
    metadata:
      labels: {app: web, tier: front}
    spec:
      securityContext:
        runAsNonRoot: true
      initContainers:
        - name: setup
          image: busybox:1.36
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            runAsNonRoot: false
            capabilities: {add: [cap_net_admin], drop: [ALL]}
          resources: {limits: {memory: 128Mi}}
      volumes:
        - name: data
          hostPath: {path: /var/run/docker.sock}
";

    #[test]
    fn pod_specs_containers_and_inheritance() {
        let stream = Stream::parse(DEPLOYMENT);
        let objects = stream.objects();
        let object = objects[0];
        assert_eq!(object.kind(), "Deployment");
        assert_eq!(object.group(), "apps");
        assert_eq!(object.display(), "Deployment/web");
        assert_eq!(object.namespace(), Some("shop"));
        let pod = object.pod_spec().unwrap();
        let names: Vec<_> = pod.all_containers().map(|c| c.name()).collect();
        assert_eq!(names, ["setup", "app"]);
        let setup = pod.all_containers().next().unwrap();
        let inherited = setup.effective_security("runAsNonRoot").unwrap();
        assert!(inherited.from_pod && inherited.node.as_bool() == Some(true));
        let app = pod.containers().next().unwrap();
        let own = app.effective_security("runAsNonRoot").unwrap();
        assert!(!own.from_pod && own.node.as_bool() == Some(false));
        assert!(app.effective_security("privileged").is_none());
        let added: Vec<_> = app.capabilities("add").map(|(c, _)| c).collect();
        assert_eq!(added, ["NET_ADMIN"]);
        assert_eq!(
            app.resource("limits", "memory").unwrap().as_str(),
            Some("128Mi")
        );
        let volume = pod.volumes().next().unwrap();
        assert_eq!(volume.source().unwrap().0, "hostPath");
        assert_eq!(
            volume.host_path().unwrap().as_str(),
            Some("/var/run/docker.sock")
        );
        assert_eq!(pod.metadata.label("app").unwrap().as_str(), Some("web"));
    }

    #[test]
    fn label_selectors() {
        let stream = Stream::parse(DEPLOYMENT);
        let object = stream.objects()[0];
        let selector = Selector::of(object.workload_selector().unwrap());
        let pod = object.pod_spec().unwrap();
        let labels: Vec<(String, String)> = pod
            .metadata
            .label_pairs()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert!(selector.matches(&labels));
        assert!(!selector.matches(&labels[..1]));
        let cron = Stream::parse(
            "apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: c, image: x}]\n",
        );
        let pod = cron.objects()[0].pod_spec().unwrap();
        assert_eq!(pod.containers().count(), 1);
    }

    #[test]
    fn policy_rules_and_grants() {
        let text = "apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader}
rules:
  - apiGroups: [\"\"]
    resources: [pods, secrets]
    verbs: [get, list]
  - apiGroups: [\"*\"]
    resources: [secrets]
    verbs: [\"*\"]
  - apiGroups: [apps]
    resources: [secrets]
    verbs: [get]
  - apiGroups: [\"\"]
    resources: [\"*\"]
    verbs: [get]
  - nonResourceURLs: [/metrics]
    verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: aggregated}
aggregationRule:
  clusterRoleSelectors: [{matchLabels: {a: b}}]
rules: [{apiGroups: [\"\"], resources: [secrets], verbs: [get]}]
";
        let stream = Stream::parse(text);
        let objects = stream.objects();
        assert_eq!(objects[0].policy_rules().count(), 5);
        let grants: Vec<_> = objects[0]
            .grants("", "secrets", &["get", "watch"])
            .map(|(_, item, verbs)| (item.as_str().unwrap(), verbs))
            .collect();
        assert_eq!(grants, [("secrets", vec!["get"]), ("secrets", vec!["*"])]);
        assert_eq!(objects[0].grants("", "pods", &["create"]).count(), 0);
        assert_eq!(objects[1].policy_rules().count(), 0);
    }

    #[test]
    fn clean_host_paths() {
        let clean = |path: &str| {
            let text = format!("name: v\nhostPath: {{path: \"{path}\"}}\n");
            let doc = crate::kubernetes::yaml::load_stream(&text);
            super::Volume(doc[0].root.as_ref().unwrap()).host_path_clean()
        };
        assert_eq!(clean("/var/run/").as_deref(), Some("/var/run"));
        assert_eq!(
            clean("//var//./run/docker.sock").as_deref(),
            Some("/var/run/docker.sock")
        );
        assert_eq!(clean("/").as_deref(), Some("/"));
        assert_eq!(clean("///").as_deref(), Some("/"));
        assert_eq!(clean("relative/dir"), None);
        assert_eq!(clean("/var/../etc"), None);
        assert_eq!(clean("{{ .Values.path }}"), None);
    }

    #[test]
    fn missing_security_anchors() {
        let text = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - {name: a, securityContext: {runAsNonRoot: }}\n    - {name: b, securityContext: {}}\n    - {name: c}\n";
        let stream = Stream::parse(text);
        let pod = stream.objects()[0].pod_spec().unwrap();
        let at: Vec<&str> = pod
            .containers()
            .map(|c| &text[c.missing_security_anchor("runAsNonRoot").as_range()])
            .collect();
        assert_eq!(at, ["runAsNonRoot", "securityContext", "c"]);
        let text = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - {name: a, securityContext: {capabilities: {drop: [X]}}}\n    - {name: b, securityContext: {capabilities: {}}}\n    - {name: c, securityContext: {}}\n    - {name: d}\n";
        let stream = Stream::parse(text);
        let pod = stream.objects()[0].pod_spec().unwrap();
        let at: Vec<&str> = pod
            .containers()
            .map(|c| &text[c.drop_anchor().as_range()])
            .collect();
        assert_eq!(at, ["drop", "capabilities", "securityContext", "d"]);
    }

    #[test]
    fn runtime_drops() {
        let text = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - {name: a, securityContext: {capabilities: {drop: [net_raw, CAP_ALL]}}}\n    - {name: b, securityContext: {capabilities: {drop: [\"${DROP}\"]}}}\n    - {name: c, securityContext: {capabilities: {drop: ALL}}}\n    - {name: d}\n";
        let stream = Stream::parse(text);
        let pod = stream.objects()[0].pod_spec().unwrap();
        let drops: Vec<Option<Vec<&str>>> = pod
            .containers()
            .map(|c| {
                c.runtime_drops()
                    .map(|d| d.iter().filter_map(|n| n.as_str()).collect())
            })
            .collect();
        assert_eq!(
            drops,
            [Some(vec!["net_raw", "CAP_ALL"]), None, None, Some(vec![])]
        );
    }
}
