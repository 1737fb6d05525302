//! A starter question bank for the built-in roadmap templates.
//!
//! The daily test only asks questions tied to a step, and a learner who has just
//! started from a template has written none yet, so their first tests would be
//! empty. These questions fill that gap: four per step of every template in
//! [`crate::templates::templates`], one of each kind (multiple choice, true or
//! false, short answer, recall card), each with a short explanation. The learner
//! can edit or delete them like their own.

use crate::question::{Choice, QuestionBody, QuestionInput};

/// Starter questions for step `step_index` (counting from 0) of the built-in
/// template named `template` (e.g. `rust`), in the order they should be added.
///
/// Each step gets one question of every kind, each with an explanation. The
/// questions name no step or task: the app attaches them to the step it creates.
/// An unknown template or a step index past the template's last step gives an
/// empty list.
pub fn starter_questions(template: &str, step_index: usize) -> Vec<QuestionInput> {
    match template.trim() {
        "rust" => rust(step_index),
        "web-frontend" => web_frontend(step_index),
        "dsa" => dsa(step_index),
        "spanish" => spanish(step_index),
        "interview-prep" => interview_prep(step_index),
        _ => Vec::new(),
    }
}

fn question(prompt: &str, body: QuestionBody, explanation: &str) -> QuestionInput {
    QuestionInput {
        prompt: prompt.into(),
        body,
        explanation: explanation.into(),
        tags: Vec::new(),
        step_id: None,
        task_id: None,
    }
}

/// Multiple choice; `correct` is the index of the right choice.
fn mc(prompt: &str, choices: &[&str], correct: usize, explanation: &str) -> QuestionInput {
    let choices = choices.iter().enumerate().map(|(i, t)| Choice { text: t.to_string(), correct: i == correct });
    question(prompt, QuestionBody::MultipleChoice { choices: choices.collect() }, explanation)
}

fn tf(prompt: &str, answer: bool, explanation: &str) -> QuestionInput {
    question(prompt, QuestionBody::TrueFalse { answer }, explanation)
}

fn short(prompt: &str, accepted: &[&str], explanation: &str) -> QuestionInput {
    question(
        prompt,
        QuestionBody::ShortAnswer { accepted: accepted.iter().map(|a| a.to_string()).collect() },
        explanation,
    )
}

fn recall(prompt: &str, back: &str, explanation: &str) -> QuestionInput {
    question(prompt, QuestionBody::Recall { back: back.into() }, explanation)
}

