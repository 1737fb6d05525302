//! Importing flashcards from an Anki-style text export, so a learner can bring the
//! cards they already have instead of retyping them.
//!
//! Each line is `front<sep>back<sep>tags`. The header lines Anki writes at the top
//! (`#separator:`, `#html:`, `#tags:`, `#… column:`) are honoured and other `#`
//! lines there are ignored; once cards start, a `#` is ordinary text. Parsing never
//! fails as a whole: good rows come back with the bad ones' line numbers, and the
//! learner decides whether to import.

use crate::goal::clean_tags;
use crate::question::{MAX_PROMPT_CHARS, MAX_TAGS, MAX_TEXT_CHARS, QuestionBody, QuestionInput};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One card read from the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CardRow {
    /// The question side.
    pub front: String,
    /// The answer side.
    pub back: String,
    /// The file's `#tags:` followed by the row's own tags, without duplicates.
    pub tags: Vec<String>,
    /// The line the row starts on (1-based, counting header lines).
    pub line: usize,
}

/// A row that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LineError {
    /// The line the row starts on (1-based).
    pub line: usize,
    /// What is wrong, starting with the line, e.g. "line 7: the back is empty".
    pub message: String,
}

/// The outcome of reading a file: the cards it holds and the rows that failed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct CsvImport {
    /// Cards in file order.
    pub cards: Vec<CardRow>,
    /// Rows that could not be read, in file order.
    pub errors: Vec<LineError>,
}

impl CardRow {
    /// The card as a recall question (no step yet; the learner picks one).
    pub fn into_question_input(self) -> QuestionInput {
        QuestionInput {
            prompt: self.front,
            body: QuestionBody::Recall { back: self.back },
            explanation: String::new(),
            tags: self.tags,
            step_id: None,
            task_id: None,
        }
    }
}

/// What the header lines say.
struct Header {
    separator: Option<char>,
    html: bool,
    tags: Vec<String>,
    skipped_columns: Vec<usize>,
    tags_column: Option<usize>,
}

/// Reads an Anki-style text export (tab, comma, semicolon, pipe or any one-character
/// separator; quoted fields; HTML line breaks and entities; optional BOM and CRLF).
///
/// Without a `#separator:` header the separator is a tab, unless the first card
/// line has no tab: then a comma, or a semicolon when that line has one but no comma.
pub fn parse_cards(text: &str) -> CsvImport {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = CsvImport::default();
    let (header, body, first_line) = read_header(text, &mut out.errors);
    let sep = header.separator.unwrap_or_else(|| detect_separator(body));
    let mut records = Records { text: body, pos: 0, line: first_line };
    while let Some(record) = records.next_record(sep) {
        match to_card(&header, sep, record) {
            Ok(Some(card)) => out.cards.push(card),
            Ok(None) => {}
            Err(error) => out.errors.push(error),
        }
    }
    out
}

fn read_header<'a>(text: &'a str, errors: &mut Vec<LineError>) -> (Header, &'a str, usize) {
    let mut header =
        Header { separator: None, html: true, tags: Vec::new(), skipped_columns: Vec::new(), tags_column: None };
    let mut offset = 0;
    let mut line = 1;
    for raw in text.split_inclusive('\n') {
        let content = raw.trim_end_matches(['\n', '\r']);
        if let Some(directive) = content.strip_prefix('#') {
            apply_directive(&mut header, directive, line, errors);
        } else if !content.trim().is_empty() {
            break;
        }
        offset += raw.len();
        line += 1;
    }
    (header, &text[offset..], line)
}

fn apply_directive(header: &mut Header, directive: &str, line: usize, errors: &mut Vec<LineError>) {
    let Some((key, value)) = directive.split_once(':') else { return };
    let column = || value.trim().parse::<usize>().ok().filter(|c| *c > 0);
    match key.trim().to_lowercase().as_str() {
        "separator" => match separator_named(value) {
            Some(sep) => header.separator = Some(sep),
            None => errors.push(LineError {
                line,
                message: format!(
                    "line {line}: unknown separator \"{value}\"; use tab, comma, semicolon, pipe or a single character"
                ),
            }),
        },
        "html" => header.html = !value.trim().eq_ignore_ascii_case("false"),
        "tags" => header.tags = value.split_whitespace().map(str::to_string).collect(),
        "tags column" => header.tags_column = column(),
        "guid column" | "notetype column" | "deck column" => header.skipped_columns.extend(column()),
        _ => {}
    }
}

