//! Secret matchers shared by the Dockerfile rule `secret-in-env-or-arg` and the Kubernetes rule
//! `secret-in-env-var`: whether a variable's name says it holds a secret (`DB_PASSWORD`,
//! `NPM_TOKEN`), whether a value cannot be that secret (a path, a switch, a URL without
//! credentials), and known credential formats found in any value (AWS key ids, private keys,
//! GitHub tokens).

/// Words that make a name a secret: `DB_PASSWORD`, `NPM_TOKEN`, `API_KEY`. Names are split on
/// `_`, `-`, `.` and camelCase, and compared case-insensitively.
const SECRET_WORDS: &[&str] = &[
    "password",
    "passwd",
    "passphrase",
    "pword",
    "secret",
    "secrets",
    "token",
    "apikey",
    "credential",
    "credentials",
    "creds",
    "privatekey",
    "accesskey",
    "secretkey",
];

/// Words that end a longer word the same way: `DBPASSWORD`, `ACCESSTOKEN`, `CLIENTSECRET`.
const SECRET_SUFFIXES: &[&str] = &["password", "passwd", "token", "secret"];

/// Short words that mean a secret only next to another word (`DB_PASS`, `GH_PAT`), never alone
/// (`PWD` is the shell's working directory).
const SECRET_SHORT_WORDS: &[&str] = &["pass", "pwd", "pat"];

/// Words saying the value is about a secret, not the secret: where it is (`_FILE`, `_PATH`,
/// `_URL`), what it looks like (`_LENGTH`, `_TYPE`), or a switch (`_ENABLED`).
const NOT_SECRET_WORDS: &[&str] = &[
    "public",
    "pub",
    "file",
    "files",
    "path",
    "dir",
    "directory",
    "url",
    "uri",
    "endpoint",
    "host",
    "server",
    "port",
    "version",
    "name",
    "names",
    "type",
    "length",
    "len",
    "size",
    "ttl",
    "expiry",
    "expires",
    "expiration",
    "timeout",
    "header",
    "prefix",
    "format",
    "algorithm",
    "mode",
    "enabled",
    "enable",
    "disable",
    "disabled",
    "required",
    "policy",
    "hash",
    "checksum",
    "sha256",
    "fingerprint",
    "arn",
    "dummy",
    "placeholder",
    "example",
    "allow",
    "empty",
    "random",
    "config",
    "helper",
];

/// Owners of keys that are public by design: `GPG_KEY` in the official images is a fingerprint.
const PUBLIC_KEY_OWNERS: &[&str] = &[
    "gpg", "pgp", "gnupg", "public", "pub", "cache", "sort", "primary", "repo", "apt",
];

pub(crate) fn is_secret_name(name: &str) -> bool {
    // Up to 16 words, borrowed from the name: no allocation for the common case.
    let mut buffer = [""; 16];
    let mut n = 0;
    for word in split_name(name).take(buffer.len()) {
        buffer[n] = word;
        n += 1;
    }
    let words = &buffer[..n];
    let is = |word: &str, list: &[&str]| list.iter().any(|w| word.eq_ignore_ascii_case(w));
    if words.iter().any(|w| is(w, NOT_SECRET_WORDS)) {
        return false;
    }
    for (i, &word) in words.iter().enumerate() {
        let last = i + 1 == n;
        if is(word, SECRET_WORDS)
            || SECRET_SUFFIXES.iter().any(|s| {
                word.len() > s.len()
                    && word
                        .get(word.len() - s.len()..)
                        .is_some_and(|tail| tail.eq_ignore_ascii_case(s))
            })
            || (n > 1 && is(word, SECRET_SHORT_WORDS))
        {
            return true;
        }
        // `API_KEY`, `SECRET_KEY`, `ENCRYPTION_KEY`: a key at the end, not a `GPG_KEY`.
        if is(word, &["key", "keys"]) && i > 0 {
            let owner = words[i - 1];
            // `Filters__0__Key` is the key of a list item, a setting's name.
            let index = owner.bytes().all(|b| b.is_ascii_digit());
            if last && !index && !is(owner, PUBLIC_KEY_OWNERS) {
                return true;
            }
            // `AWS_ACCESS_KEY_ID` is half of a credential pair; other `*_KEY_ID`s name a key.
            let next_is_id = words
                .get(i + 1)
                .is_some_and(|w| w.eq_ignore_ascii_case("id"));
            if owner.eq_ignore_ascii_case("access") && next_is_id {
                return true;
            }
        }
    }
    false
}