fn rust(step: usize) -> Vec<QuestionInput> {
    match step {
        // Set up and first programs
        0 => vec![
            mc(
                "Which command creates a new binary project called `hello`?",
                &["cargo build hello", "cargo new hello", "rustc --new hello", "rustup init hello"],
                1,
                "`cargo new hello` makes a hello/ folder with Cargo.toml and src/main.rs (add --lib for a library). \
                 rustup manages toolchains and rustc only compiles.",
            ),
            tf(
                "`cargo check` type-checks your code without producing an executable, so it is usually faster than \
                 `cargo build`.",
                true,
                "It runs the compiler's analysis but skips code generation: the quick feedback loop while you edit.",
            ),
            short(
                "Which file lists a Cargo package's name, version and dependencies?",
                &["Cargo.toml", "Cargo.toml file", "the Cargo.toml file"],
                "Cargo.toml is the manifest; Cargo.lock records the exact versions that were resolved.",
            ),
            recall(
                "What does the `!` in `println!` tell you?",
                "println! is a macro, not a function. It is expanded at compile time, which lets it take a format \
                 string and any number of arguments, checked when compiling.",
                "Other common macros: vec!, format!, assert_eq!, panic!.",
            ),
        ],
        // Ownership and borrowing
        1 => vec![
            mc(
                "What happens to a `String` when it is passed by value into a function?",
                &[
                    "It is copied, and both copies stay usable",
                    "The function automatically gets a reference to it",
                    "Ownership moves into the function; the caller can no longer use it",
                    "It is leaked and never freed",
                ],
                2,
                "String is not Copy, so passing it moves ownership. The parameter now owns it and drops it when the \
                 function ends, unless it is returned. Pass &s to lend it instead.",
            ),
            tf(
                "You can take a `&mut` reference to a value while a `&` reference to it is still in use.",
                false,
                "At any time you may have either any number of shared references or exactly one mutable reference. \
                 A borrow ends at its last use.",
            ),
            short(
                "Which trait makes a type such as `i32` copied instead of moved on assignment?",
                &["Copy", "the Copy trait", "Copy trait", "std::marker::Copy"],
                "Copy types (integers, floats, bool, char, shared references, tuples of Copy types) are duplicated \
                 bit for bit, so the original stays usable.",
            ),
            recall(
                "State Rust's three ownership rules.",
                "1. Each value has an owner. 2. There can be only one owner at a time. 3. When the owner goes out of \
                 scope, the value is dropped.",
                "These rules are how Rust frees memory without a garbage collector.",
            ),
        ],
        // Structs, enums and pattern matching
        2 => vec![
            mc(
                "What happens if a `match` on an enum leaves out one of its variants and has no `_` arm?",
                &[
                    "It panics at run time if that variant turns up",
                    "That variant is silently ignored",
                    "It does not compile: a match must be exhaustive",
                    "The first arm is used as a fallback",
                ],
                2,
                "The compiler checks that every possible value is covered and names the missing patterns, so adding \
                 a variant later shows you every match to update.",
            ),
            tf(
                "An enum variant can carry data, as in `enum Shape { Circle(f64), Rect { w: f64, h: f64 } }`.",
                true,
                "Each variant may hold a tuple, named fields or nothing; a match takes the data apart.",
            ),
            short(
                "Which keyword starts the block where a struct's methods are defined, as in `___ Point { ... }`?",
                &["impl", "impl block", "an impl block"],
                "Methods go in an impl block and take self, &self or &mut self; functions there without self, such \
                 as new, are associated functions called as Point::new().",
            ),
            recall(
                "What is `Option<T>` and what are its two variants?",
                "An enum for a value that may be absent: Some(T) holds a value, None means there is none.",
                "Rust has no null; absence is part of the type, so the compiler makes you handle the None case.",
            ),
        ],
        // Error handling
        3 => vec![
            mc(
                "In a function returning `Result`, what does `let n: i32 = s.parse()?;` do when parsing fails?",
                &[
                    "It panics with the parse error",
                    "It sets n to 0 and carries on",
                    "It skips that line",
                    "It returns the error from the enclosing function early",
                ],
                3,
                "? unwraps an Ok value, or returns the Err early, converting it with From into the function's error \
                 type. It also works on Option in functions returning Option.",
            ),
            tf(
                "Calling `.unwrap()` on a `None` panics.",
                true,
                "unwrap and expect panic on None or Err. Keep them for cases that truly cannot fail, for tests and \
                 quick prototypes.",
            ),
            short(
                "Which variant of `Result` carries the error?",
                &["Err", "Err(e)", "Err variant"],
                "Result<T, E> is either Ok(T) with the value or Err(E) with the error.",
            ),
            recall(
                "When should you return a `Result` instead of calling `panic!`?",
                "Return a Result for failures a caller can expect and handle: bad input, a missing file, a network \
                 error. Panic only on bugs, when an invariant that should never break has broken.",
                "A library should almost never panic on bad input; let the caller decide what an error means.",
            ),
        ],
        // Traits and generics
        4 => vec![
            mc(
                "In `fn largest<T: PartialOrd>(list: &[T]) -> &T`, what does `T: PartialOrd` mean?",
                &[
                    "T must be a reference",
                    "T can be any type whose values can be compared with < and >",
                    "T is always a number",
                    "The function returns a trait object",
                ],
                1,
                "A trait bound limits a generic to types that implement the trait, so the body may use its methods \
                 (here the comparison operators).",
            ),
            tf(
                "Generic functions are monomorphised: the compiler makes a copy for each concrete type used, so \
                 calls through them need no run-time dispatch.",
                true,
                "That is why generics are zero-cost; the price is longer compile times and bigger binaries.",
            ),
            short(
                "Which keyword marks a trait-object type, as in `Box<___ Draw>`?",
                &["dyn", "dyn keyword", "the dyn keyword"],
                "dyn Trait is a type known only at run time; it lives behind a pointer such as Box, & or Arc.",
            ),
            recall(
                "How does `fn f(x: impl Draw)` differ from `fn f(x: &dyn Draw)`?",
                "impl Draw is static dispatch: like a generic, a copy is compiled for each concrete type. &dyn Draw is \
                 a trait object: one compiled function that calls methods through a vtable at run time.",
                "Trait objects also let one collection hold different types, e.g. Vec<Box<dyn Draw>>.",
            ),
        ],
        // Collections and iterators
        5 => vec![
            mc(
                "What does `v.iter().map(|x| x * 2)` do on its own, before anything consumes it?",
                &[
                    "Returns a new Vec with every item doubled",
                    "Doubles every item of v in place",
                    "Fails to compile",
                    "Nothing yet: iterator adaptors are lazy",
                ],
                3,
                "Adaptors like map and filter only describe work; a consumer such as collect, sum or a for loop runs \
                 it. The compiler warns about an unused iterator.",
            ),
            tf(
                "Iterating over a `std::collections::HashMap` visits the keys in insertion order.",
                false,
                "HashMap's order is arbitrary. Use BTreeMap for sorted keys, or the indexmap crate to keep insertion \
                 order.",
            ),
            short(
                "Which iterator method gathers the items into a collection such as a `Vec`?",
                &["collect", "collect()", ".collect()", "Iterator::collect"],
                "collect builds whatever the type asks for: let v: Vec<_> = it.collect(); or it.collect::<Vec<_>>().",
            ),
            recall(
                "What do `iter()`, `iter_mut()` and `into_iter()` yield for a `Vec<T>`?",
                "iter() yields &T, iter_mut() yields &mut T, and into_iter() yields T, consuming the Vec.",
                "`for x in &v` calls iter(), `for x in &mut v` iter_mut(), `for x in v` into_iter().",
            ),
        ],
        // Concurrency and async
        6 => vec![
            mc(
                "Which type lets several threads share one value and change it safely?",
                &["Rc<RefCell<T>>", "Arc<Mutex<T>>", "Box<T>", "Cell<T>"],
                1,
                "Arc is the thread-safe, atomically counted Rc, and Mutex gives one thread access at a time. Rc and \
                 RefCell are not thread-safe, so the compiler refuses to send them across threads.",
            ),
            tf(
                "Calling an `async fn` starts running its body right away, even if the future is never awaited.",
                false,
                "Rust futures are lazy: nothing runs until the future is awaited or spawned on a runtime such as \
                 tokio.",
            ),
            short(
                "Which marker trait says a value may be moved to another thread?",
                &["Send", "Send trait", "std::marker::Send"],
                "Send: safe to move to another thread. Sync: safe to share references between threads (T is Sync if \
                 &T is Send).",
            ),
            recall(
                "Why shouldn't a tokio task call blocking code such as `std::thread::sleep` or a long computation?",
                "It blocks the worker thread, so the other tasks scheduled on it cannot make progress. Use \
                 tokio::time::sleep and async IO, or move the work to spawn_blocking.",
                "Async tasks share threads by yielding at each .await; blocking code never yields.",
            ),
        ],
        // Build a project
        7 => vec![
            mc(
                "Where do integration tests go in a Cargo package?",
                &[
                    "In a tests/ folder next to src/, each file its own crate",
                    "In Cargo.toml, under [tests]",
                    "Only in src/main.rs",
                    "In the target/ folder",
                ],
                0,
                "Integration tests use your library's public API from outside. Unit tests live beside the code in a \
                 #[cfg(test)] mod tests.",
            ),
            tf(
                "Code examples in a library's `///` doc comments are compiled and run by `cargo test`.",
                true,
                "Doc-tests keep examples in the documentation from going stale.",
            ),
            short(
                "Which Cargo command runs Rust's standard linter, which suggests more idiomatic code?",
                &["cargo clippy", "clippy", "cargo-clippy"],
                "cargo clippy catches common mistakes and unidiomatic code; cargo fmt formats it.",
            ),
            recall(
                "How does `cargo build --release` differ from `cargo build`?",
                "Plain cargo build uses the dev profile: quick to compile, unoptimised, with debug info and overflow \
                 checks. --release optimises into target/release: slower to build, much faster to run.",
                "Measure performance only on release builds.",
            ),
        ],
        _ => Vec::new(),
    }
}