fn separator_named(value: &str) -> Option<char> {
    let named = match value.trim().to_lowercase().as_str() {
        "tab" => Some('\t'),
        "comma" => Some(','),
        "semicolon" => Some(';'),
        "pipe" => Some('|'),
        "space" => Some(' '),
        "colon" => Some(':'),
        _ => None,
    };
    let literal = if value.trim().is_empty() { value } else { value.trim() };
    let mut chars = literal.chars();
    let single = match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    };
    named.or(single).filter(|c| !matches!(c, '\n' | '\r' | '"'))
}

fn detect_separator(body: &str) -> char {
    let first = body.lines().next().unwrap_or("");
    if first.contains('\t') {
        '\t'
    } else if first.contains(';') && !first.contains(',') {
        ';'
    } else {
        ','
    }
}

fn separator_name(sep: char) -> String {
    match sep {
        '\t' => "a tab".into(),
        ',' => "a comma".into(),
        ';' => "a semicolon".into(),
        '|' => "a pipe".into(),
        ' ' => "a space".into(),
        ':' => "a colon".into(),
        c => format!("\"{c}\""),
    }
}

/// One row as split by the separator, before any meaning is given to its fields.
struct Record {
    line: usize,
    fields: Vec<String>,
    unclosed: bool,
}

/// Splits text into rows, honouring quoted fields that hold separators or newlines.
struct Records<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
}

enum FieldEnd {
    Separator,
    Row,
}

impl Records<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn next_record(&mut self, sep: char) -> Option<Record> {
        self.peek()?;
        let line = self.line;
        let mut fields = Vec::new();
        let mut unclosed = false;
        loop {
            let mut field = String::new();
            let rest = &self.text[self.pos..];
            let padding = rest.len() - rest.trim_start_matches(' ').len();
            if sep != ' ' && rest[padding..].starts_with('"') {
                self.pos += padding + 1;
                unclosed |= !self.quoted(&mut field);
            }
            let end = self.unquoted(&mut field, sep);
            fields.push(field);
            if matches!(end, FieldEnd::Row) {
                break;
            }
        }
        Some(Record { line, fields, unclosed })
    }

    /// Reads a quoted field after its opening quote; false when the file ends first.
    fn quoted(&mut self, field: &mut String) -> bool {
        while let Some(c) = self.bump() {
            match c {
                '"' if self.peek() == Some('"') => {
                    self.bump();
                    field.push('"');
                }
                '"' => return true,
                '\r' if self.peek() == Some('\n') => {}
                '\n' => {
                    self.line += 1;
                    field.push('\n');
                }
                c => field.push(c),
            }
        }
        false
    }

    fn unquoted(&mut self, field: &mut String, sep: char) -> FieldEnd {
        while let Some(c) = self.bump() {
            match c {
                c if c == sep => return FieldEnd::Separator,
                '\n' => {
                    self.line += 1;
                    return FieldEnd::Row;
                }
                '\r' if self.peek() == Some('\n') => {}
                c => field.push(c),
            }
        }
        FieldEnd::Row
    }
}

fn to_card(header: &Header, sep: char, record: Record) -> Result<Option<CardRow>, LineError> {
    let line = record.line;
    let error = |message: String| LineError { line, message: format!("line {line}: {message}") };
    if record.unclosed {
        return Err(error("a quoted field is not closed; add the missing \"".into()));
    }
    if record.fields.iter().all(|f| f.trim().is_empty()) {
        return Ok(None);
    }
    let decode = |s: &str| if header.html { decode_html(s) } else { s.to_string() };
    let mut row_tags = None;
    let mut data = Vec::new();
    for (i, field) in record.fields.iter().enumerate() {
        let column = i + 1;
        if header.tags_column == Some(column) {
            row_tags = Some(field);
        } else if !header.skipped_columns.contains(&column) {
            data.push(field);
        }
    }
    if data.len() < 2 {
        let found = if data.len() == 1 { "1 field".to_string() } else { format!("{} fields", data.len()) };
        return Err(error(format!("needs a front and a back separated by {}; found {found}", separator_name(sep))));
    }
    if header.tags_column.is_none() {
        row_tags = data.get(2).copied();
    }
    let front = decode(data[0]).trim().to_string();
    let back = decode(data[1]).trim().to_string();
    for (side, text, max) in [("front", &front, MAX_PROMPT_CHARS), ("back", &back, MAX_TEXT_CHARS)] {
        let n = text.chars().count();
        if n == 0 {
            return Err(error(format!("the {side} is empty")));
        }
        if n > max {
            return Err(error(format!("the {side} is too long: {n} characters, at most {max}")));
        }
    }
    let mut tags = header.tags.clone();
    tags.extend(row_tags.map(|t| decode(t)).iter().flat_map(|t| t.split_whitespace().map(str::to_string)));
    let tags = clean_tags(&tags);
    if tags.len() > MAX_TAGS {
        return Err(error(format!("has {} tags; at most {MAX_TAGS}", tags.len())));
    }
    Ok(Some(CardRow { front, back, tags, line }))
}

