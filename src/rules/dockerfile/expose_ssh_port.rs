//! `expose-ssh-port`: `EXPOSE` of TCP port 22, the SSH port, alone or inside a range.

use super::expose_invalid_port::PortSpec;
use crate::rules::prelude::*;

declare_rule! {
    id: "expose-ssh-port",
    title: "`EXPOSE` of the SSH port 22",
    severity: Warning,
    category: Security,
    target: Dockerfile,
    fix: None,
    aliases: ["checkov:CKV_DOCKER_1", "trivy:DS-0004"],
    enabled_by_default: true,
    check: check,
}

const SSH: u16 = 22;

fn check(df: &Dockerfile, cx: &mut Context) {
    let exposes = df
        .all_instructions()
        .filter(|i| i.keyword == Keyword::Expose);
    for inst in exposes {
        for spec in inst.args.iter().filter_map(PortSpec::parse) {
            // SSH is TCP: `22/udp` is some other service.
            let Some((start, end)) = spec.ports().filter(|_| spec.is_tcp()) else {
                continue;
            };
            if !(start..=end).contains(&SSH) {
                continue;
            }
            let message = if start == end {
                "`EXPOSE` of port 22 invites SSH access to the container".to_string()
            } else {
                format!(
                    "`EXPOSE` of the range `{}` includes the SSH port 22",
                    spec.port
                )
            };
            cx.report(spec.range_of(spec.port_at, spec.port.len()), message)
                .help("remove port 22 and use `docker exec` (or `kubectl exec`) to get a shell");
        }
    }
}
