//! Built-in roadmap templates: a sound starting point for common goals, which the
//! learner then edits freely.

use crate::roadmap::{Resource, ResourceKind, StepInput};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A built-in roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Template {
    /// Stable machine name, e.g. `rust`.
    pub name: String,
    /// What the learner sees, e.g. "Learn Rust".
    pub title: String,
    /// One sentence on what it covers.
    pub description: String,
    /// Suggested goal category.
    pub category: String,
    /// The steps in order.
    pub steps: Vec<StepInput>,
}

type R = (&'static str, &'static str, ResourceKind);

fn step(title: &str, duration: &str, description: &str, skills: &[&str], resources: &[R]) -> StepInput {
    StepInput {
        title: title.into(),
        description: description.into(),
        duration: duration.into(),
        weekly_hours: None,
        skills: skills.iter().map(|s| s.to_string()).collect(),
        resources: resources
            .iter()
            .map(|(t, u, k)| Resource { title: t.to_string(), url: u.to_string(), kind: *k })
            .collect(),
    }
}

fn template(name: &str, title: &str, category: &str, description: &str, steps: Vec<StepInput>) -> Template {
    Template {
        name: name.into(),
        title: title.into(),
        description: description.into(),
        category: category.into(),
        steps,
    }
}

use ResourceKind::{Article, Book, Course, Tutorial, Video};

