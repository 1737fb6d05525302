//! Remote documents as untrusted input, fuzzed: valid documents of every
//! kind, mutated (fields removed, retyped, hostile stamps, huge strings and
//! lists), put on the in-memory remote as another desktop would and pulled,
//! `WAYMARK_FUZZ_CASES` of them (10,000 unless set). No pull may panic or
//! hang, and nothing that does not pass the store's own check is ever
//! stored: each is applied as a valid document or kept aside.

use crate::fixtures::*;
use crate::support::*;
use waymark_core::hlc::Hlc;
use waymark_profiles::fuzz::{document_case, run_cases};
use waymark_store::{Collection, RawDoc, check_document};
use waymark_sync::{MemoryRemote, Remote};

/// Pulled every this many cases.
const BATCH: u64 = 100;

#[test]
fn hostile_remote_documents_never_reach_the_store() {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let remote = MemoryRemote::new();
    let wall = Wall::default();
    let a = Device::enabled(&wall, 0);
    a.edit(|tx| put_one_of_each(tx, 1, "g"));
    rt.block_on(a.sync(&remote)).unwrap();
    let b = Device::enabled(&wall, 0);
    rt.block_on(b.sync(&remote)).unwrap();
    let user = a.store(|s| s.identity().user_id.clone());
    let valid: Vec<(Collection, RawDoc)> = Collection::ALL
        .into_iter()
        .flat_map(|c| a.store(|s| s.raw_documents(c).unwrap()).into_iter().map(move |d| (c, d)))
        .collect();
    let (mut applied, mut errors) = (0u64, 0u64);
    run_cases("remote document", |n| {
        wall.advance(1);
        let (collection, doc) = &valid[n as usize % valid.len()];
        let mut hostile = RawDoc::new(document_case(doc.as_document(), n));
        if n % 3 == 0 {
            hostile.set_id(&uuid(10_000 + n));
        }
        let now_ms = wall.at(0).timestamp_millis();
        hostile.set_push_hlc(&format!("{now_ms:013}-{:05}-fuzz", n % 100_000));
        let inserted = rt.block_on(remote.insert_one(*collection, hostile)).unwrap_or(false);
        if (n + 1) % BATCH != 0 {
            return inserted;
        }
        let head = rt.block_on(remote.read_head(&user)).unwrap().unwrap();
        let to = format!("{:013}-99999-fuzz", now_ms);
        assert!(rt.block_on(remote.advance_head(&user, &head, &to)).unwrap());
        match rt.block_on(b.sync(&remote)) {
            Ok(report) => applied += report.pulled,
            Err(e) => {
                assert!(!e.message().is_empty());
                errors += 1;
            }
        }
        let at = b.now();
        for c in Collection::ALL {
            for d in b.store(|s| s.raw_documents(c).unwrap()) {
                let shown = format!("{:?}", d.as_document());
                assert!(check_document(c, d, at).is_ok(), "case {n}: an invalid {c} document was stored: {shown:.400}");
            }
        }
        inserted
    });
    let kept = b.store(|s| s.quarantined().unwrap()).len();
    eprintln!("remote documents: {applied} pulled, {kept} kept aside, {errors} sync runs failed");
    assert!(kept > 0, "hostile documents were kept aside");
    b.edit(|tx| tx.put(&goal(1, "edited after the fuzz")));
    let raw = b.store(|s| s.raw_document(Collection::Goals, &goal(1, "").id.0).unwrap().unwrap());
    let stamp = Hlc::parse(raw.hlc_text().unwrap()).expect("the clock still writes stamps that parse");
    assert!(stamp.physical_ms < wall.at(0).timestamp_millis() + 24 * 3_600_000 + 1, "and near the wall clock: {stamp}");
}
