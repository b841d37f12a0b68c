//! What every rule file imports.

pub use crate::declare_rule;
pub use crate::diagnostic::Edit;
pub use crate::dockerfile::{Dockerfile, Instruction, Keyword, ShellCommand, Stage, Word};
pub use crate::engine::Context;
pub use crate::source::TextRange;
