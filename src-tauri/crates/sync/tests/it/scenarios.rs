//! Two devices, step by step: first push and pull, edits both ways,
//! conflicts, deletions, append-only merge, joining a remote that has a
//! learner, late arrivals from a slow clock, a sync with nothing to do, a
//! restore stopped halfway.

use crate::fixtures::*;
use crate::support::*;
use waymark_core::goal::Goal;
use waymark_core::profile::Profile;
use waymark_core::task::Task;
use waymark_store::{Collection, Replace, check_document};
use waymark_sync::{MemoryRemote, Remote};

/// Runs a scenario against the in-memory remote, PoloDB's wire server, and
/// a real MongoDB when `WAYMARK_TEST_MONGODB_URI` is set.
macro_rules! on_every_remote {
    ($name:ident, $body:ident) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $name() {
            $body(&MemoryRemote::new()).await;
            let server = PoloServer::start().await;
            $body(&server.remote().await).await;
            if let Some(remote) = real_mongodb().await {
                $body(&remote).await;
            }
        }
    };
}

/// A fresh database on the MongoDB named by `WAYMARK_TEST_MONGODB_URI`.
pub async fn real_mongodb() -> Option<waymark_sync::MongoRemote> {
    let uri = std::env::var("WAYMARK_TEST_MONGODB_URI").ok()?;
    let db = format!("waymark_test_{}", uuid::Uuid::new_v4().simple());
    Some(waymark_sync::MongoRemote::connect(&uri, &db).await.expect("WAYMARK_TEST_MONGODB_URI connects"))
}

fn live_titles(d: &Device) -> Vec<String> {
    let mut t: Vec<String> = d.store(|s| s.goals().unwrap()).into_iter().map(|g| g.title).collect();
    t.sort();
    t
}

async fn first_push_then_pull_on_an_empty_device(remote: &impl Remote) {
    let wall = Wall::default();
    let a = Device::new(&wall, 0);
    a.edit(|tx| {
        put_one_of_each(tx, 1, "Spanish")?;
        let user = tx.get::<Goal>(&goal(1, "").id.0)?.map(|_| ());
        assert!(user.is_some());
        Ok(())
    });
    a.enable();
    assert_eq!(a.pending(), 7);
    let report = a.sync(remote).await.unwrap();
    assert_eq!(report.pushed, 7);
    assert_eq!(a.pending(), 0);

    wall.advance(1000);
    let b = Device::enabled(&wall, 0);
    let report = b.sync(remote).await.unwrap();
    assert!(report.joined && report.pulled >= 7, "{report:?}");
    assert_eq!(report.pushed, 0, "what B received is not sent back: {report:?}");
    assert_eq!(b.live(), a.live());
    let user_a = a.store(|s| s.identity().user_id.clone());
    assert_eq!(b.store(|s| s.identity().user_id.clone()), user_a, "the second device joined the first's learner");
    assert_eq!(b.store(|s| s.tasks_on(day(1)).unwrap()).len(), 1, "indexes follow pulled documents");
    assert_eq!(b.store(|s| s.cards().count()), 1);
    assert_eq!(b.pending(), 0, "nothing of B's own to push");
}
on_every_remote!(first_push_then_pull_on_an_empty_device_all_remotes, first_push_then_pull_on_an_empty_device);

async fn edits_and_deletes_travel_both_ways(remote: &impl Remote) {
    let (wall, a, b) = two_devices_sharing_a_goal(remote, "one").await;
    b.edit(|tx| {
        tx.put(&goal(1, "one, edited on B"))?;
        tx.put(&goal(2, "two"))
    });
    b.sync(remote).await.unwrap();
    a.sync(remote).await.unwrap();
    assert_eq!(live_titles(&a), vec!["one, edited on B", "two"]);
    wall.advance(1000);
    a.edit(|tx| tx.delete(&goal(2, "two")));
    a.sync(remote).await.unwrap();
    b.sync(remote).await.unwrap();
    assert_eq!(live_titles(&b), vec!["one, edited on B"]);
    assert_eq!(a.live(), b.live());
    assert!(a.conflict_hlcs().is_empty() && b.conflict_hlcs().is_empty(), "no rival edits, no conflicts");
    let purged = |d: &Device| d.store(|s| s.raw_document(Collection::Goals, &goal(2, "").id.0).unwrap().is_none());
    assert!(purged(&a) && purged(&b), "the tombstone is gone locally once the remote has it");
}
on_every_remote!(edits_and_deletes_travel_both_ways_all_remotes, edits_and_deletes_travel_both_ways);

