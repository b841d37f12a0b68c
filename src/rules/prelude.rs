//! What every rule file imports.

pub use crate::declare_rule;
pub use crate::diagnostic::Edit;
pub use crate::dockerfile::{Dockerfile, Instruction, Keyword, ShellCommand, Stage, Word};
pub use crate::engine::{Check, Context, SetContext, SetObject};
pub use crate::kubernetes::{
    Container, ContainerKind, KubeVersion, LabelSelector, Metadata, Node, Object, ObjectFacts,
    PodSpec, ReferenceKind, Selector, Setting, Volume,
};
pub use crate::source::TextRange;
