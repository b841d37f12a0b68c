//! What cross-object rules know about each object of the whole input set: a small owned
//! summary (kind, name, namespace, labels, selectors, the names it refers to, with ranges),
//! built once per object while its file is at hand, so that files need not stay in memory.

use super::stream::Object;
use super::views::{LabelSelector, PodSpec};
use super::yaml::Node;
use crate::source::TextRange;

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
        let get = |key: &str| {
            labels
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        self.match_labels
            .iter()
            .all(|(k, v)| get(k) == Some(v.as_str()))
            && self.expressions.iter().all(|(key, op, values)| {
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
}

/// What a reference points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReferenceKind {
    ServiceAccount,
    Secret,
    ConfigMap,
    PersistentVolumeClaim,
    /// An Ingress backend's Service, with the port it names (number or name), if any.
    Service {
        port: Option<String>,
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
}

fn push_reference(
    out: &mut Vec<Reference>,
    kind: ReferenceKind,
    name: Option<&Node>,
    optional: bool,
) {
    let Some(node) = name else { return };
    let Some(text) = node.as_str() else { return };
    // `{{ ... }}` left in rendered output, or an empty name: nothing to look up.
    if text.is_empty() || text.contains("{{") {
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
        let port = port.and_then(Node::as_str).map(str::to_string);
        push_reference(out, ReferenceKind::Service { port }, name, false);
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
        assert_eq!(
            facts[2].references[0].kind,
            ReferenceKind::Service {
                port: Some("80".into())
            }
        );
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
}
