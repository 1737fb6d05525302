//! Line-level Markdown recognisers shared by the roadmap reader and writer, so
//! the writer escapes exactly the lines the reader would otherwise misread.

/// Spaces of indentation a heading or fence may have; more makes it code.
const MAX_INDENT: usize = 3;

/// Characters that mark emphasis around a key (`**Duration:**`, `*Skills*:`).
const EMPHASIS: [char; 2] = ['*', '_'];

/// A key line of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Key {
    /// `Duration:`.
    Duration,
    /// `Hours per week:` or `Weekly hours:`.
    WeeklyHours,
    /// `Skills:` or `Tags:`.
    Skills,
    /// `Question:`: starts a question under the step.
    Question,
    /// `Answer:`: a true/false question's answer, or a short answer.
    Answer,
    /// `Accepted:`: a short-answer question's accepted answers.
    Accepted,
    /// `Back:`: a recall card's answer.
    Back,
    /// `Explanation:`: shown after a question is answered.
    Explanation,
}

/// A key line of the roadmap's header, between its title and its first step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HeaderKey {
    /// `Name:`: a short machine name, such as a built-in template's.
    Name,
    /// `Category:`.
    Category,
    /// `Description:`.
    Description,
}

/// An open fenced code block: its character and how many of them opened it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Fence {
    ch: char,
    len: usize,
}

/// A link found at the start of a bullet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Link<'a> {
    /// The link text, unescaped; empty for a bare address.
    pub text: String,
    /// The address, unescaped.
    pub url: String,
    /// Whatever follows the link on the line.
    pub rest: &'a str,
}

fn unindent(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches(' ');
    (line.len() - rest.len() <= MAX_INDENT).then_some(rest)
}

/// An ATX heading: its level (1–6) and its text without a closing `#` run.
pub(super) fn heading(line: &str) -> Option<(usize, &str)> {
    let rest = unindent(line)?;
    let level = rest.len() - rest.trim_start_matches('#').len();
    let after = &rest[level..];
    if !(1..=6).contains(&level) || !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let text = after.trim();
    let open = text.trim_end_matches('#');
    let text = if open.is_empty() {
        open
    } else if open.ends_with([' ', '\t']) {
        open.trim_end()
    } else {
        text
    };
    Some((level, text))
}

/// The fence a line opens, if it opens one.
pub(super) fn fence_open(line: &str) -> Option<Fence> {
    let rest = unindent(line)?;
    let ch = rest.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let len = rest.len() - rest.trim_start_matches(ch).len();
    (len >= 3 && !(ch == '`' && rest[len..].contains('`'))).then_some(Fence { ch, len })
}

impl Fence {
    /// Whether `line` closes this fence.
    pub(super) fn closed_by(self, line: &str) -> bool {
        let Some(rest) = unindent(line) else { return false };
        let run = rest.len() - rest.trim_start_matches(self.ch).len();
        run >= self.len && rest[run..].trim().is_empty()
    }
}

/// The content of a list item (`- x`, `* x`, `+ x`, `1. x`, `1) x`), trimmed.
pub(super) fn list_item(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let after = match t.strip_prefix(['-', '*', '+']) {
        Some(after) => after,
        None => {
            let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if !(1..=9).contains(&digits) {
                return None;
            }
            t[digits..].strip_prefix(['.', ')'])?
        }
    };
    after.starts_with([' ', '\t']).then(|| after.trim())
}

/// A key line of a step (`Duration: 2 weeks`, `**Skills:** a, b`) and its value.
pub(super) fn key_line(line: &str) -> Option<(Key, &str)> {
    keyed(line, |name| match name {
        "duration" => Some(Key::Duration),
        "hours per week" | "weekly hours" | "hours a week" | "hours/week" => Some(Key::WeeklyHours),
        "skills" | "tags" => Some(Key::Skills),
        "question" => Some(Key::Question),
        "answer" => Some(Key::Answer),
        "accepted" | "accepted answers" => Some(Key::Accepted),
        "back" => Some(Key::Back),
        "explanation" => Some(Key::Explanation),
        _ => None,
    })
}

/// A key line of the roadmap's header (`Category: Programming`) and its value.
pub(super) fn header_line(line: &str) -> Option<(HeaderKey, &str)> {
    keyed(line, |name| match name {
        "name" => Some(HeaderKey::Name),
        "category" => Some(HeaderKey::Category),
        "description" => Some(HeaderKey::Description),
        _ => None,
    })
}

