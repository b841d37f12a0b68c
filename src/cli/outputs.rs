//! The outputs of one `plimsoll check` run: the main format on standard output (or
//! `--output-file`), every `--report FORMAT=FILE` and `--write-baseline FILE`, each with its
//! own renderer fed every file's result as it comes. A file that cannot be written is a
//! problem of the run, not the end of it; standard output failing is.

use crate::render::{FileResult, Render, Summary};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

/// Where an output goes.
pub enum Destination<'a> {
    /// Standard output (as the caller wraps it).
    Stdout(Box<dyn Write + 'a>),
    /// A file, and what it is called in an error message (`report`, `baseline`).
    File { path: PathBuf, what: &'static str },
}

/// Every output of the run, started.
pub struct Outputs<'a> {
    outputs: Vec<Output<'a>>,
    /// Files that could not be written, as error messages.
    problems: Vec<String>,
}

struct Output<'a> {
    renderer: Box<dyn Render>,
    sink: Sink<'a>,
}

enum Sink<'a> {
    Stdout(BufWriter<Box<dyn Write + 'a>>),
    File {
        path: PathBuf,
        what: &'static str,
        writer: BufWriter<File>,
    },
    /// A file that failed: written no more.
    Failed,
}

impl<'a> Outputs<'a> {
    /// Opens every destination and starts its renderer.
    pub fn start(list: Vec<(Box<dyn Render>, Destination<'a>)>) -> io::Result<Outputs<'a>> {
        let mut outputs = Outputs {
            outputs: Vec::new(),
            problems: Vec::new(),
        };
        for (renderer, destination) in list {
            let sink = match destination {
                Destination::Stdout(out) => Sink::Stdout(BufWriter::new(out)),
                Destination::File { path, what } => match File::create(&path) {
                    Ok(file) => Sink::File {
                        path,
                        what,
                        writer: BufWriter::new(file),
                    },
                    Err(e) => {
                        outputs.fail(&path, what, &e);
                        continue;
                    }
                },
            };
            outputs.outputs.push(Output { renderer, sink });
        }
        outputs.each(|renderer, out| renderer.start(out))?;
        Ok(outputs)
    }

    /// Writes one file's result to every output.
    pub fn file(&mut self, result: &FileResult) -> io::Result<()> {
        self.each(|renderer, out| renderer.file(result, out))
    }

    /// Sends what standard output holds so far (for output that someone is watching).
    pub fn flush_stdout(&mut self) -> io::Result<()> {
        for output in &mut self.outputs {
            if let Sink::Stdout(out) = &mut output.sink {
                out.flush()?;
            }
        }
        Ok(())
    }

    /// Ends every output with the run's totals; returns the files that could not be
    /// written, as error messages.
    pub fn finish(mut self, summary: &Summary) -> io::Result<Vec<String>> {
        self.each(|renderer, out| {
            renderer.finish(summary, out)?;
            out.flush()
        })?;
        Ok(self.problems)
    }

    /// Runs `write` on every output still being written; a file's failure is recorded and
    /// ends that output, standard output's is returned.
    fn each(
        &mut self,
        mut write: impl FnMut(&mut dyn Render, &mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut failed = Vec::new();
        for output in &mut self.outputs {
            match &mut output.sink {
                Sink::Stdout(out) => write(output.renderer.as_mut(), out)?,
                Sink::File { path, what, writer } => {
                    if let Err(e) = write(output.renderer.as_mut(), writer) {
                        failed.push((std::mem::take(path), *what, e));
                        output.sink = Sink::Failed;
                    }
                }
                Sink::Failed => {}
            }
        }
        for (path, what, e) in failed {
            self.fail(&path, what, &e);
        }
        Ok(())
    }

    fn fail(&mut self, path: &std::path::Path, what: &str, e: &io::Error) {
        self.problems
            .push(format!("{}: cannot write the {what}: {e}", path.display()));
    }
}
