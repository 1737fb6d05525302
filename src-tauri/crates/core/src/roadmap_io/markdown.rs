//! The Markdown roadmap format (described on the parent module): reading it
//! into validated steps, with errors that name their line, and writing it back.

use super::kinds::{guess_kind, kind_name, split_kind};
use super::questions::{QuestionReader, write_question};
use super::syntax::{self, Fence, HeaderKey, Key, Link};
use super::{DocStep, ImportError, MAX_IMPORT_STEPS, RoadmapDoc, StepInput, prepare, too_many_steps};
use crate::duration::parse_duration;
use crate::roadmap::{Resource, validate_url};

/// Characters between a link and the words after it (`[A](u) — notes`).
const SEPARATORS: &[char] = &[' ', '\t', '-', '–', '—', ':', ',', ';'];

const NO_STEPS: &str = "no steps found; start each step with a heading like `## Ownership` \
                        followed by a line like `Duration: 2 weeks`";

/// One physical line: its 1-based number, its text and whether it is part of
/// a fenced code block (fence lines included).
struct Line<'a> {
    number: usize,
    text: &'a str,
    in_fence: bool,
}

/// Reads a Markdown roadmap. Every step is validated; the first problem is
/// returned with its line.
pub fn parse_markdown(text: &str) -> Result<RoadmapDoc, ImportError> {
    let lines = scan(prepare(text)?);
    let headings: Vec<(usize, usize, &str)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.in_fence)
        .filter_map(|(i, l)| syntax::heading(l.text).map(|(level, text)| (i, level, text)))
        .collect();
    let titled = headings.len() > 1 && headings[0].1 == 1 && headings[1..].iter().all(|h| h.1 >= 2);
    let (title, steps) = if titled { (Some(headings[0].2), &headings[1..]) } else { (None, &headings[..]) };
    if let Some(extra) = steps.get(MAX_IMPORT_STEPS) {
        return Err(too_many_steps(Some(lines[extra.0].number)));
    }
    if steps.is_empty() {
        return Err(ImportError::new(None, None, NO_STEPS));
    }
    let mut doc = parse_header(&lines[..steps[0].0])?;
    doc.title = title.filter(|t| !t.is_empty()).map(str::to_string);
    doc.steps = steps
        .iter()
        .enumerate()
        .map(|(k, &(at, _, title))| {
            let end = steps.get(k + 1).map_or(lines.len(), |next| next.0);
            parse_step(title, lines[at].number, &lines[at + 1..end])
        })
        .collect::<Result<_, _>>()?;
    Ok(doc)
}

/// The header keys among the lines before the first step; other lines there
/// are ignored.
fn parse_header(lines: &[Line<'_>]) -> Result<RoadmapDoc, ImportError> {
    let mut doc = RoadmapDoc::default();
    for line in lines.iter().filter(|l| !l.in_fence) {
        let Some((key, value)) = syntax::header_line(line.text) else { continue };
        let (slot, field) = match key {
            HeaderKey::Name => (&mut doc.name, "name"),
            HeaderKey::Category => (&mut doc.category, "category"),
            HeaderKey::Description => (&mut doc.description, "description"),
        };
        if slot.is_some() {
            return Err(ImportError::new(
                Some(line.number),
                Some(field),
                format!("the {field} is given twice; keep one"),
            ));
        }
        *slot = Some(value.to_string()).filter(|v| !v.is_empty());
    }
    Ok(doc)
}

fn scan(text: &str) -> Vec<Line<'_>> {
    let mut fence: Option<Fence> = None;
    let mut lines = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let text = raw.strip_suffix('\r').unwrap_or(raw);
        let in_fence = match fence {
            Some(open) => {
                if open.closed_by(text) {
                    fence = None;
                }
                true
            }
            None => {
                fence = syntax::fence_open(text);
                fence.is_some()
            }
        };
        lines.push(Line { number: i + 1, text, in_fence });
    }
    lines
}

/// A step being read: what its lines have set so far.
struct StepReader<'a> {
    title: &'a str,
    heading: usize,
    description: String,
    blank: bool,
    duration: Option<(usize, String)>,
    hours: Option<(usize, f64)>,
    skills: Vec<String>,
    resources: Vec<Resource>,
    questions: Vec<QuestionReader>,
}

