//! What cross-object rules know about each object of the whole input set: a small owned
//! summary (kind, name, namespace, labels, selectors, the names it refers to, with ranges),
//! built once per object while its file is at hand, so that files need not stay in memory.

use super::stream::Object;
use super::views::{LabelSelector, PodSpec};
use super::yaml::Node;
use crate::source::TextRange;
use std::fmt;

/// A label selector, owned: equality pairs and set-based expressions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selector {
    pub match_labels: Vec<(String, String)>,
    /// `(key, operator, values)`.
    pub expressions: Vec<(String, String, Vec<String>)>,
}

impl Selector {
    pub fn of(selector: LabelSelector<'_>) -> Selector {
        let expressions = selector
            .0
            .get("matchExpressions")
            .map_or(&[][..], Node::items)
            .iter()
            .map(|e| {
                let text = |k: &str| e.get(k).and_then(Node::as_str).unwrap_or("").to_string();
                let values = e
                    .get("values")
                    .map_or(&[][..], Node::items)
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect();
                (text("key"), text("operator"), values)
            })
            .collect();
        Selector {
            match_labels: selector
                .match_labels()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            expressions,
        }
    }

    /// An empty selector: it selects every pod (NetworkPolicy, PDB) of its namespace.
    pub fn is_empty(&self) -> bool {
        self.match_labels.is_empty() && self.expressions.is_empty()
    }

    /// True when `labels` satisfy the selector. An unknown operator matches nothing, as the
    /// API server would reject it.
    pub fn matches(&self, labels: &[(String, String)]) -> bool {
        self.matches_except(labels, &[])
    }

    /// Like [`Selector::matches`], with every requirement on a key of `free` taken as met:
    /// labels whose value is only known once the pods exist.
    pub fn matches_except(&self, labels: &[(String, String)], free: &[&str]) -> bool {
        let bound = |key: &str| !free.contains(&key);
        let get = |key: &str| {
            labels
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        self.match_labels
            .iter()
            .filter(|(k, _)| bound(k))
            .all(|(k, v)| get(k) == Some(v.as_str()))
            && self.expressions.iter().all(|(key, op, values)| {
                if !bound(key) {
                    return true;
                }
                let value = get(key);
                let listed = |v: &str| values.iter().any(|x| x == v);
                match op.as_str() {
                    "In" => value.is_some_and(listed),
                    "NotIn" => value.is_none_or(|v| !listed(v)),
                    "Exists" => value.is_some(),
                    "DoesNotExist" => value.is_none(),
                    _ => false,
                }
            })
    }

    /// True when a key or value holds a placeholder ([`is_template`]): what it selects is
    /// unknown.
    pub fn is_templated(&self) -> bool {
        self.match_labels
            .iter()
            .any(|(k, v)| is_template(k) || is_template(v))
            || self
                .expressions
                .iter()
                .any(|(k, _, values)| is_template(k) || values.iter().any(|v| is_template(v)))
    }
}

/// `name` is `domain` or a subdomain of it.
fn is_subdomain(name: &str, domain: &str) -> bool {
    name.strip_suffix(domain)
        .is_some_and(|rest| rest.is_empty() || rest.ends_with('.'))
}

fn has_template(labels: &[(String, String)]) -> bool {
    labels.iter().any(|(k, v)| is_template(k) || is_template(v))
}

/// `kubectl`'s notation: `app=web,tier in (front,edge),!legacy`.
impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = self.match_labels.iter().map(|(k, v)| format!("{k}={v}"));
        let expressions = self
            .expressions
            .iter()
            .map(|(k, op, values)| match op.as_str() {
                "Exists" => k.clone(),
                "DoesNotExist" => format!("!{k}"),
                _ => format!("{k} {} ({})", op.to_ascii_lowercase(), values.join(",")),
            });
        let all: Vec<String> = parts.by_ref().chain(expressions).collect();
        f.write_str(&all.join(","))
    }
}

/// True for text that still holds a placeholder: a Helm `{{ ... }}` leftover or an envsubst
/// `${VAR}`. What it stands for is unknown.
pub fn is_template(text: &str) -> bool {
    text.contains("{{") || text.contains("${")
}

