//! The built-in API versions Kubernetes has deprecated or stopped serving, per `kind`, with what
//! replaces each: the upstream "Deprecated API Migration Guide" as one table, shared by
//! `api-version-deprecated` and `api-version-removed`. Deprecation releases are those the API
//! server announces in its warnings (`... is deprecated in v1.19+, unavailable in v1.22+`).
//! Only exact built-in `apiVersion` and `kind` pairs are listed: a CRD's group never matches,
//! and newer beta kinds of an old group version (`storage.k8s.io/v1beta1`
//! `VolumeAttributesClass`, `coordination.k8s.io/v1beta1` `LeaseCandidate`) are not caught.

use crate::rules::prelude::*;

/// One group version whose `kinds` are deprecated, and maybe removed.
pub struct DeprecatedApi {
    pub api_version: &'static str,
    pub kinds: &'static [&'static str],
    /// The first release that warns about it.
    pub deprecated: KubeVersion,
    /// The first release that no longer serves it (`None`: deprecated, not scheduled for removal).
    pub removed: Option<KubeVersion>,
    pub instead: Instead,
}

/// What to use instead.
pub enum Instead {
    /// The same kind in another API version, served since `since`. `changes` is what else must
    /// change, as an imperative clause; `None` means the schema is the same and editing
    /// `apiVersion` is the whole migration.
    Version {
        api_version: &'static str,
        since: KubeVersion,
        changes: Option<&'static str>,
    },
    /// Another kind (`Endpoints` becomes `EndpointSlice`).
    Kind {
        api_version: &'static str,
        kind: &'static str,
        since: KubeVersion,
    },
    /// No replacement API: what to do instead, as an imperative clause.
    Nothing(&'static str),
}

const fn v(minor: u32) -> KubeVersion {
    KubeVersion::new(1, minor)
}

const fn version(api_version: &'static str, since: u32, changes: Option<&'static str>) -> Instead {
    Instead::Version {
        api_version,
        since: v(since),
        changes,
    }
}

const SELECTOR: Option<&str> = Some(
    "make sure `spec.selector` is set to the pod template's labels (required and immutable there)",
);
const INGRESS: Option<&str> = Some(
    "rename the backend fields (`serviceName` and `servicePort` become `service.name` and `service.port.number` or `service.port.name`, `spec.backend` becomes `spec.defaultBackend`) and set `pathType` on every path",
);
const HPA: Option<&str> = Some(
    "give each metric a `target` (`type` with `averageUtilization`, `averageValue` or `value`) in place of `targetAverageUtilization` and `targetAverageValue`",
);

/// The table, in the guide's order (by removal release).
pub static DEPRECATED_APIS: &[DeprecatedApi] = &[
    // Removed in 1.16.
    DeprecatedApi {
        api_version: "extensions/v1beta1",
        kinds: &["Deployment", "DaemonSet", "ReplicaSet"],
        deprecated: v(8),
        removed: Some(v(16)),
        instead: version("apps/v1", 9, SELECTOR),
    },
    DeprecatedApi {
        api_version: "apps/v1beta1",
        kinds: &["Deployment", "StatefulSet"],
        deprecated: v(8),
        removed: Some(v(16)),
        instead: version("apps/v1", 9, SELECTOR),
    },
    DeprecatedApi {
        api_version: "apps/v1beta2",
        kinds: &["Deployment", "DaemonSet", "ReplicaSet", "StatefulSet"],
        deprecated: v(9),
        removed: Some(v(16)),
        instead: version("apps/v1", 9, SELECTOR),
    },
    DeprecatedApi {
        api_version: "extensions/v1beta1",
        kinds: &["NetworkPolicy"],
        deprecated: v(9),
        removed: Some(v(16)),
        instead: version("networking.k8s.io/v1", 8, None),
    },
    DeprecatedApi {
        api_version: "extensions/v1beta1",
        kinds: &["PodSecurityPolicy"],
        deprecated: v(11),
        removed: Some(v(16)),
        instead: version("policy/v1beta1", 10, None),
    },
    // Removed in 1.22.
    DeprecatedApi {
        api_version: "admissionregistration.k8s.io/v1beta1",
        kinds: &[
            "MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration",
        ],
        deprecated: v(16),
        removed: Some(v(22)),
        instead: version(
            "admissionregistration.k8s.io/v1",
            16,
            Some("set `sideEffects` and `admissionReviewVersions` on every webhook (now required), and check the new `failurePolicy`, `matchPolicy` and `timeoutSeconds` defaults"),
        ),
    },
    DeprecatedApi {
        api_version: "apiextensions.k8s.io/v1beta1",
        kinds: &["CustomResourceDefinition"],
        deprecated: v(16),
        removed: Some(v(22)),
        instead: version(
            "apiextensions.k8s.io/v1",
            16,
            Some("set `spec.scope`, move `version`, `validation`, `subresources` and `additionalPrinterColumns` into `spec.versions[]`, and give every version a structural `schema.openAPIV3Schema`"),
        ),
    },
    DeprecatedApi {
        api_version: "apiregistration.k8s.io/v1beta1",
        kinds: &["APIService"],
        deprecated: v(19),
        removed: Some(v(22)),
        instead: version("apiregistration.k8s.io/v1", 10, None),
    },
    DeprecatedApi {
        api_version: "authentication.k8s.io/v1beta1",
        kinds: &["TokenReview"],
        deprecated: v(19),
        removed: Some(v(22)),
        instead: version("authentication.k8s.io/v1", 6, None),
    },
    DeprecatedApi {
        api_version: "authorization.k8s.io/v1beta1",
        kinds: &[
            "LocalSubjectAccessReview",
            "SelfSubjectAccessReview",
            "SelfSubjectRulesReview",
            "SubjectAccessReview",
        ],
        deprecated: v(19),
        removed: Some(v(22)),
        instead: version(
            "authorization.k8s.io/v1",
            6,
            Some("rename `spec.group` to `spec.groups`"),
        ),
    },
    DeprecatedApi {
        api_version: "certificates.k8s.io/v1beta1",
        kinds: &["CertificateSigningRequest"],
        deprecated: v(19),
        removed: Some(v(22)),
        instead: version(
            "certificates.k8s.io/v1",
            19,
            Some("set `spec.signerName` and `spec.usages` (now required)"),
        ),
    },
    DeprecatedApi {
        api_version: "coordination.k8s.io/v1beta1",
        kinds: &["Lease"],
        deprecated: v(19),
        removed: Some(v(22)),
        instead: version("coordination.k8s.io/v1", 14, None),
    },
    DeprecatedApi {
        api_version: "extensions/v1beta1",
        kinds: &["Ingress"],
        deprecated: v(14),
        removed: Some(v(22)),
        instead: version("networking.k8s.io/v1", 19, INGRESS),
    },
    DeprecatedApi {
        api_version: "networking.k8s.io/v1beta1",
        kinds: &["Ingress"],
        deprecated: v(19),
        removed: Some(v(22)),
        instead: version("networking.k8s.io/v1", 19, INGRESS),
    },
    DeprecatedApi {
        api_version: "networking.k8s.io/v1beta1",
        kinds: &["IngressClass"],
        deprecated: v(19),
        removed: Some(v(22)),
        instead: version("networking.k8s.io/v1", 19, None),
    },
    DeprecatedApi {
        api_version: "rbac.authorization.k8s.io/v1beta1",
        kinds: &["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"],
        deprecated: v(17),
        removed: Some(v(22)),
        instead: version("rbac.authorization.k8s.io/v1", 8, None),
    },
    DeprecatedApi {
        api_version: "scheduling.k8s.io/v1beta1",
        kinds: &["PriorityClass"],
        deprecated: v(14),
        removed: Some(v(22)),
        instead: version("scheduling.k8s.io/v1", 14, None),
    },
    DeprecatedApi {
        api_version: "storage.k8s.io/v1beta1",
        kinds: &["CSIDriver"],
        deprecated: v(19),
        removed: Some(v(22)),
        instead: version("storage.k8s.io/v1", 19, None),
    },
    DeprecatedApi {
        api_version: "storage.k8s.io/v1beta1",
        kinds: &["CSINode"],
        deprecated: v(17),
        removed: Some(v(22)),
        instead: version("storage.k8s.io/v1", 17, None),
    },
    DeprecatedApi {
        api_version: "storage.k8s.io/v1beta1",
        kinds: &["StorageClass"],
        deprecated: v(19),
        removed: Some(v(22)),
        instead: version("storage.k8s.io/v1", 6, None),
    },
    DeprecatedApi {
        api_version: "storage.k8s.io/v1beta1",
        kinds: &["VolumeAttachment"],
        deprecated: v(19),
        removed: Some(v(22)),
        instead: version("storage.k8s.io/v1", 13, None),
    },
    // Removed in 1.25.
    DeprecatedApi {
        api_version: "batch/v1beta1",
        kinds: &["CronJob"],
        deprecated: v(21),
        removed: Some(v(25)),
        instead: version("batch/v1", 21, None),
    },
    DeprecatedApi {
        api_version: "discovery.k8s.io/v1beta1",
        kinds: &["EndpointSlice"],
        deprecated: v(21),
        removed: Some(v(25)),
        instead: version(
            "discovery.k8s.io/v1",
            21,
            Some("replace each endpoint's `topology` with its `nodeName` and `zone` fields"),
        ),
    },
    DeprecatedApi {
        api_version: "events.k8s.io/v1beta1",
        kinds: &["Event"],
        deprecated: v(22),
        removed: Some(v(25)),
        instead: version(
            "events.k8s.io/v1",
            19,
            Some("rename `involvedObject` to `regarding`, set `action`, `reason`, `reportingController` and `reportingInstance`, and use `eventTime` and `series` instead of the timestamp and count fields"),
        ),
    },
    DeprecatedApi {
        api_version: "autoscaling/v2beta1",
        kinds: &["HorizontalPodAutoscaler"],
        deprecated: v(22),
        removed: Some(v(25)),
        instead: version("autoscaling/v2", 23, HPA),
    },
    DeprecatedApi {
        api_version: "policy/v1beta1",
        kinds: &["PodDisruptionBudget"],
        deprecated: v(21),
        removed: Some(v(25)),
        instead: version(
            "policy/v1",
            21,
            Some("note that an empty `spec.selector` now selects every pod of the namespace instead of none"),
        ),
    },
    DeprecatedApi {
        api_version: "policy/v1beta1",
        kinds: &["PodSecurityPolicy"],
        deprecated: v(21),
        removed: Some(v(25)),
        instead: Instead::Nothing(
            "enforce the Pod Security Standards with Pod Security Admission (`pod-security.kubernetes.io/*` namespace labels) or an admission webhook",
        ),
    },
    DeprecatedApi {
        api_version: "node.k8s.io/v1beta1",
        kinds: &["RuntimeClass"],
        deprecated: v(22),
        removed: Some(v(25)),
        instead: version("node.k8s.io/v1", 20, None),
    },
    // Removed in 1.26.
    DeprecatedApi {
        api_version: "flowcontrol.apiserver.k8s.io/v1beta1",
        kinds: &["FlowSchema", "PriorityLevelConfiguration"],
        deprecated: v(23),
        removed: Some(v(26)),
        instead: version("flowcontrol.apiserver.k8s.io/v1beta2", 23, None),
    },
    DeprecatedApi {
        api_version: "autoscaling/v2beta2",
        kinds: &["HorizontalPodAutoscaler"],
        deprecated: v(23),
        removed: Some(v(26)),
        instead: version("autoscaling/v2", 23, HPA),
    },
    // Removed in 1.27.
    DeprecatedApi {
        api_version: "storage.k8s.io/v1beta1",
        kinds: &["CSIStorageCapacity"],
        deprecated: v(24),
        removed: Some(v(27)),
        instead: version("storage.k8s.io/v1", 24, None),
    },
    // Removed in 1.29.
    DeprecatedApi {
        api_version: "flowcontrol.apiserver.k8s.io/v1beta2",
        kinds: &["FlowSchema", "PriorityLevelConfiguration"],
        deprecated: v(26),
        removed: Some(v(29)),
        instead: version(
            "flowcontrol.apiserver.k8s.io/v1beta3",
            26,
            Some("rename `spec.limited.assuredConcurrencyShares` to `spec.limited.nominalConcurrencyShares`"),
        ),
    },
    // Removed in 1.32.
    DeprecatedApi {
        api_version: "flowcontrol.apiserver.k8s.io/v1beta3",
        kinds: &["FlowSchema", "PriorityLevelConfiguration"],
        deprecated: v(29),
        removed: Some(v(32)),
        instead: version(
            "flowcontrol.apiserver.k8s.io/v1",
            29,
            Some("note that an explicit `spec.limited.nominalConcurrencyShares: 0` now stays 0 instead of becoming 30"),
        ),
    },
    // Deprecated in 1.33, not scheduled for removal.
    DeprecatedApi {
        api_version: "v1",
        kinds: &["Endpoints"],
        deprecated: v(33),
        removed: None,
        instead: Instead::Kind {
            api_version: "discovery.k8s.io/v1",
            kind: "EndpointSlice",
            since: v(21),
        },
    },
];

/// The table's entry for an object's `apiVersion` and `kind`.
pub fn lookup(api_version: &str, kind: &str) -> Option<&'static DeprecatedApi> {
    DEPRECATED_APIS
        .iter()
        .find(|api| api.api_version == api_version && api.kinds.contains(&kind))
}