fn parse_step(title: &str, heading: usize, body: &[Line<'_>]) -> Result<DocStep, ImportError> {
    let mut step = StepReader {
        title,
        heading,
        description: String::new(),
        blank: false,
        duration: None,
        hours: None,
        skills: Vec::new(),
        resources: Vec::new(),
        questions: Vec::new(),
    };
    for line in body {
        let choice = step.questions.last().and_then(|_| syntax::choice(line.text));
        if line.in_fence {
            step.push_text(line.text);
        } else if line.text.trim().is_empty() {
            step.blank();
        } else if let (Some((correct, text)), Some(question)) = (choice, step.questions.last_mut()) {
            question.choice(correct, text);
        } else if let Some((key, value)) = syntax::key_line(line.text) {
            if !step.key(line.number, key, value)? {
                step.push_text(line.text.trim_end());
            }
        } else if let Some(link) = syntax::resource(line.text) {
            step.resource(line.number, link)?;
        } else {
            let text = syntax::unescape_line(line.text);
            step.push_text(text.as_deref().unwrap_or(line.text).trim_end());
        }
    }
    step.finish()
}

impl StepReader<'_> {
    fn error(&self, line: usize, field: &str, message: impl std::fmt::Display) -> ImportError {
        ImportError::new(Some(line), Some(field), format!("step \"{}\": {message}", self.title))
    }

    fn blank(&mut self) {
        match self.questions.last_mut() {
            Some(question) => question.blank(),
            None => self.blank = true,
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some(question) = self.questions.last_mut() {
            question.text(text);
        } else {
            if !self.description.is_empty() {
                self.description.push_str(if self.blank { "\n\n" } else { "\n" });
            }
            self.description.push_str(text);
            self.blank = false;
        }
    }

    /// Takes a key line; `false` when it is a question's key outside a question,
    /// which is then description text.
    fn key(&mut self, line: usize, key: Key, value: &str) -> Result<bool, ImportError> {
        match key {
            Key::Duration => {
                if let Some((first, _)) = self.duration {
                    return Err(self.error(
                        line,
                        "duration",
                        format!("duration is given twice (first on line {first}); keep one"),
                    ));
                }
                parse_duration(value).map_err(|e| self.error(line, "duration", format!("duration {}", e.message)))?;
                self.duration = Some((line, value.to_string()));
            }
            Key::WeeklyHours => {
                if let Some((first, _)) = self.hours {
                    return Err(self.error(
                        line,
                        "weekly_hours",
                        format!("hours per week are given twice (first on line {first}); keep one"),
                    ));
                }
                let number = value.trim_end_matches(|c: char| c.is_alphabetic() || c.is_whitespace() || c == '/');
                let hours = number.parse::<f64>().map_err(|_| {
                    self.error(
                        line,
                        "weekly_hours",
                        format!("hours per week \"{value}\" is not a number; write e.g. `Hours per week: 4`"),
                    )
                })?;
                self.hours = Some((line, hours));
            }
            Key::Skills => self.skills.extend(syntax::split_skills(value)),
            Key::Question => self.questions.push(QuestionReader::new(line, value)),
            _ => return Ok(self.questions.last_mut().is_some_and(|q| q.key(key, value))),
        }
        Ok(true)
    }

    fn resource(&mut self, line: usize, link: Link<'_>) -> Result<(), ImportError> {
        let (rest, kind) = split_kind(link.rest);
        let rest = rest.trim_matches(SEPARATORS);
        let text = link.text.trim();
        let title = match (text.is_empty(), rest.is_empty()) {
            (true, _) => rest.to_string(),
            (false, true) => text.to_string(),
            (false, false) => format!("{text} — {rest}"),
        };
        let url = link.url.trim().to_string();
        validate_url(&url).map_err(|e| self.error(line, "url", format!("link {}", e.message)))?;
        let kind = kind.unwrap_or_else(|| guess_kind(&title, &url));
        self.resources.push(Resource { title, url, kind });
        Ok(())
    }

    fn finish(self) -> Result<DocStep, ImportError> {
        let Some((duration_line, duration)) = self.duration else {
            return Err(ImportError::new(
                Some(self.heading),
                Some("duration"),
                format!("step \"{}\" has no duration; add a line like `Duration: 2 weeks`", self.title),
            ));
        };
        let input = StepInput {
            title: self.title.to_string(),
            description: self.description,
            duration,
            weekly_hours: self.hours.map(|(_, h)| h),
            skills: self.skills,
            resources: self.resources,
        };
        let step = input.validate().map_err(|e| {
            let line = match e.field {
                "duration" => duration_line,
                "weekly_hours" => self.hours.map_or(self.heading, |(line, _)| line),
                _ => self.heading,
            };
            let message = match e.field {
                "title" => "a step heading has no title; write the step's name after the `#`s".to_string(),
                "weekly_hours" => format!("step \"{}\": hours per week {}", self.title, e.message),
                field => format!("step \"{}\": {field} {}", self.title, e.message),
            };
            ImportError::new(Some(line), Some(e.field), message)
        })?;
        let questions = self.questions.into_iter().map(|q| q.finish(&step.title)).collect::<Result<_, _>>()?;
        Ok(DocStep { step, questions })
    }
}

/// Writes a roadmap as Markdown that [`parse_markdown`] reads back unchanged
/// (for validated steps whose text has no line breaks where Markdown cannot
/// hold them: titles, durations, skills and resource titles).
pub fn to_markdown(doc: &RoadmapDoc) -> String {
    let mut out = String::new();
    if let Some(title) = doc.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        syntax::push_line(&mut out, &format!("# {}", heading_text(title)));
        out.push('\n');
    }
    write_header(&mut out, doc);
    for step in &doc.steps {
        write_step(&mut out, step);
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn write_header(out: &mut String, doc: &RoadmapDoc) {
    let keys = [("Name", &doc.name), ("Category", &doc.category), ("Description", &doc.description)];
    let mut any = false;
    for (key, value) in keys {
        if let Some(value) = value.as_deref().map(syntax::one_line).filter(|v| !v.is_empty()) {
            syntax::push_line(out, &format!("{key}: {value}"));
            any = true;
        }
    }
    if any {
        out.push('\n');
    }
}

fn write_step(out: &mut String, DocStep { step, questions }: &DocStep) {
    syntax::push_line(out, &format!("## {}", heading_text(&step.title)));
    out.push('\n');
    syntax::push_line(out, &format!("Duration: {}", syntax::one_line(&step.duration)));
    if let Some(h) = step.weekly_hours {
        syntax::push_line(out, &format!("Hours per week: {h}"));
    }
    if !step.skills.is_empty() {
        let skills: Vec<String> = step.skills.iter().map(|s| syntax::escape_skill(&syntax::one_line(s))).collect();
        syntax::push_line(out, &format!("Skills: {}", skills.join(", ")));
    }
    if !step.description.trim().is_empty() {
        out.push('\n');
        write_description(out, step.description.trim());
    }
    if !step.resources.is_empty() {
        out.push('\n');
        for r in &step.resources {
            let title = syntax::one_line(r.title.trim());
            let link = if title.is_empty() || title == r.url {
                r.url.clone()
            } else {
                format!("[{}]({})", syntax::escape_link_text(&title), syntax::link_destination(&r.url))
            };
            syntax::push_line(out, &format!("- {link} ({})", kind_name(r.kind)));
        }
    }
    for q in questions {
        out.push('\n');
        write_question(out, q);
    }
    out.push('\n');
}

fn write_description(out: &mut String, description: &str) {
    let lines: Vec<&str> = description.lines().collect();
    let mut fence: Option<Fence> = None;
    for (i, line) in lines.iter().enumerate() {
        match fence {
            Some(open) => {
                syntax::push_line(out, line);
                if open.closed_by(line) {
                    fence = None;
                }
            }
            None => match syntax::fence_open(line) {
                Some(open) if lines[i + 1..].iter().any(|l| open.closed_by(l)) => {
                    syntax::push_line(out, line);
                    fence = Some(open);
                }
                _ if syntax::is_structural(line) => syntax::push_line(out, &syntax::escape_line(line)),
                _ => syntax::push_line(out, line),
            },
        }
    }
}

fn heading_text(title: &str) -> String {
    let title = syntax::one_line(title);
    if title.ends_with('#') { format!("{title} #") } else { title }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::ResourceKind::{self, Article, Book, Course, Tutorial, Video};

    const EXAMPLE: &str = "# Learn Rust

## Ownership and borrowing

Duration: 2 weeks
Hours per week: 4
Skills: ownership, borrowing

Read chapters 4 and 5, then redo the exercises
without looking at the answers.

- [The Rust Programming Language](https://doc.rust-lang.org/book/) (book)
- https://www.youtube.com/watch?v=VFIOSWy93H0

## Error handling

Duration: 1 week
";

    fn res(title: &str, url: &str, kind: ResourceKind) -> Resource {
        Resource { title: title.into(), url: url.into(), kind }
    }

    fn step(title: &str, duration: &str) -> StepInput {
        StepInput { title: title.into(), duration: duration.into(), ..Default::default() }
    }

    fn example_doc() -> RoadmapDoc {
        RoadmapDoc {
            title: Some("Learn Rust".into()),
            steps: vec![
                StepInput {
                    description: "Read chapters 4 and 5, then redo the exercises\nwithout looking at the answers."
                        .into(),
                    weekly_hours: Some(4.0),
                    skills: vec!["ownership".into(), "borrowing".into()],
                    resources: vec![
                        res("The Rust Programming Language", "https://doc.rust-lang.org/book/", Book),
                        res(
                            "https://www.youtube.com/watch?v=VFIOSWy93H0",
                            "https://www.youtube.com/watch?v=VFIOSWy93H0",
                            Video,
                        ),
                    ],
                    ..step("Ownership and borrowing", "2 weeks")
                }
                .into(),
                step("Error handling", "1 week").into(),
            ],
            ..Default::default()
        }
    }

    fn err(text: &str) -> ImportError {
        parse_markdown(text).expect_err(text)
    }

    #[test]
    fn reads_the_documented_example() {
        assert_eq!(parse_markdown(EXAMPLE), Ok(example_doc()));
    }

    #[test]
    fn writes_the_documented_example() {
        assert_eq!(to_markdown(&example_doc()), EXAMPLE.replace("VFIOSWy93H0\n", "VFIOSWy93H0 (video)\n"));
    }

    #[test]
    fn windows_line_endings_and_a_bom_are_accepted() {
        let crlf = format!("\u{feff}{}", EXAMPLE.replace('\n', "\r\n"));
        assert_eq!(parse_markdown(&crlf), Ok(example_doc()));
        let e = err("\u{feff}## A\r\n\r\nDuration: soon\r\n");
        assert_eq!(e.line, Some(3));
    }

    #[test]
    fn a_step_without_duration_names_its_heading_line() {
        let e = err("# Rust\n\n## Basics\nDuration: 1 week\n\n\n## Ownership\nSome text\n");
        assert_eq!(e.line, Some(7));
        assert_eq!(e.field.as_deref(), Some("duration"));
        assert_eq!(e.to_string(), "line 7: step \"Ownership\" has no duration; add a line like `Duration: 2 weeks`");
    }

    #[test]
    fn bad_values_name_their_own_line() {
        let e = err("## Ownership\n\nDuration: two weeks\n");
        assert_eq!((e.line, e.field.as_deref()), (Some(3), Some("duration")));
        assert!(e.message.starts_with("step \"Ownership\": duration \"two weeks\""), "{}", e.message);

        let e = err("## A\nDuration: 1 week\nHours per week: lots\n");
        assert_eq!((e.line, e.field.as_deref()), (Some(3), Some("weekly_hours")));
        let e = err("## A\nHours per week: 200 hours per week\nDuration: 1 week\n");
        assert_eq!((e.line, e.field.as_deref()), (Some(2), Some("weekly_hours")));
        assert!(e.message.contains("at most 168"), "{}", e.message);

        let e = err("## A\nDuration: 1 week\n\n- [Notes](file:///home/me/notes.md)\n");
        assert_eq!((e.line, e.field.as_deref()), (Some(4), Some("url")));
        assert!(e.message.contains("http:// or https://"), "{}", e.message);
        let e = err("## A\nDuration: 1 week\n- ftp://files.example.org/rust.pdf\n");
        assert_eq!((e.line, e.field.as_deref()), (Some(3), Some("url")));

        let e = err("## A\nDuration: 1 week\nDuration: 2 weeks\n");
        assert_eq!((e.line, e.field.as_deref()), (Some(3), Some("duration")));
        assert!(e.message.contains("line 2"), "{}", e.message);
    }

    #[test]
    fn an_empty_heading_is_a_step_without_title() {
        let e = err("## A\nDuration: 1 week\n##\nDuration: 1 week\n");
        assert_eq!((e.line, e.field.as_deref()), (Some(3), Some("title")));
    }

    #[test]
    fn no_steps_explains_the_format() {
        for text in ["", "\n\n", "Just some notes.\n- a list\n", "```\n## In code\n```\n"] {
            let e = err(text);
            assert_eq!(e.line, None);
            assert!(e.message.contains("## ") && e.message.contains("Duration: 2 weeks"), "{}", e.message);
        }
    }

    #[test]
    fn limits_are_enforced() {
        let many: String = (0..=MAX_IMPORT_STEPS).map(|i| format!("## S{i}\nDuration: 1 h\n")).collect();
        let e = err(&many);
        assert_eq!(e.line, Some(2 * MAX_IMPORT_STEPS + 1));
        assert!(e.message.contains("2000"), "{}", e.message);
        let at_limit: String = (0..MAX_IMPORT_STEPS).map(|i| format!("## S{i}\nDuration: 1 h\n")).collect();
        assert_eq!(parse_markdown(&at_limit).unwrap().steps.len(), MAX_IMPORT_STEPS);
        let huge = format!("## A\nDuration: 1 h\n{}", "x".repeat(super::super::MAX_IMPORT_BYTES));
        assert_eq!(err(&huge).line, None);
    }

    #[test]
    fn headings_without_a_single_leading_h1_are_all_steps() {
        let doc = parse_markdown("## A\nDuration: 1 h\n### B\nDuration: 2 h\n").unwrap();
        assert_eq!((doc.title, doc.steps.len()), (None, 2));
        let doc = parse_markdown("# A\nDuration: 1 h\n# B\nDuration: 2 h\n").unwrap();
        assert_eq!((doc.title, doc.steps[1].step.title.as_str()), (None, "B"));
        let doc = parse_markdown("## A\nDuration: 1 h\n# B\nDuration: 2 h\n").unwrap();
        assert_eq!((doc.title, doc.steps.len()), (None, 2));
        let doc = parse_markdown("# Only\nDuration: 3 days\n").unwrap();
        assert_eq!((doc.title, doc.steps[0].step.title.as_str()), (None, "Only"));
    }

    #[test]
    fn a_titled_file_makes_every_deeper_heading_a_step_and_ignores_the_preamble() {
        let text =
            "Intro\n# Plan #\nAbout this plan.\nDuration: ignored\n## A ##\nDuration: 1 h\n### B\nDuration: 2 h\n";
        let doc = parse_markdown(text).unwrap();
        assert_eq!(doc.title.as_deref(), Some("Plan"));
        assert_eq!(doc.steps.iter().map(|s| s.step.title.as_str()).collect::<Vec<_>>(), ["A", "B"]);
        assert_eq!(doc.steps[0].step.description, "");
    }

    #[test]
    fn keys_are_case_insensitive_and_may_be_emphasised() {
        let text = "## A\n**DURATION:** 2 weeks\n- *Weekly hours*: 3.5 h\n_Tags_: rust, Rust, cargo\n";
        let s = &parse_markdown(text).unwrap().steps[0].step;
        assert_eq!((s.duration.as_str(), s.weekly_hours), ("2 weeks", Some(3.5)));
        assert_eq!(s.skills, ["rust", "cargo"]);
        let merged = parse_markdown("## A\nDuration: 1 h\nSkills: a\nTags: b\n").unwrap();
        assert_eq!(merged.steps[0].step.skills, ["a", "b"]);
    }

    #[test]
    fn other_lines_and_bullets_form_the_description() {
        let text = "## A\nDuration: 1 h\n\nFirst line\nsecond line   \n\n\n\n- a plain bullet\n- read [this](https://a.org) too\n";
        let s = &parse_markdown(text).unwrap().steps[0].step;
        assert_eq!(s.description, "First line\nsecond line\n\n- a plain bullet\n- read [this](https://a.org) too");
        assert!(s.resources.is_empty());
    }

    #[test]
    fn code_fences_are_description_and_hide_headings() {
        let text = "## A\nDuration: 1 h\n\nExample:\n\n```rust\n## not a step\n\nfn main() {}  \n- [x](ftp://ignored)\n```\nAfter.\n## B\nDuration: 2 h\n";
        let doc = parse_markdown(text).unwrap();
        assert_eq!(doc.steps.len(), 2);
        assert_eq!(
            doc.steps[0].step.description,
            "Example:\n\n```rust\n## not a step\n\nfn main() {}  \n- [x](ftp://ignored)\n```\nAfter."
        );
    }

    #[test]
    fn bare_addresses_and_trailing_words() {
        let text = "## A\nDuration: 1 h\n- https://a.org/guide\n- <https://b.org> Guide to B\n\
                    - [C](https://c.org) — the classic (tutorial)\n- [](https://d.org)\n";
        let r = &parse_markdown(text).unwrap().steps[0].step.resources;
        assert_eq!(r[0], res("https://a.org/guide", "https://a.org/guide", Article));
        assert_eq!(r[1], res("Guide to B", "https://b.org", Article));
        assert_eq!(r[2], res("C — the classic", "https://c.org", Tutorial));
        assert_eq!(r[3], res("https://d.org", "https://d.org", Article));
    }

    #[test]
    fn kinds_are_guessed_unless_given() {
        for (title, url, kind) in [
            ("Talk", "https://www.youtube.com/watch?v=1", Video),
            ("Talk", "https://youtu.be/1", Video),
            ("Talk", "https://vimeo.com/1", Video),
            ("Rust", "https://www.coursera.org/learn/rust", Course),
            ("Rust", "https://www.udemy.com/x", Course),
            ("Rust", "https://www.edx.org/x", Course),
            ("Crash Course", "https://a.org", Course),
            ("Rust", "https://a.org/courses/rust", Course),
            ("The Rust Book", "https://a.org", Book),
            ("Rust", "https://www.oreilly.com/library/x", Book),
            ("Rust", "https://www.manning.com/books/x", Book),
            ("Rust", "https://nostarch.com/rust", Book),
            ("A tutorial", "https://a.org", Tutorial),
            ("Guide", "https://a.org/tutorial/1", Tutorial),
            ("Facebook post", "https://a.org/?ref=youtube.com", Article),
        ] {
            assert_eq!(guess_kind(title, url), kind, "{title} {url}");
        }
        let text = "## A\nDuration: 1 h\n- [Talk](https://youtu.be/1) (ARTICLE)\n- [Notes](https://a.org)\n";
        let r = &parse_markdown(text).unwrap().steps[0].step.resources;
        assert_eq!((r[0].kind, r[1].kind), (Article, Article));
    }

    #[test]
    fn structural_description_lines_are_escaped_on_export() {
        let description = "## Not a step\nDuration: not a key\n- [Not](https://a.org) a resource\n```\n\\LaTeX stays";
        let step = StepInput { description: description.into(), ..step("C#", "1 h") };
        let doc = RoadmapDoc { steps: vec![step.into()], ..Default::default() };
        let text = to_markdown(&doc);
        assert!(text.starts_with("## C# #\n"), "{text}");
        assert!(text.contains("\\## Not a step\n\\Duration: not a key\n\\- [Not]"), "{text}");
        assert!(text.contains("\n\\```\n\\LaTeX stays\n"), "{text}");
        assert_eq!(parse_markdown(&text), Ok(doc));
    }
}
