//! Output format tests: run the real `plimsoll` binary on one fixture set
//! (`testdata/formats/input/`) in every `--format`, snapshot each output
//! (`testdata/formats/snapshots/`), and validate the CI formats for real: SARIF against the
//! official OASIS schema, GitLab Code Quality against a schema written from GitLab's docs,
//! Checkstyle and JUnit by parsing them with an XML parser. Every format is also checked
//! against `--format json` of the same run, so positions and messages agree everywhere.
//!
//! The fixtures hold Dockerfile and Kubernetes findings, Helm-rendered findings (`# Source:`),
//! findings with fixes, and text that needs escaping in each format: a path with a space,
//! `&`, `,` and `%`, messages with `<`, `&`, quotes, `:` and `,`, a Helm template name with
//! `&` and `<`, and a message and a help with a line break.

mod common;

use common::{plimsoll, run, testdata, write};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use tempfile::TempDir;

/// A fixed rule list, so the snapshots do not change when rules are added.
const RULES: &str = "base-image-latest,maintainer-instruction,apt-get-missing-yes,\
privileged-container,duplicate-env-var,container-image-latest";

const FORMATS: &[&str] = &[
    "human",
    "concise",
    "json",
    "sarif",
    "github",
    "gitlab",
    "checkstyle",
    "junit",
];

/// The four fixture files, as plimsoll shows their paths (linted from `input/`).
const FILES: &[&str] = &[
    "clean/Dockerfile",
    "helm/rendered.yaml",
    "k8s/pod.yaml",
    "web & api, 100%/Dockerfile",
];

/// The findings of the fixture set under `RULES`.
const FINDINGS: usize = 7;

fn input() -> std::path::PathBuf {
    testdata("formats/input")
}

/// `plimsoll check .` in `dir` with the fixed rules, in `format`.
fn check_in(dir: &Path, format: &str, extra: &[&str]) -> common::Output {
    let out = run(plimsoll().current_dir(dir).args(
        [
            "check",
            "--no-config",
            "--color",
            "never",
            "--select",
            RULES,
            "--format",
            format,
            ".",
        ]
        .iter()
        .chain(extra),
    ));
    assert_eq!(out.code, 1, "{format}: findings exit 1\n{}", out.stderr);
    assert_eq!(out.stderr, "", "{format}: nothing on stderr");
    out
}

fn check(format: &str) -> String {
    check_in(&input(), format, &[]).stdout
}

/// The version in the output, so that the snapshots survive a release.
fn redact_version(text: &str) -> String {
    let version = env!("CARGO_PKG_VERSION");
    text.replace(&format!("\"{version}\""), "\"[version]\"")
}

/// SARIF with each rule's page (help and full description) replaced by a marker, so the
/// snapshot does not change with the rule pages; the SARIF test checks them against the pages.
/// The text is replaced as serialised, so the snapshot keeps the output's exact bytes.
fn redact_pages(sarif: &str) -> String {
    let log: Value = serde_json::from_str(sarif).unwrap();
    let mut text = sarif.to_string();
    for rule in log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
    {
        let id = rule["id"].as_str().unwrap();
        for (value, marker) in [
            (&rule["help"]["markdown"], format!("[page: {id}]")),
            (
                &rule["fullDescription"]["text"],
                format!("[What it does: {id}]"),
            ),
        ] {
            let serialised = serde_json::to_string(value).unwrap();
            assert!(text.contains(&serialised));
            text = text.replace(&serialised, &serde_json::to_string(&marker).unwrap());
        }
    }
    text
}

#[test]
fn every_format_matches_its_snapshot() {
    for format in FORMATS {
        let mut output = redact_version(&check(format));
        if *format == "sarif" {
            output = redact_pages(&output);
        }
        insta::with_settings!({
            snapshot_path => "formats/snapshots",
            prepend_module_to_snapshot => false,
            description => format!("plimsoll check --no-config --select {RULES} --format {format} ."),
        }, {
            insta::assert_snapshot!(*format, output);
        });
    }
}

/// Each finding of `--format json`, keyed by (path, line, column, rule).
type Key = (String, u64, u64, String);