/// The advice for an object at a target version: its replacement, followed as far as the
/// target allows (`flowcontrol.apiserver.k8s.io/v1beta1` leads through `v1beta2` and `v1beta3`
/// to `v1`; `extensions/v1beta1` `PodSecurityPolicy` to no replacement at all), with every
/// step's changes.
pub struct Advice {
    pub instead: &'static Instead,
    pub changes: Vec<&'static str>,
}

impl Advice {
    /// The new `apiVersion` when it is all that must change and the target serves it.
    pub fn rename(&self, target: KubeVersion) -> Option<&'static str> {
        match self.instead {
            Instead::Version {
                api_version, since, ..
            } if self.changes.is_empty() && *since <= target => Some(api_version),
            _ => None,
        }
    }
}

/// The advice for `api` (of `kind`) at `target`.
pub fn advice(api: &'static DeprecatedApi, kind: &str, target: KubeVersion) -> Advice {
    let mut instead = &api.instead;
    let mut changes = Vec::new();
    while let Instead::Version {
        api_version,
        changes: step,
        ..
    } = instead
    {
        changes.extend(*step);
        let Some(next) = lookup(api_version, kind) else {
            break;
        };
        // Go on while the replacement is itself deprecated and what replaces it is served.
        let onward_served = match &next.instead {
            Instead::Version { since, .. } | Instead::Kind { since, .. } => *since <= target,
            Instead::Nothing(_) => true,
        };
        if next.deprecated > target || !onward_served {
            break;
        }
        instead = &next.instead;
    }
    Advice { instead, changes }
}

