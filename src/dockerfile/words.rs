//! Splitting an instruction's logical text into words the way BuildKit does (quotes and the
//! escape character), and reading the JSON array of the exec form, keeping source ranges.

use super::lexer::Logical;
use super::model::Word;

/// How an instruction's arguments split into words.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Split {
    /// Quotes may span whitespace and run to the end when unterminated (`ENV`, `LABEL`, `ARG`).
    Shell,
    /// Whitespace separates words first; a quote only closes within its word (`COPY`, `FROM`).
    Fields,
}

/// Splits `logical.text[from..to]` into words. Quotes are removed from `Word::text`; `$`
/// outside single quotes marks the word as holding a variable.
pub(crate) fn split_words(
    logical: &Logical,
    from: usize,
    to: usize,
    escape: char,
    split: Split,
) -> Vec<Word> {
    let text = &logical.text;
    let mut words = Vec::new();
    let mut chars = text[from..to]
        .char_indices()
        .map(|(i, c)| (i + from, c))
        .peekable();
    loop {
        while chars.next_if(|&(_, c)| c == ' ' || c == '\t').is_some() {}
        let Some(&(start, _)) = chars.peek() else {
            break;
        };
        let mut value = String::new();
        let mut has_variable = false;
        let mut quoted = false;
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if c == ' ' || c == '\t' {
                break;
            }
            chars.next();
            end = i + c.len_utf8();
            if c == escape {
                if let Some((j, next)) = chars.next() {
                    value.push(next);
                    end = j + next.len_utf8();
                } else {
                    value.push(c);
                }
            } else if (c == '\'' || c == '"')
                && split == Split::Fields
                && !closes_in_field(&text[i + 1..to], c)
            {
                // In a whitespace-delimited field an unterminated quote is a literal character.
                value.push(c);
            } else if c == '\'' {
                quoted = true;
                for (j, q) in chars.by_ref() {
                    end = j + q.len_utf8();
                    if q == '\'' {
                        break;
                    }
                    value.push(q);
                }
            } else if c == '"' {
                quoted = true;
                while let Some((j, q)) = chars.next() {
                    end = j + q.len_utf8();
                    if q == '"' {
                        break;
                    }
                    if q == escape {
                        if let Some(&(k, n)) = chars.peek() {
                            if n == '"' || n == escape || n == '$' {
                                chars.next();
                                end = k + n.len_utf8();
                                value.push(n);
                                continue;
                            }
                        }
                    }
                    if q == '$' {
                        has_variable = true;
                    }
                    value.push(q);
                }
            } else {
                if c == '$' {
                    has_variable = true;
                }
                value.push(c);
            }
        }
        words.push(Word {
            text: value,
            range: logical.source_range(start, end),
            quoted,
            has_variable,
        });
    }
    words
}

fn closes_in_field(rest: &str, quote: char) -> bool {
    let field_end = rest.find([' ', '\t']).unwrap_or(rest.len());
    rest[..field_end].contains(quote)
}

/// Where the words of `logical.text[from..]` start, so a caller can skip leading flags.
pub(crate) fn word_end(text: &str, from: usize, escape: char) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    let mut quote: Option<u8> = None;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(b'"') if b as char == escape => i += 1,
            Some(_) => {}
            None if b == b' ' || b == b'\t' => break,
            None if b as char == escape => i += 1,
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None => {}
        }
        i += 1;
    }
    i.min(bytes.len())
}

/// The exec form: `["a", "b"]`. Returns `None` when `text[from..]` is not a JSON array of strings.
/// Each word's range covers its JSON string literal including the quotes.
pub(crate) fn parse_json_array(logical: &Logical, from: usize) -> Option<Vec<Word>> {
    let text = &logical.text;
    let bytes = text.as_bytes();
    let mut i = from;
    let skip_ws = |i: &mut usize| {
        while *i < bytes.len() && matches!(bytes[*i], b' ' | b'\t' | b'\r' | b'\n') {
            *i += 1;
        }
    };
    skip_ws(&mut i);
    if bytes.get(i) != Some(&b'[') {
        return None;
    }
    i += 1;
    let mut words = Vec::new();
    skip_ws(&mut i);
    if bytes.get(i) == Some(&b']') {
        i += 1;
    } else {
        loop {
            skip_ws(&mut i);
            if bytes.get(i) != Some(&b'"') {
                return None;
            }
            let start = i;
            i += 1;
            let mut value = String::new();
            loop {
                let c = text[i..].chars().next()?;
                i += c.len_utf8();
                match c {
                    '"' => break,
                    '\\' => {
                        let e = *bytes.get(i)?;
                        i += 1;
                        value.push(match e {
                            b'"' => '"',
                            b'\\' => '\\',
                            b'/' => '/',
                            b'b' => '\u{8}',
                            b'f' => '\u{c}',
                            b'n' => '\n',
                            b'r' => '\r',
                            b't' => '\t',
                            b'u' => {
                                let hex = text.get(i..i + 4)?;
                                i += 4;
                                char::from_u32(u32::from_str_radix(hex, 16).ok()?)
                                    .unwrap_or('\u{fffd}')
                            }
                            _ => return None,
                        });
                    }
                    c if (c as u32) < 0x20 => return None,
                    c => value.push(c),
                }
            }
            words.push(Word {
                has_variable: value.contains('$'),
                text: value,
                range: logical.source_range(start, i),
                quoted: true,
            });
            skip_ws(&mut i);
            match bytes.get(i) {
                Some(b',') => i += 1,
                Some(b']') => {
                    i += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    skip_ws(&mut i);
    (i == bytes.len()).then_some(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn logical(s: &str) -> Logical {
        let mut l = Logical::default();
        l.push(s, 0, s.len());
        l
    }

    #[test]
    fn splits_quotes_and_escapes() {
        let l = logical(r#"a "b c" 'd $e' f\ g "$h" x=\"y\""#);
        let w = split_words(&l, 0, l.text.len(), '\\', Split::Shell);
        let texts: Vec<_> = w.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["a", "b c", "d $e", "f g", "$h", "x=\"y\""]);
        assert!(!w[2].has_variable);
        assert!(w[4].has_variable);
        assert_eq!(&l.text[w[1].range.as_range()], "\"b c\"");
    }

    #[test]
    fn json_arrays() {
        let l = logical(r#"[ "sh", "-c", "echo \"hi\"" ]"#);
        let w = parse_json_array(&l, 0).unwrap();
        assert_eq!(w[2].text, "echo \"hi\"");
        assert!(parse_json_array(&logical(r#"["a", "b""#), 0).is_none());
        assert!(parse_json_array(&logical("['a']"), 0).is_none());
        assert_eq!(parse_json_array(&logical("[]"), 0).unwrap().len(), 0);
    }
}
