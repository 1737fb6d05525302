//! The context budget: what is sent to the model is bounded by an estimate of
//! its tokens ([`CHARS_PER_TOKEN`] characters each). When the learner's fields
//! do not fit, the lowest-priority ones are shortened first, each cut at a
//! character boundary and marked with `…`, and the names of the shortened
//! fields are reported so the preview can say so.

use crate::config::CHARS_PER_TOKEN;

/// One field of the context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The placeholder it fills.
    pub name: &'static str,
    /// Its text.
    pub value: String,
    /// Higher is kept longer.
    pub priority: u8,
}

impl Field {
    /// A field of `priority`.
    pub fn new(name: &'static str, value: impl Into<String>, priority: u8) -> Self {
        Self { name, value: value.into(), priority }
    }
}

/// The estimated tokens of `text`.
#[cfg(test)]
pub fn tokens(text: &str) -> usize {
    text.chars().count().div_ceil(CHARS_PER_TOKEN)
}

/// Shortens `fields` so that they and `fixed_chars` of fixed text fit in
/// `budget_tokens`; returns the names of the fields shortened.
pub fn fit(fixed_chars: usize, fields: &mut [Field], budget_tokens: usize) -> Vec<&'static str> {
    let budget = budget_tokens * CHARS_PER_TOKEN;
    let mut shortened = Vec::new();
    let mut order: Vec<usize> = (0..fields.len()).collect();
    order.sort_by_key(|&i| fields[i].priority);
    for i in order {
        let total = fixed_chars + fields.iter().map(|f| f.value.chars().count()).sum::<usize>();
        if total <= budget {
            break;
        }
        let field = &mut fields[i];
        let len = field.value.chars().count();
        if len == 0 {
            continue;
        }
        let keep = len.saturating_sub(total - budget + 1);
        field.value = if keep == 0 {
            String::new()
        } else {
            let cut: String = field.value.chars().take(keep).collect();
            format!("{}…", cut.trim_end())
        };
        shortened.push(field.name);
    }
    shortened
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> Vec<Field> {
        vec![
            Field::new("title", "Learn Rust", 9),
            Field::new("known", "k".repeat(400), 1),
            Field::new("description", "d".repeat(400), 5),
        ]
    }

    fn chars(fields: &[Field]) -> usize {
        fields.iter().map(|f| f.value.chars().count()).sum()
    }

    #[test]
    fn what_fits_is_left_alone() {
        let mut f = fields();
        assert!(fit(100, &mut f, 1000).is_empty());
        assert_eq!(f, fields());
    }

    #[test]
    fn the_lowest_priority_is_cut_first() {
        let mut f = fields();
        let shortened = fit(100, &mut f, 200);
        assert_eq!(shortened, ["known"]);
        assert!(100 + chars(&f) <= 800);
        assert!(f[1].value.ends_with('…'));
        assert_eq!(f[2].value.len(), 400);
    }

    #[test]
    fn several_fields_go_when_one_is_not_enough() {
        let mut f = fields();
        let shortened = fit(100, &mut f, 60);
        assert_eq!(shortened, ["known", "description"]);
        assert!(f[1].value.is_empty());
        assert!(100 + chars(&f) <= 240);
        assert_eq!(f[0].value, "Learn Rust");
    }

    #[test]
    fn cuts_fall_on_character_boundaries() {
        let mut f = vec![Field::new("known", "é".repeat(100), 1)];
        fit(0, &mut f, 10);
        assert!(f[0].value.chars().count() <= 40);
        assert_eq!(tokens("abcde"), 2);
    }
}
