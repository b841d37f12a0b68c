//! `--format sarif`: SARIF 2.1.0 (to be implemented).

use super::{FileResult, Summary};
use std::io::{self, Write};

pub fn render(_results: &[FileResult], _summary: &Summary, _out: &mut dyn Write) -> io::Result<()> {
    Ok(())
}