/// What a reference points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReferenceKind {
    ServiceAccount,
    Secret,
    ConfigMap,
    PersistentVolumeClaim,
    /// An Ingress backend's Service, with the port it names (number or name), if any, and
    /// that port's range.
    Service {
        port: Option<String>,
        port_range: Option<TextRange>,
    },
    /// An HPA's `scaleTargetRef`: the target's kind.
    ScaleTarget {
        kind: String,
    },
}

/// A name one object uses to refer to another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub kind: ReferenceKind,
    pub name: String,
    /// The name's value in the source.
    pub range: TextRange,
    /// `optional: true` (a Secret or ConfigMap the pod may start without).
    pub optional: bool,
}

impl Reference {
    /// True when the name cannot be an object's (object names are lower-case letters, digits,
    /// `-` and `.`): a placeholder such as `KSA_NAME` or `<your-secret>`, to be filled in
    /// before applying, not a name to look up.
    pub fn is_placeholder(&self) -> bool {
        !self
            .name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
    }
}

/// A container port of a pod template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortFacts {
    pub name: Option<String>,
    pub number: Option<i64>,
    pub protocol: String,
}

/// The pod template of a workload, as cross-object rules need it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PodFacts {
    pub labels: Vec<(String, String)>,
    pub ports: Vec<PortFacts>,
    /// `hostNetwork: true`: the pods use the node's network, which NetworkPolicies do not
    /// govern.
    pub host_network: bool,
}

/// A port of a Service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServicePortFacts {
    pub name: Option<String>,
    pub port: Option<i64>,
    /// Upper-case; `TCP` when unset.
    pub protocol: String,
    /// A `targetPort` given by name (a container port's name), with the name's range; `None`
    /// for a number, or when unset (the target is then `port`).
    pub target_port_name: Option<(String, TextRange)>,
}

/// One object of the input set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectFacts {
    pub kind: String,
    /// The API group (`apps`; empty for the core group).
    pub group: String,
    pub name: Option<String>,
    /// `metadata.namespace` as written; `None` when the namespace comes from where it is
    /// applied, which cross-object rules treat as "the same namespace as the others".
    pub namespace: Option<String>,
    /// Where findings about the object point (its name, else its kind).
    pub anchor: TextRange,
    pub labels: Vec<(String, String)>,
    /// Set for pod-like kinds (Pod, Deployment, StatefulSet, ...).
    pub pod: Option<PodFacts>,
    /// The object's selector, for kinds that select pods: a Service's `spec.selector`, a
    /// PodDisruptionBudget's `spec.selector`, a NetworkPolicy's `spec.podSelector`; with the
    /// range of the selector.
    pub selector: Option<(Selector, TextRange)>,
    pub references: Vec<Reference>,
    /// The Helm template the object was rendered from.
    pub source: Option<String>,
    /// A core Service's `spec.ports`.
    pub service_ports: Vec<ServicePortFacts>,
    /// The Secret an object of another kind makes in its namespace: a cert-manager
    /// `Certificate`'s `spec.secretName`, an `ExternalSecret`'s `spec.target.name` (else its
    /// own name), a `SealedSecret`'s `spec.template.metadata.name` (else its own name).
    pub made_secret: Option<String>,
    /// A CustomResourceDefinition's `spec.group`.
    pub crd_group: Option<String>,
}

