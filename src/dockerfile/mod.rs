//! Dockerfiles: our own BuildKit-compatible lexer and parser, the typed model rules read, and
//! the shell model of `RUN` bodies. No IO and no rules here.

pub mod image;
mod lexer;
pub mod model;
mod parser;
pub mod shell;
mod words;

pub use image::ImageRef;
pub use model::*;
pub use parser::parse;
pub use shell::{ShellCommand, ShellScript};

#[cfg(test)]
mod tests;