/// All built-in templates, in display order.
pub fn templates() -> Vec<Template> {
    vec![
        template(
            "rust",
            "Learn Rust",
            "Programming",
            "From first program to confident, idiomatic Rust.",
            vec![
                step(
                    "Set up and first programs",
                    "3 days",
                    "Install rustup, write and run small programs with cargo.",
                    &["cargo", "tooling"],
                    &[(
                        "The Rust Book: Getting Started",
                        "https://doc.rust-lang.org/book/ch01-00-getting-started.html",
                        Book,
                    )],
                ),
                step(
                    "Ownership and borrowing",
                    "2 weeks",
                    "Moves, borrows, lifetimes: the heart of Rust.",
                    &["ownership", "borrowing"],
                    &[
                        (
                            "The Rust Book: Ownership",
                            "https://doc.rust-lang.org/book/ch04-00-understanding-ownership.html",
                            Book,
                        ),
                        (
                            "Rust by Example: Scoping rules",
                            "https://doc.rust-lang.org/rust-by-example/scope.html",
                            Tutorial,
                        ),
                    ],
                ),
                step(
                    "Structs, enums and pattern matching",
                    "1 week",
                    "Model data with types and match on it.",
                    &["types", "pattern matching"],
                    &[("The Rust Book: Enums", "https://doc.rust-lang.org/book/ch06-00-enums.html", Book)],
                ),
                step(
                    "Error handling",
                    "1 week",
                    "Result, Option, the ? operator and error types.",
                    &["errors"],
                    &[(
                        "The Rust Book: Error Handling",
                        "https://doc.rust-lang.org/book/ch09-00-error-handling.html",
                        Book,
                    )],
                ),
                step(
                    "Traits and generics",
                    "2 weeks",
                    "Shared behaviour, generic code and trait objects.",
                    &["traits", "generics"],
                    &[(
                        "The Rust Book: Generic Types, Traits, and Lifetimes",
                        "https://doc.rust-lang.org/book/ch10-00-generics.html",
                        Book,
                    )],
                ),
                step(
                    "Collections and iterators",
                    "1 week",
                    "Vec, HashMap, iterator adaptors and closures.",
                    &["iterators", "closures"],
                    &[(
                        "Rust by Example: Iterators",
                        "https://doc.rust-lang.org/rust-by-example/trait/iter.html",
                        Tutorial,
                    )],
                ),
                step(
                    "Concurrency and async",
                    "2-3 weeks",
                    "Threads, channels, Send/Sync, async/await with tokio.",
                    &["concurrency", "async"],
                    &[("Tokio tutorial", "https://tokio.rs/tokio/tutorial", Tutorial)],
                ),
                step(
                    "Build a project",
                    "3-4 weeks",
                    "A command-line tool or small service, tested and documented.",
                    &["project"],
                    &[("Command Line Applications in Rust", "https://rust-cli.github.io/book/", Book)],
                ),
            ],
        ),
        template(
            "web-frontend",
            "Web Frontend Development",
            "Programming",
            "HTML, CSS and JavaScript up to a component framework.",
            vec![
                step(
                    "HTML and accessibility basics",
                    "1 week",
                    "Semantic markup, forms, landmarks and labels.",
                    &["html", "accessibility"],
                    &[(
                        "MDN: HTML basics",
                        "https://developer.mozilla.org/en-US/docs/Learn/Getting_started_with_the_web/HTML_basics",
                        Tutorial,
                    )],
                ),
                step(
                    "CSS layout",
                    "2 weeks",
                    "Box model, flexbox, grid and responsive design.",
                    &["css", "layout"],
                    &[("MDN: CSS layout", "https://developer.mozilla.org/en-US/docs/Learn/CSS/CSS_layout", Tutorial)],
                ),
                step(
                    "JavaScript fundamentals",
                    "3 weeks",
                    "Values, functions, objects, modules and the DOM.",
                    &["javascript"],
                    &[("javascript.info", "https://javascript.info/", Book)],
                ),
                step(
                    "Asynchronous JavaScript",
                    "1 week",
                    "Promises, async/await and fetch.",
                    &["async", "fetch"],
                    &[(
                        "MDN: Asynchronous JavaScript",
                        "https://developer.mozilla.org/en-US/docs/Learn/JavaScript/Asynchronous",
                        Tutorial,
                    )],
                ),
                step(
                    "TypeScript",
                    "2 weeks",
                    "Types for JavaScript: interfaces, unions, generics.",
                    &["typescript"],
                    &[("The TypeScript Handbook", "https://www.typescriptlang.org/docs/handbook/intro.html", Book)],
                ),
                step(
                    "A component framework",
                    "3-4 weeks",
                    "Components, state and routing with Svelte or React.",
                    &["components", "state"],
                    &[("Svelte tutorial", "https://svelte.dev/tutorial", Tutorial)],
                ),
                step(
                    "Ship a portfolio site",
                    "2 weeks",
                    "Build, test and deploy a small site of your own.",
                    &["project", "deployment"],
                    &[],
                ),
            ],
        ),
        template(
            "dsa",
            "Data Structures & Algorithms",
            "Computer Science",
            "The classic toolbox, practised on problems.",
            vec![
                step(
                    "Complexity and arrays",
                    "1 week",
                    "Big-O, arrays, two pointers, prefix sums.",
                    &["big-o", "arrays"],
                    &[("Big-O cheat sheet", "https://www.bigocheatsheet.com/", Article)],
                ),
                step(
                    "Linked lists, stacks and queues",
                    "1 week",
                    "Pointer structures and their classic uses.",
                    &["linked lists", "stacks"],
                    &[],
                ),
                step("Hashing", "1 week", "Hash maps and sets, collisions, common patterns.", &["hashing"], &[]),
                step(
                    "Trees and binary search",
                    "2 weeks",
                    "BSTs, traversals, heaps and binary search.",
                    &["trees", "heaps"],
                    &[("Visualgo", "https://visualgo.net/en", Tutorial)],
                ),
                step("Graphs", "2 weeks", "BFS, DFS, shortest paths, topological sort.", &["graphs"], &[]),
                step(
                    "Dynamic programming",
                    "2-3 weeks",
                    "Overlapping subproblems, memoisation, tabulation.",
                    &["dynamic programming"],
                    &[(
                        "MIT 6.006 Introduction to Algorithms",
                        "https://ocw.mit.edu/courses/6-006-introduction-to-algorithms-spring-2020/",
                        Course,
                    )],
                ),
                step("Mixed practice", "3 weeks", "Timed problems across all topics.", &["practice"], &[]),
            ],
        ),
        template(
            "spanish",
            "Spanish (A1 to B1)",
            "Languages",
            "Speak, read and understand everyday Spanish.",
            vec![
                step(
                    "Pronunciation and survival phrases",
                    "1 week",
                    "Sounds, greetings, numbers, ordering and asking.",
                    &["pronunciation"],
                    &[],
                ),
                step(
                    "Present tense and core vocabulary",
                    "3 weeks",
                    "Regular and key irregular verbs; 500 common words.",
                    &["grammar", "vocabulary"],
                    &[("SpanishDict grammar", "https://www.spanishdict.com/guide", Article)],
                ),
                step("Past tenses", "1-2 months", "Preterite and imperfect: telling stories.", &["grammar"], &[]),
                step(
                    "Listening practice",
                    "1 month",
                    "Podcasts and video at learner speed.",
                    &["listening"],
                    &[("Dreaming Spanish", "https://www.dreamingspanish.com/", Video)],
                ),
                step(
                    "Conversation",
                    "1-2 months",
                    "Weekly conversation sessions; describe, ask, argue.",
                    &["speaking"],
                    &[],
                ),
                step("Reading graded stories", "3 weeks", "Graded readers and short news articles.", &["reading"], &[]),
            ],
        ),
        template(
            "interview-prep",
            "Software Interview Preparation",
            "Career",
            "Coding, system design and behavioural rounds.",
            vec![
                step(
                    "Plan and baseline",
                    "2 days",
                    "Pick target roles, take a timed baseline problem set.",
                    &["planning"],
                    &[],
                ),
                step(
                    "Coding patterns",
                    "3 weeks",
                    "Sliding window, two pointers, BFS/DFS, backtracking, DP.",
                    &["algorithms"],
                    &[("NeetCode roadmap", "https://neetcode.io/roadmap", Course)],
                ),
                step(
                    "System design fundamentals",
                    "2 weeks",
                    "Scaling, caching, queues, storage and trade-offs.",
                    &["system design"],
                    &[("System Design Primer", "https://github.com/donnemartin/system-design-primer", Article)],
                ),
                step(
                    "Behavioural stories",
                    "1 week",
                    "Write and rehearse STAR stories for common questions.",
                    &["communication"],
                    &[],
                ),
                step(
                    "Mock interviews",
                    "2 weeks",
                    "Timed mocks with feedback; fix the weakest area.",
                    &["practice"],
                    &[],
                ),
                step("Final review", "45 min", "Skim notes the day before; rest.", &["review"], &[]),
            ],
        ),
    ]
}

/// The template with this machine name.
pub fn template_named(name: &str) -> Option<Template> {
    templates().into_iter().find(|t| t.name == name.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_at_least_five_valid_templates() {
        let all = templates();
        assert!(all.len() >= 5);
        for t in &all {
            assert!(!t.steps.is_empty(), "{}", t.name);
            for s in &t.steps {
                s.clone().validate().unwrap_or_else(|e| panic!("{} / {}: {e}", t.name, s.title));
            }
        }
        let mut names: Vec<&str> = all.iter().map(|t| t.name.as_str()).collect();
        names.dedup();
        assert_eq!(names.len(), all.len());
        assert!(template_named("rust").is_some());
        assert!(template_named("klingon").is_none());
    }
}
