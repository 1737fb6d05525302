//! The placeholders of the prompt files: `{{name}}` is replaced by a value, and
//! `{{#name}}…{{/name}}` keeps its text only when `name` has a non-blank value.
//! Values are inserted as they are, never read as placeholders themselves, so
//! a learner's text cannot change the prompt around it.

/// Fills `template` with `values`. A placeholder without a value is left as it
/// is (the tests of the prompt files check that none is).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let value = |name: &str| values.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = after[..close].trim();
        rest = &after[close + 2..];
        if let Some(section) = name.strip_prefix('#') {
            let end_tag = format!("{{{{/{section}}}}}");
            let (inner, tail) = rest.split_once(end_tag.as_str()).unwrap_or((rest, ""));
            if value(section).is_some_and(|v| !v.trim().is_empty()) {
                out.push_str(&fill(inner, values));
            }
            rest = tail;
        } else {
            match value(name) {
                Some(v) => out.push_str(v),
                None => out.push_str(&format!("{{{{{name}}}}}")),
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholder names `template` uses (sections included), in order.
#[cfg(test)]
pub fn placeholders(template: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else { break };
        let name = after[..close].trim().trim_start_matches(['#', '/']).to_string();
        if !names.contains(&name) {
            names.push(name);
        }
        rest = &after[close + 2..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_replace_placeholders() {
        assert_eq!(fill("Goal: {{title}} ({{hours}} h)", &[("title", "Rust"), ("hours", "5")]), "Goal: Rust (5 h)");
    }

    #[test]
    fn sections_show_only_with_a_value() {
        let t = "A{{#note}}\nNote: {{note}}{{/note}}\nB";
        assert_eq!(fill(t, &[("note", "more practice")]), "A\nNote: more practice\nB");
        assert_eq!(fill(t, &[("note", "  ")]), "A\nB");
        assert_eq!(fill(t, &[]), "A\nB");
    }

    #[test]
    fn values_are_not_read_as_placeholders() {
        assert_eq!(fill("{{a}}", &[("a", "{{b}}"), ("b", "x")]), "{{b}}");
    }

    #[test]
    fn unknown_placeholders_stay_and_are_listed() {
        assert_eq!(fill("x {{nope}} y {{", &[]), "x {{nope}} y {{");
        assert_eq!(placeholders("{{#a}}{{a}}{{/a}} {{b}}"), ["a", "b"]);
    }
}