/// Turns `<br>` into a newline and decodes the entities Anki writes (`&amp;`,
/// `&lt;`, `&gt;`, `&quot;`, `&apos;`, numeric ones, and `&nbsp;` as a plain space).
/// Other tags are kept as they are.
pub fn decode_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match decode_one(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push_str(&rest[..1]);
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes a `<br>` or an entity at the start of `text`: the character and the length read.
fn decode_one(text: &str) -> Option<(char, usize)> {
    let close = if text.starts_with('<') { '>' } else { ';' };
    let end = text.char_indices().take(12).find(|(_, c)| *c == close)?.0;
    let inner = &text[1..end];
    let c = if close == '>' {
        let name = inner.trim().trim_end_matches('/').trim_end();
        name.eq_ignore_ascii_case("br").then_some('\n')?
    } else {
        match inner {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            _ => {
                let digits = inner.strip_prefix('#')?;
                let code = match digits.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => digits.parse().ok()?,
                };
                char::from_u32(code)?
            }
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(front: &str, back: &str, tags: &[&str], line: usize) -> CardRow {
        CardRow { front: front.into(), back: back.into(), tags: tags.iter().map(|t| t.to_string()).collect(), line }
    }

    fn messages(import: &CsvImport) -> Vec<&str> {
        import.errors.iter().map(|e| e.message.as_str()).collect()
    }

    #[test]
    fn tab_separated_rows_with_optional_tags() {
        let import = parse_cards("What is 2+2?\t4\tmath easy\nCapital of France\tParis\n");
        assert_eq!(
            import.cards,
            vec![card("What is 2+2?", "4", &["math", "easy"], 1), card("Capital of France", "Paris", &[], 2)]
        );
        assert!(import.errors.is_empty());
    }

    #[test]
    fn comma_and_semicolon_are_detected() {
        let import = parse_cards("Capital of France,Paris\nOne plus one,2,math\n");
        assert_eq!(
            import.cards,
            vec![card("Capital of France", "Paris", &[], 1), card("One plus one", "2", &["math"], 2)]
        );
        let import = parse_cards("Hauptstadt;Berlin\nEins plus eins;2;mathe\n");
        assert_eq!(import.cards[1], card("Eins plus eins", "2", &["mathe"], 2));
    }

    #[test]
    fn separator_headers_are_honoured() {
        let import = parse_cards("#separator:Semicolon\n#html:true\nQ, with comma;A\n");
        assert_eq!(import.cards, vec![card("Q, with comma", "A", &[], 3)]);
        assert_eq!(parse_cards("#separator:pipe\na|b|t\n").cards, vec![card("a", "b", &["t"], 2)]);
        assert_eq!(parse_cards("#separator:~\na~b\n").cards, vec![card("a", "b", &[], 2)]);
        assert_eq!(parse_cards("#separator:tab\na,b\tc\n").cards, vec![card("a,b", "c", &[], 2)]);
        let bad = parse_cards("#separator:double colon\na\tb\n");
        assert_eq!(
            messages(&bad),
            ["line 1: unknown separator \"double colon\"; use tab, comma, semicolon, pipe or a single character"]
        );
        assert_eq!(bad.cards, vec![card("a", "b", &[], 2)]);
    }

    #[test]
    fn header_tags_merge_with_row_tags_and_other_headers_are_ignored() {
        let text = "#tags:rust ch1\n# exported from Anki\n#deck:Rust\n\nOwnership?\tOne owner\tCH1 borrow\nLifetimes?\tScopes\n";
        let import = parse_cards(text);
        assert_eq!(
            import.cards,
            vec![
                card("Ownership?", "One owner", &["rust", "ch1", "borrow"], 5),
                card("Lifetimes?", "Scopes", &["rust", "ch1"], 6)
            ]
        );
        assert!(import.errors.is_empty());
    }

    #[test]
    fn hash_lines_after_the_first_card_are_data() {
        let import = parse_cards("a\tb\n#include\tC preprocessor\n");
        assert_eq!(import.cards[1], card("#include", "C preprocessor", &[], 2));
    }

    #[test]
    fn anki_column_headers_pick_the_fields() {
        let text = "#separator:tab\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n\
                    g1\tBasic\tRust\tQ\tA\tt1 t2\n";
        assert_eq!(parse_cards(text).cards, vec![card("Q", "A", &["t1", "t2"], 6)]);
    }

    #[test]
    fn quoted_fields_hold_separators_quotes_and_newlines() {
        let text = "\"a, b\",\"first\nsecond \"\"quoted\"\"\",t\nnext, \"x, y\"\n";
        let import = parse_cards(text);
        assert_eq!(
            import.cards,
            vec![card("a, b", "first\nsecond \"quoted\"", &["t"], 1), card("next", "x, y", &[], 3)]
        );
        let tabbed = parse_cards("\"front\twith tab\"\tback\n");
        assert_eq!(tabbed.cards, vec![card("front\twith tab", "back", &[], 1)]);
    }

    #[test]
    fn bad_rows_are_reported_by_line_and_good_rows_kept() {
        let text =
            "#separator:tab\nq1\ta1\n\njust a front\n\tno front\nno back\t \nq2\ta2\n\t\t\n\"open\tnever closed\n";
        let import = parse_cards(text);
        assert_eq!(import.cards, vec![card("q1", "a1", &[], 2), card("q2", "a2", &[], 7)]);
        assert_eq!(
            messages(&import),
            [
                "line 4: needs a front and a back separated by a tab; found 1 field",
                "line 5: the front is empty",
                "line 6: the back is empty",
                "line 9: a quoted field is not closed; add the missing \"",
            ]
        );
        assert_eq!(import.errors[0].line, 4);
        let comma = parse_cards("only one field\n");
        assert_eq!(messages(&comma), ["line 1: needs a front and a back separated by a comma; found 1 field"]);
        let long = parse_cards(&format!("{}\tb\n", "x".repeat(MAX_PROMPT_CHARS + 1)));
        assert_eq!(messages(&long), ["line 1: the front is too long: 2001 characters, at most 2000"]);
    }

    #[test]
    fn bom_and_crlf_are_handled() {
        let text = "\u{feff}#separator:tab\r\n#tags:x\r\nq\ta\r\n\"multi\r\nline\"\tb\r\nlast\tz";
        let import = parse_cards(text);
        assert_eq!(
            import.cards,
            vec![card("q", "a", &["x"], 3), card("multi\nline", "b", &["x"], 4), card("last", "z", &["x"], 6)]
        );
        assert_eq!(parse_cards("\u{feff}a,b\r\n").cards, vec![card("a", "b", &[], 1)]);
    }

    #[test]
    fn html_breaks_and_entities_are_decoded() {
        assert_eq!(
            decode_html("a<br>b<BR />c &amp;lt; &lt;T&gt; &quot;x&quot;&nbsp;y &#39;z&#x27; & <b>bold</b> &bogus;"),
            "a\nb\nc &lt; <T> \"x\" y 'z' & <b>bold</b> &bogus;"
        );
        let import = parse_cards("Vec&lt;T&gt;?\tA growable array<br/>on the heap\n");
        assert_eq!(import.cards, vec![card("Vec<T>?", "A growable array\non the heap", &[], 1)]);
        let raw = parse_cards("#html:false\na&amp;b\tc<br>d\n");
        assert_eq!(raw.cards, vec![card("a&amp;b", "c<br>d", &[], 2)]);
    }

    #[test]
    fn a_card_becomes_a_valid_recall_question() {
        let input = card("Capital of France?", "Paris", &["geo"], 3).into_question_input().validate().unwrap();
        assert_eq!(input.prompt, "Capital of France?");
        assert_eq!(input.body, QuestionBody::Recall { back: "Paris".into() });
        assert_eq!(input.tags, vec!["geo"]);
        assert_eq!((input.step_id, input.task_id), (None, None));
    }
}
