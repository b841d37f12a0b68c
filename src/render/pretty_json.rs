//! Pretty-printed JSON written piece by piece, so that a document whose arrays are streamed
//! one element at a time is byte-identical to `serde_json::to_writer_pretty` of the whole
//! document (two spaces per level, `[]` for an empty array).

use serde::Serialize;
use std::io::{self, Write};

/// Writes `value` pretty-printed as if it were nested `depth` levels deep: every line after
/// the first is indented by two spaces per level. Pretty JSON breaks lines only between
/// tokens, never inside a string, so indenting after every line break is exact.
pub fn write_nested(out: &mut dyn Write, value: &impl Serialize, depth: usize) -> io::Result<()> {
    let text = serde_json::to_vec_pretty(value)?;
    for (i, line) in text.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            new_line(out, depth)?;
        }
        out.write_all(line)?;
    }
    Ok(())
}

fn new_line(out: &mut dyn Write, depth: usize) -> io::Result<()> {
    out.write_all(b"\n")?;
    for _ in 0..depth {
        out.write_all(b"  ")?;
    }
    Ok(())
}

/// A JSON array, `depth` levels deep, whose elements are written as they come.
pub struct ArrayWriter {
    depth: usize,
    len: usize,
}

impl ArrayWriter {
    pub fn new(depth: usize) -> Self {
        Self { depth, len: 0 }
    }

    /// Writes the next element (and the opening bracket before the first).
    pub fn push(&mut self, out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
        out.write_all(if self.len == 0 { b"[" } else { b"," })?;
        new_line(out, self.depth + 1)?;
        write_nested(out, value, self.depth + 1)?;
        self.len += 1;
        Ok(())
    }

    /// Writes the closing bracket (the whole `[]` if no element came).
    pub fn close(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.len == 0 {
            return out.write_all(b"[]");
        }
        new_line(out, self.depth)?;
        out.write_all(b"]")
    }
}

#[cfg(test)]
mod tests {
    use super::ArrayWriter;
    use serde_json::json;

    #[test]
    fn streamed_arrays_match_the_pretty_printer() {
        for items in [
            vec![],
            vec![json!({"a": [1, {"b": "x\ny"}]}), json!([]), json!(3)],
        ] {
            let whole = json!({"k": {"list": items.clone()}, "z": 1});
            let mut streamed = b"{\n  \"k\": {\n    \"list\": ".to_vec();
            let mut array = ArrayWriter::new(2);
            for item in &items {
                array.push(&mut streamed, item).unwrap();
            }
            array.close(&mut streamed).unwrap();
            streamed.extend_from_slice(b"\n  },\n  \"z\": 1\n}");
            assert_eq!(
                String::from_utf8(streamed).unwrap(),
                serde_json::to_string_pretty(&whole).unwrap()
            );
        }
    }
}
