//! Stored documents as JSON text that keeps every BSON type: MongoDB Extended
//! JSON v2 in its canonical mode (`{"$numberLong": "30"}`, `{"$numberDouble":
//! "0.9"}`, …), written with every object's keys sorted and no spaces. That
//! one spelling is both what the export file holds and what its checksum is
//! computed over, so a reader recomputes the checksum from the documents it
//! parsed, whatever spacing or key order the file has by then.

use serde_json::Value;
use sha2::{Digest, Sha256};
use std::io::{self, Write};
use waymark_store::RawDoc;
use waymark_store::bson::{Bson, Document};

/// Appends `doc` in canonical form.
pub(crate) fn write_document(out: &mut Vec<u8>, doc: &Document) {
    write_object(out, doc.iter().collect(), write_value);
}

/// `{"key":value,…}` with the keys sorted.
fn write_object<T>(out: &mut Vec<u8>, mut fields: Vec<(&String, &T)>, write: fn(&mut Vec<u8>, &T)) {
    fields.sort_unstable_by(|a, b| a.0.cmp(b.0));
    out.push(b'{');
    for (i, (key, value)) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_string(out, key);
        out.push(b':');
        write(out, value);
    }
    out.push(b'}');
}

/// `[value,…]`.
fn write_array<T>(out: &mut Vec<u8>, items: &[T], write: fn(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write(out, item);
    }
    out.push(b']');
}

fn write_value(out: &mut Vec<u8>, value: &Bson) {
    match value {
        Bson::String(s) => write_string(out, s),
        Bson::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Bson::Null => out.extend_from_slice(b"null"),
        Bson::Int32(n) => wrapped(out, "$numberInt", &n.to_string()),
        Bson::Int64(n) => wrapped(out, "$numberLong", &n.to_string()),
        Bson::Double(f) => wrapped(out, "$numberDouble", &double_text(*f)),
        Bson::DateTime(d) => {
            out.extend_from_slice(b"{\"$date\":");
            wrapped(out, "$numberLong", &d.timestamp_millis().to_string());
            out.push(b'}');
        }
        Bson::Array(items) => write_array(out, items, write_value),
        Bson::Document(d) => write_document(out, d),
        other => write_json(out, &other.clone().into_canonical_extjson()),
    }
}

/// `{"<key>":"<text>"}`.
fn wrapped(out: &mut Vec<u8>, key: &str, text: &str) {
    out.push(b'{');
    write_string(out, key);
    out.push(b':');
    write_string(out, text);
    out.push(b'}');
}

/// The shortest decimal that reads back as exactly `f` ("0.1", "1.0", "-0.0"),
/// or "NaN", "Infinity", "-Infinity".
fn double_text(f: f64) -> String {
    if f.is_nan() {
        "NaN".into()
    } else if f.is_infinite() {
        if f > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else {
        let mut text = f.to_string();
        if !text.contains('.') {
            text.push_str(".0");
        }
        text
    }
}

/// A JSON value (the rare BSON types without a spelling above) with sorted keys.
fn write_json(out: &mut Vec<u8>, value: &Value) {
    match value {
        Value::Object(map) => write_object(out, map.iter().collect(), write_json),
        Value::Array(items) => write_array(out, items, write_json),
        Value::String(s) => write_string(out, s),
        other => out.extend_from_slice(other.to_string().as_bytes()),
    }
}

/// A JSON string: `"` and `\` escaped, control characters as `\n`, `\t`, … or
/// `\u00XX`; everything else as it is (UTF-8).
fn write_string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let mut start = 0;
    for (i, byte) in s.bytes().enumerate() {
        let escape: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..=0x1f => b"",
            _ => continue,
        };
        out.extend_from_slice(&s.as_bytes()[start..i]);
        if escape.is_empty() {
            out.extend_from_slice(format!("\\u{byte:04x}").as_bytes());
        } else {
            out.extend_from_slice(escape);
        }
        start = i + 1;
    }
    out.extend_from_slice(&s.as_bytes()[start..]);
    out.push(b'"');
}