fn json_findings() -> BTreeMap<Key, Value> {
    let doc: Value = serde_json::from_str(&check("json")).unwrap();
    let mut findings = BTreeMap::new();
    for d in doc["diagnostics"].as_array().unwrap() {
        let key = (
            d["path"].as_str().unwrap().to_string(),
            d["range"]["start"]["line"].as_u64().unwrap(),
            d["range"]["start"]["column"].as_u64().unwrap(),
            d["rule"].as_str().unwrap().to_string(),
        );
        assert!(findings.insert(key, d.clone()).is_none());
    }
    assert_eq!(findings.len(), FINDINGS);
    findings
}

/// The message every format shows: the finding's, and the template of a Helm finding.
fn shown_message(d: &Value) -> String {
    let mut message = d["message"].as_str().unwrap().to_string();
    if let Some(source) = d["source"].as_str() {
        message.push_str(&format!(" (rendered from {source})"));
    }
    message
}

/// The `run.language` and `toolComponent.language` pattern of the official SARIF schema has
/// a stray `]`: not a valid ECMA-262 regular expression in Unicode mode, so the validator
/// rejects the schema itself. The vendored file stays as OASIS publishes it; the copy in
/// memory gets the pattern it means. plimsoll never writes `language`.
const SARIF_LANGUAGE_PATTERN: &str = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;

/// A validator for the schema `name` in `testdata/schemas/`, asserting `format`s (`uri`,
/// `uri-reference`, ...).
fn validator(name: &str) -> jsonschema::Validator {
    let mut text = fs::read_to_string(testdata("schemas").join(name)).unwrap();
    if name.starts_with("sarif") {
        assert_eq!(text.matches(SARIF_LANGUAGE_PATTERN).count(), 2);
        text = text.replace(SARIF_LANGUAGE_PATTERN, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#);
    }
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

fn assert_valid(validator: &jsonschema::Validator, doc: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} is invalid:\n{}",
        errors.join("\n")
    );
}