fn web_frontend(step: usize) -> Vec<QuestionInput> {
    match step {
        // HTML and accessibility basics
        0 => vec![
            mc(
                "Which is the most accessible way to label a text input?",
                &[
                    "A placeholder attribute alone",
                    "A <label for=\"email\"> matching the input's id=\"email\"",
                    "A <div> with the text just above the input",
                    "A title attribute on the input",
                ],
                1,
                "A label tied by for/id (or wrapping the input) is read out by screen readers and makes the label \
                 clickable; a placeholder disappears as soon as the user types.",
            ),
            tf(
                "A purely decorative image should have an empty alt attribute (alt=\"\").",
                true,
                "Empty alt tells screen readers to skip the image; with no alt at all many read out the file name.",
            ),
            short(
                "Which element wraps a page's main content, as a landmark used once per page?",
                &["main", "<main>", "main element", "the main element"],
                "Landmarks such as header, nav, main and footer let screen-reader users jump around the page.",
            ),
            recall(
                "Why use a <button> rather than a clickable <div> for an action?",
                "A button can be focused with the keyboard, is activated by Enter and Space, and is announced as a \
                 button by screen readers, all for free.",
                "A div needs tabindex, key handlers and a role to come close; use the native element.",
            ),
        ],
        // CSS layout
        1 => vec![
            mc(
                "With the default `box-sizing: content-box`, how wide is an element with `width: 200px; \
                 padding: 10px; border: 2px solid`, not counting margin?",
                &["200px", "220px", "224px", "244px"],
                2,
                "200 content + 10 + 10 padding + 2 + 2 border = 224px. With box-sizing: border-box it would be 200px.",
            ),
            tf(
                "Flexbox lays items out along one axis at a time, while grid places them in rows and columns at once.",
                true,
                "Flexbox suits rows of items such as a toolbar; grid suits two-dimensional page layouts.",
            ),
            short(
                "Which CSS property, set to border-box, makes width include padding and border?",
                &["box-sizing", "box-sizing: border-box", "box-sizing:border-box", "box sizing"],
                "Many stylesheets start with *, *::before, *::after { box-sizing: border-box; } so sizes are easier \
                 to reason about.",
            ),
            recall(
                "Name the four layers of the CSS box model, from the inside out.",
                "Content, padding, border, margin.",
                "Padding takes the element's background; margin is transparent space outside the border.",
            ),
        ],
        // JavaScript fundamentals
        2 => vec![
            mc(
                "What does `typeof null` evaluate to in JavaScript?",
                &["\"null\"", "\"undefined\"", "\"object\"", "\"number\""],
                2,
                "A historic quirk kept for compatibility. Test for null with value === null.",
            ),
            tf(
                "`0 === \"0\"` is true.",
                false,
                "=== compares without converting types, so a number never equals a string. 0 == \"0\" is true \
                 because == converts; prefer ===.",
            ),
            short(
                "Which keyword declares a block-scoped variable that cannot be reassigned?",
                &["const", "const keyword"],
                "const stops reassignment, not mutation: a const object's properties can still change. Use let for \
                 variables you reassign; avoid var.",
            ),
            recall(
                "What is a closure?",
                "A function together with the variables of the scope it was created in; it keeps access to them \
                 even after the outer function has returned.",
                "Example: function counter() { let n = 0; return () => ++n; } Each counter keeps its own n.",
            ),
        ],
        // Asynchronous JavaScript
        3 => vec![
            mc(
                "In what order does this log? `console.log(1); setTimeout(() => console.log(2), 0); \
                 Promise.resolve().then(() => console.log(3)); console.log(4);`",
                &["1 2 3 4", "1 4 3 2", "1 4 2 3", "1 3 4 2"],
                1,
                "Synchronous code runs first (1, 4), then promise callbacks (microtasks, 3), then timers (2), even \
                 with a 0 ms delay.",
            ),
            tf(
                "`fetch` rejects its promise when the server answers with status 404 or 500.",
                false,
                "fetch rejects only when the request fails (network error, CORS); check response.ok or \
                 response.status for HTTP errors.",
            ),
            short(
                "Inside an async function, which keyword waits for a promise to settle?",
                &["await", "await keyword", "the await keyword"],
                "await pauses only that async function and gives back the fulfilled value, or throws the rejection \
                 so try/catch can handle it.",
            ),
            recall(
                "How do `Promise.all` and `Promise.allSettled` differ?",
                "Promise.all fulfils with every result once all fulfil, but rejects as soon as one rejects. \
                 Promise.allSettled waits for all and reports each as fulfilled (value) or rejected (reason).",
                "Use all when every result is needed; allSettled when partial success is fine.",
            ),
        ],
        // TypeScript
        4 => vec![
            mc(
                "Which type allows only the strings \"light\" and \"dark\"?",
                &["string", "any", "\"light\" | \"dark\"", "String[]"],
                2,
                "A union of string literal types; TypeScript rejects any other string and autocompletes the two.",
            ),
            tf(
                "TypeScript's types are checked at compile time and erased from the JavaScript it emits.",
                true,
                "So data from outside (JSON from fetch, user input) must be checked at run time, by hand or with a \
                 validation library.",
            ),
            short(
                "Which type accepts any value but must be narrowed before it can be used, the safe counterpart of \
                 `any`?",
                &["unknown", "unknown type", "the unknown type"],
                "any switches checking off; unknown keeps it on until a typeof, instanceof or custom check narrows \
                 the value.",
            ),
            recall(
                "What is a discriminated union, and how do you narrow one?",
                "A union of object types that share a literal tag field, e.g. { kind: \"circle\"; r: number } | \
                 { kind: \"square\"; side: number }. Checking the tag (if or switch on kind) narrows to that member.",
                "With a switch over every kind, TypeScript can also check that no case is missing.",
            ),
        ],
        // A component framework
        5 => vec![
            mc(
                "In a component framework, what are props?",
                &[
                    "Global variables shared by every component",
                    "Data passed from a parent component into a child",
                    "CSS classes on the component's root element",
                    "The component's private internal state",
                ],
                1,
                "Props flow down from parent to child; a child reports changes back through events or callbacks.",
            ),
            tf(
                "When two sibling components need the same state, keeping a copy in each and syncing them by hand \
                 is usually better than lifting the state up.",
                false,
                "Lift the state to their closest common parent (or a store) and pass it down: one source of truth \
                 cannot drift apart.",
            ),
            short(
                "What is state called that is computed from other state (e.g. a filtered list) rather than stored?",
                &["derived state", "derived", "computed state", "computed", "derived value", "computed value"],
                "Deriving instead of storing avoids copies that go stale; Svelte's $derived and React's computing \
                 during render (or useMemo) do this.",
            ),
            recall(
                "Why does each item of a rendered list need a stable key?",
                "The key lets the framework match items between renders, so when the list is reordered or filtered \
                 it moves the right DOM nodes and state instead of reusing them for the wrong item.",
                "Use a stable id from the data, not the array index.",
            ),
        ],
        // Ship a portfolio site
        6 => vec![
            mc(
                "Which change most directly speeds up a page full of large photos?",
                &[
                    "Adding JavaScript that preloads every image",
                    "Inlining all CSS on each element",
                    "Serving resized, compressed images (e.g. WebP) and lazy-loading those below the fold",
                    "Switching to a different web font",
                ],
                2,
                "Images are usually most of a page's bytes. Also set width and height to avoid layout shift.",
            ),
            tf(
                "A static site (plain HTML, CSS and JavaScript files) can be deployed without any server code of \
                 your own, e.g. on GitHub Pages or Netlify.",
                true,
                "Static hosts serve files from a CDN, often free and with HTTPS set up for you.",
            ),
            short(
                "Which file at a site's root tells search-engine crawlers which paths they may crawl?",
                &["robots.txt", "/robots.txt", "robots.txt file"],
                "robots.txt is advice to well-behaved crawlers, not access control.",
            ),
            recall(
                "Name three checks to run before you share your site.",
                "Any three of: it works on a phone-sized screen; each page has a title and description; images have \
                 alt text and it is usable by keyboard; no broken links; good Lighthouse scores; served over HTTPS.",
                "Lighthouse in the browser's developer tools checks performance, accessibility and SEO at once.",
            ),
        ],
        _ => Vec::new(),
    }
}

