//! Server-Sent Events, read by hand: bytes in as they arrive (split anywhere,
//! even inside a UTF-8 character or a `\r\n`), the `data` of each complete
//! event out. Only what chat streams use is kept: `data:` lines (joined with
//! `\n` when an event has several), a blank line ending the event; comments
//! (`:`) and other fields (`event:`, `id:`, `retry:`) are skipped. An event
//! not ended by a blank line when the stream closes is dropped, as the
//! standard says.

/// The end-of-stream marker OpenAI-compatible servers send as an event's data.
pub const DONE: &str = "[DONE]";

/// An incremental SSE reader.
#[derive(Debug, Default)]
pub struct SseParser {
    pending: Vec<u8>,
    data: Option<String>,
}

impl SseParser {
    /// A reader at the start of a stream.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads `chunk` and returns the data of every event it completes.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<String> {
        self.pending.extend_from_slice(chunk);
        let mut events = Vec::new();
        let mut start = 0;
        while let Some(end) = line_end(&self.pending, start) {
            let (line_len, sep_len) = end;
            let line = String::from_utf8_lossy(&self.pending[start..start + line_len]).into_owned();
            start += line_len + sep_len;
            if let Some(event) = self.line(&line) {
                events.push(event);
            }
        }
        self.pending.drain(..start);
        events
    }

    /// Bytes received but not yet ended by a line break.
    pub fn buffered(&self) -> usize {
        self.pending.len()
    }

    fn line(&mut self, line: &str) -> Option<String> {
        if line.is_empty() {
            return self.data.take();
        }
        if line.starts_with(':') {
            return None;
        }
        let (field, value) = line.split_once(':').unwrap_or((line, ""));
        if field == "data" {
            let value = value.strip_prefix(' ').unwrap_or(value);
            match &mut self.data {
                Some(data) => {
                    data.push('\n');
                    data.push_str(value);
                }
                None => self.data = Some(value.to_string()),
            }
        }
        None
    }
}

/// The length of the line starting at `start` and of its line break (`\n`,
/// `\r\n` or `\r`); `None` while the line is incomplete. A `\r` that ends the
/// buffer waits for the next byte, which may be its `\n`.
fn line_end(buf: &[u8], start: usize) -> Option<(usize, usize)> {
    let rest = &buf[start..];
    let at = rest.iter().position(|&b| b == b'\n' || b == b'\r')?;
    match rest[at] {
        b'\n' => Some((at, 1)),
        _ if at + 1 == rest.len() => None,
        _ if rest[at + 1] == b'\n' => Some((at, 2)),
        _ => Some((at, 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(chunks: &[&[u8]]) -> Vec<String> {
        let mut p = SseParser::new();
        chunks.iter().flat_map(|c| p.push(c)).collect()
    }

    #[test]
    fn events_end_at_a_blank_line() {
        let text = b"data: {\"a\":1}\n\ndata: [DONE]\n\n";
        assert_eq!(all(&[text]), ["{\"a\":1}", DONE]);
    }

    #[test]
    fn chunks_split_anywhere_give_the_same_events() {
        let text = "data: {\"c\":\"h\u{e9}llo\"}\r\n\r\n: ping\r\n\r\ndata: x\r\rdata:y\n\n".as_bytes();
        let whole = all(&[text]);
        assert_eq!(whole, ["{\"c\":\"h\u{e9}llo\"}", "x", "y"]);
        for cut in 0..text.len() {
            assert_eq!(all(&[&text[..cut], &text[cut..]]), whole, "cut at {cut}");
        }
        let bytes: Vec<&[u8]> = text.chunks(1).collect();
        assert_eq!(all(&bytes), whole);
    }

    #[test]
    fn several_data_lines_join_and_other_fields_are_skipped() {
        let text = b"event: message\nid: 7\ndata: one\ndata:two\nretry: 5\n\n";
        assert_eq!(all(&[text]), ["one\ntwo"]);
    }

    #[test]
    fn an_unended_event_is_dropped() {
        let mut p = SseParser::new();
        assert!(p.push(b"data: half").is_empty());
        assert_eq!(p.buffered(), 10);
        assert!(p.push(b"\n").is_empty());
        assert_eq!(p.buffered(), 0);
    }

    #[test]
    fn a_comment_only_stream_gives_nothing() {
        assert!(all(&[b": keep-alive\n\n: again\n\n"]).is_empty());
    }
}