/// Reports `object` if its API version is at `stage` for the target version: removed, or
/// deprecated and still served. The finding points at the `apiVersion` value.
pub fn check(object: &Object, cx: &mut Context, stage: Stage) {
    let Some(node) = object.api_version() else {
        return;
    };
    let Some(api_version) = node.as_str() else {
        return;
    };
    let kind = object.kind();
    let Some(api) = lookup(api_version, kind) else {
        return;
    };
    let target = cx.kubernetes_version();
    let message = match (stage, api.removed) {
        (Stage::Removed, Some(removed)) if removed <= target => {
            format!("`{api_version}` `{kind}` was removed in Kubernetes {removed}")
        }
        (Stage::Deprecated, Some(removed)) if api.deprecated <= target && target < removed => {
            format!(
                "`{api_version}` `{kind}` is deprecated since Kubernetes {} and not served from {removed}",
                api.deprecated
            )
        }
        (Stage::Deprecated, None) if api.deprecated <= target => format!(
            "`{api_version}` `{kind}` is deprecated since Kubernetes {}",
            api.deprecated
        ),
        _ => return,
    };
    let advice = advice(api, kind, target);
    let (message, help) = match advice.instead {
        Instead::Version {
            api_version: new,
            since,
            ..
        } => {
            let served = if *since > target {
                format!(" (served from Kubernetes {since})")
            } else {
                String::new()
            };
            let help = if advice.changes.is_empty() {
                format!("change `apiVersion` to `{new}`; nothing else changes")
            } else {
                format!(
                    "change `apiVersion` to `{new}`, and {}",
                    advice.changes.join("; ")
                )
            };
            (format!("{message}: use `{new}`{served}"), help)
        }
        Instead::Kind {
            api_version: new,
            kind: new_kind,
            ..
        } => (
            format!("{message}: use `{new}` `{new_kind}`"),
            format!("replace it with a `{new}` `{new_kind}`"),
        ),
        Instead::Nothing(what) => (format!("{message}; nothing replaces it"), what.to_string()),
    };
    // The written value keeps its quotes; one with escapes is left alone.
    let written = &cx.text()[node.range.as_range()];
    let report = cx.report(node.range, message).help(help);
    if let Some(new) = advice
        .rename(target)
        .filter(|_| written.contains(api_version))
    {
        let replaced = written.replacen(api_version, new, 1);
        report.fix(
            format!("change `apiVersion` to `{new}`"),
            vec![Edit::replace(node.range, replaced)],
        );
    }
}