fn dsa(step: usize) -> Vec<QuestionInput> {
    match step {
        // Complexity and arrays
        0 => vec![
            mc(
                "Two nested loops each run over all n elements of an array and do constant work inside. What is the \
                 time complexity?",
                &["O(n)", "O(n log n)", "O(n²)", "O(2ⁿ)"],
                2,
                "n iterations of the outer loop, each running the inner loop n times: n × n = n² steps.",
            ),
            tf(
                "O(2n + 100) simplifies to O(n).",
                true,
                "Big-O drops constant factors and lower-order terms: it describes how cost grows with n.",
            ),
            short(
                "In Big-O, what is the time complexity of reading `a[i]` from an array?",
                &["O(1)", "constant", "constant time"],
                "An array is contiguous, so the address of a[i] is computed directly: start + i × item size.",
            ),
            recall(
                "How do prefix sums answer \"what is the sum of a[l..=r]?\" quickly?",
                "Precompute p with p[0] = 0 and p[i + 1] = p[i] + a[i], in O(n). Then the sum of a[l..=r] is \
                 p[r + 1] - p[l], in O(1) per query.",
                "Worth it whenever there are many range-sum queries over an array that does not change.",
            ),
        ],
        // Linked lists, stacks and queues
        1 => vec![
            mc(
                "Which structure fits checking whether brackets such as `([]{})` are balanced?",
                &["Queue", "Hash set", "Binary heap", "Stack"],
                3,
                "Push each opening bracket; on a closing one, pop and check it matches. Balanced if the stack ends \
                 empty.",
            ),
            tf(
                "Inserting a new node right after a given node of a singly linked list takes O(1) time.",
                true,
                "Only two links change: new.next = node.next; node.next = new. Finding the node first can cost O(n).",
            ),
            short(
                "In which order does a queue remove items? Give the four-letter abbreviation.",
                &["FIFO", "first in first out", "first in, first out", "first-in first-out", "first-in, first-out"],
                "First in, first out, like a line at a till. A stack is LIFO: last in, first out.",
            ),
            recall(
                "How can you detect a cycle in a singly linked list using O(1) extra memory?",
                "Floyd's tortoise and hare: move one pointer one step and another two steps at a time. If they meet, \
                 there is a cycle; if the fast one reaches the end, there is none.",
                "A hash set of visited nodes also works, but needs O(n) memory.",
            ),
        ],
        // Hashing
        2 => vec![
            mc(
                "What is the average time to look up a key in a hash map?",
                &["O(1)", "O(log n)", "O(n)", "O(n log n)"],
                0,
                "The hash points straight at a bucket, and resizing keeps buckets short, so lookups are O(1) on \
                 average.",
            ),
            tf(
                "A hash map's lookup stays O(1) in the worst case, however many keys collide.",
                false,
                "If many keys land in one bucket, a lookup must search them all: O(n) in the worst case. Good hash \
                 functions make this rare.",
            ),
            short(
                "What is it called when two different keys hash to the same bucket?",
                &["collision", "a collision", "hash collision", "collisions"],
                "Collisions are handled by chaining (a list per bucket) or open addressing (probing for another \
                 slot).",
            ),
            recall(
                "How does a hash map solve two-sum (find two numbers that add up to a target) in O(n)?",
                "Walk the array once. For each x, if target - x is already in the map, you have the pair; otherwise \
                 store x with its index.",
                "Each step is an O(1) average lookup and insert, replacing the O(n²) check of every pair.",
            ),
        ],
        // Trees and binary search
        3 => vec![
            mc(
                "What is the worst-case time complexity of binary search on a sorted array of n elements?",
                &["O(1)", "O(n)", "O(log n)", "O(n log n)"],
                2,
                "Each comparison halves the remaining range, so at most about log₂ n + 1 steps.",
            ),
            tf(
                "An in-order traversal of a binary search tree visits the keys in sorted order.",
                true,
                "In-order visits the left subtree (smaller keys), then the node, then the right subtree (larger keys).",
            ),
            short(
                "What is the time complexity of removing the minimum from a binary min-heap with n items?",
                &["O(log n)", "log n", "O(logn)", "logarithmic"],
                "Move the last item to the root and sift it down: at most the heap's height, about log₂ n swaps.",
            ),
            recall(
                "Name the three depth-first traversal orders of a binary tree and when each visits the node.",
                "Pre-order: node, left, right. In-order: left, node, right. Post-order: left, right, node.",
                "Pre-order suits copying a tree, in-order reading a BST in order, post-order deleting or sizing \
                 subtrees.",
            ),
        ],
        // Graphs
        4 => vec![
            mc(
                "Which algorithm finds shortest paths, counted in edges, in an unweighted graph?",
                &["Depth-first search", "Kruskal's algorithm", "Topological sort", "Breadth-first search"],
                3,
                "BFS explores in rings of growing distance, so the first time it reaches a node is by a shortest path.",
            ),
            tf(
                "Dijkstra's algorithm always finds correct shortest paths, even with negative edge weights.",
                false,
                "Dijkstra assumes a settled node can't get cheaper later, which negative edges break. Use \
                 Bellman-Ford instead.",
            ),
            short(
                "What kind of graph has a topological order? Give the three-letter abbreviation.",
                &["DAG", "directed acyclic graph", "a DAG", "a directed acyclic graph"],
                "Only a directed graph without cycles can be ordered so every edge points forward, e.g. tasks and \
                 their prerequisites.",
            ),
            recall(
                "What is the time complexity of BFS or DFS on a graph stored as adjacency lists, and why?",
                "O(V + E): each vertex is visited once and each edge is looked at once (twice if undirected).",
                "With an adjacency matrix it is O(V²), since every row is scanned in full.",
            ),
        ],
        // Dynamic programming
        5 => vec![
            mc(
                "Which two properties make a problem a good fit for dynamic programming?",
                &[
                    "Sorted input and unique keys",
                    "Overlapping subproblems and optimal substructure",
                    "A greedy choice and no recursion",
                    "Small input and random access",
                ],
                1,
                "The same subproblems recur (so caching pays) and an optimal answer is built from optimal answers to \
                 subproblems.",
            ),
            tf(
                "Naive recursive Fibonacci takes exponential time, but with memoisation it takes O(n).",
                true,
                "Without a cache fib(n) recomputes the same values again and again; with one each fib(k) is computed \
                 once.",
            ),
            short(
                "What is bottom-up dynamic programming, filling a table from the smallest subproblems up, called?",
                &["tabulation", "bottom-up", "bottom up", "tabulating"],
                "Memoisation is the top-down counterpart: recursion plus a cache.",
            ),
            recall(
                "What are the steps to design a dynamic programming solution?",
                "1. Define the state (what dp[i] means). 2. Write the recurrence from smaller states. 3. Set the base \
                 cases. 4. Pick an order (memoised recursion or a table). 5. Read off the answer.",
                "Then check whether only the last row or two are needed, to save memory.",
            ),
        ],
        // Mixed practice
        6 => vec![
            mc(
                "You need the k largest of n numbers, with n much larger than k. Which of these is most efficient?",
                &[
                    "Sort everything: O(n log n)",
                    "Keep a min-heap of size k: O(n log k)",
                    "Compare every pair: O(n²)",
                    "Scan for the maximum k times: O(n·k)",
                ],
                1,
                "The heap's root is the smallest of the k kept; replace it whenever a bigger number arrives. \
                 Quickselect is O(n) on average but leaves them unsorted.",
            ),
            tf(
                "For \"longest substring with some property\" problems, a sliding window often turns an O(n²) scan \
                 into O(n).",
                true,
                "Each end of the window only moves forward, so every character enters and leaves it at most once.",
            ),
            short(
                "Which technique finds a pair with a given sum in a sorted array in O(n), moving one index in from \
                 each end?",
                &["two pointers", "two pointer", "two-pointer", "two-pointers", "two pointer technique"],
                "If the sum is too small, move the left index right; too big, move the right index left.",
            ),
            recall(
                "What should you do in the first minutes of a timed problem, before coding?",
                "Restate the problem, ask about input sizes and edge cases, work a small example by hand, state a \
                 brute force and its complexity, then look for a better approach.",
                "Input size hints at the target: n around 10⁵ usually needs O(n log n) or better.",
            ),
        ],
        _ => Vec::new(),
    }
}