impl ObjectFacts {
    pub fn of(object: &Object<'_>) -> ObjectFacts {
        let pairs = |labels: &[(Node, Node)]| -> Vec<(String, String)> {
            labels
                .iter()
                .filter_map(|(k, v)| {
                    Some((
                        k.as_str()?.to_string(),
                        v.as_str().unwrap_or("").to_string(),
                    ))
                })
                .collect()
        };
        let pod_spec = object.pod_spec();
        let pod = pod_spec.map(|pod| PodFacts {
            labels: pairs(pod.metadata.labels()),
            ports: pod
                .all_containers()
                .flat_map(|c| c.ports().iter())
                .map(|p| PortFacts {
                    name: p.get("name").and_then(Node::as_str).map(str::to_string),
                    number: p.get("containerPort").and_then(Node::as_i64),
                    protocol: p
                        .get("protocol")
                        .and_then(Node::as_str)
                        .unwrap_or("TCP")
                        .to_ascii_uppercase(),
                })
                .collect(),
            host_network: pod.get("hostNetwork").and_then(Node::as_bool) == Some(true),
        });
        let spec = object.spec();
        let selector_node = match object.kind() {
            "Service" => spec.and_then(|s| s.get("selector")),
            "PodDisruptionBudget" => spec.and_then(|s| s.get("selector")),
            "NetworkPolicy" => spec.and_then(|s| s.get("podSelector")),
            _ => None,
        };
        let selector = selector_node
            .filter(|n| n.is_map())
            .map(|n| (Selector::of(LabelSelector(n)), n.range));
        let mut references = Vec::new();
        if let Some(pod) = pod_spec {
            pod_references(pod, &mut references);
        }
        match object.kind() {
            "Ingress" => ingress_references(object.node, &mut references),
            "HorizontalPodAutoscaler" => {
                if let Some(target) = spec.and_then(|s| s.get("scaleTargetRef")) {
                    let kind = target.get("kind").and_then(Node::as_str).unwrap_or("");
                    push_reference(
                        &mut references,
                        ReferenceKind::ScaleTarget {
                            kind: kind.to_string(),
                        },
                        target.get("name"),
                        false,
                    );
                }
            }
            _ => {}
        }
        ObjectFacts {
            kind: object.kind().to_string(),
            group: object.group().to_string(),
            name: object.name().map(str::to_string),
            namespace: object.namespace().map(str::to_string),
            anchor: object.anchor(),
            labels: pairs(object.metadata().labels()),
            pod,
            selector,
            references,
            source: object.source.map(str::to_string),
            service_ports: match (object.kind(), object.group()) {
                ("Service", "") => service_ports(spec),
                _ => Vec::new(),
            },
            made_secret: made_secret(object),
            crd_group: match object.kind() {
                "CustomResourceDefinition" => spec
                    .and_then(|s| s.get("group"))
                    .and_then(Node::as_str)
                    .map(str::to_string),
                _ => None,
            },
        }
    }

    /// `Kind/name` for messages.
    pub fn display(&self) -> String {
        match &self.name {
            Some(name) => format!("{}/{name}", self.kind),
            None => self.kind.clone(),
        }
    }

    /// True when both are in the same namespace: equal, or either one unset (applied to
    /// whatever namespace the other is in).
    pub fn same_namespace(&self, other: &ObjectFacts) -> bool {
        match (&self.namespace, &other.namespace) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }

    /// True when this object's selector selects the pods of `workload`: a pod-like object of
    /// the same namespace whose template labels, plus the labels its controller adds to every
    /// pod (a Deployment's `pod-template-hash`, a StatefulSet's
    /// `statefulset.kubernetes.io/pod-name`, ...), match. False when either side holds a
    /// placeholder ([`is_template`]).
    pub fn selects(&self, workload: &ObjectFacts) -> bool {
        let (Some((selector, _)), Some(pod)) = (&self.selector, &workload.pod) else {
            return false;
        };
        self.same_namespace(workload)
            && selector.matches_except(&pod.labels, controller_labels(&workload.kind))
            && !selector.is_templated()
            && !has_template(&pod.labels)
    }

    /// Like [`ObjectFacts::selects`], but true as well when a placeholder leaves it unknown:
    /// for rules that report what is not selected.
    pub fn may_select(&self, workload: &ObjectFacts) -> bool {
        let (Some((selector, _)), Some(pod)) = (&self.selector, &workload.pod) else {
            return false;
        };
        self.same_namespace(workload)
            && (self.selects(workload) || selector.is_templated() || has_template(&pod.labels))
    }