/// A SARIF artifact URI back to the path it names (percent-decoded).
fn decode_uri(uri: &str) -> String {
    let bytes = uri.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&uri[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn sarif_is_valid_sarif_2_1_0_and_says_what_github_reads() {
    let sarif: Value = serde_json::from_str(&check("sarif")).unwrap();
    let schema = validator("sarif-schema-2.1.0.json");
    assert_valid(&schema, &sarif, "the SARIF log");
    // The validator really validates, formats included: broken logs fail.
    let location = "/runs/0/results/0/locations/0/physicalLocation";
    for (pointer, bad) in [
        ("/region/startLine", Value::from(0)),
        ("/artifactLocation/uri", Value::from("web & api/Dockerfile")),
    ] {
        let mut broken = sarif.clone();
        *broken.pointer_mut(&format!("{location}{pointer}")).unwrap() = bad.clone();
        assert!(
            !schema.is_valid(&broken),
            "{pointer} = {bad} must be rejected"
        );
    }

    assert_eq!(sarif["version"], "2.1.0");
    let runs = sarif["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "plimsoll");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(driver["semanticVersion"], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        driver["informationUri"],
        "https://github.com/plimsoll-dev/plimsoll"
    );

    // The rules with results, in the order of their first result, each fully described.
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut first_seen: Vec<&str> = Vec::new();
    for result in run["results"].as_array().unwrap() {
        let id = result["ruleId"].as_str().unwrap();
        if !first_seen.contains(&id) {
            first_seen.push(id);
        }
    }
    assert_eq!(ids, first_seen);
    let mut sorted = ids.clone();
    sorted.sort();
    let mut expected: Vec<&str> = RULES.split(',').collect();
    expected.sort();
    assert_eq!(sorted, expected);
    for rule in rules {
        let id = rule["id"].as_str().unwrap();
        let name = rule["name"].as_str().unwrap();
        assert!(
            name.chars().next().unwrap().is_ascii_uppercase() && !name.contains('-'),
            "{id}: name {name}"
        );
        assert!(!rule["shortDescription"]["text"]
            .as_str()
            .unwrap()
            .is_empty());
        assert!(!rule["fullDescription"]["text"].as_str().unwrap().is_empty());
        // The help is the rule's page, and helpUri is where it is published.
        let help_uri = rule["helpUri"].as_str().unwrap();
        let page_path = help_uri
            .strip_prefix("https://github.com/plimsoll-dev/plimsoll/blob/main/")
            .unwrap();
        assert!(page_path.ends_with(&format!("/{id}.md")), "{help_uri}");
        let page =
            fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(page_path)).unwrap();
        assert_eq!(rule["help"]["markdown"], page.as_str(), "{id}");
        assert_eq!(rule["help"]["text"], page.as_str(), "{id}");
        let what = page
            .split_once("## What it does\n")
            .unwrap()
            .1
            .split("\n\n")
            .next()
            .unwrap()
            .replace('\n', " ");
        assert_eq!(rule["fullDescription"]["text"], what.as_str(), "{id}");
        assert!(["error", "warning", "note"]
            .contains(&rule["defaultConfiguration"]["level"].as_str().unwrap()));
        let tags: Vec<&str> = rule["properties"]["tags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        let security = tags.contains(&"security");
        match rule["properties"].get("security-severity") {
            Some(score) => {
                assert!(security, "{id}: a score only on security rules");
                let score: f64 = score.as_str().unwrap().parse().unwrap();
                assert!((0.0..=10.0).contains(&score));
            }
            None => assert!(!security, "{id}: a security rule has a score"),
        }
    }
    let privileged = &rules[ids
        .iter()
        .position(|&i| i == "privileged-container")
        .unwrap()];
    assert_eq!(privileged["properties"]["security-severity"], "8.0");
    assert_eq!(
        privileged["properties"]["tags"],
        serde_json::json!(["security", "kubernetes", "pss-baseline"])
    );
    assert_eq!(privileged["defaultConfiguration"]["level"], "error");

    // Every result agrees with the JSON output of the same run.
    let mut json = json_findings();
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), FINDINGS);
    for result in results {
        let rule = result["ruleId"].as_str().unwrap();
        assert_eq!(
            ids[result["ruleIndex"].as_u64().unwrap() as usize],
            rule,
            "ruleIndex"
        );
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(
            !uri.contains(['\\', ' ', ',']) && !uri.starts_with("./"),
            "{uri}"
        );
        let region = &location["region"];
        let key = (
            decode_uri(uri),
            region["startLine"].as_u64().unwrap(),
            region["startColumn"].as_u64().unwrap(),
            rule.to_string(),
        );
        let d = json
            .remove(&key)
            .unwrap_or_else(|| panic!("{key:?} not in JSON"));
        assert_eq!(region["endLine"], d["range"]["end"]["line"]);
        assert_eq!(region["endColumn"], d["range"]["end"]["column"]);
        let level = match d["severity"].as_str().unwrap() {
            "info" => "note",
            other => other,
        };
        assert_eq!(result["level"], level);
        let mut message = shown_message(&d);
        if let Some(help) = d["help"].as_str() {
            message.push_str(&format!("\nhelp: {help}"));
        }
        assert_eq!(result["message"]["text"], message.as_str());
        let fingerprint = result["partialFingerprints"]["plimsoll/v1"]
            .as_str()
            .unwrap();
        assert_eq!(fingerprint.len(), 16);
        match d["source"].as_str() {
            Some(source) => {
                let related = &result["relatedLocations"][0];
                let uri = related["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap();
                assert_eq!(decode_uri(uri), source);
                assert!(!related["message"]["text"].as_str().unwrap().is_empty());
            }
            None => assert!(result.get("relatedLocations").is_none()),
        }
        assert_eq!(
            result.get("fixes").is_some(),
            !d["fix"].is_null(),
            "{key:?}: fixes"
        );
    }
    assert!(json.is_empty(), "findings missing from SARIF: {json:?}");
}

/// The SARIF replacements of one artifact (byte offset, byte length, inserted text) and the
/// rules whose fixes they are.
type Changes = (Vec<(usize, usize, String)>, BTreeSet<String>);

#[test]
fn sarif_fixes_applied_by_byte_offset_fix_their_findings() {
    let dir = copy_input();
    let sarif: Value = serde_json::from_str(&check_in(dir.path(), "sarif", &[]).stdout).unwrap();
    let mut changes: BTreeMap<String, Changes> = BTreeMap::new();
    for result in sarif["runs"][0]["results"].as_array().unwrap() {
        for fix in result["fixes"].as_array().into_iter().flatten() {
            assert!(!fix["description"]["text"].as_str().unwrap().is_empty());
            for change in fix["artifactChanges"].as_array().unwrap() {
                let path = decode_uri(change["artifactLocation"]["uri"].as_str().unwrap());
                let entry = changes.entry(path).or_default();
                entry
                    .1
                    .insert(result["ruleId"].as_str().unwrap().to_string());
                for r in change["replacements"].as_array().unwrap() {
                    let region = &r["deletedRegion"];
                    entry.0.push((
                        region["byteOffset"].as_u64().unwrap() as usize,
                        region["byteLength"].as_u64().unwrap() as usize,
                        r["insertedContent"]["text"]
                            .as_str()
                            .unwrap_or("")
                            .to_string(),
                    ));
                }
            }
        }
    }
    let fixed: BTreeSet<&str> = changes
        .values()
        .flat_map(|c| &c.1)
        .map(String::as_str)
        .collect();
    assert_eq!(
        fixed,
        BTreeSet::from([
            "apt-get-missing-yes",
            "maintainer-instruction",
            "privileged-container"
        ])
    );
    for (path, (mut replacements, _)) in changes.clone() {
        let file = dir.path().join(&path);
        let mut bytes = fs::read(&file).unwrap_or_else(|e| panic!("{path}: {e}"));
        replacements.sort();
        for (offset, length, text) in replacements.into_iter().rev() {
            bytes.splice(offset..offset + length, text.into_bytes());
        }
        fs::write(&file, bytes).unwrap();
    }
    let after: Value = serde_json::from_str(
        &run(plimsoll().current_dir(dir.path()).args([
            "check",
            "--no-config",
            "--select",
            RULES,
            "--format",
            "json",
            ".",
        ]))
        .stdout,
    )
    .unwrap();
    for d in after["diagnostics"].as_array().unwrap() {
        let path = d["path"].as_str().unwrap();
        let rule = d["rule"].as_str().unwrap();
        assert!(
            !changes.get(path).is_some_and(|c| c.1.contains(rule)),
            "{path}: {rule} still fires after its SARIF fix: {d}"
        );
    }
}

#[test]
fn gitlab_is_a_valid_code_quality_report() {
    let report: Value = serde_json::from_str(&check("gitlab")).unwrap();
    let schema = validator("gitlab-code-quality.json");
    assert_valid(&schema, &report, "the GitLab report");
    let mut broken = report.clone();
    broken[0]["location"]["path"] = Value::from("./k8s/pod.yaml");
    assert!(!schema.is_valid(&broken), "a ./ path must be rejected");

    let issues = report.as_array().unwrap();
    assert_eq!(issues.len(), FINDINGS);
    let fingerprints: BTreeSet<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(fingerprints.len(), issues.len(), "fingerprints are unique");
    let json = json_findings();
    for issue in issues {
        let d = json
            .iter()
            .find(|(k, _)| {
                k.0 == issue["location"]["path"].as_str().unwrap()
                    && k.1 == issue["location"]["lines"]["begin"].as_u64().unwrap()
                    && k.3 == issue["check_name"].as_str().unwrap()
            })
            .map(|(_, d)| d)
            .unwrap_or_else(|| panic!("{issue} not in JSON"));
        assert_eq!(
            issue["description"],
            shown_message(d).replace('\n', "\\n").as_str()
        );
        assert_eq!(issue["engine_name"], "plimsoll");
        let expected = match (d["severity"].as_str().unwrap(), d["rule"].as_str().unwrap()) {
            ("error", "privileged-container") => "critical",
            ("warning", _) => "minor",
            other => panic!("unexpected {other:?}"),
        };
        assert_eq!(issue["severity"], expected);
    }
}

/// Parses `text` as XML, failing the test with the parser's error.
fn parse_xml(text: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{text}"))
}

fn elements<'a, 'i>(node: roxmltree::Node<'a, 'i>) -> Vec<roxmltree::Node<'a, 'i>> {
    node.children().filter(|n| n.is_element()).collect()
}

fn attr<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> &'a str {
    node.attribute(name)
        .unwrap_or_else(|| panic!("<{}> has no {name}", node.tag_name().name()))
}

