//! Every parser of outside input, fuzzed through the facade as a learner's
//! file reaches it: export files, card files, Markdown and JSON roadmaps and
//! backups, each with `WAYMARK_FUZZ_CASES` cases (10,000 unless set) —
//! and export files whose documents are hostile but sealed with a right
//! checksum, so the document checks are reached. No
//! input may panic or hang, and one that is refused writes nothing (the
//! store's change counter does not move).

use crate::support::*;
use std::io::Write;
use waymark_app::export::Snapshot;
use waymark_app::io::RoadmapFormat;
use waymark_profiles::fuzz::{document_case, run, run_cases};

const MARKDOWN: &str = "# Learn Go\n\n## Syntax\nDuration: 2 days\nTypes and loops.\n- [Tour](https://go.dev/tour/)\n\n## Concurrency\nDuration: 3 hours\nGoroutines.\n";
const CARDS: &str = "What is a goroutine?\tA light thread\tgo concurrency\nWhat does `defer` do?\tRuns at return\tgo\n";

/// A learner with one goal, its roadmap and two cards: small inputs to mutate.
fn learner() -> (TestApp, String) {
    let mut t = TestApp::new();
    let goal = t.app.create_goal(input("Go", 5.0), None).unwrap().goal.id.0;
    t.app.import_roadmap(&goal, MARKDOWN, RoadmapFormat::Markdown).unwrap();
    t.app.import_cards(CARDS, Some(&goal), true).unwrap();
    (t, goal)
}

/// Runs `f` on the text of `input`; a refusal must leave the store as it was.
fn taken<T, E: std::fmt::Debug>(
    t: &mut TestApp,
    input: &[u8],
    f: impl FnOnce(&mut TestApp, &str) -> Result<T, E>,
) -> bool {
    let Ok(text) = std::str::from_utf8(input) else { return false };
    let before = t.app.change_counter();
    let result = f(t, text);
    if let Err(e) = &result {
        assert_eq!(t.app.change_counter(), before, "refused ({e:?}) but wrote: {text:?}");
    }
    result.is_ok()
}

#[test]
fn export_files() {
    let (t, _) = learner();
    let valid = t.app.export_data().unwrap();
    let (mut merge, mut fresh) = (learner().0, TestApp::new());
    run("export file", &valid, |input| {
        let merged = taken(&mut merge, input, |t, text| t.app.import_data(text));
        let replaced = taken(&mut fresh, input, |t, text| t.app.import_data(text));
        if replaced {
            fresh = TestApp::new();
        }
        merged || replaced
    });
}

#[test]
fn sealed_export_files_with_hostile_documents() {
    let (t, _) = learner();
    let valid = Snapshot::parse(&t.app.export_data().unwrap()).unwrap();
    let (mut merge, mut fresh) = (learner().0, TestApp::new());
    run_cases("sealed export file", |n| {
        let mut snapshot = valid.clone();
        let with_docs: Vec<usize> =
            (0..snapshot.collections.len()).filter(|&i| !snapshot.collections[i].1.is_empty()).collect();
        let (_, docs) = &mut snapshot.collections[with_docs[n as usize % with_docs.len()]];
        let at = (n as usize / with_docs.len()) % docs.len();
        if n % 11 == 0 {
            docs.push(docs[at].clone());
        } else {
            docs[at] = waymark_store::RawDoc::new(document_case(docs[at].as_document(), n));
        }
        let text = snapshot.to_text();
        let merged = taken(&mut merge, text.as_bytes(), |t, text| t.app.import_data(text));
        let replaced = taken(&mut fresh, text.as_bytes(), |t, text| t.app.import_data(text));
        if replaced {
            fresh = TestApp::new();
        }
        merged || replaced
    });
}

#[test]
fn card_files() {
    let (mut t, goal) = learner();
    run("cards file", CARDS, |input| taken(&mut t, input, |t, text| t.app.import_cards(text, Some(&goal), true)));
}

#[test]
fn roadmap_files() {
    let (mut t, goal) = learner();
    for format in [RoadmapFormat::Markdown, RoadmapFormat::Json] {
        let valid = t.app.export_roadmap(&goal, format).unwrap();
        let name = format!("{format:?} roadmap");
        run(&name, &valid, |input| taken(&mut t, input, |t, text| t.app.import_roadmap(&goal, text, format)));
    }
}

#[test]
fn backups() {
    let (mut t, _) = learner();
    let made = t.app.backup_now().unwrap();
    let path = t.app.backup_dir().join(format!("{}.json.gz", made.id));
    let mut valid = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap()), &mut valid)
        .unwrap();
    let id = "waymark-20260301-080000";
    let file = t.app.backup_dir().join(format!("{id}.json.gz"));
    run("backup", &valid, |input| {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(input).unwrap();
        let mut bytes = gz.finish().unwrap();
        if input.len() % 5 == 0 && !bytes.is_empty() {
            let at = input.len() % bytes.len();
            bytes[at] ^= 0x5a;
        }
        std::fs::write(&file, &bytes).unwrap();
        let before = t.app.change_counter();
        let result = t.app.restore_backup(id);
        if let Err(e) = &result {
            assert_eq!(t.app.change_counter(), before, "refused ({e:?}) but wrote");
        }
        result.is_ok()
    });
}
