//! Documents on the remote that no Waymark wrote: a stamp from the far future
//! must not poison the clock of the desktop that pulls it (its next stamps
//! would not parse and would sort below every real one) — the document is
//! kept aside, listed, and tried again at every sync — and a head from the
//! far future stops the sync with words instead of pushing where no other
//! desktop would look.

use crate::fixtures::*;
use crate::scenarios::real_mongodb;
use crate::support::*;
use waymark_core::hlc::Hlc;
use waymark_store::{Collection, RawDoc};
use waymark_sync::{MemoryRemote, Remote};

const FAR_FUTURE: &str = "9999999999999-99999-rogue";
const HOUR: i64 = 3_600_000;

/// Two desktops in sync on goal 1, and, a second later, on the remote a copy of it as goal
/// `n` stamped `hlc`, pushed after the head; A has synced past it since.
async fn with_a_rogue_copy(remote: &impl Remote, n: u64, hlc: &str) -> (Wall, Device, Device) {
    let (wall, a, b) = two_devices_sharing_a_goal(remote, "one").await;
    let mut rogue = a.store(|s| s.raw_document(Collection::Goals, &goal(1, "").id.0).unwrap().unwrap());
    rogue.set_id(&goal(n, "").id.0);
    let mut body = rogue.as_document().clone();
    body.insert("hlc", hlc);
    let mut rogue = RawDoc::new(body);
    rogue.set_push_hlc(&format!("{:013}-00000-rogue", wall.at(0).timestamp_millis() + 1));
    assert!(remote.insert_one(Collection::Goals, rogue).await.unwrap());
    wall.advance(1000);
    a.edit(|tx| tx.put(&goal(1, "one, edited on A")));
    a.sync(remote).await.unwrap();
    (wall, a, b)
}

async fn a_far_future_document_is_left_out_and_sync_goes_on(remote: &impl Remote) {
    let (wall, a, b) = with_a_rogue_copy(remote, 2, FAR_FUTURE).await;
    let user = a.store(|s| s.identity().user_id.clone());

    let report = b.sync(remote).await.unwrap();
    assert_eq!(report.invalid, 1, "the rogue document is counted, not applied");
    assert!(b.store(|s| s.raw_document(Collection::Goals, &goal(2, "").id.0).unwrap().is_none()));
    let kept = b.store(|s| s.quarantined().unwrap());
    assert_eq!(kept.len(), 1, "it is kept aside");
    assert_eq!(kept[0].doc_id, goal(2, "").id.0);
    assert!(kept[0].reason.contains("hours ahead of this computer's clock"), "{}", kept[0].reason);
    let log = b.store(|s| s.sync_log(1).unwrap());
    assert_eq!(log[0].kept_aside, 1, "and counted in the sync log");
    wall.advance(1000);
    b.edit(|tx| tx.put(&goal(1, "one, edited on B")));
    let raw = b.store(|s| s.raw_document(Collection::Goals, &goal(1, "").id.0).unwrap().unwrap());
    let stamp = Hlc::parse(raw.get_str("hlc").unwrap()).expect("B's next stamp still parses");
    assert!(stamp.physical_ms < 9_999_999_999_999, "and is not dragged to the far future: {stamp}");
    let again = b.sync(remote).await.unwrap();
    assert_eq!((again.invalid, again.released), (0, 0), "tried again, still kept aside, not counted twice");
    assert_eq!(b.store(|s| s.quarantined().unwrap())[0].tries, 2);
    a.sync(remote).await.unwrap();
    let title = a.store(|s| s.goal(&goal(1, "").id).unwrap().title);
    assert_eq!(title, "one, edited on B", "B's edit reaches A");

    // A head from the far future: the next sync stops and says why.
    let head = remote.read_head(&user).await.unwrap().unwrap();
    assert!(remote.advance_head(&user, &head, FAR_FUTURE).await.unwrap());
    wall.advance(1000);
    b.edit(|tx| tx.put(&goal(1, "again")));
    let e = b.sync(remote).await.unwrap_err();
    assert!(e.message().contains("the remote's head is not a stamp this desktop can follow"), "{e}");
    assert!(e.message().contains("hours ahead of this computer's clock"), "{e}");
    assert_eq!(b.pending(), 1, "the edit waits, nothing was pushed below the head");
}

/// A desktop whose clock runs two days fast wrote it: once this desktop's
/// clock is within a day of the stamp, the next sync applies it.
async fn a_document_kept_aside_applies_once_the_clock_catches_up(remote: &impl Remote) {
    let ahead = format!("{:013}-00000-fast", t0().timestamp_millis() + 48 * HOUR);
    let (wall, _a, b) = with_a_rogue_copy(remote, 3, &ahead).await;
    assert_eq!(b.sync(remote).await.unwrap().invalid, 1);
    wall.advance(25 * HOUR);
    let report = b.sync(remote).await.unwrap();
    assert_eq!(report.released, 1, "applied from the quarantine");
    assert!(b.store(|s| s.quarantined().unwrap()).is_empty());
    assert!(b.store(|s| s.goal(&goal(3, "").id)).is_some(), "the document is there");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_document_kept_aside_applies_once_the_clock_catches_up_all_remotes() {
    a_document_kept_aside_applies_once_the_clock_catches_up(&MemoryRemote::new()).await;
    let server = PoloServer::start().await;
    a_document_kept_aside_applies_once_the_clock_catches_up(&server.remote().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_far_future_document_is_left_out_and_sync_goes_on_all_remotes() {
    a_far_future_document_is_left_out_and_sync_goes_on(&MemoryRemote::new()).await;
    let server = PoloServer::start().await;
    a_far_future_document_is_left_out_and_sync_goes_on(&server.remote().await).await;
    if let Some(remote) = real_mongodb().await {
        a_far_future_document_is_left_out_and_sync_goes_on(&remote).await;
    }
}

/// An owner claim that is not a learner id (here empty) would be adopted as
/// this store's learner, after which every backup and export is refused: the
/// sync stops with words and the store keeps its learner.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_owner_id_that_is_not_a_uuid_is_not_adopted() {
    let server = PoloServer::start().await;
    let remote = server.remote().await;
    let owner = mongodb::bson::doc! { "_id": "owner", "user_id": "" };
    remote.database().collection::<mongodb::bson::Document>(waymark_sync::OWNER).insert_one(owner).await.unwrap();
    let wall = Wall::default();
    let a = Device::enabled(&wall, 0);
    a.edit(|tx| tx.put(&goal(1, "one")));
    let user = a.store(|s| s.identity().user_id.clone());
    let e = a.sync(&remote).await.unwrap_err();
    assert!(e.message().contains("is not a Waymark learner id"), "{e}");
    assert_eq!(a.store(|s| s.identity().user_id.clone()), user, "the learner is kept");
    assert_eq!(a.pending(), 1, "and the edit still waits");
}
