//! Image references (`registry/name:tag@digest`) and the `$VAR` / `${VAR:-default}` expansion
//! used to resolve `FROM` lines against `ARG` defaults.

/// A parsed image reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageRef {
    /// The registry host as written (`ghcr.io`, `localhost:5000`); `None` for Docker Hub.
    pub registry: Option<String>,
    /// The repository path without registry (`library/ubuntu` is written `ubuntu`).
    pub repository: String,
    pub tag: Option<String>,
    pub digest: Option<String>,
}

impl ImageRef {
    /// Parses a reference; `None` for empty input or text that cannot be an image name.
    pub fn parse(reference: &str) -> Option<ImageRef> {
        if reference.is_empty() || reference.chars().any(char::is_whitespace) {
            return None;
        }
        let (name_tag, digest) = match reference.split_once('@') {
            Some((n, d)) => (n, Some(d.to_string())),
            None => (reference, None),
        };
        // A `:` after the last `/` separates the tag; one before it belongs to a registry port.
        let last_slash = name_tag.rfind('/').map_or(0, |i| i + 1);
        let (name, tag) = match name_tag[last_slash..].rfind(':') {
            Some(i) => (
                &name_tag[..last_slash + i],
                Some(name_tag[last_slash + i + 1..].to_string()),
            ),
            None => (name_tag, None),
        };
        if name.is_empty() {
            return None;
        }
        let (registry, repository) = match name.split_once('/') {
            Some((first, rest))
                if first.contains('.') || first.contains(':') || first == "localhost" =>
            {
                (Some(first.to_string()), rest.to_string())
            }
            _ => (None, name.to_string()),
        };
        Some(ImageRef {
            registry,
            repository,
            tag,
            digest,
        })
    }

    /// The registry host, with Docker Hub spelled `docker.io`.
    pub fn registry_or_default(&self) -> &str {
        self.registry.as_deref().unwrap_or("docker.io")
    }
}

/// Expands `$VAR`, `${VAR}`, `${VAR:-word}`, `${VAR-word}`, `${VAR:+word}` and `${VAR+word}`.
/// `lookup` returns `Some(value)` for a declared variable (empty for no default) and `None` for
/// an undeclared one. Returns `None` when a variable's value is unknown.
pub fn expand(text: &str, lookup: &dyn Fn(&str) -> Option<Option<String>>) -> Option<String> {
    if !text.contains('$') {
        return Some(text.to_string());
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(dollar) = rest.find('$') {
        out.push_str(&rest[..dollar]);
        rest = &rest[dollar + 1..];
        if let Some(inner) = rest.strip_prefix('{') {
            let close = inner.find('}')?;
            let expr = &inner[..close];
            rest = &inner[close + 1..];
            let name_len = expr
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(expr.len());
            let (name, op) = expr.split_at(name_len);
            let value = lookup(name);
            let set = matches!(&value, Some(Some(v)) if !v.is_empty());
            let expanded = if let Some(word) = op.strip_prefix(":-") {
                if set {
                    value.flatten()
                } else {
                    Some(expand(word, lookup)?)
                }
            } else if let Some(word) = op.strip_prefix('-') {
                match value {
                    Some(Some(v)) => Some(v),
                    _ => Some(expand(word, lookup)?),
                }
            } else if let Some(word) = op.strip_prefix(":+") {
                Some(if set {
                    expand(word, lookup)?
                } else {
                    String::new()
                })
            } else if let Some(word) = op.strip_prefix('+') {
                Some(if value.is_some() {
                    expand(word, lookup)?
                } else {
                    String::new()
                })
            } else if op.is_empty() {
                value.flatten()
            } else {
                None
            };
            out.push_str(&expanded?);
        } else {
            let name_len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            if name_len == 0 {
                out.push('$');
                continue;
            }
            out.push_str(&lookup(&rest[..name_len]).flatten()?);
            rest = &rest[name_len..];
        }
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_references() {
        let r = ImageRef::parse("localhost:5000/team/app:1.2@sha256:abc").unwrap();
        assert_eq!(r.registry.as_deref(), Some("localhost:5000"));
        assert_eq!(r.repository, "team/app");
        assert_eq!(r.tag.as_deref(), Some("1.2"));
        assert_eq!(r.digest.as_deref(), Some("sha256:abc"));
        let r = ImageRef::parse("ubuntu").unwrap();
        assert_eq!((r.registry, r.tag), (None, None));
        let r = ImageRef::parse("library/ubuntu:latest").unwrap();
        assert_eq!(r.registry_or_default(), "docker.io");
        assert_eq!(r.tag.as_deref(), Some("latest"));
    }

    #[test]
    fn expands_variables() {
        let lookup = |n: &str| match n {
            "V" => Some(Some("3.12".to_string())),
            "EMPTY" => Some(None),
            _ => None,
        };
        assert_eq!(expand("py:${V}", &lookup).as_deref(), Some("py:3.12"));
        assert_eq!(
            expand("py:$V-slim", &lookup).as_deref(),
            Some("py:3.12-slim")
        );
        assert_eq!(expand("py:${EMPTY:-1}", &lookup).as_deref(), Some("py:1"));
        assert_eq!(expand("py:${NOPE:-x}", &lookup).as_deref(), Some("py:x"));
        assert_eq!(expand("py:$NOPE", &lookup), None);
        assert_eq!(expand("py:${EMPTY}", &lookup), None);
    }
}
