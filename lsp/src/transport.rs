//! Standard input, filtered: only well-formed messages (a `Content-Length` header and a JSON
//! body) reach the protocol layer. tower-lsp-server ends the session at the first message it
//! cannot decode; an editor's or a proxy's garbage must not take the server down, so broken
//! frames are dropped here with a line on standard error.

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader};

/// The largest body accepted; bigger messages are skipped unread.
const MAX_BODY: usize = 256 * 1024 * 1024;

/// Reads `input` and returns a reader of its well-formed messages.
pub fn filtered(input: impl AsyncRead + Unpin + Send + 'static) -> impl AsyncRead {
    let (mut writer, reader) = tokio::io::duplex(1 << 20);
    tokio::spawn(async move {
        let mut input = BufReader::new(input);
        loop {
            let Some(length) = read_headers(&mut input).await else {
                return; // end of input
            };
            let Some(length) = length else {
                eprintln!("plimsoll-lsp: dropped a message without a valid Content-Length");
                continue;
            };
            if length > MAX_BODY {
                eprintln!("plimsoll-lsp: dropped a message of {length} bytes");
                let mut rest = (&mut input).take(length as u64);
                if tokio::io::copy(&mut rest, &mut tokio::io::sink())
                    .await
                    .is_err()
                {
                    return;
                }
                continue;
            }
            let mut body = vec![0; length];
            if input.read_exact(&mut body).await.is_err() {
                return;
            }
            if let Err(e) = serde_json::from_slice::<serde::de::IgnoredAny>(&body) {
                eprintln!("plimsoll-lsp: dropped a message that is not JSON: {e}");
                continue;
            }
            let header = format!("Content-Length: {length}\r\n\r\n");
            if writer.write_all(header.as_bytes()).await.is_err()
                || writer.write_all(&body).await.is_err()
            {
                return;
            }
        }
    });
    reader
}

/// Reads one header block; `None` at the end of input, `Some(None)` for a block without a
/// usable `Content-Length`.
async fn read_headers(input: &mut (impl AsyncBufReadExt + Unpin)) -> Option<Option<usize>> {
    let mut length = None;
    let mut saw_header = false;
    loop {
        let mut line = String::new();
        if input.read_line(&mut line).await.ok()? == 0 {
            return None;
        }
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if saw_header {
                return Some(length);
            }
            continue; // blank lines between messages
        }
        saw_header = true;
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().ok();
            }
        }
    }
}
