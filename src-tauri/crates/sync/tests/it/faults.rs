//! Faults through the driver: the server killed in the middle of a push and
//! of a pull, then restarted on the same dir and port; a proxy that cuts the
//! connection after a number of bytes. Each ends with both devices and the
//! remote holding the same documents, nothing lost, nothing twice.

use crate::fixtures::*;
use crate::support::*;
use std::sync::Mutex;
use waymark_store::StoreError;
use waymark_sync::{MongoRemote, Phase, Remote, sync_once};

/// More than one push batch, so the server can die between two.
const DOCS: u64 = 4800;

/// A device holding `DOCS` documents of every kind.
fn heavy_device(wall: &Wall) -> Device {
    let d = Device::enabled(wall, 0);
    d.edit(|tx| {
        for n in 0..DOCS / 6 {
            tx.put(&goal(n, "g"))?;
            tx.put(&task(n, n, "t"))?;
            tx.put(&card(n, n, "c"))?;
            tx.put(&review(n, n, n))?;
            tx.put(&activity(n, n))?;
            tx.put(&attempt(n, n))?;
        }
        Ok::<_, StoreError>(())
    });
    d
}

async fn restart(server: &Mutex<PoloServer>) {
    let port = {
        let mut s = server.lock().unwrap();
        s.spawn();
        s.port
    };
    wait_ready(port).await;
}

async fn converged(a: &Device, b: &Device, remote: &MongoRemote) {
    for d in [a, b, a] {
        d.sync(remote).await.unwrap();
    }
    let live = a.live();
    assert_eq!(live.len() as u64, DOCS, "nothing lost");
    assert_eq!(b.live(), live);
    let remote_docs = remote_live(&RemoteKind::Mongo(remote.clone(), None)).await;
    assert_eq!(remote_docs, live, "the remote holds each document once, as the devices do");
    assert_eq!(a.pending() + b.pending(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_killed_mid_push_and_mid_pull_then_restarted() {
    let server = Mutex::new(PoloServer::start().await);
    let uri = server.lock().unwrap().uri();
    let remote = connect(&uri).await;
    let wall = Wall::default();
    let a = heavy_device(&wall);
    let kill_at = |phase: Phase| {
        let server = &server;
        move |p: waymark_sync::Progress| {
            if p.phase == phase && p.done >= 1 {
                server.lock().unwrap().kill();
            }
        }
    };
    let during_push = kill_at(Phase::Push);
    let e = sync_once(&a.local, &remote, &during_push).await.unwrap_err();
    assert!(e.kind().is_connectivity(), "{e}");
    assert!(a.pending() > 0, "the unfinished push stays queued");
    restart(&server).await;
    a.sync(&remote).await.unwrap();

    let b = Device::enabled(&wall, 0);
    let during_pull = kill_at(Phase::Pull);
    let e = sync_once(&b.local, &remote, &during_pull).await.unwrap_err();
    assert!(e.kind().is_connectivity(), "{e}");
    restart(&server).await;
    converged(&a, &b, &remote).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_cut_after_n_bytes_resumes_and_converges() {
    let server = PoloServer::start().await;
    let proxy = Proxy::start(server.port).await;
    let remote = connect(&proxy.uri()).await;
    let wall = Wall::default();
    let a = heavy_device(&wall);
    let b = Device::enabled(&wall, 0);
    let mut cuts = 0;
    for (device, budgets) in [(&a, [2_000u64, 20_000, 80_000]), (&b, [2_000, 20_000, 80_000])] {
        for bytes in budgets {
            proxy.cut_after(bytes);
            let result = device.sync(&remote).await;
            if proxy.is_cut() {
                cuts += 1;
                assert!(result.is_err(), "a cut connection fails the run");
            }
            proxy.heal();
        }
    }
    assert!(cuts >= 3, "the proxy cut {cuts} runs");
    wall.advance(60_000);
    b.edit(|tx| tx.put(&goal(0, "edited on B after the cuts")));
    converged(&a, &b, &remote).await;
    assert_eq!(a.store(|s| s.goal(&goal(0, "").id)).unwrap().title, "edited on B after the cuts");
}

/// Delete remote data pressed while a push is under way: the delete waits
/// for the run to end, so no batch lands after it, and sync is off from the
/// delete on — the remote ends up without anything of the learner.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deleting_remote_data_during_a_push_leaves_nothing_on_the_remote() {
    let server = PoloServer::start().await;
    let remote = server.remote().await;
    let wall = Wall::default();
    let a = heavy_device(&wall);
    let user = a.store(|s| s.identity().user_id.clone());
    let pushing = tokio::sync::Notify::new();
    let first_batch_sent = |p: waymark_sync::Progress| {
        if p.phase == Phase::Push && p.done >= 1 {
            pushing.notify_one();
        }
    };
    let delete = async {
        pushing.notified().await;
        waymark_sync::delete_remote_data(&a.local, &remote).await
    };
    let (run, deleted) = tokio::join!(sync_once(&a.local, &remote, &first_batch_sent), delete);
    run.unwrap();
    assert_eq!(deleted.unwrap(), DOCS, "the delete came after the whole push");
    assert!(!a.store(|s| s.sync_enabled()));
    let kind = RemoteKind::Mongo(remote.clone(), None);
    assert!(remote_all(&kind).await.is_empty(), "nothing of the learner is left on the remote");
    assert_eq!(remote.read_head(&user).await.unwrap(), None);
    let e = a.sync(&remote).await.unwrap_err();
    assert!(e.message().contains("sync is off"), "{e}");
}
