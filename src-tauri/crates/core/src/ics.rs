//! Study days as an iCalendar (RFC 5545) file, so a plan can sit in Google
//! Calendar, Thunderbird or Apple Calendar next to the learner's other events.
//!
//! Events are all-day and transparent (they never show the learner as busy).
//! Lines end in CRLF, text is escaped and long lines are folded at 75 octets
//! without splitting a UTF-8 character, as RFC 5545 §3.1 and §3.3.11 require.

use chrono::{DateTime, NaiveDate, Utc};

/// The longest content line, in octets, before it is folded.
const MAX_LINE_OCTETS: usize = 75;

/// The calendar's fixed properties.
const HEADER: [&str; 5] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Waymark//Waymark planner//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
];

/// One all-day study event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsEvent {
    /// Stable id, unique within Waymark; `@waymark` is appended in the file.
    pub uid: String,
    /// The day of the event.
    pub date: NaiveDate,
    /// The title calendars show.
    pub summary: String,
    /// Longer text; omitted from the file when empty.
    pub description: String,
}

/// A complete calendar named `name` holding `events`; `stamp` is the moment
/// the file is made (each event's `DTSTAMP`).
pub fn calendar(name: &str, events: &[IcsEvent], stamp: DateTime<Utc>) -> String {
    let mut out = String::new();
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for line in HEADER {
        push_line(&mut out, line);
    }
    push_line(&mut out, &format!("X-WR-CALNAME:{}", escape_text(name)));
    for event in events {
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}@waymark", escape_text(&event.uid)));
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", event.date.format("%Y%m%d")));
        if let Some(next) = event.date.succ_opt() {
            push_line(&mut out, &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
        }
        push_line(&mut out, &format!("SUMMARY:{}", escape_text(&event.summary)));
        if !event.description.is_empty() {
            push_line(&mut out, &format!("DESCRIPTION:{}", escape_text(&event.description)));
        }
        push_line(&mut out, "TRANSP:TRANSPARENT");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// Escapes a TEXT value: `\`, `;` and `,` get a backslash, line breaks become
/// `\n`, and other control characters (not allowed in TEXT) are dropped.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded so no physical line exceeds 75 octets, and CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp() -> DateTime<Utc> {
        "2026-11-22T04:50:00Z".parse().unwrap()
    }

    fn event(uid: &str, date: &str, summary: &str, description: &str) -> IcsEvent {
        IcsEvent {
            uid: uid.into(),
            date: date.parse().unwrap(),
            summary: summary.into(),
            description: description.into(),
        }
    }

    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "")
    }

    #[test]
    fn small_calendar_is_exact() {
        let events = [
            event("t1", "2026-11-23", "Rust: Ownership", "Read chapter 4"),
            event("t2", "2026-11-24", "Rust: Traits", ""),
        ];
        let expected = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Waymark//Waymark planner//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Waymark study plan",
            "BEGIN:VEVENT",
            "UID:t1@waymark",
            "DTSTAMP:20261122T045000Z",
            "DTSTART;VALUE=DATE:20261123",
            "DTEND;VALUE=DATE:20261124",
            "SUMMARY:Rust: Ownership",
            "DESCRIPTION:Read chapter 4",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:t2@waymark",
            "DTSTAMP:20261122T045000Z",
            "DTSTART;VALUE=DATE:20261124",
            "DTEND;VALUE=DATE:20261125",
            "SUMMARY:Rust: Traits",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
        .join("\r\n");
        assert_eq!(calendar("Waymark study plan", &events, stamp()), expected);
    }

    #[test]
    fn text_is_escaped() {
        let ics =
            calendar("a,b", &[event("x;y", "2026-01-05", "C:\\temp; a, b", "line 1\nline 2\r\nline 3\u{7}")], stamp());
        assert!(ics.contains("X-WR-CALNAME:a\\,b\r\n"));
        assert!(ics.contains("UID:x\\;y@waymark\r\n"));
        assert!(ics.contains("SUMMARY:C:\\\\temp\\; a\\, b\r\n"));
        assert!(ics.contains("DESCRIPTION:line 1\\nline 2\\nline 3\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let summary = "Étudier le ☃ chapitre ".repeat(12) + "終わり";
        let ics = calendar("Plan", &[event("t", "2026-01-05", &summary, "")], stamp());
        assert!(ics.ends_with("\r\n"));
        let body = ics.strip_suffix("\r\n").unwrap();
        for line in body.split("\r\n") {
            assert!(line.len() <= MAX_LINE_OCTETS, "{} octets: {line}", line.len());
        }
        assert!(body.split("\r\n").filter(|l| l.starts_with(' ')).count() >= 4);
        let unfolded = unfold(&ics);
        assert!(unfolded.contains(&format!("\r\nSUMMARY:{summary}\r\n")));
        assert!(!ics.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn a_line_of_exactly_75_octets_is_not_folded() {
        let summary = "x".repeat(MAX_LINE_OCTETS - "SUMMARY:".len());
        let ics = calendar("Plan", &[event("t", "2026-01-05", &summary, "")], stamp());
        assert!(ics.contains(&format!("\r\nSUMMARY:{summary}\r\nTRANSP")));
        let longer = calendar("Plan", &[event("t", "2026-01-05", &format!("{summary}y"), "")], stamp());
        assert!(longer.contains(&format!("\r\nSUMMARY:{summary}\r\n y\r\n")));
    }

    #[test]
    fn all_day_events_end_the_next_day_across_month_and_year() {
        let ics = calendar(
            "Plan",
            &[event("a", "2026-01-31", "A", ""), event("b", "2026-12-31", "B", ""), event("c", "2028-02-28", "C", "")],
            stamp(),
        );
        assert!(ics.contains("DTSTART;VALUE=DATE:20260131\r\nDTEND;VALUE=DATE:20260201\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20280228\r\nDTEND;VALUE=DATE:20280229\r\n"));
    }

    #[test]
    fn an_empty_calendar_is_still_valid() {
        let ics = calendar("Plan", &[], stamp());
        assert_eq!(
            ics,
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Waymark//Waymark planner//EN\r\nCALSCALE:GREGORIAN\r\n\
             METHOD:PUBLISH\r\nX-WR-CALNAME:Plan\r\nEND:VCALENDAR\r\n"
        );
    }
}