fn spanish(step: usize) -> Vec<QuestionInput> {
    match step {
        // Pronunciation and survival phrases
        0 => vec![
            mc(
                "How is the letter h pronounced in \"hola\"?",
                &["Like the English h in \"hat\"", "It is silent", "Like the Spanish j", "Like English ch"],
                1,
                "Spanish h is always silent: hola sounds like \"ola\". The nearest Spanish sound to English h is \
                 written j (or g before e and i).",
            ),
            tf(
                "\"¿Cuánto cuesta?\" means \"How much does it cost?\"",
                true,
                "Handy when shopping; the answer is often \"Cuesta ... euros\" or \"Son ... euros\".",
            ),
            short(
                "How do you say \"thank you\" in Spanish?",
                &["gracias", "muchas gracias"],
                "Muchas gracias is \"thank you very much\"; the reply is \"de nada\" (you're welcome).",
            ),
            recall(
                "Count from one to ten in Spanish.",
                "uno, dos, tres, cuatro, cinco, seis, siete, ocho, nueve, diez",
                "Before a noun, uno becomes un (un café) or una for feminine nouns (una cerveza).",
            ),
        ],
        // Present tense and core vocabulary
        1 => vec![
            mc(
                "Complete: \"Mi hermana ___ médica.\" (My sister is a doctor.)",
                &["está", "es", "estás", "eres"],
                1,
                "Ser is for identity, profession, origin and lasting traits; estar is for states, feelings and \
                 location.",
            ),
            tf(
                "\"Estoy cansado\" uses estar because being tired is a temporary state.",
                true,
                "Estar for how someone is right now: estoy cansado, está enfermo, estamos contentos.",
            ),
            short(
                "Conjugate hablar (to speak) in the present tense for nosotros.",
                &["hablamos", "nosotros hablamos"],
                "Regular -ar endings: -o, -as, -a, -amos, -áis, -an.",
            ),
            recall(
                "Conjugate tener (to have) in the present tense.",
                "tengo, tienes, tiene, tenemos, tenéis, tienen",
                "Irregular yo form (tengo) and an e→ie stem change except in nosotros and vosotros.",
            ),
        ],
        // Past tenses
        2 => vec![
            mc(
                "Complete: \"Ayer ___ al cine con mis amigos.\" (Yesterday I went to the cinema with my friends.)",
                &["iba", "voy", "iré", "fui"],
                3,
                "A single completed action at a set time (ayer) takes the preterite: fui. Iba would describe a habit \
                 or background.",
            ),
            tf(
                "The imperfect is used for habits in the past, as in \"De niño, jugaba al fútbol todos los días.\"",
                true,
                "Imperfect for what used to happen or was going on; preterite for what happened once and finished.",
            ),
            short(
                "Give the preterite of comer (to eat) for yo.",
                &["comí", "comi", "yo comí", "yo comi"],
                "Preterite -er/-ir endings: -í, -iste, -ió, -imos, -isteis, -ieron. The accent on comí matters in \
                 writing.",
            ),
            recall(
                "When do you use the preterite and when the imperfect?",
                "Preterite: completed actions, single events, sequences (llegué, comí y salí). Imperfect: background, \
                 descriptions, ongoing or habitual actions, time and age (era tarde, llovía).",
                "They often meet in one sentence: \"Leía cuando sonó el teléfono.\"",
            ),
        ],
        // Listening practice
        3 => vec![
            mc(
                "In fast speech you hear \"pa'\" in \"¿Vas pa' la casa?\". What is it short for?",
                &["para", "padre", "pues", "parte"],
                0,
                "Native speakers clip common words: pa' for para, to' for todo, 'tá for está.",
            ),
            tf(
                "Comprehensible input means listening to material you mostly understand, with a little just beyond \
                 your level.",
                true,
                "Too easy teaches little; too hard is noise. Aim to follow the gist without reading along.",
            ),
            short(
                "Fill the gap to ask someone to speak more slowly: \"¿Puede hablar más ___, por favor?\"",
                &["despacio", "lento", "despacito"],
                "Despacio (slowly) is the most common; \"más lento\" is also heard.",
            ),
            recall(
                "What does the filler \"o sea\" mean in conversation?",
                "\"I mean\" or \"in other words\": speakers use it to rephrase or clarify what they just said.",
                "Other fillers to recognise: pues, bueno, este (Latin America), vale (Spain).",
            ),
        ],
        // Conversation
        4 => vec![
            mc(
                "Which is the polite way to ask a stranger \"Where are you from?\"",
                &["¿De dónde eres?", "¿De dónde es usted?", "¿Dónde estás?", "¿Cómo te llamas?"],
                1,
                "Usted (with third-person verbs) is polite; ¿De dónde eres? uses tú, for friends and people your \
                 age.",
            ),
            tf(
                "\"Me gusta los libros\" is correct Spanish for \"I like books\".",
                false,
                "Gustar agrees with the thing liked: me gusta el libro, me gustan los libros.",
            ),
            short(
                "How do you say \"I agree\" in Spanish?",
                &["estoy de acuerdo", "de acuerdo", "yo estoy de acuerdo"],
                "To disagree: \"no estoy de acuerdo\". Note it takes estar, not ser.",
            ),
            recall(
                "Give three phrases that keep a conversation going when you are stuck.",
                "¿Cómo se dice ... en español? (How do you say ...?) ¿Qué significa ...? (What does ... mean?) \
                 ¿Puedes repetir, por favor? (Can you repeat?)",
                "Fillers like \"bueno...\" or \"a ver...\" buy time to think.",
            ),
        ],
        // Reading graded stories
        5 => vec![
            mc(
                "A story begins \"Había una vez un rey.\" What does \"Había una vez\" mean?",
                &["Once upon a time there was", "He had one time", "There will be", "One day he saw"],
                0,
                "The classic opening of a fairy tale; había is the imperfect of hay (there is).",
            ),
            tf(
                "\"Embarazada\" means \"embarrassed\".",
                false,
                "A false friend: embarazada means pregnant. Embarrassed is avergonzado or \"me da vergüenza\".",
            ),
            short(
                "What does the connector \"sin embargo\" mean in English?",
                &["however", "nevertheless", "nonetheless", "yet"],
                "It contrasts with what came before, like pero but more formal; it often starts a new sentence.",
            ),
            recall(
                "How should you handle unknown words when reading a graded reader?",
                "Guess from context and keep reading; look up only words that block the meaning or keep coming back, \
                 and note those for review.",
                "Readers work best at a level where you already know about 95% of the words.",
            ),
        ],
        _ => Vec::new(),
    }
}

