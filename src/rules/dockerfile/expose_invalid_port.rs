//! `expose-invalid-port`: an `EXPOSE` port BuildKit rejects (not a number, above 65535, a
//! reversed range, a protocol other than tcp/udp/sctp) or a host port `EXPOSE` ignores.
//! Also owns [`PortSpec`], the split of an `EXPOSE` word that `expose-ssh-port` reads too.

use crate::rules::prelude::*;

declare_rule! {
    id: "expose-invalid-port",
    title: "`EXPOSE` of a port outside 0-65535 or with an unknown protocol",
    severity: Error,
    category: Correctness,
    target: Dockerfile,
    fix: None,
    aliases: ["hadolint:DL3011", "trivy:DS-0008"],
    enabled_by_default: true,
    check: check,
}

fn check(df: &Dockerfile, cx: &mut Context) {
    let exposes = df
        .all_instructions()
        .filter(|i| i.keyword == Keyword::Expose);
    for inst in exposes {
        for spec in inst.args.iter().filter_map(PortSpec::parse) {
            judge(cx, &spec);
        }
    }
}

fn judge(cx: &mut Context, spec: &PortSpec) {
    let port = spec.port;
    if let Err(problem) = parse_range(port) {
        // The part at fault: the bad bound of a range, or the whole port.
        let (at, len) = match problem {
            RangeProblem::NotANumber(part) | RangeProblem::TooLarge(part) if !part.is_empty() => (
                part.as_ptr() as usize - spec.word.text.as_ptr() as usize,
                part.len(),
            ),
            _ => (spec.port_at, port.len()),
        };
        let message = match problem {
            RangeProblem::NotANumber("") => format!("`{}` has no port number", spec.word.text),
            RangeProblem::NotANumber(part) => format!("`{part}` is not a port number"),
            RangeProblem::TooLarge(part) => {
                format!("port `{part}` is out of range: ports go from 0 to 65535")
            }
            RangeProblem::Reversed => {
                format!("port range `{port}` is reversed: its start is above its end")
            }
        };
        let range = if len == 0 {
            spec.word.range
        } else {
            spec.range_of(at, len)
        };
        cx.report(range, message)
            .help("expose a port number from 0 to 65535, or a range `start-end` of them");
        return;
    }
    if let Some((at, proto)) = spec.proto {
        if !["", "tcp", "udp", "sctp"]
            .iter()
            .any(|p| proto.eq_ignore_ascii_case(p))
        {
            cx.report(
                spec.range_of(at, proto.len()),
                format!("protocol `{proto}` is not `tcp`, `udp` or `sctp`"),
            )
            .help("write the port as `80`, `80/tcp`, `53/udp` or `9999/sctp`");
            return;
        }
    }
    if spec.port_at > 0 {
        let host = &spec.word.text[..spec.port_at - 1];
        cx.report(
            spec.range_of(0, spec.port_at - 1),
            format!("`EXPOSE` cannot publish host port `{host}`: only container port `{port}` is exposed"),
        )
        .help("expose the container port alone and publish it at run time (`docker run -p 8080:80`)");
    }
}

/// One word of `EXPOSE`, split as BuildKit splits it: `[ip:][host-port:]port[-end][/proto]`.
pub(crate) struct PortSpec<'a> {
    pub word: &'a Word,
    /// Where the container port starts in `word.text` (after the last `:`).
    pub port_at: usize,
    /// The container port or range, without the protocol.
    pub port: &'a str,
    /// The text after the first `/` of the container part, with its offset.
    pub proto: Option<(usize, &'a str)>,
}

impl<'a> PortSpec<'a> {
    /// `None` for a word with a variable: its value is only known at build time.
    pub fn parse(word: &'a Word) -> Option<PortSpec<'a>> {
        if word.has_variable {
            return None;
        }
        let text = word.text.as_str();
        let port_at = text.rfind(':').map_or(0, |i| i + 1);
        let container = &text[port_at..];
        let (port, proto) = match container.split_once('/') {
            Some((port, proto)) => (port, Some((port_at + port.len() + 1, proto))),
            None => (container, None),
        };
        Some(PortSpec {
            word,
            port_at,
            port,
            proto,
        })
    }

    /// The first and last port, when the container port is valid.
    pub fn ports(&self) -> Option<(u16, u16)> {
        parse_range(self.port).ok()
    }

    /// True for TCP: no protocol, or `tcp` in any case.
    pub fn is_tcp(&self) -> bool {
        self.proto
            .is_none_or(|(_, p)| p.is_empty() || p.eq_ignore_ascii_case("tcp"))
    }

    /// The source range of `len` bytes at `at` in the word's text; the whole word when quotes
    /// or escapes make the text and the source differ.
    pub fn range_of(&self, at: usize, len: usize) -> TextRange {
        let word = self.word.range;
        if word.len() != self.word.text.len() {
            return word;
        }
        let start = word.start as usize + at;
        TextRange::new(start, start + len)
    }
}

enum RangeProblem<'a> {
    NotANumber(&'a str),
    TooLarge(&'a str),
    Reversed,
}

/// `80` or `8000-8010` as BuildKit reads them: decimal digits only, 16 bits, start <= end.
fn parse_range(port: &str) -> Result<(u16, u16), RangeProblem<'_>> {
    let (start, end) = match port.split_once('-') {
        Some((start, end)) => (parse_port(start)?, parse_port(end)?),
        None => {
            let n = parse_port(port)?;
            (n, n)
        }
    };
    if end < start {
        return Err(RangeProblem::Reversed);
    }
    Ok((start, end))
}

fn parse_port(part: &str) -> Result<u16, RangeProblem<'_>> {
    if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(RangeProblem::NotANumber(part));
    }
    part.parse().map_err(|_| RangeProblem::TooLarge(part))
}