/// Writes a file's `collections` value to `out` — canonical, with a line
/// break before each collection and each document — and returns its checksum:
/// the SHA-256 (lower-case hex) of the same text without those line breaks,
/// `{"<name>":[<doc>,<doc>,…],…}` with the names sorted and each document in
/// canonical form, in the order given. Without `out` it only computes the checksum.
pub(crate) fn seal<'a>(
    collections: impl IntoIterator<Item = (&'a str, &'a [RawDoc])>,
    mut out: Option<&mut dyn Write>,
) -> io::Result<String> {
    let mut sorted: Vec<(&str, &[RawDoc])> = collections.into_iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut hash = Sha256::new();
    let mut buf = Vec::with_capacity(4096);
    let mut emit = |buf: &[u8], line_break: bool| -> io::Result<()> {
        hash.update(buf);
        if let Some(out) = out.as_mut() {
            if line_break {
                out.write_all(b"\n")?;
            }
            out.write_all(buf)?;
        }
        Ok(())
    };
    emit(b"{", false)?;
    for (i, (name, docs)) in sorted.into_iter().enumerate() {
        buf.clear();
        if i > 0 {
            emit(b",", false)?;
        }
        write_string(&mut buf, name);
        buf.extend_from_slice(b":[");
        emit(&buf, true)?;
        for (j, doc) in docs.iter().enumerate() {
            if j > 0 {
                emit(b",", false)?;
            }
            buf.clear();
            write_document(&mut buf, doc);
            emit(&buf, true)?;
        }
        emit(b"]", false)?;
    }
    emit(b"}", false)?;
    Ok(hex(&hash.finalize()))
}

/// The checksum of a file's collections (see [`seal`]).
pub(crate) fn checksum<'a>(collections: impl IntoIterator<Item = (&'a str, &'a [RawDoc])>) -> String {
    // Without a writer nothing can fail.
    seal(collections, None).unwrap_or_default()
}

/// Lower-case hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use waymark_store::bson::{self, doc};

    fn text(d: &Document) -> String {
        let mut out = Vec::new();
        write_document(&mut out, d);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_stored_type_reads_back_exactly() {
        let original = doc! {
            "z": "naïve \"quoted\" \\ back\nslash\ttab \u{1} 🚀",
            "_id": "0190a000-0000-7000-8000-000000000001",
            "small": 7_i32, "big": 9_007_199_254_740_993_i64, "neg": -3_i64,
            "ratio": 0.1_f64, "whole": 5.0_f64, "tiny": 5e-324_f64, "huge": 1.7976931348623157e308_f64,
            "negzero": -0.0_f64, "inf": f64::INFINITY,
            "yes": true, "none": null, "list": [1_i32, "two", [3_i64], { "four": 4.5_f64 }], "empty": [],
            "nested": { "b": 2_i64, "a": { "deep": false } },
            "when": bson::DateTime::from_millis(1_772_442_000_123),
        };
        let json = text(&original);
        let back: Document = serde_json::from_str(&json).unwrap();
        assert_eq!(back, original);
        for (key, value) in &original {
            assert_eq!(back.get(key).map(Bson::element_type), Some(value.element_type()), "{key} keeps its type");
        }
        assert_eq!(back.get_f64("negzero").unwrap().to_bits(), (-0.0_f64).to_bits());
        assert!(json.starts_with(r#"{"_id":"0190a000"#), "keys sorted: {json}");
        assert!(json.contains(r#""small":{"$numberInt":"7"}"#), "{json}");
        assert!(json.contains(r#""whole":{"$numberDouble":"5.0"}"#), "{json}");
        assert!(json.contains(r#"\u0001 🚀"#), "{json}");
        assert_eq!(text(&back), json, "the canonical form is stable");
    }

    #[test]
    fn nan_survives_too() {
        let back: Document = serde_json::from_str(&text(&doc! { "x": f64::NAN })).unwrap();
        assert!(back.get_f64("x").unwrap().is_nan());
    }

    #[test]
    fn the_checksum_ignores_the_order_collections_are_given_in() {
        let a = [RawDoc::new(doc! { "_id": "1" })];
        let b = [RawDoc::new(doc! { "_id": "2" }), RawDoc::new(doc! { "_id": "3" })];
        let one = checksum([("goals", &a[..]), ("tasks", &b[..])]);
        assert_eq!(one, checksum([("tasks", &b[..]), ("goals", &a[..])]));
        assert_ne!(one, checksum([("goals", &b[..]), ("tasks", &a[..])]));
        let expected = {
            let mut h = Sha256::new();
            h.update(br#"{"goals":[{"_id":"1"}],"tasks":[{"_id":"2"},{"_id":"3"}]}"#);
            hex(&h.finalize())
        };
        assert_eq!(one, expected);
        let mut written = Vec::new();
        assert_eq!(seal([("goals", &a[..]), ("tasks", &b[..])], Some(&mut written)).unwrap(), one);
        let written = String::from_utf8(written).unwrap();
        assert_eq!(written, "{\n\"goals\":[\n{\"_id\":\"1\"}],\n\"tasks\":[\n{\"_id\":\"2\"},\n{\"_id\":\"3\"}]}");
    }
}
