//! The Kubernetes version manifests are linted for (`kubernetes-version` in the config,
//! `--kubernetes-version`): which Pod Security Standards checks and values apply, and which
//! API versions are deprecated or removed.

use std::fmt;

/// A Kubernetes minor version, `1.N`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KubeVersion {
    pub major: u32,
    pub minor: u32,
}

impl KubeVersion {
    /// The newest version plimsoll knows (the Pod Security Standards policy `v1.37`); what
    /// `latest` means.
    pub const LATEST: KubeVersion = KubeVersion::new(1, 37);

    pub const fn new(major: u32, minor: u32) -> Self {
        Self { major, minor }
    }

    /// `1.29`, `v1.29`, `1.29.3` (the patch is ignored) or `latest`.
    pub fn parse(text: &str) -> Result<KubeVersion, String> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("latest") {
            return Ok(Self::LATEST);
        }
        let digits = t.strip_prefix(['v', 'V']).unwrap_or(t);
        let mut parts = digits.split('.');
        let parsed = (|| {
            let major: u32 = parts.next()?.parse().ok()?;
            let minor: u32 = parts.next()?.parse().ok()?;
            let patch_ok = parts.next().is_none_or(|p| p.parse::<u32>().is_ok());
            (patch_ok && parts.next().is_none() && major == 1)
                .then_some(KubeVersion::new(major, minor))
        })();
        parsed.ok_or_else(|| {
            format!("`{text}` is not a Kubernetes version: write `1.30`, `v1.30` or `latest`")
        })
    }
}

impl Default for KubeVersion {
    fn default() -> Self {
        Self::LATEST
    }
}

impl fmt::Display for KubeVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_versions() {
        assert_eq!(KubeVersion::parse("1.29"), Ok(KubeVersion::new(1, 29)));
        assert_eq!(KubeVersion::parse("v1.30.2"), Ok(KubeVersion::new(1, 30)));
        assert_eq!(KubeVersion::parse("latest"), Ok(KubeVersion::LATEST));
        assert!(KubeVersion::parse("2.1").is_err());
        assert!(KubeVersion::parse("1.x").is_err());
        assert!(KubeVersion::new(1, 9) < KubeVersion::new(1, 10));
    }
}
