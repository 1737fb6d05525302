//! A small, seeded mutation fuzzer for the fuzz suites of every reader of
//! outside input. Text: a valid input mutated a few times (bytes flipped,
//! ranges cut, copied or blown up, tokens that parsers trip on inserted, the
//! end cut off) or, one case in ten, tokens strung together at random.
//! Documents: a valid document with fields removed, retyped or replaced by
//! hostile values (far-future and malformed stamps, huge strings, deep or
//! long arrays). Seeded from the case number, so a failure names the case
//! that reproduces it.

use std::time::{Duration, Instant};
use waymark_store::bson::{Bson, Document, doc};

/// How many cases each parser gets: `WAYMARK_FUZZ_CASES`, 10,000 unless set
/// (`make fuzz` sets more).
pub fn cases() -> u64 {
    std::env::var("WAYMARK_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000)
}

/// The longest one input may take before it counts as a hang.
pub const PER_INPUT: Duration = Duration::from_secs(5);

/// xorshift64*: enough randomness for mutations, and repeatable.
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

const TOKENS: &[&str] = &[
    "\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "null",
    "true",
    "-1",
    "0",
    "1e309",
    "NaN",
    "18446744073709551616",
    "9999999999999-99999-x",
    "\"9999999999999-99999-x\"",
    "+1",
    "\\u0000",
    "\\",
    "\u{0}",
    "```",
    "\n```\n",
    "\n# ",
    "\n## ",
    "\n- ",
    "\n* [",
    "](",
    "Duration: ",
    "3 weeks",
    "https://",
    "javascript:alert(1)",
    "\t",
    "\r\n",
    "é",
    "💥",
    "\u{feff}",
    "<b>",
    "\"_id\"",
    "\"hlc\"",
    "\"deleted\"",
    "\"collections\"",
    "\"checksum\"",
];

/// One fuzz case from `valid`, as bytes (not always UTF-8).
pub fn text_case(valid: &str, n: u64) -> Vec<u8> {
    let mut rng = Rng::new(n);
    if rng.below(10) == 0 {
        return (0..rng.below(64)).flat_map(|_| TOKENS[rng.below(TOKENS.len())].bytes()).collect();
    }
    let mut b = valid.as_bytes().to_vec();
    for _ in 0..=rng.below(4) {
        mutate(&mut b, &mut rng);
    }
    b
}

fn mutate(b: &mut Vec<u8>, rng: &mut Rng) {
    let at = rng.below(b.len() + 1);
    match rng.below(7) {
        0 if at < b.len() => b[at] = rng.next_u64() as u8,
        1 => {
            let end = (at + 1 + rng.below(64)).min(b.len());
            b.drain(at.min(end)..end);
        }
        2 => {
            let from = rng.below(b.len() + 1);
            let piece: Vec<u8> = b[from..(from + rng.below(256)).min(b.len())].to_vec();
            b.splice(at..at, piece);
        }
        3 | 4 => {
            let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
            b.splice(at..at, token.iter().copied());
        }
        5 => b.truncate(at),
        _ => {
            let from = rng.below(b.len() + 1);
            let piece: Vec<u8> = b[from..(from + 1 + rng.below(16)).min(b.len())].to_vec();
            let times = 1 + rng.below(2_000);
            b.splice(at..at, piece.iter().copied().cycle().take(piece.len() * times));
        }
    }
}

/// Values a reader of documents must refuse or cope with.
fn hostile(rng: &mut Rng) -> Bson {
    match rng.below(16) {
        0 => Bson::Null,
        1 => Bson::String(String::new()),
        2 => Bson::String("x".repeat(1 + rng.below(300_000))),
        3 => Bson::String("9999999999999-99999-rogue".into()),
        4 => Bson::String("+000000000001-00000-x".into()),
        5 => Bson::Int64(i64::MIN),
        6 => Bson::Int64(-1),
        7 => Bson::Double(f64::NAN),
        8 => Bson::Double(1e308),
        9 => Bson::Boolean(true),
        10 => Bson::Array((0..rng.below(50_000)).map(|i| Bson::Int64(i as i64)).collect()),
        11 => Bson::Array(vec![Bson::String("same".into()); 1 + rng.below(2_000)]),
        12 => Bson::Document(doc! { "$set": { "deleted": true } }),
        13 => Bson::String("9999-12-31T23:59:59Z".into()),
        14 => Bson::String("\u{0}<script>".into()),
        _ => Bson::String(TOKENS[rng.below(TOKENS.len())].into()),
    }
}

/// One fuzz case from the valid document `valid`: one to three of its
/// fields (any depth of the top level) removed, replaced by a hostile value,
/// or given another field's value; sometimes a field added.
pub fn document_case(valid: &Document, n: u64) -> Document {
    let mut rng = Rng::new(n ^ 0xD0C5);
    let mut d = valid.clone();
    for _ in 0..=rng.below(3) {
        let keys: Vec<String> = d.keys().cloned().collect();
        if keys.is_empty() {
            break;
        }
        let key = keys[rng.below(keys.len())].clone();
        match rng.below(5) {
            0 => {
                d.remove(&key);
            }
            1 => {
                let other = d.get(&keys[rng.below(keys.len())]).cloned().unwrap_or(Bson::Null);
                d.insert(key, other);
            }
            2 => {
                d.insert(format!("extra_{}", rng.below(9)), hostile(&mut rng));
            }
            _ => {
                d.insert(key, hostile(&mut rng));
            }
        }
    }
    d
}

/// Runs `cases()` cases through `attempt` (given the case number; it says
/// whether the input was taken); panics, naming the case, on a hang.
/// Returns how many were tried and how many taken.
pub fn run_cases(name: &str, mut attempt: impl FnMut(u64) -> bool) -> (u64, u64) {
    let total = cases();
    let mut taken = 0;
    for n in 0..total {
        let started = Instant::now();
        taken += u64::from(attempt(n));
        let took = started.elapsed();
        assert!(took < PER_INPUT, "{name}: case {n} took {took:?}");
    }
    eprintln!("fuzz {name}: {total} cases, {taken} taken, {} refused", total - taken);
    (total, taken)
}

/// [`run_cases`] with the text cases of `valid`.
pub fn run(name: &str, valid: &str, mut attempt: impl FnMut(&[u8]) -> bool) -> (u64, u64) {
    run_cases(name, |n| attempt(&text_case(valid, n)))
}
