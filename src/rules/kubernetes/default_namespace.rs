//! `default-namespace`: an object of a namespaced kind sets `metadata.namespace: default`.
//! Objects without a namespace take one when applied and are not judged; neither is Helm
//! output, where `helm template` writes `.Release.Namespace` as `default`.

use crate::rules::prelude::*;

declare_rule! {
    id: "default-namespace",
    title: "object in the `default` namespace",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: [
        "checkov:CKV_K8S_21",
        "trivy:KSV-0110",
        "kube-linter:use-namespace",
        "cis-kubernetes:5.7.4",
    ],
    enabled_by_default: true,
    check: Check::Object(check),
}

/// Kinds that are not namespaced, where `metadata.namespace` means nothing. Kinds from CRDs
/// named `Cluster...` (`ClusterIssuer`, `ClusterPolicy`) are cluster-scoped by convention.
const CLUSTER_SCOPED: &[&str] = &[
    "APIService",
    "CertificateSigningRequest",
    "ComponentStatus",
    "CSIDriver",
    "CSINode",
    "CustomResourceDefinition",
    "DeviceClass",
    "FlowSchema",
    "GatewayClass",
    "IngressClass",
    "IPAddress",
    "MutatingAdmissionPolicy",
    "MutatingAdmissionPolicyBinding",
    "MutatingWebhookConfiguration",
    "Namespace",
    "Node",
    "PersistentVolume",
    "PodSecurityPolicy",
    "PriorityClass",
    "PriorityLevelConfiguration",
    "ResourceSlice",
    "RuntimeClass",
    "SecurityContextConstraints",
    "ServiceCIDR",
    "StorageClass",
    "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding",
    "ValidatingWebhookConfiguration",
    "VolumeAttachment",
    "VolumeSnapshotClass",
    "VolumeSnapshotContent",
];

fn check(object: &Object, cx: &mut Context) {
    // Helm renders `namespace: {{ .Release.Namespace }}` as `default` unless told otherwise.
    if object.source.is_some() {
        return;
    }
    let Some(node) = object.metadata().namespace_node() else {
        return;
    };
    if node.as_str() != Some("default") {
        return;
    }
    let kind = object.kind();
    if CLUSTER_SCOPED.contains(&kind) || kind.starts_with("Cluster") {
        return;
    }
    // Objects that live in `default` by nature: the API server's own Service and the
    // namespace's `default` ServiceAccount.
    let name = object.name().unwrap_or("");
    let built_in = match kind {
        "Service" | "Endpoints" | "EndpointSlice" => name == "kubernetes",
        "ServiceAccount" => name == "default",
        _ => false,
    };
    if built_in {
        return;
    }
    cx.report(
        node.range,
        format!("`{}` is in the `default` namespace", object.display()),
    )
    .help("put it in a namespace of its own, or leave `metadata.namespace` out and choose the namespace when applying");
}