async fn rival_edits_keep_the_loser_in_conflicts(remote: &impl Remote) {
    let (wall, a, b) = two_devices_sharing_a_goal(remote, "base").await;
    a.edit(|tx| tx.put(&goal(1, "A's title")));
    wall.advance(1000);
    b.edit(|tx| tx.put(&goal(1, "B's title (newer)")));
    a.sync(remote).await.unwrap();
    let report = b.sync(remote).await.unwrap();
    assert_eq!(report.conflicts, 1, "B pulled A's older rival: kept as a conflict");
    a.sync(remote).await.unwrap();
    assert_eq!(live_titles(&a), vec!["B's title (newer)"]);
    assert_eq!(a.live(), b.live());
    let kept = b.store(|s| s.conflicts().unwrap());
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].losing.get_str("title").unwrap(), "A's title");

    wall.advance(1000);
    let now = b.now();
    b.store(|s| waymark_sync::restore_conflict(s, now, &kept[0].id)).unwrap();
    b.sync(remote).await.unwrap();
    a.sync(remote).await.unwrap();
    assert_eq!(live_titles(&a), vec!["A's title"], "the restored version wins everywhere");
    assert!(b.store(|s| s.conflicts().unwrap()).is_empty());
}
on_every_remote!(rival_edits_keep_the_loser_in_conflicts_all_remotes, rival_edits_keep_the_loser_in_conflicts);

async fn a_newer_remote_version_met_while_pushing_is_a_conflict_too(remote: &impl Remote) {
    let (wall, a, b) = two_devices_sharing_a_goal(remote, "base").await;
    b.edit(|tx| tx.put(&goal(1, "B older")));
    wall.advance(1000);
    a.edit(|tx| tx.put(&goal(1, "A newer")));
    a.sync(remote).await.unwrap();
    b.sync(remote).await.unwrap();
    a.sync(remote).await.unwrap();
    assert_eq!(live_titles(&a), vec!["A newer"]);
    assert_eq!(a.live(), b.live());
    let kept: Vec<String> =
        b.store(|s| s.conflicts().unwrap()).iter().map(|c| c.losing.get_str("title").unwrap().to_string()).collect();
    assert_eq!(kept, vec!["B older"]);
}
on_every_remote!(
    a_newer_remote_version_is_a_conflict_all_remotes,
    a_newer_remote_version_met_while_pushing_is_a_conflict_too
);

async fn append_only_collections_merge_as_a_union(remote: &impl Remote) {
    let wall = Wall::default();
    let a = Device::enabled(&wall, 0);
    let b = Device::enabled(&wall, 3_000);
    a.edit(|tx| tx.put(&goal(1, "g")));
    a.sync(remote).await.unwrap();
    b.sync(remote).await.unwrap();
    a.edit(|tx| {
        tx.put(&review(1, 1, 1))?;
        tx.put(&activity(1, 1))
    });
    b.edit(|tx| {
        tx.put(&review(2, 1, 1))?;
        tx.put(&attempt(2, 1))
    });
    for d in [&a, &b, &a] {
        d.sync(remote).await.unwrap();
    }
    assert_eq!(a.live(), b.live());
    assert_eq!(a.store(|s| s.reviews().unwrap()).len(), 2);
    assert!(a.conflict_hlcs().is_empty() && b.conflict_hlcs().is_empty());
}
on_every_remote!(append_only_collections_merge_as_a_union_all_remotes, append_only_collections_merge_as_a_union);

/// Device A's clock is slow: its offline edit carries an older stamp than
/// everything B already pushed and pulled. It must still reach B.
async fn late_arrivals_from_a_slow_clock_are_not_lost(remote: &impl Remote) {
    let wall = Wall::default();
    let a = Device::enabled(&wall, -3_600_000);
    let b = Device::enabled(&wall, 3_600_000);
    b.edit(|tx| tx.put(&goal(1, "from B")));
    b.sync(remote).await.unwrap();
    a.sync(remote).await.unwrap();
    a.edit(|tx| tx.put(&task(7, 1, "edited offline on slow A")));
    wall.advance(1000);
    b.edit(|tx| tx.put(&goal(2, "B again")));
    b.sync(remote).await.unwrap();
    b.sync(remote).await.unwrap();
    let b_checkpoint = b.store(|s| s.sync_state().unwrap().checkpoint.unwrap());
    let a_stamp = a.store(|s| s.raw_document(Collection::Tasks, &task(7, 1, "").id.0).unwrap().unwrap());
    assert!(a_stamp.get_str("hlc").unwrap() < b_checkpoint.as_str(), "A's edit is stamped before B's checkpoint");
    a.sync(remote).await.unwrap();
    b.sync(remote).await.unwrap();
    assert_eq!(
        b.store(|s| s.task(&task(7, 1, "").id)).map(|t: Task| t.title).as_deref(),
        Some("edited offline on slow A")
    );
    assert_eq!(a.live(), b.live());
}
on_every_remote!(late_arrivals_from_a_slow_clock_all_remotes, late_arrivals_from_a_slow_clock_are_not_lost);