#[test]
fn checkstyle_parses_with_the_documented_structure() {
    let text = check("checkstyle");
    let doc = parse_xml(&text);
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "checkstyle");
    assert_eq!(attr(root, "version"), "4.3");
    let json = json_findings();
    let files = elements(root);
    let names: Vec<&str> = files.iter().map(|f| attr(*f, "name")).collect();
    // Only files with findings are listed.
    assert_eq!(names, &FILES[1..]);
    let mut seen = 0;
    for file in files {
        assert_eq!(file.tag_name().name(), "file");
        for error in elements(file) {
            seen += 1;
            assert_eq!(error.tag_name().name(), "error");
            let rule = attr(error, "source").strip_prefix("plimsoll.").unwrap();
            let key = (
                attr(file, "name").to_string(),
                attr(error, "line").parse().unwrap(),
                attr(error, "column").parse().unwrap(),
                rule.to_string(),
            );
            let d = &json[&key];
            assert_eq!(attr(error, "severity"), d["severity"].as_str().unwrap());
            // Quotes, `<`, `&` and the line break come back exactly.
            assert_eq!(attr(error, "message"), shown_message(d));
        }
    }
    assert_eq!(seen, FINDINGS);
}

#[test]
fn junit_parses_with_one_test_case_per_linted_file() {
    let text = check("junit");
    let doc = parse_xml(&text);
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites = elements(root);
    assert_eq!(suites.len(), 1);
    let suite = suites[0];
    assert_eq!(suite.tag_name().name(), "testsuite");
    for node in [root, suite] {
        assert_eq!(attr(node, "name"), "plimsoll");
        assert_eq!(attr(node, "tests"), "4");
        assert_eq!(attr(node, "failures"), "3");
        assert_eq!(attr(node, "errors"), "0");
    }
    let cases: Vec<_> = elements(suite)
        .into_iter()
        .filter(|n| n.tag_name().name() == "testcase")
        .collect();
    let names: Vec<&str> = cases.iter().map(|c| attr(*c, "name")).collect();
    assert_eq!(names, FILES, "every linted file is a test case");
    let json = json_findings();
    let mut seen = 0;
    for case in cases {
        let path = attr(case, "name");
        assert_eq!(attr(case, "classname"), path);
        let failures = elements(case);
        let expected = json.keys().filter(|k| k.0 == path).count();
        assert_eq!(failures.len(), expected, "{path}");
        for failure in failures {
            seen += 1;
            assert_eq!(failure.tag_name().name(), "failure");
            let body = failure.text().unwrap();
            let (location, _) = body.split_once(": ").unwrap();
            let mut parts = location.rsplitn(3, ':');
            let column: u64 = parts.next().unwrap().parse().unwrap();
            let line: u64 = parts.next().unwrap().parse().unwrap();
            assert_eq!(parts.next().unwrap(), path);
            let d = &json[&(
                path.to_string(),
                line,
                column,
                attr(failure, "type").to_string(),
            )];
            assert_eq!(attr(failure, "message"), shown_message(d));
            assert!(body.contains(&shown_message(d)), "{body}");
            assert!(body.contains(d["url"].as_str().unwrap()));
        }
    }
    assert_eq!(seen, FINDINGS);
}