fn interview_prep(step: usize) -> Vec<QuestionInput> {
    match step {
        // Plan and baseline
        0 => vec![
            mc(
                "Why take a timed baseline problem set before you start preparing?",
                &[
                    "To memorise problems the interviewers will ask",
                    "To choose a programming language",
                    "To find your weakest areas and measure progress against it later",
                    "To replace mock interviews",
                ],
                2,
                "A baseline turns \"I should practise everything\" into a plan aimed at what you actually miss.",
            ),
            tf(
                "Spreading practice over several weeks with regular review usually beats cramming the same hours \
                 into a few days.",
                true,
                "The spacing effect: revisiting material at growing intervals makes it stick much longer.",
            ),
            short(
                "What is revisiting material at growing intervals, as review cards do, called?",
                &["spaced repetition", "spaced practice", "spacing", "spaced review"],
                "Waymark schedules your review cards this way.",
            ),
            recall(
                "What should a preparation plan state?",
                "The target roles, the interview dates, the rounds to expect (coding, system design, behavioural), \
                 the hours per week you can give, and your weakest areas from the baseline.",
                "Shift time towards the weak areas, and re-check them with another timed set halfway through.",
            ),
        ],
        // Coding patterns
        1 => vec![
            mc(
                "Which pattern suits \"find the longest substring without repeating characters\"?",
                &["Binary search", "Sliding window", "Topological sort", "Union-find"],
                1,
                "Grow the window to the right; when a character repeats, shrink it from the left. O(n) with a set or \
                 map of positions.",
            ),
            tf(
                "Backtracking tries choices recursively and undoes each before trying the next, e.g. to generate all \
                 subsets or permutations.",
                true,
                "Choose, explore, un-choose; prune branches that can no longer lead to a valid answer.",
            ),
            short(
                "Which traversal, using a queue, finds the fewest moves between two cells of a grid?",
                &["BFS", "breadth-first search", "breadth first search", "breadth-first"],
                "In an unweighted grid, BFS reaches each cell first by a shortest path.",
            ),
            recall(
                "Name a clue in a problem statement for each pattern: two pointers, binary search, heap.",
                "Two pointers: a sorted array, or pairs from both ends. Binary search: sorted data, or \"smallest \
                 value such that...\" with a yes/no check. Heap: \"top k\", \"k-th largest\", merging sorted lists.",
                "Naming the pattern out loud also shows the interviewer how you think.",
            ),
        ],
        // System design fundamentals
        2 => vec![
            mc(
                "Which most directly reduces database load for data that is read often and changes rarely?",
                &[
                    "Sharding the writes",
                    "Adding a message queue",
                    "A bigger load balancer",
                    "A cache such as Redis in front of the database",
                ],
                3,
                "Reads served from memory never reach the database. The hard part is invalidation: expiry times or \
                 clearing entries on write.",
            ),
            tf(
                "Horizontal scaling adds more machines; vertical scaling gives one machine more CPU or memory.",
                true,
                "Vertical is simpler but capped; horizontal needs stateless servers or partitioned data, but grows \
                 further.",
            ),
            short(
                "What does the C stand for in the CAP theorem?",
                &["consistency", "consistent"],
                "Consistency, Availability, Partition tolerance: during a network partition a system must choose \
                 consistency or availability.",
            ),
            recall(
                "Why put a message queue between two services?",
                "It decouples them: the producer doesn't wait, bursts are buffered, consumers scale on their own, and \
                 work survives a consumer crash and can be retried.",
                "The cost: results arrive later (eventual consistency) and there is one more system to run.",
            ),
        ],
        // Behavioural stories
        3 => vec![
            mc(
                "In the STAR method, what does the A stand for?",
                &["Achievement", "Action", "Analysis", "Answer"],
                1,
                "Situation, Task, Action, Result. Action is the heart of the story: what you did.",
            ),
            tf(
                "A STAR story should focus on what the team did rather than on your own part.",
                false,
                "Credit the team, but the interviewer is assessing you: say \"I\" for your own decisions and actions.",
            ),
            short(
                "STAR stands for Situation, Task, Action and what?",
                &["Result", "results", "the result"],
                "End with the outcome, measurable if you can, and what you learned.",
            ),
            recall(
                "Outline a STAR answer to \"Tell me about a time you disagreed with a teammate.\"",
                "Situation: the project and the disagreement. Task: what you were responsible for. Action: what you \
                 did (listened, gathered data, proposed a test or compromise). Result: the outcome and the lesson.",
                "Keep it to about two minutes and show respect for the other person.",
            ),
        ],
        // Mock interviews
        4 => vec![
            mc(
                "You get stuck during a coding interview. What is the best move?",
                &[
                    "Stay silent until you have the whole solution",
                    "Think aloud: say where you are stuck and work through a small example",
                    "Ask the interviewer for the answer",
                    "Start coding anything to look busy",
                ],
                1,
                "Interviewers judge your reasoning and can only help with what they hear; a worked example often \
                 shows the way forward.",
            ),
            tf(
                "Walking through your code with a small example and edge cases before saying you are done is part \
                 of what interviewers assess.",
                true,
                "Finding your own bug is a good sign; check empty input, one item, duplicates and the largest sizes.",
            ),
            short(
                "What is the simple, correct but slow solution worth stating before you optimise called?",
                &["brute force", "brute-force", "brute force solution", "naive solution", "naive approach"],
                "Stating it with its complexity shows you can solve the problem, then gives a baseline to improve on.",
            ),
            recall(
                "What should you write down right after each mock interview?",
                "What went well, where you got stuck and why (pattern, bugs, communication, time), the interviewer's \
                 feedback, and one concrete thing to practise before the next mock.",
                "Across several mocks these notes show your weakest area, which is where to spend the next week.",
            ),
        ],
        // Final review
        5 => vec![
            mc(
                "What is the best use of the evening before an interview?",
                &[
                    "Learn a new family of algorithms from scratch",
                    "Do a five-hour practice marathon",
                    "Skim your notes and stories, sort out logistics, and sleep well",
                    "Rewrite your résumé",
                ],
                2,
                "New material the night before mostly adds stress; rest does more for performance.",
            ),
            tf(
                "It is worth preparing two or three thoughtful questions to ask the interviewer.",
                true,
                "Good questions (about the team, its challenges, how success is measured) show interest and help you \
                 judge the role.",
            ),
            short(
                "Which four-letter format should you skim your behavioural stories in?",
                &["STAR", "S.T.A.R.", "STAR method", "the STAR method"],
                "Situation, Task, Action, Result: skim the headline of each story, not a memorised script.",
            ),
            recall(
                "What belongs on a one-page review sheet for the day before?",
                "Your main coding patterns and their clues, the complexity of common operations, a system design \
                 checklist (requirements, estimates, API, data model, scaling, trade-offs), your STAR headlines and \
                 your questions for the interviewer.",
                "One page forces you to keep only what you would otherwise forget.",
            ),
        ],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{GoalId, QuestionId};
    use crate::question::{Answer, check};
    use crate::templates::templates;
    use chrono::{TimeZone, Utc};

    fn kind(q: &QuestionInput) -> &'static str {
        match q.body {
            QuestionBody::MultipleChoice { .. } => "multiple_choice",
            QuestionBody::TrueFalse { .. } => "true_false",
            QuestionBody::ShortAnswer { .. } => "short_answer",
            QuestionBody::Recall { .. } => "recall",
        }
    }

    #[test]
    fn every_step_of_every_template_has_three_or_four_valid_questions() {
        for t in templates() {
            for (i, step) in t.steps.iter().enumerate() {
                let qs = starter_questions(&t.name, i);
                let at = format!("{} step {i} ({})", t.name, step.title);
                assert!((3..=4).contains(&qs.len()), "{at}: {} questions", qs.len());
                for q in qs {
                    assert_eq!((&q.step_id, &q.task_id), (&None, &None), "{at}: {}", q.prompt);
                    assert!(!q.explanation.trim().is_empty(), "{at}: no explanation for {}", q.prompt);
                    // Valid, and already in the form validation would leave it in.
                    assert_eq!(q.clone().validate(), Ok(q.clone()), "{at}: {}", q.prompt);
                }
            }
        }
    }

    #[test]
    fn every_step_mixes_all_four_kinds_in_their_intended_shape() {
        for t in templates() {
            for i in 0..t.steps.len() {
                let qs = starter_questions(&t.name, i);
                let mut kinds: Vec<_> = qs.iter().map(kind).collect();
                kinds.sort();
                kinds.dedup();
                assert_eq!(kinds.len(), 4, "{} step {i}: {kinds:?}", t.name);
                for q in &qs {
                    match &q.body {
                        QuestionBody::MultipleChoice { choices } => {
                            assert_eq!(choices.len(), 4, "{}", q.prompt);
                            assert_eq!(choices.iter().filter(|c| c.correct).count(), 1, "{}", q.prompt);
                        }
                        QuestionBody::ShortAnswer { accepted } => assert!(accepted.len() >= 2, "{}", q.prompt),
                        QuestionBody::TrueFalse { .. } | QuestionBody::Recall { .. } => {}
                    }
                }
            }
        }
    }

    #[test]
    fn step_counts_match_the_templates_and_out_of_range_is_empty() {
        let all = templates();
        assert_eq!(all.len(), 5);
        for t in &all {
            let n = t.steps.len();
            assert!(!starter_questions(&t.name, n - 1).is_empty(), "{} last step", t.name);
            assert!(starter_questions(&t.name, n).is_empty(), "{} has questions past step {}", t.name, n - 1);
            assert!(starter_questions(&t.name, usize::MAX).is_empty());
        }
        assert!(starter_questions("klingon", 0).is_empty());
        assert!(starter_questions("", 0).is_empty());
        assert!(starter_questions("Rust", 0).is_empty());
        assert_eq!(starter_questions(" rust ", 0), starter_questions("rust", 0));
    }

    #[test]
    fn prompts_are_unique_across_the_bank() {
        let mut seen = std::collections::HashSet::new();
        for t in templates() {
            for i in 0..t.steps.len() {
                for q in starter_questions(&t.name, i) {
                    assert!(seen.insert(q.prompt.clone()), "duplicate prompt: {}", q.prompt);
                }
            }
        }
        assert!(seen.len() >= 3 * 34);
    }

    #[test]
    fn the_intended_answers_check_as_correct() {
        let at = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
        let q = starter_questions("dsa", 3).into_iter().find(|q| kind(q) == "multiple_choice").unwrap();
        assert!(q.prompt.contains("binary search"));
        let q = q.validate().unwrap().into_question(QuestionId("q".into()), GoalId("g".into()), at);
        let c = check(&q, &Answer::Choice(2)).unwrap();
        assert!(c.correct);
        assert_eq!(c.expected, "O(log n)");

        let q = starter_questions("spanish", 2).into_iter().find(|q| kind(q) == "short_answer").unwrap();
        let q = q.validate().unwrap().into_question(QuestionId("q".into()), GoalId("g".into()), at);
        for typed in ["comí", "Comi", "yo comí."] {
            assert!(check(&q, &Answer::Text(typed.into())).unwrap().correct, "{typed}");
        }
        assert!(!check(&q, &Answer::Text("como".into())).unwrap().correct);
    }
}
