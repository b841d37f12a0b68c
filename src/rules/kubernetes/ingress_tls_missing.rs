//! `ingress-tls-missing`: an Ingress has no `spec.tls`, or routes a host that no `spec.tls`
//! entry covers, so that host is served without a certificate of its own.

use crate::rules::prelude::*;

declare_rule! {
    id: "ingress-tls-missing",
    title: "ingress host served without TLS",
    severity: Warning,
    category: Security,
    target: Kubernetes,
    fix: None,
    aliases: ["polaris:tlsSettingsMissing"],
    enabled_by_default: true,
    check: Check::Object(check),
}

/// Annotations that terminate TLS at the cloud load balancer, with a certificate that
/// `spec.tls` does not name: with one of them set (to anything for the first four; to a value
/// containing `HTTPS` or `true` for the last two), the Ingress is not flagged.
const TLS_ELSEWHERE: &[&str] = &[
    "networking.gke.io/managed-certificates",
    "ingress.gcp.kubernetes.io/pre-shared-cert",
    "alb.ingress.kubernetes.io/certificate-arn",
    "appgw.ingress.kubernetes.io/appgw-ssl-certificate",
];

fn tls_elsewhere(metadata: &Metadata) -> bool {
    let set = |key: &str| {
        metadata
            .annotation(key)
            .and_then(Node::as_str)
            .filter(|v| !v.trim().is_empty())
    };
    TLS_ELSEWHERE.iter().any(|key| set(key).is_some())
        || set("alb.ingress.kubernetes.io/listen-ports").is_some_and(|v| v.contains("HTTPS"))
        || set("traefik.ingress.kubernetes.io/router.tls")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

/// True when the TLS host `pattern` (`shop.example.com`, `*.example.com`) covers `host`: a
/// wildcard stands for exactly one leading label.
fn covers(pattern: &str, host: &str) -> bool {
    if pattern.eq_ignore_ascii_case(host) {
        return true;
    }
    let Some(domain) = pattern.strip_prefix("*.") else {
        return false;
    };
    host.split_once('.').is_some_and(|(label, rest)| {
        !label.is_empty() && label != "*" && rest.eq_ignore_ascii_case(domain)
    })
}

fn check(object: &Object, cx: &mut Context) {
    if object.kind() != "Ingress" || !matches!(object.group(), "networking.k8s.io" | "extensions") {
        return;
    }
    let Some(spec) = object.spec() else { return };
    let rules = spec.get("rules").map_or(&[][..], Node::items);
    // A patch or a stub that routes nothing is not an Ingress to judge.
    let routes = !rules.is_empty() || spec.get("defaultBackend").or(spec.get("backend")).is_some();
    if !routes || tls_elsewhere(&object.metadata()) {
        return;
    }
    let hosts = || {
        rules
            .iter()
            .filter_map(|rule| rule.get("host"))
            .filter_map(|host| Some((host, host.as_str()?)))
            // An empty host is no host; a template leftover is not judged.
            .filter(|(_, name)| !name.is_empty() && !name.contains("{{"))
    };
    let tls = spec.get("tls").filter(|tls| !tls.is_null());
    let Some(tls) = tls.filter(|tls| !tls.items().is_empty()) else {
        // `tls` set to something other than a list (a template leftover) is not judged.
        if tls.is_none_or(Node::is_seq) {
            report_no_tls(object, hosts().map(|(_, name)| name).collect(), cx);
        }
        return;
    };
    // An entry without hosts (unset, null or empty) covers every host with the controller's
    // default certificate; hosts that are not a list, or are templates, are not judged.
    let patterns = || {
        tls.items()
            .iter()
            .flat_map(|entry| entry.get("hosts").map_or(&[][..], Node::items))
    };
    let judged = tls
        .items()
        .iter()
        .all(|entry| entry.get("hosts").is_some_and(|h| !h.items().is_empty()))
        && patterns().all(|p| p.as_str().is_some_and(|p| !p.contains("{{")));
    if !judged {
        return;
    }
    for (host, name) in hosts() {
        if !patterns().filter_map(Node::as_str).any(|p| covers(p, name)) {
            cx.report(
                host.range,
                format!(
                    "host `{name}` is in no `spec.tls` entry: it has no certificate of its own"
                ),
            )
            .help("add the host to a `spec.tls` entry whose Secret holds a certificate for it");
        }
    }
}

fn report_no_tls(object: &Object, hosts: Vec<&str>, cx: &mut Context) {
    let mut names: Vec<String> = hosts.iter().take(3).map(|h| format!("`{h}`")).collect();
    match hosts.len() {
        0..=3 => {}
        4 => names.push("1 more host".to_string()),
        n => names.push(format!("{} more hosts", n - 3)),
    }
    let display = object.display();
    let message = match names.as_slice() {
        [] => format!("`{display}` has no `spec.tls`: it serves plain HTTP only"),
        [one] => format!("`{display}` has no `spec.tls`: {one} is served over plain HTTP only"),
        [init @ .., last] => format!(
            "`{display}` has no `spec.tls`: {} and {last} are served over plain HTTP only",
            init.join(", ")
        ),
    };
    cx.report(object.anchor(), message)
        .help("add a `spec.tls` entry listing the hosts and the Secret with their certificate");
}

#[cfg(test)]
mod tests {
    use super::covers;

    #[test]
    fn wildcards_cover_one_label() {
        assert!(covers("shop.example.com", "Shop.Example.com"));
        assert!(covers("*.example.com", "shop.example.com"));
        assert!(!covers("*.example.com", "example.com"));
        assert!(!covers("*.example.com", "a.shop.example.com"));
        assert!(!covers("shop.example.com", "*.example.com"));
        assert!(covers("*.example.com", "*.example.com"));
    }
}
