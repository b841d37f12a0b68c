//! `--format checkstyle`: Checkstyle XML, which Jenkins (Warnings Next Generation),
//! reviewdog, Danger and many code review tools read:
//!
//! ```xml
//! <?xml version="1.0" encoding="UTF-8"?>
//! <checkstyle version="4.3">
//!   <file name="app/Dockerfile">
//!     <error line="1" column="6" severity="warning" message="..." source="plimsoll.base-image-latest"/>
//!   </file>
//! </checkstyle>
//! ```
//!
//! Only files with findings get a `<file>` element, as with the other finding formats (a
//! clean run is an empty `<checkstyle>`). Lines and columns are 1-based; severities are
//! `error`, `warning` and `info`. Text is escaped for XML 1.0 (see [`attribute`]).

use super::{FileResult, Render, Summary};
use std::io::{self, Write};

/// The Checkstyle report format version the output follows (what Checkstyle and most
/// linters that imitate it write).
const VERSION: &str = "4.3";

/// Writes the document, one `<file>` element per file with findings as it comes.
pub struct Checkstyle;

impl Render for Checkstyle {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(out, r#"<checkstyle version="{VERSION}">"#)
    }

    fn file(&mut self, result: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        if result.diagnostics.is_empty() {
            return Ok(());
        }
        writeln!(out, r#"  <file name="{}">"#, attribute(&result.path))?;
        for d in &result.diagnostics {
            let mut message = d.diagnostic.message.clone();
            if let Some(source) = &d.diagnostic.source {
                message.push_str(&format!(" (rendered from {source})"));
            }
            writeln!(
                out,
                r#"    <error line="{}" column="{}" severity="{}" message="{}" source="plimsoll.{}"/>"#,
                d.start.line,
                d.start.column,
                d.diagnostic.severity.as_str(),
                attribute(&message),
                attribute(d.diagnostic.rule),
            )?;
        }
        writeln!(out, "  </file>")
    }

    fn finish(&mut self, _summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "</checkstyle>")
    }
}

/// `text` as an XML attribute value between double quotes: the five predefined entities,
/// and tab, line feed and carriage return as character references so that attribute-value
/// normalisation keeps them. Characters XML 1.0 cannot carry at all (other C0 controls,
/// U+FFFE, U+FFFF) are written as `\uXXXX`.
pub(super) fn attribute(text: &str) -> String {
    escape(text, true)
}

/// `text` as XML character data: like [`attribute`], but line feeds and tabs stay as they
/// are (a carriage return is still a reference, since XML parsers fold CR LF into LF).
pub(super) fn text(text: &str) -> String {
    escape(text, false)
}

fn escape(text: &str, in_attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\n' | '\t' if in_attribute => out.push_str(&format!("&#{};", c as u32)),
            '\n' | '\t' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{attribute, text};

    #[test]
    fn escapes_for_xml() {
        assert_eq!(
            attribute("a<b>&\"c\" 'd'"),
            "a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;"
        );
        assert_eq!(attribute("a\nb\tc\r"), "a&#10;b&#9;c&#13;");
        assert_eq!(text("a\nb\r\n"), "a\nb&#13;\n");
        assert_eq!(
            attribute("bell\u{7}nul\u{0}\u{ffff}"),
            "bell\\u0007nul\\u0000\\uFFFF"
        );
        assert_eq!(attribute("é ✓ \u{7f}"), "é ✓ \u{7f}");
    }
}
