//! `--format gitlab`: GitLab Code Quality (to be implemented).

use super::FileResult;
use std::io::{self, Write};

pub fn render(_results: &[FileResult], _out: &mut dyn Write) -> io::Result<()> {
    Ok(())
}