#[test]
fn xml_formats_carry_control_characters_and_markup_in_names() {
    // A container name with a C0 control character, markup and quotes, in a path with `&`.
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "a&b <c>/pod.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: \"x\\x01y]]>&amp;\"\n      image: busybox:1.36\n      securityContext:\n        privileged: true\n",
    );
    // The parser rejects what XML 1.0 cannot carry, so passing it means something.
    assert!(roxmltree::Document::parse("<a b=\"\u{1}\"/>").is_err());
    for format in ["checkstyle", "junit"] {
        let out = check_in(dir.path(), format, &[]);
        let doc = parse_xml(&out.stdout);
        let messages: Vec<&str> = doc
            .descendants()
            .filter_map(|n| n.attribute("message"))
            .collect();
        assert_eq!(
            messages,
            ["container `x\\u0001y]]>&amp;` runs privileged"],
            "{format}"
        );
        let named: Vec<&str> = doc
            .descendants()
            .filter_map(|n| n.attribute("name"))
            .filter(|n| n.ends_with(".yaml"))
            .collect();
        assert!(
            named.iter().all(|n| *n == "a&b <c>/pod.yaml"),
            "{format}: {named:?}"
        );
    }
    for (format, schema) in [
        ("sarif", "sarif-schema-2.1.0.json"),
        ("gitlab", "gitlab-code-quality.json"),
    ] {
        let doc: Value = serde_json::from_str(&check_in(dir.path(), format, &[]).stdout).unwrap();
        assert_valid(&validator(schema), &doc, format);
    }
}