/// The words of a name, split on `_`, `-`, `.` and camelCase: `DB_PASSWORD` -> `DB`,
/// `PASSWORD`; `npmToken` -> `npm`, `Token`.
fn split_name(name: &str) -> impl Iterator<Item = &str> {
    let bytes = name.as_bytes();
    let mut start = 0;
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let b = bytes[at];
            if matches!(b, b'_' | b'-' | b'.') {
                let word = &name[start..at];
                at += 1;
                start = at;
                if !word.is_empty() {
                    return Some(word);
                }
                continue;
            }
            // A capital after a lower-case letter or digit starts a word: `npm|Token`.
            let boundary = at > start
                && b.is_ascii_uppercase()
                && (bytes[at - 1].is_ascii_lowercase() || bytes[at - 1].is_ascii_digit());
            if boundary {
                let word = &name[start..at];
                start = at;
                at += 1;
                return Some(word);
            }
            at += 1;
        }
        (start < bytes.len()).then(|| {
            let word = &name[start..];
            start = bytes.len();
            word
        })
    })
}

/// Values that cannot be the secret a name suggests: a switch (`MYSQL_ALLOW_EMPTY_PASSWORD=yes`),
/// a path or file name (`GOOGLE_APPLICATION_CREDENTIALS=/secrets/key.json`,
/// `RESET_PASSWORD=reset_password.sh`), or a URL without credentials.
pub(crate) fn is_harmless(value: &str) -> bool {
    let boolean = ["true", "false", "yes", "no", "on", "off", "0", "1"]
        .iter()
        .any(|b| value.eq_ignore_ascii_case(b));
    let path = value.starts_with(['/', '~']) || value.starts_with("./");
    let url = value.contains("://") && find_url_password(value).is_none();
    boolean || path || url || is_file_name(value)
}

/// A placeholder to fill in rather than a value: `<your-token>` (also Helm's `<no value>`),
/// `YOUR_API_KEY`, `INSERT_TOKEN_HERE`, `xxxx`, or a value that repeats the variable's own name
/// (`HF_TOKEN=HF_TOKEN`, `API_KEY=API_KEY_VALUE`).
pub(crate) fn is_placeholder(name: &str, value: &str) -> bool {
    let value = value.trim();
    let wrapped = (value.starts_with('<') && value.ends_with('>'))
        || (value.starts_with('[') && value.ends_with(']'));
    let filler = value
        .bytes()
        .all(|b| matches!(b, b'x' | b'X' | b'*' | b'.'));
    let prompt = ["your", "insert", "replace"].iter().any(|p| {
        value
            .get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
    });
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let own_name = || {
        let name = squash(name);
        name.len() >= 4 && squash(value).contains(&name)
    };
    wrapped || filler || prompt || own_name()
}

/// A file name with a usual extension: no password ends in `.sh`.
fn is_file_name(value: &str) -> bool {
    const EXTENSIONS: &[&str] = &[
        "sh",
        "py",
        "rb",
        "js",
        "ps1",
        "bat",
        "cmd",
        "json",
        "yaml",
        "yml",
        "xml",
        "txt",
        "conf",
        "cfg",
        "ini",
        "properties",
        "rsp",
        "env",
        "pem",
        "key",
        "crt",
        "cer",
        "p12",
        "pfx",
        "jks",
        "keystore",
        "asc",
        "gpg",
    ];
    !value.contains(char::is_whitespace)
        && value.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty() && EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e))
        })
}