    /// True when the input shows that this object's selector selects no pods: `objects` hold
    /// pod-like objects in its namespace (so the input has the workloads), none of them is
    /// selected, and nothing says an operator makes the pods. Operators label the pods they
    /// make after their resource, or in their API's domain, so the selection is left alone
    /// when a selector value is the name of a custom resource of the namespace or starts
    /// with it and `-` (`cnpg.io/cluster: main`, `app: rook-ceph-mon` for the CephCluster
    /// `rook-ceph`), or when a selector key's prefix is the API group of a custom resource or
    /// CustomResourceDefinition of the input, or a parent domain of it
    /// (`longhorn.io/component` with the group `longhorn.io`).
    pub fn selects_no_pods<'a>(
        &self,
        objects: impl Iterator<Item = &'a ObjectFacts> + Clone,
    ) -> bool {
        let Some((selector, _)) = self.selector.as_ref().filter(|(s, _)| !s.is_templated()) else {
            return false;
        };
        let mut nearby = objects.filter(|o| o.same_namespace(self));
        let requirements = || {
            let pairs = selector.match_labels.iter().map(|(k, v)| (k, Some(v)));
            let expressions = selector.expressions.iter().flat_map(|(k, _, values)| {
                values.iter().map(Some).chain([None]).map(move |v| (k, v))
            });
            pairs.chain(expressions)
        };
        let named_after = |name: &str| {
            requirements().any(|(_, v)| {
                v.and_then(|v| v.strip_prefix(name))
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('-'))
            })
        };
        let in_domain_of = |group: &str| {
            requirements().any(|(k, _)| {
                k.split_once('/').is_some_and(|(prefix, _)| {
                    !prefix.ends_with("k8s.io")
                        && !prefix.ends_with("kubernetes.io")
                        && (is_subdomain(group, prefix) || is_subdomain(prefix, group))
                })
            })
        };
        let made_by = |o: &ObjectFacts| {
            let group = if o.is_custom_resource() {
                Some(o.group.as_str())
            } else {
                o.crd_group.as_deref()
            };
            group.is_some_and(in_domain_of)
                || (o.is_custom_resource() && o.name.as_deref().is_some_and(named_after))
        };
        nearby.clone().any(|o| o.pod.is_some()) && !nearby.any(|o| self.may_select(o) || made_by(o))
    }

    /// True for an object of an API group that Kubernetes itself does not serve: a custom
    /// resource (an Argo Rollout, a cert-manager Certificate, a CloudNativePG Cluster, ...).
    pub fn is_custom_resource(&self) -> bool {
        !BUILT_IN_GROUPS.contains(&self.group.as_str())
    }

    /// Where a cross-object rule looked, for messages: `namespace `shop` of the input`, or
    /// `the input` for an object without a namespace.
    pub fn scope(&self) -> String {
        match &self.namespace {
            Some(namespace) => format!("namespace `{namespace}` of the input"),
            None => "the input".to_string(),
        }
    }
}

/// The API groups of Kubernetes itself.
const BUILT_IN_GROUPS: &[&str] = &[
    "",
    "admissionregistration.k8s.io",
    "apiextensions.k8s.io",
    "apiregistration.k8s.io",
    "apps",
    "authentication.k8s.io",
    "authorization.k8s.io",
    "autoscaling",
    "batch",
    "certificates.k8s.io",
    "coordination.k8s.io",
    "discovery.k8s.io",
    "events.k8s.io",
    "extensions",
    "flowcontrol.apiserver.k8s.io",
    "internal.apiserver.k8s.io",
    "networking.k8s.io",
    "node.k8s.io",
    "policy",
    "rbac.authorization.k8s.io",
    "resource.k8s.io",
    "scheduling.k8s.io",
    "storage.k8s.io",
    "storagemigration.k8s.io",
];

/// The labels a workload's controller adds to each pod it creates, with values known only
/// then.
fn controller_labels(kind: &str) -> &'static [&'static str] {
    match kind {
        "Deployment" => &["pod-template-hash"],
        "StatefulSet" => &[
            "controller-revision-hash",
            "statefulset.kubernetes.io/pod-name",
            "apps.kubernetes.io/pod-index",
        ],
        "DaemonSet" => &["controller-revision-hash", "pod-template-generation"],
        "Job" | "CronJob" => &[
            "controller-uid",
            "job-name",
            "batch.kubernetes.io/controller-uid",
            "batch.kubernetes.io/job-name",
            "batch.kubernetes.io/job-completion-index",
        ],
        "DeploymentConfig" => &["deployment", "deploymentconfig"],
        "Rollout" => &["rollouts-pod-template-hash"],
        _ => &[],
    }
}

