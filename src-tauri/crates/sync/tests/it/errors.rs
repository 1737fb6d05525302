//! Connection failures are told apart (bad URI, refused, DNS, timeout, auth,
//! TLS), never show the password, and leave local work intact: offline,
//! changes queue and sync once the server appears.

use crate::fixtures::*;
use crate::support::*;
use std::time::Duration;
use waymark_sync::{ErrorKind, MongoRemote, SyncError, test_connection};

async fn ping(uri: &str) -> SyncError {
    let remote = MongoRemote::connect_with_timeouts(uri, "waymark", Duration::from_secs(2), Duration::from_secs(1))
        .await
        .expect("the address parses");
    remote.ping().await.expect_err("the server must not answer")
}

#[tokio::test]
async fn a_malformed_connection_string_is_a_bad_uri() {
    for uri in ["mongo://x", "mongodb://", "not a uri", "mongodb://h:99999"] {
        let e = test_connection(uri, "waymark").await.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::BadUri, "{uri}: {e}");
    }
    let e = test_connection("mongodb://127.0.0.1:1", " ").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadUri, "an empty database name: {e}");
}

#[tokio::test]
async fn a_closed_port_is_refused() {
    let e = ping(&format!("mongodb://127.0.0.1:{}/", free_port())).await;
    assert_eq!(e.kind(), ErrorKind::Refused, "{e}");
    assert_eq!(e.kind().code(), "refused");
}

#[tokio::test]
async fn an_unknown_host_is_a_dns_failure() {
    let e = ping("mongodb://waymark-no-such-host.invalid:27017/").await;
    assert_eq!(e.kind(), ErrorKind::Dns, "{e}");
    let e = test_connection("mongodb+srv://waymark-no-such-host.invalid/", "waymark").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Dns, "{e}");
}

#[tokio::test]
async fn a_server_that_never_answers_is_a_timeout() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let keep = tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            open.push(socket);
        }
    });
    let e = ping(&format!("mongodb://127.0.0.1:{port}/")).await;
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e}");
    keep.abort();
}

#[tokio::test]
async fn rejected_credentials_are_an_auth_failure_without_the_password() {
    let server = PoloServer::start().await;
    let uri = format!("mongodb://ann:Sup3rSecretPw@127.0.0.1:{}/?authSource=admin", server.port);
    let e = test_connection(&uri, "waymark").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::AuthFailed, "{e}");
    assert!(!format!("{e} {e:?}").contains("Sup3rSecretPw"), "the password leaked: {e:?}");
}

#[tokio::test]
async fn tls_to_a_plain_server_is_a_tls_failure() {
    let server = PoloServer::start().await;
    let e = ping(&format!("mongodb://127.0.0.1:{}/?tls=true", server.port)).await;
    assert_eq!(e.kind(), ErrorKind::Tls, "{e}");
}

#[tokio::test]
async fn a_working_server_answers_the_connection_test() {
    let server = PoloServer::start().await;
    let info = test_connection(&server.uri(), "waymark").await.unwrap();
    assert!(info.round_trip_ms < 10_000);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offline_changes_queue_and_sync_when_the_server_appears() {
    let wall = Wall::default();
    let a = Device::enabled(&wall, 0);
    let mut server = PoloServer::start().await;
    server.kill();
    let remote = server.remote().await;
    a.edit(|tx| tx.put(&goal(1, "written offline")));
    let e = a.sync(&remote).await.unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Refused | ErrorKind::Unreachable), "{e}");
    assert!(e.kind().is_connectivity());
    a.edit(|tx| tx.put(&task(1, 1, "also offline")));
    assert_eq!(a.pending(), 2, "local writes keep working and queue");
    let status = a.store(|s| waymark_sync::status(s).unwrap());
    assert_eq!(status.last_error_kind.as_deref(), Some(e.kind().code()));
    let log = a.store(|s| s.sync_log(5).unwrap());
    assert!(log[0].failed && log[0].error.is_some(), "a failed run is logged");

    server.restart().await;
    let report = a.sync(&remote).await.unwrap();
    assert_eq!(report.pushed, 2);
    assert_eq!(a.pending(), 0);
    let b = Device::enabled(&wall, 0);
    b.sync(&remote).await.unwrap();
    assert_eq!(a.live(), b.live());
    assert!(a.store(|s| waymark_sync::status(s).unwrap()).last_error.is_none());
}
