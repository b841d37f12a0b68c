//! `plimsoll config-schema` (hidden): the JSON schema of `plimsoll.toml`, generated from the
//! config types in `src/config/options.rs` (their doc comments are the descriptions). The
//! copy committed as `editors/plimsoll.schema.json` is checked by a test.

use serde_json::Value;

/// The command that regenerates the committed schema; named in the schema's `$comment`.
pub const REGENERATE: &str = "cargo run -- config-schema > editors/plimsoll.schema.json";

/// Where the committed schema is published, for `#:schema` directives and `$id`.
pub const SCHEMA_URL: &str =
    "https://raw.githubusercontent.com/plimsoll-dev/plimsoll/main/editors/plimsoll.schema.json";

/// The schema as pretty-printed JSON with a trailing newline, exactly as committed.
pub fn render() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).expect("a schema serialises");
    text.push('\n');
    text
}

/// The schema of [`crate::config::Options`]: JSON Schema draft 7, which taplo (Even Better
/// TOML) and VS Code both understand, with every subschema inline (no `$ref`s).
pub fn schema() -> Value {
    let generator = schemars::generate::SchemaSettings::draft07()
        .with(|s| s.inline_subschemas = true)
        .into_generator();
    let mut schema = generator
        .into_root_schema_for::<crate::config::Options>()
        .to_value();
    tidy(&mut schema);
    let root = schema
        .as_object_mut()
        .expect("a struct's schema is an object");
    root.insert("$id".into(), SCHEMA_URL.into());
    root.insert(
        "$comment".into(),
        format!(
            "Generated from src/config/options.rs; do not edit. Regenerate with \
             `{REGENERATE}` (a test fails when it is stale)."
        )
        .into(),
    );
    schema
}

/// TOML has no null: drops the `null` alternative that `Option` fields get, and joins the
/// lines of each description (doc comments are wrapped at 100 columns; editors wrap
/// themselves), keeping paragraph breaks.
fn tidy(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if let Some(Value::Array(types)) = object.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.pop().expect("one type");
                    object.insert("type".into(), only);
                }
            }
            for key in ["anyOf", "oneOf"] {
                if let Some(Value::Array(alternatives)) = object.get_mut(key) {
                    alternatives.retain(|a| a.get("type").is_none_or(|t| t != "null"));
                    if alternatives.len() == 1 {
                        let only = alternatives.pop().expect("one alternative");
                        object.remove(key);
                        if let Value::Object(only) = only {
                            for (k, v) in only {
                                object.entry(k).or_insert(v);
                            }
                        }
                    }
                }
            }
            if let Some(Value::String(text)) = object.get_mut("description") {
                *text = unwrap_lines(text);
            }
            for child in object.values_mut() {
                tidy(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        _ => {}
    }
}

/// `a\nb\n\nc` → `a b\n\nc`.
fn unwrap_lines(text: &str) -> String {
    text.split("\n\n")
        .map(|paragraph| {
            paragraph
                .split('\n')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}