/// Which rule is asking.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Deprecated,
    Removed,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_consistent() {
        for api in DEPRECATED_APIS {
            assert!(
                api.removed.is_none_or(|r| r > api.deprecated),
                "{}",
                api.api_version
            );
            for kind in api.kinds {
                // One entry per pair.
                let entries = DEPRECATED_APIS
                    .iter()
                    .filter(|a| a.api_version == api.api_version && a.kinds.contains(kind))
                    .count();
                assert_eq!(entries, 1, "{} {kind}", api.api_version);
            }
            if let Instead::Version { since, .. } = api.instead {
                // The replacement is served before the old version goes away.
                assert!(api.removed.is_none_or(|r| since < r), "{}", api.api_version);
            }
        }
    }

    #[test]
    fn advice_follows_the_chain_as_far_as_the_target_serves() {
        let api = lookup("flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema").unwrap();
        let at = |minor| match advice(api, "FlowSchema", KubeVersion::new(1, minor)).instead {
            Instead::Version { api_version, .. } => *api_version,
            _ => "",
        };
        assert_eq!(at(24), "flowcontrol.apiserver.k8s.io/v1beta2");
        assert_eq!(at(27), "flowcontrol.apiserver.k8s.io/v1beta3");
        assert_eq!(at(37), "flowcontrol.apiserver.k8s.io/v1");
        let psp = lookup("extensions/v1beta1", "PodSecurityPolicy").unwrap();
        let early = advice(psp, "PodSecurityPolicy", KubeVersion::new(1, 16));
        assert_eq!(
            early.rename(KubeVersion::new(1, 16)),
            Some("policy/v1beta1")
        );
        let late = advice(psp, "PodSecurityPolicy", KubeVersion::LATEST);
        assert!(matches!(late.instead, Instead::Nothing(_)));
        assert!(lookup("storage.k8s.io/v1beta1", "VolumeAttributesClass").is_none());
        assert!(lookup("example.com/v1beta1", "Ingress").is_none());
    }
}