#[test]
fn reports_are_written_beside_human_output() {
    let dir = TempDir::new().unwrap();
    let sarif = dir.path().join("plimsoll.sarif");
    let junit = dir.path().join("junit.xml");
    let out = run(plimsoll().current_dir(input()).args([
        "check",
        "--no-config",
        "--color",
        "never",
        "--select",
        RULES,
        ".",
        "--report",
        &format!("sarif={}", sarif.display()),
        "--report",
        &format!("junit={}", junit.display()),
    ]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        check("human"),
        "standard output is the human format"
    );
    assert!(out
        .stdout
        .ends_with("Found 7 problems (2 errors, 5 warnings) in 3 of 4 files.\n"));
    let log: Value = serde_json::from_str(&fs::read_to_string(&sarif).unwrap()).unwrap();
    assert_valid(
        &validator("sarif-schema-2.1.0.json"),
        &log,
        "the SARIF report",
    );
    assert_eq!(
        log["runs"][0]["results"].as_array().unwrap().len(),
        FINDINGS
    );
    assert_eq!(
        fs::read_to_string(&sarif).unwrap(),
        check("sarif"),
        "the report is what --format sarif prints"
    );
    let junit = fs::read_to_string(&junit).unwrap();
    let doc = parse_xml(&junit);
    assert_eq!(attr(doc.root_element(), "tests"), "4");
    assert_eq!(junit, check("junit"));
}

/// The fixture set in a temporary directory, to edit.
fn copy_input() -> TempDir {
    let dir = TempDir::new().unwrap();
    for file in FILES {
        write(dir.path(), file, fs::read(input().join(file)).unwrap());
    }
    dir
}

/// (rule, uri) -> [(fingerprint, startLine)] of a SARIF log.
fn sarif_fingerprints(dir: &Path) -> BTreeMap<(String, String), Vec<(String, u64)>> {
    let log: Value = serde_json::from_str(&check_in(dir, "sarif", &[]).stdout).unwrap();
    let mut map: BTreeMap<_, Vec<_>> = BTreeMap::new();
    for result in log["runs"][0]["results"].as_array().unwrap() {
        let location = &result["locations"][0]["physicalLocation"];
        map.entry((
            result["ruleId"].as_str().unwrap().to_string(),
            location["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .to_string(),
        ))
        .or_default()
        .push((
            result["partialFingerprints"]["plimsoll/v1"]
                .as_str()
                .unwrap()
                .to_string(),
            location["region"]["startLine"].as_u64().unwrap(),
        ));
    }
    map
}

#[test]
fn sarif_fingerprints_survive_lines_added_above() {
    let dir = copy_input();
    let before = sarif_fingerprints(dir.path());
    let gitlab_before = check_in(dir.path(), "gitlab", &[]).stdout;
    for (file, added) in [
        ("web & api, 100%/Dockerfile", "# built by CI\n\n"),
        ("k8s/pod.yaml", "# an unrelated comment\n# and another\n"),
        ("helm/rendered.yaml", "# rendered by helm\n\n"),
    ] {
        let path = dir.path().join(file);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("{added}{text}")).unwrap();
    }
    let after = sarif_fingerprints(dir.path());
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (key, was) in &before {
        let now = &after[key];
        let prints = |v: &[(String, u64)]| v.iter().map(|p| p.0.clone()).collect::<Vec<_>>();
        assert_eq!(prints(was), prints(now), "{key:?}: fingerprints unchanged");
        for (w, n) in was.iter().zip(now) {
            assert_eq!(n.1, w.1 + 2, "{key:?}: the finding moved down two lines");
        }
    }
    // GitLab's fingerprints are built on the same ones.
    let prints = |text: &str| -> Vec<String> {
        let report: Value = serde_json::from_str(text).unwrap();
        report
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["fingerprint"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        prints(&gitlab_before),
        prints(&check_in(dir.path(), "gitlab", &[]).stdout)
    );
}