/// A Service's `spec.ports`.
fn service_ports(spec: Option<&Node>) -> Vec<ServicePortFacts> {
    let ports = spec
        .and_then(|s| s.get("ports"))
        .map_or(&[][..], Node::items);
    ports
        .iter()
        .map(|p| ServicePortFacts {
            name: p.get("name").and_then(Node::as_str).map(str::to_string),
            port: p.get("port").and_then(Node::as_i64),
            protocol: p
                .get("protocol")
                .and_then(Node::as_str)
                .unwrap_or("TCP")
                .to_ascii_uppercase(),
            target_port_name: p
                .get("targetPort")
                .filter(|t| t.as_i64().is_none())
                .and_then(|t| Some((t.as_str()?, t.range)))
                .filter(|(name, _)| !is_template(name))
                .map(|(name, range)| (name.to_string(), range)),
        })
        .collect()
}

/// [`ObjectFacts::made_secret`].
fn made_secret(object: &Object<'_>) -> Option<String> {
    let spec = object.spec();
    let field = |path: &[&str]| spec.and_then(|s| s.path(path)).and_then(Node::as_str);
    let name = match object.kind() {
        "Certificate" => field(&["secretName"]),
        "ExternalSecret" => field(&["target", "name"]).or(object.name()),
        "SealedSecret" => field(&["template", "metadata", "name"]).or(object.name()),
        _ => None,
    };
    name.filter(|name| !is_template(name)).map(str::to_string)
}

fn push_reference(
    out: &mut Vec<Reference>,
    kind: ReferenceKind,
    name: Option<&Node>,
    optional: bool,
) {
    let Some(node) = name else { return };
    let Some(text) = node.as_str() else { return };
    // A placeholder left in the output, or an empty name: nothing to look up.
    if text.is_empty() || is_template(text) {
        return;
    }
    out.push(Reference {
        kind,
        name: text.to_string(),
        range: node.range,
        optional,
    });
}

fn is_optional(node: &Node) -> bool {
    node.get("optional").and_then(Node::as_bool) == Some(true)
}

/// The ServiceAccount, Secrets, ConfigMaps and claims a pod refers to.
fn pod_references(pod: PodSpec<'_>, out: &mut Vec<Reference>) {
    push_reference(
        out,
        ReferenceKind::ServiceAccount,
        pod.service_account(),
        false,
    );
    for secret in pod.get("imagePullSecrets").map_or(&[][..], Node::items) {
        push_reference(out, ReferenceKind::Secret, secret.get("name"), false);
    }
    for volume in pod.volumes() {
        let v = volume.0;
        if let Some(s) = v.get("secret") {
            push_reference(
                out,
                ReferenceKind::Secret,
                s.get("secretName"),
                is_optional(s),
            );
        }
        if let Some(c) = v.get("configMap") {
            push_reference(out, ReferenceKind::ConfigMap, c.get("name"), is_optional(c));
        }
        if let Some(c) = v.get("persistentVolumeClaim") {
            push_reference(
                out,
                ReferenceKind::PersistentVolumeClaim,
                c.get("claimName"),
                false,
            );
        }
        for source in v
            .path(&["projected", "sources"])
            .map_or(&[][..], Node::items)
        {
            if let Some(s) = source.get("secret") {
                push_reference(out, ReferenceKind::Secret, s.get("name"), is_optional(s));
            }
            if let Some(c) = source.get("configMap") {
                push_reference(out, ReferenceKind::ConfigMap, c.get("name"), is_optional(c));
            }
        }
    }
    for container in pod.all_containers() {
        for env in container.env() {
            let Some(from) = env.get("valueFrom") else {
                continue;
            };
            if let Some(s) = from.get("secretKeyRef") {
                push_reference(out, ReferenceKind::Secret, s.get("name"), is_optional(s));
            }
            if let Some(c) = from.get("configMapKeyRef") {
                push_reference(out, ReferenceKind::ConfigMap, c.get("name"), is_optional(c));
            }
        }
        for from in container.env_from() {
            if let Some(s) = from.get("secretRef") {
                push_reference(out, ReferenceKind::Secret, s.get("name"), is_optional(s));
            }
            if let Some(c) = from.get("configMapRef") {
                push_reference(out, ReferenceKind::ConfigMap, c.get("name"), is_optional(c));
            }
        }
    }
}