async fn a_sync_with_nothing_to_do_is_one_round_trip(remote: &impl Remote) {
    let wall = Wall::default();
    let a = Device::enabled(&wall, 0);
    a.edit(|tx| tx.put(&goal(1, "g")));
    a.sync(remote).await.unwrap();
    let report = a.sync(remote).await.unwrap();
    assert_eq!((report.pushed, report.pulled, report.round_trips), (0, 0, 1), "{report:?}");
    let status = a.store(|s| waymark_sync::status(s).unwrap());
    assert!(status.enabled && status.last_success.is_some() && status.pending == 0 && status.last_error.is_none());
    assert_eq!(a.store(|s| s.sync_log(10).unwrap()).len(), 2, "every run is logged");
}
on_every_remote!(a_sync_with_nothing_to_do_is_one_round_trip_all_remotes, a_sync_with_nothing_to_do_is_one_round_trip);

async fn joining_a_remote_with_a_learner_adopts_it_and_the_remote_profile_wins(remote: &impl Remote) {
    let wall = Wall::default();
    let a = Device::enabled(&wall, 0);
    let user_a = a.store(|s| s.identity().user_id.clone());
    let mut profile_a = Profile::new(user_a.clone());
    profile_a.day_start_hour = 5;
    a.edit(|tx| tx.put(&profile_a));
    a.sync(remote).await.unwrap();

    let b = Device::new(&wall, 0);
    let user_b = b.store(|s| s.identity().user_id.clone());
    let mut profile_b = Profile::new(user_b.clone());
    profile_b.day_start_hour = 7;
    b.edit(|tx| {
        tx.put(&profile_b)?;
        tx.put(&goal(9, "B's own goal"))
    });
    b.enable();
    b.sync(remote).await.unwrap();
    a.sync(remote).await.unwrap();
    assert_eq!(b.store(|s| s.identity().user_id.clone()), user_a);
    assert_eq!(b.store(|s| s.get::<Profile>(&user_a).unwrap()).unwrap().day_start_hour, 5, "the remote profile wins");
    let kept = b.store(|s| s.conflicts().unwrap());
    assert_eq!(kept.len(), 1, "B's profile is kept as a conflict");
    assert_eq!(
        kept[0].losing.get_i32("day_start_hour").ok().map(i64::from).or(kept[0].losing.get_i64("day_start_hour").ok()),
        Some(7)
    );
    assert_eq!(live_titles(&a), vec!["B's own goal"], "B's data joined the learner's");
    assert_eq!(a.live(), b.live());
}
on_every_remote!(
    joining_adopts_the_remote_learner_all_remotes,
    joining_a_remote_with_a_learner_adopts_it_and_the_remote_profile_wins
);

async fn deleting_remote_data_removes_the_learner_everywhere_on_the_remote(remote: &impl Remote) {
    let wall = Wall::default();
    let a = Device::enabled(&wall, 0);
    a.edit(|tx| {
        tx.put(&goal(1, "g"))?;
        tx.put(&review(1, 1, 1))
    });
    a.sync(remote).await.unwrap();
    let user = a.store(|s| s.identity().user_id.clone());
    let deleted = waymark_sync::delete_remote_data(&a.local, remote).await.unwrap();
    assert_eq!(deleted, 2);
    assert!(!a.store(|s| s.sync_enabled()), "sync is off where the data was deleted");
    assert_eq!(remote.read_head(&user).await.unwrap(), None);
    let c = Device::enabled(&wall, 0);
    c.sync(remote).await.unwrap();
    assert!(live_titles(&c).is_empty(), "nothing of the learner is left");
}
on_every_remote!(deleting_remote_data_all_remotes, deleting_remote_data_removes_the_learner_everywhere_on_the_remote);

/// A restore with sync on, stopped after the replacement committed and
/// before its re-stamp: reopened, the store finishes it, and the backup's
/// content wins on both desktops (not the newer copies on the remote).
async fn a_restore_stopped_before_its_restamp_wins_once_reopened(remote: &impl Remote) {
    let (wall, a, b) = two_devices_sharing_a_goal(remote, "as backed up").await;
    let backup: Vec<_> = a.store(|s| {
        let docs = s.raw_documents(Collection::Goals).unwrap();
        docs.into_iter().map(|d| check_document(Collection::Goals, d, t0()).unwrap()).collect()
    });
    a.edit(|tx| {
        tx.put(&goal(1, "edited after the backup"))?;
        tx.put(&goal(2, "added after the backup"))
    });
    a.sync(remote).await.unwrap();
    b.sync(remote).await.unwrap();
    wall.advance(1000);
    let restore = Replace { user_id: None, forget_local: false, restamp: true };
    a.store(|s| s.replace_learner_data(backup, restore)).unwrap();
    let a = a.reopen();
    let now = a.now();
    assert!(!a.store(|s| s.finish_restamp(now)).unwrap(), "the open finished it: nothing is pending");
    a.sync(remote).await.unwrap();
    b.sync(remote).await.unwrap();
    assert_eq!(live_titles(&b), vec!["as backed up"], "the backup's content reached B");
    assert_eq!(live_titles(&a), vec!["as backed up"], "and is still what A holds");
    assert_eq!(a.live(), b.live());
}
on_every_remote!(a_stopped_restore_wins_all_remotes, a_restore_stopped_before_its_restamp_wins_once_reopened);