/// A line `Key: value`, its key known to `name` (given in lower case), with
/// emphasis and a bullet around the key allowed.
fn keyed<K>(line: &str, name: impl Fn(&str) -> Option<K>) -> Option<(K, &str)> {
    let t = line.trim();
    let t = list_item(t).unwrap_or(t);
    let body = t.trim_start_matches(EMPHASIS);
    let emphasised = body.len() < t.len();
    let (key_raw, value) = body.split_once(':')?;
    let key_trimmed = key_raw.trim_end();
    let key_text = key_trimmed.trim_end_matches(EMPHASIS);
    let key = name(key_text.trim().to_lowercase().as_str())?;
    let value = if !emphasised || key_text.len() < key_trimmed.len() {
        value
    } else if value.starts_with(EMPHASIS) {
        value.trim_start_matches(EMPHASIS)
    } else {
        value.trim_end_matches(EMPHASIS)
    };
    Some((key, value.trim()))
}

/// A choice of a multiple-choice question, `- [x] right` or `- [ ] wrong`:
/// whether it is the right one, and its text.
pub(super) fn choice(line: &str) -> Option<(bool, &str)> {
    let item = list_item(line)?;
    let (mark, text) = (item.get(..3)?, &item[3..]);
    let correct = match mark {
        "[ ]" => false,
        "[x]" | "[X]" => true,
        _ => return None,
    };
    (text.is_empty() || text.starts_with([' ', '\t'])).then(|| (correct, text.trim()))
}

/// A bullet that starts with a link: `- [Title](url) …`, `- <url> …` or `- url …`.
pub(super) fn resource(line: &str) -> Option<Link<'_>> {
    let item = list_item(line)?;
    if item.starts_with('[') {
        return markdown_link(item);
    }
    if let Some(inner) = item.strip_prefix('<') {
        let (url, rest) = inner.split_once('>')?;
        return has_scheme(url).then(|| Link { text: String::new(), url: url.trim().to_string(), rest });
    }
    has_scheme(item).then(|| {
        let end = item.find(char::is_whitespace).unwrap_or(item.len());
        Link { text: String::new(), url: item[..end].to_string(), rest: &item[end..] }
    })
}

fn has_scheme(s: &str) -> bool {
    let Some((scheme, _)) = s.split_once("://") else { return false };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
}

fn markdown_link(item: &str) -> Option<Link<'_>> {
    let mut depth = 0usize;
    let mut close = None;
    let mut chars = item.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    let (url, rest) = destination(item[close + 1..].strip_prefix('(')?)?;
    Some(Link { text: unescape(&item[1..close]), url, rest })
}

fn destination(s: &str) -> Option<(String, &str)> {
    let s = s.trim_start();
    let (raw, rest) = match s.strip_prefix('<') {
        Some(inner) => inner.split_once('>')?,
        None => {
            let mut depth = 0usize;
            let mut end = None;
            let mut chars = s.char_indices();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '(' => depth += 1,
                    ')' if depth > 0 => depth -= 1,
                    c if c == ')' || c.is_whitespace() => {
                        end = Some(i);
                        break;
                    }
                    _ => {}
                }
            }
            s.split_at(end?)
        }
    };
    let rest = rest.trim_start();
    let rest = match rest.chars().next() {
        Some(q @ ('"' | '\'')) => rest[1..].split_once(q)?.1.trim_start(),
        _ => rest,
    };
    Some((unescape(raw), rest.strip_prefix(')')?))
}

/// Removes Markdown backslash escapes (`\` before ASCII punctuation).
pub(super) fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&next) if c == '\\' && next.is_ascii_punctuation() => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// Escapes `\`, `[` and `]` for link text.
pub(super) fn escape_link_text(s: &str) -> String {
    escape_chars(s, &['\\', '[', ']'])
}

/// An address as a link destination: as is when the reader takes it back
/// unchanged, with `\`, `(` and `)` escaped otherwise.
pub(super) fn link_destination(url: &str) -> String {
    if !url.contains('\\') && balanced(url) { url.to_string() } else { escape_chars(url, &['\\', '(', ')']) }
}