/// A known credential format in `value`: its offset, length and a description.
pub(crate) fn find_credential(value: &str) -> Option<(usize, usize, &'static str)> {
    /// A prefix, the characters allowed after it, how many at least, and what it is.
    type Format = (&'static str, fn(u8) -> bool, usize, &'static str);
    fn alnum(b: u8) -> bool {
        b.is_ascii_alphanumeric()
    }
    fn upper_alnum(b: u8) -> bool {
        b.is_ascii_uppercase() || b.is_ascii_digit()
    }
    fn word(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b == b'_'
    }
    fn token(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
    }
    fn letters(b: u8) -> bool {
        b.is_ascii_alphabetic()
    }
    fn url_path(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b == b'/'
    }
    const FORMATS: &[Format] = &[
        ("AKIA", upper_alnum, 16, "an AWS access key id"),
        ("ASIA", upper_alnum, 16, "an AWS access key id"),
        ("ghp_", alnum, 36, "a GitHub token"),
        ("gho_", alnum, 36, "a GitHub token"),
        ("ghu_", alnum, 36, "a GitHub token"),
        ("ghs_", alnum, 36, "a GitHub token"),
        ("ghr_", alnum, 36, "a GitHub token"),
        ("github_pat_", word, 22, "a GitHub token"),
        ("glpat-", token, 20, "a GitLab token"),
        ("xoxb-", token, 10, "a Slack token"),
        ("xoxp-", token, 10, "a Slack token"),
        ("xoxa-", token, 10, "a Slack token"),
        ("xoxr-", token, 10, "a Slack token"),
        ("xoxs-", token, 10, "a Slack token"),
        (
            "https://hooks.slack.com/services/",
            url_path,
            20,
            "a Slack webhook URL",
        ),
        ("sk_live_", alnum, 16, "a Stripe secret key"),
        ("rk_live_", alnum, 16, "a Stripe secret key"),
        ("AIza", token, 35, "a Google API key"),
        ("npm_", alnum, 36, "an npm token"),
        ("pypi-AgEIcHlwaS5vcmc", token, 40, "a PyPI token"),
        ("dckr_pat_", token, 20, "a Docker Hub token"),
        ("sk-proj-", token, 20, "an OpenAI API key"),
        ("sk-ant-", token, 20, "an Anthropic API key"),
        ("hf_", letters, 34, "a Hugging Face token"),
    ];
    let bytes = value.as_bytes();
    for &(prefix, allowed, min, what) in FORMATS {
        let mut from = 0;
        while let Some(found) = value[from..].find(prefix) {
            let start = from + found;
            from = start + prefix.len();
            // The prefix starts a word: `xAKIA...` or `abcghp_...` is something else.
            if start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
                continue;
            }
            let body = bytes[from..].iter().take_while(|&&b| allowed(b)).count();
            let end = from + body;
            // AWS documents its examples as `AKIAIOSFODNN7EXAMPLE`.
            if body >= min && !value[start..end].ends_with("EXAMPLE") {
                return Some((start, end - start, what));
            }
        }
    }
    if let Some(start) = value.find("-----BEGIN ") {
        let header = &value[start..];
        if let Some(end) = header[11..].find("-----").map(|i| i + 11 + 5) {
            if header[..end].contains("PRIVATE KEY") {
                return Some((start, end, "a private key"));
            }
        }
    }
    find_url_password(value).map(|(at, len)| (at, len, "a password in a URL"))
}

