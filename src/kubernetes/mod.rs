//! Kubernetes manifests and Helm output: the YAML loader, the objects of a stream and the
//! lenient typed views rules read. No IO and no rules here.

pub mod inventory;
pub mod kustomize;
pub mod stream;
pub mod version;
pub mod views;
pub mod yaml;

pub use inventory::{ObjectFacts, Reference, ReferenceKind, Selector};
pub use stream::{Object, Stream, Verdict};
pub use version::KubeVersion;
pub use views::{Container, ContainerKind, LabelSelector, Metadata, PodSpec, Setting, Volume};
pub use yaml::{Node, Resolved, Scalar, Style, Value};