fn balanced(s: &str) -> bool {
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ => {}
        }
    }
    depth == 0
}

/// Splits a `Skills:` value at commas not escaped with `\`.
pub(super) fn split_skills(value: &str) -> Vec<String> {
    let mut skills = vec![String::new()];
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(&next)) if matches!(next, '\\' | ',') => {
                skills.last_mut().expect("never empty").push(next);
                chars.next();
            }
            (',', _) => skills.push(String::new()),
            _ => skills.last_mut().expect("never empty").push(c),
        }
    }
    skills
}

/// Escapes `\` and `,` in a skill for a `Skills:` line.
pub(super) fn escape_skill(skill: &str) -> String {
    escape_chars(skill, &['\\', ','])
}

fn escape_chars(s: &str, special: &[char]) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if special.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether the reader takes `line` (outside a code block) as anything but
/// description text. Backslashes among the leading blanks escape, and any number
/// of them counts as one: the reader drops one from an escaped line and gets the
/// text back, which is just as structural, so writing it again escapes it again.
pub(super) fn is_structural(line: &str) -> bool {
    let rest = line.trim_start_matches(|c: char| c.is_whitespace() || c == '\\');
    let lead = &line[..line.len() - rest.len()];
    if !lead.contains('\\') {
        return heading(line).is_some()
            || fence_open(line).is_some()
            || key_line(line).is_some()
            || resource(line).is_some()
            || choice(line).is_some();
    }
    let unescaped: String = lead.chars().filter(|c| *c != '\\').chain(rest.chars()).collect();
    is_structural(&unescaped)
}

/// The description text of an escaped line (`\## Not a step` → `## Not a step`).
pub(super) fn unescape_line(line: &str) -> Option<String> {
    let body = line.trim_start();
    let rest = body.strip_prefix('\\')?;
    is_structural(line).then(|| format!("{}{rest}", &line[..line.len() - body.len()]))
}

/// Escapes a description line so the reader takes it as text.
pub(super) fn escape_line(line: &str) -> String {
    let body = line.trim_start();
    format!("{}\\{body}", &line[..line.len() - body.len()])
}

/// A text on one line: its lines trimmed and joined with spaces.
pub(super) fn one_line(text: &str) -> String {
    text.lines().map(str::trim).collect::<Vec<_>>().join(" ")
}