/// The password of `scheme://user:password@host` in `value`, unless it is a variable.
fn find_url_password(value: &str) -> Option<(usize, usize)> {
    let scheme_end = value.find("://")? + 3;
    let authority_end = value[scheme_end..]
        .find(['/', '?', '#', ' '])
        .map_or(value.len(), |i| scheme_end + i);
    let authority = &value[scheme_end..authority_end];
    let at = authority.rfind('@')?;
    let (_, password) = authority[..at].split_once(':')?;
    if password.is_empty() || password.contains('$') {
        return None;
    }
    let start = scheme_end + authority[..at].find(':')? + 1;
    Some((start, password.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_names() {
        for name in [
            "DB_PASSWORD",
            "MYSQL_ROOT_PASSWORD",
            "NPM_TOKEN",
            "GITHUB_TOKEN",
            "ACCESSTOKEN",
            "npmToken",
            "API_KEY",
            "STRIPE_API_KEY",
            "SECRET_KEY_BASE",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID",
            "CLIENT_SECRET",
            "NAGIOSADMIN_PASS",
            "ORACLE_PWD",
            "GH_PAT",
            "DOCKER_CREDENTIALS",
            "SSH_PRIVATE_KEY",
            "LICENSE_KEY",
        ] {
            assert!(is_secret_name(name), "{name}");
        }
        for name in [
            "GPG_KEY",
            "GPG_KEYS",
            "JENKINS_GPG_KEY",
            "RABBITMQ_PGP_KEY_ID",
            "OPENSSL_PGP_KEY_IDS",
            "PGP_KEYSERVER",
            "SSH_PUBLIC_KEY",
            "KEY_DIR",
            "PASSWORD_FILE",
            "DB_PASSWORD_FILE",
            "TOKEN_ENDPOINT",
            "PASSWORD_HASH",
            "SECRET_KEY_BASE_DUMMY",
            "MYSQL_ALLOW_EMPTY_PASSWORD",
            "MYSQL_RANDOM_ROOT_PASSWORD",
            "TOKENIZERS_PARALLELISM",
            "KEEPASSXC_VERSION",
            "BYPASS4NETNS_VERSION",
            "PWD",
            "PASS",
            "KEY",
            "NODE_TLS_REJECT_UNAUTHORIZED",
            "USE_GKE_GCLOUD_AUTH_PLUGIN",
            "DOCKER_CREDENTIAL_GCR_CONFIG",
            "GIT_CREDENTIAL_HELPER",
            "DefaultProcess__Filters__0__Key",
            "DOCKER_AUTH_VERSION",
        ] {
            assert!(!is_secret_name(name), "{name}");
        }
    }

    #[test]
    fn splits_names() {
        fn words(n: &str) -> Vec<&str> {
            split_name(n).collect()
        }
        assert_eq!(words("DB_PASSWORD"), ["DB", "PASSWORD"]);
        assert_eq!(words("npmToken"), ["npm", "Token"]);
        assert_eq!(words("oauth2Secret"), ["oauth2", "Secret"]);
        assert_eq!(words("__a..b-"), ["a", "b"]);
        assert_eq!(words("ÄPI_KEY"), ["ÄPI", "KEY"]);
    }

    #[test]
    fn placeholders() {
        for (name, value) in [
            ("API_TOKEN", "<your-token>"),
            ("DB_PASSWORD", "<no value>"),
            ("HF_TOKEN", "HF_TOKEN"),
            ("GOOGLE_API_KEY", "GOOGLE_API_KEY_VAL"),
            ("ETCD_DISCOVERY_TOKEN", "INSERT_ETCD_DISCOVERY_TOKEN"),
            ("DB_PASSWORD", "yourpassword"),
            ("DB_PASSWORD", "xxxxxx"),
            ("DB_PASSWORD", "********"),
            ("SECRET", "Replace-Me"),
        ] {
            assert!(is_placeholder(name, value), "{name}={value}");
        }
        for (name, value) in [
            ("DB_PASSWORD", "changeme"),
            ("POSTGRES_PASSWORD", "password"),
            ("MYSQL_ROOT_PASSWORD", "s3cr3t"),
            ("KEY", "key-1234"),
            (
                "REGISTRY_HTTP_SECRET",
                "Ple4seCh4ngeThisN0tAVerySecretV4lue",
            ),
        ] {
            assert!(!is_placeholder(name, value), "{name}={value}");
        }
    }

    #[test]
    fn credentials_in_values() {
        let what = |v: &str| find_credential(v).map(|(_, _, w)| w);
        assert_eq!(what("AKIAZ7VRSQ5LX2QTOPGM"), Some("an AWS access key id"));
        assert_eq!(what("AKIAIOSFODNN7EXAMPLE"), None);
        assert_eq!(what("xAKIAZ7VRSQ5LX2QTOPGM"), None);
        assert_eq!(
            what("-----BEGIN OPENSSH PRIVATE KEY-----\\nabc"),
            Some("a private key")
        );
        assert_eq!(what("-----BEGIN PUBLIC KEY-----"), None);
        assert_eq!(
            what("postgres://app:s3cret@db:5432/app"),
            Some("a password in a URL")
        );
        assert_eq!(
            find_url_password("postgres://app:s3cret@db/app"),
            Some((15, 6))
        );
        assert_eq!(what("postgres://app:${DB_PASSWORD}@db/app"), None);
        assert_eq!(what("https://example.com/x"), None);
        assert_eq!(what("ghp_short"), None);
    }
}