/// The Services an Ingress sends traffic to: `networking.k8s.io/v1` backends
/// (`service.name`, `service.port.number|name`) and the older `serviceName`/`servicePort`.
fn ingress_references(ingress: &Node, out: &mut Vec<Reference>) {
    let spec = ingress.get("spec");
    let mut backends: Vec<&Node> = Vec::new();
    if let Some(spec) = spec {
        backends.extend(spec.get("defaultBackend").or(spec.get("backend")));
        for rule in spec.get("rules").map_or(&[][..], Node::items) {
            for path in rule.path(&["http", "paths"]).map_or(&[][..], Node::items) {
                backends.extend(path.get("backend"));
            }
        }
    }
    for backend in backends {
        let (name, port) = match backend.get("service") {
            Some(service) => (
                service.get("name"),
                service
                    .get("port")
                    .and_then(|p| p.get("number").or(p.get("name"))),
            ),
            None => (backend.get("serviceName"), backend.get("servicePort")),
        };
        let port_range = port.map(|p| p.range);
        let port = port.and_then(Node::as_str).map(str::to_string);
        push_reference(
            out,
            ReferenceKind::Service { port, port_range },
            name,
            false,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubernetes::stream::Stream;

    #[test]
    fn facts_of_workloads_services_ingresses_and_hpas() {
        let text = "apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop, labels: {team: a}}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      serviceAccountName: web-sa
      imagePullSecrets: [{name: regcred}]
      containers:
        - name: app
          image: nginx:1.27
          ports: [{name: http, containerPort: 8080}]
          env:
            - name: TOKEN
              valueFrom: {secretKeyRef: {name: api, key: token, optional: true}}
          envFrom: [{configMapRef: {name: settings}}]
      volumes:
        - {name: c, configMap: {name: files}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  rules:
    - http: {paths: [{path: /, backend: {service: {name: web, port: {number: 80}}}}]}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}}
";
        let stream = Stream::parse(text);
        let facts: Vec<_> = stream.objects().iter().map(ObjectFacts::of).collect();
        let deployment = &facts[0];
        assert_eq!(deployment.group, "apps");
        let pod = deployment.pod.as_ref().unwrap();
        assert_eq!(pod.labels, [("app".to_string(), "web".to_string())]);
        assert_eq!(pod.ports[0].name.as_deref(), Some("http"));
        let refs: Vec<_> = deployment
            .references
            .iter()
            .map(|r| (format!("{:?}", r.kind), r.name.as_str(), r.optional))
            .collect();
        assert_eq!(
            refs,
            [
                ("ServiceAccount".to_string(), "web-sa", false),
                ("Secret".to_string(), "regcred", false),
                ("ConfigMap".to_string(), "files", false),
                ("Secret".to_string(), "api", true),
                ("ConfigMap".to_string(), "settings", false),
            ]
        );
        let service = &facts[1];
        let (selector, _) = service.selector.as_ref().unwrap();
        assert!(selector.matches(&pod.labels));
        assert!(service.same_namespace(deployment));
        let ReferenceKind::Service { port, port_range } = &facts[2].references[0].kind else {
            panic!("an Ingress refers to a Service");
        };
        assert_eq!(port.as_deref(), Some("80"));
        assert_eq!(&text[port_range.unwrap().start as usize..][..2], "80");
        assert_eq!(
            facts[3].references[0].kind,
            ReferenceKind::ScaleTarget {
                kind: "Deployment".into()
            }
        );
    }

    #[test]
    fn selector_expressions() {
        let s = Selector {
            match_labels: vec![],
            expressions: vec![
                ("tier".into(), "In".into(), vec!["front".into()]),
                ("legacy".into(), "DoesNotExist".into(), vec![]),
            ],
        };
        let labels = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        assert!(s.matches(&labels(&[("tier", "front")])));
        assert!(!s.matches(&labels(&[("tier", "front"), ("legacy", "1")])));
        assert!(!s.matches(&labels(&[])));
    }

    fn facts(text: &str) -> Vec<ObjectFacts> {
        Stream::parse(text)
            .objects()
            .iter()
            .map(ObjectFacts::of)
            .collect()
    }

    #[test]
    fn selection_with_controller_labels_and_placeholders() {
        let f = facts(
            "apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Service
metadata: {name: db-0}
spec: {selector: {app: db, statefulset.kubernetes.io/pod-name: db-0}}
---
apiVersion: v1
kind: Service
metadata: {name: other, namespace: shop}
spec: {selector: {app: web}}
---
apiVersion: v1
kind: Service
metadata: {name: elsewhere, namespace: test}
spec: {selector: {app: db}}
---
apiVersion: v1
kind: Service
metadata: {name: later}
spec: {selector: {app: '${APP}'}}
",
        );
        let (db, per_pod, other, elsewhere, later) = (&f[0], &f[1], &f[2], &f[3], &f[4]);
        assert!(per_pod.selects(db));
        assert!(!other.selects(db) && !elsewhere.selects(db));
        assert!(!later.selects(db) && later.may_select(db));
        let all = || f.iter();
        assert!(!per_pod.selects_no_pods(all()));
        assert!(other.selects_no_pods(all()));
        // No pod-like object in namespace `test`: the input says nothing there.
        assert!(!elsewhere.selects_no_pods(all()));
        assert!(!later.selects_no_pods(all()));
    }

    #[test]
    fn pods_an_operator_makes_for_its_resource() {
        let f = facts(
            "apiVersion: apps/v1
kind: Deployment
metadata: {name: app}
spec:
  template:
    metadata: {labels: {app: app}}
    spec: {containers: [{name: c, image: x}]}
---
apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata: {name: main}
---
apiVersion: v1
kind: Service
metadata: {name: rw}
spec: {selector: {cnpg.io/cluster: main, role: primary}}
---
apiVersion: v1
kind: Service
metadata: {name: mon}
spec: {selector: {app: main-monitor}}
---
apiVersion: v1
kind: Service
metadata: {name: mainframe}
spec: {selector: {app: mainframe}}
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: instancemanagers.longhorn.io}
spec: {group: longhorn.io, names: {kind: InstanceManager}}
---
apiVersion: v1
kind: Service
metadata: {name: instance-manager}
spec: {selector: {longhorn.io/component: instance-manager}}
---
apiVersion: v1
kind: Service
metadata: {name: reserved}
spec: {selector: {app.kubernetes.io/component: instance-manager}}
",
        );
        assert!(f[1].is_custom_resource() && !f[0].is_custom_resource());
        assert!(!f[2].selects_no_pods(f.iter()));
        assert!(!f[3].selects_no_pods(f.iter()));
        assert!(f[4].selects_no_pods(f.iter()));
        assert_eq!(f[5].crd_group.as_deref(), Some("longhorn.io"));
        assert!(!f[6].selects_no_pods(f.iter()));
        assert!(f[7].selects_no_pods(f.iter()));
    }

    #[test]
    fn service_ports_made_secrets_and_placeholders() {
        let f = facts(
            "apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  ports:
    - {name: http, port: 80, targetPort: http}
    - {port: 53, protocol: udp, targetPort: 5353}
    - {port: 9000, targetPort: '{{ .port }}'}
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata: {name: web}
spec: {secretName: web-tls}
---
apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata: {name: db}
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostNetwork: true
  serviceAccountName: KSA_NAME
  containers: [{name: c, image: x}]
",
        );
        let ports = &f[0].service_ports;
        assert_eq!(ports[0].target_port_name.as_ref().unwrap().0, "http");
        assert_eq!(
            (ports[1].protocol.as_str(), ports[1].port),
            ("UDP", Some(53))
        );
        assert!(ports[1].target_port_name.is_none() && ports[2].target_port_name.is_none());
        assert_eq!(f[1].made_secret.as_deref(), Some("web-tls"));
        assert_eq!(f[2].made_secret.as_deref(), Some("db"));
        assert!(f[0].made_secret.is_none());
        assert!(f[3].pod.as_ref().unwrap().host_network);
        assert!(f[3].references[0].is_placeholder());
    }

    #[test]
    fn selector_notation() {
        let s = Selector {
            match_labels: vec![("app".into(), "web".into())],
            expressions: vec![
                (
                    "tier".into(),
                    "In".into(),
                    vec!["front".into(), "edge".into()],
                ),
                ("legacy".into(), "DoesNotExist".into(), vec![]),
                ("team".into(), "Exists".into(), vec![]),
            ],
        };
        assert_eq!(s.to_string(), "app=web,tier in (front,edge),!legacy,team");
    }
}