/// Appends `line` and a line break.
pub(super) fn push_line(out: &mut String, line: &str) {
    out.push_str(line);
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_follow_atx_rules() {
        assert_eq!(heading("# Title"), Some((1, "Title")));
        assert_eq!(heading("   ### Deep ###"), Some((3, "Deep")));
        assert_eq!(heading("## C#"), Some((2, "C#")));
        assert_eq!(heading("## C# #"), Some((2, "C#")));
        assert_eq!(heading("##"), Some((2, "")));
        assert_eq!(heading("#hashtag"), None);
        assert_eq!(heading("    # code"), None);
        assert_eq!(heading("####### seven"), None);
    }

    #[test]
    fn fences_open_and_close() {
        let f = fence_open("````rust").unwrap();
        assert!(!f.closed_by("```"));
        assert!(f.closed_by("`````  "));
        assert!(!f.closed_by("~~~~"));
        assert_eq!(fence_open("``"), None);
        assert_eq!(fence_open("```a`b"), None);
        assert!(fence_open("~~~ `ok`").is_some());
    }

    #[test]
    fn key_lines_tolerate_emphasis_and_bullets() {
        for line in [
            "Duration: 2 weeks",
            "duration:2 weeks",
            "**Duration:** 2 weeks",
            "**Duration**: 2 weeks",
            "*Duration*: 2 weeks",
            "- Duration: 2 weeks",
            "* **Duration:** 2 weeks",
            "**Duration: 2 weeks**",
            "_Duration_ : 2 weeks",
        ] {
            assert_eq!(key_line(line), Some((Key::Duration, "2 weeks")), "{line}");
        }
        assert_eq!(key_line("Weekly hours: 4"), Some((Key::WeeklyHours, "4")));
        assert_eq!(key_line("Tags: a, b"), Some((Key::Skills, "a, b")));
        assert_eq!(key_line("Skills: *nix"), Some((Key::Skills, "*nix")));
        assert_eq!(key_line("Question: Why *this*?"), Some((Key::Question, "Why *this*?")));
        assert_eq!(key_line("- **Back:** `Box<T>`"), Some((Key::Back, "`Box<T>`")));
        assert_eq!(header_line("**Category:** Programming"), Some((HeaderKey::Category, "Programming")));
        assert_eq!(key_line("Category: Programming"), None);
        assert_eq!(key_line("Durations: 2 weeks"), None);
        assert_eq!(key_line("Read the duration: carefully"), None);
    }

    #[test]
    fn resources_are_links_at_the_start_of_bullets() {
        let l = resource("- [The \\[Rust\\] Book](https://doc.rust-lang.org/book/) (book)").unwrap();
        assert_eq!(
            (l.text.as_str(), l.url.as_str(), l.rest),
            ("The [Rust] Book", "https://doc.rust-lang.org/book/", " (book)")
        );
        let l = resource("1. [Wiki](https://en.wikipedia.org/wiki/Rust_(programming_language) \"t\")").unwrap();
        assert_eq!(l.url, "https://en.wikipedia.org/wiki/Rust_(programming_language)");
        assert_eq!(resource("* <https://a.org/x> notes").unwrap().url, "https://a.org/x");
        let bare = resource("+ https://a.org great").unwrap();
        assert_eq!((bare.url.as_str(), bare.rest), ("https://a.org", " great"));
        assert_eq!(resource("- [x](ftp://a.org)").unwrap().url, "ftp://a.org");
        for text in
            ["- [ ] todo", "- read [this](https://a.org)", "[x](https://a.org)", "- see https://a.org", "- [x](a"]
        {
            assert_eq!(resource(text), None, "{text}");
        }
    }

    #[test]
    fn choices_are_task_list_bullets() {
        assert_eq!(choice("- [x] cargo new hello"), Some((true, "cargo new hello")));
        assert_eq!(choice("* [X] Yes"), Some((true, "Yes")));
        assert_eq!(choice("1. [ ]  `O(n)` "), Some((false, "`O(n)`")));
        for text in ["- [x](https://a.org)", "- [y] no", "[x] no bullet", "- [ ]x"] {
            assert_eq!(choice(text), None, "{text}");
        }
        assert!(is_structural("- [ ] a todo") && is_structural("Explanation: x"));
    }

    #[test]
    fn destinations_escape_only_when_needed() {
        assert_eq!(link_destination("https://a.org/x_(y)"), "https://a.org/x_(y)");
        assert_eq!(link_destination("https://a.org/x)"), "https://a.org/x\\)");
        assert_eq!(link_destination("https://a.org/\\"), "https://a.org/\\\\");
        let line = format!("- [t]({})", link_destination("https://a.org/)(\\"));
        assert_eq!(resource(&line).unwrap().url, "https://a.org/)(\\");
    }

    #[test]
    fn skills_split_at_unescaped_commas() {
        assert_eq!(split_skills("a, b\\, c,d\\\\"), vec!["a", " b, c", "d\\"]);
        assert_eq!(split_skills(&escape_skill("x,\\y")), vec!["x,\\y"]);
    }

    #[test]
    fn escaped_lines_read_back_as_text() {
        for line in ["## x", "Duration: 1 week", "- [a](https://a.org)", "```", "\\# y", "  - https://a.org"] {
            assert!(is_structural(line), "{line}");
            let escaped = escape_line(line);
            assert_eq!(unescape_line(&escaped).as_deref(), Some(line), "{line}");
        }
        assert!(!is_structural("\\LaTeX"));
        for line in ["\\ \\## x", " \\\\ ## x", "\\\\\\- https://a.org"] {
            assert!(is_structural(line), "{line}");
            assert!(is_structural(&unescape_line(line).unwrap()), "{line}");
            assert_eq!(unescape_line(&escape_line(line)).as_deref(), Some(line));
        }
        assert!(!is_structural("\\    ## x"));
        assert!(!is_structural(&format!("{}## x", "\\ ".repeat(1_000_000))));
        let deep = format!("{}## x", "\\".repeat(1_000_000));
        assert!(is_structural(&deep));
        assert_eq!(unescape_line(&deep).map(|l| l.len()), Some(deep.len() - 1));
        assert!(!is_structural("- plain bullet"));
    }
}
