//! What a learner meets when the assistant cannot answer: off, a remote host
//! not acknowledged, a wrong key, a refused port, the server killed in the
//! middle of a reply — each with its code and words, and nothing written.

use super::{app_on, point_at, snapshot, unchanged};
use crate::support::TestApp;
use std::net::TcpListener;
use waymark_app::ai::{self, AssistantInput};
use waymark_app::{ErrorCode, SharedApp};
use waymark_test_ai::{shared, start};

fn goal(t: &mut TestApp) -> String {
    t.app.create_goal(crate::support::input("Learn Go", 5.0), None).unwrap().goal.id.to_string()
}

#[tokio::test]
async fn off_until_set_up_and_a_remote_host_is_acknowledged_once() {
    let mut t = TestApp::new();
    t.app.set_assistant_override(None);
    assert!(!t.app.assistant_view().unwrap().configured);
    let TestApp { dir, app } = t;
    let shared_app = SharedApp::new(app);
    assert_eq!(ai::check(&shared_app).await.unwrap_err().code, ErrorCode::AssistantOff);
    let remote = AssistantInput { base_url: "http://192.168.1.9:8080/v1/".into(), model: "m".into(), key: None };
    let view = shared_app.with(|app| app.set_assistant(remote)).unwrap();
    assert_eq!(view.base_url.as_deref(), Some("http://192.168.1.9:8080/v1"));
    assert!(view.configured && !view.local && !view.acknowledged);
    assert!(view.notice.as_deref().unwrap().contains("192.168.1.9"), "{view:?}");
    assert!(view.plain_http_warning.as_deref().unwrap().contains("unencrypted"), "{view:?}");
    let e = ai::check(&shared_app).await.unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::AssistantOff, Some("acknowledged")), "{e:?}");
    assert!(shared_app.with(|app| app.acknowledge_remote_assistant()).unwrap().acknowledged);
    let bad = AssistantInput { base_url: "ftp://x".into(), model: "m".into(), key: None };
    let e = shared_app.with(|app| app.set_assistant(bad)).unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::InvalidInput, Some("base_url")));
    drop(shared_app);
    let app = waymark_app::App::open(dir.path(), crate::support::clock_on(crate::support::day(crate::support::TODAY)));
    let mut app = app.unwrap();
    app.set_assistant_override(None);
    assert!(app.assistant_view().unwrap().acknowledged, "the acknowledgement is kept");
    assert!(!app.forget_assistant().unwrap().configured);
}

#[tokio::test]
async fn a_wrong_key_gives_the_401_message_and_a_refused_port_the_unreachable_one() {
    let server = shared();
    let mut t = app_on(server);
    let id = goal(&mut t);
    point_at(&mut t.app, &server.url, &server.model, Some("sk-wrong-secret"));
    let before = snapshot(&t.app);
    let TestApp { dir: _dir, app } = t;
    let shared_app = SharedApp::new(app);
    let e = ai::check(&shared_app).await.unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::AssistantAuth, Some("key")), "{e:?}");
    assert!(e.message.contains("401") && e.message.contains("API key") && !e.message.contains("sk-wrong"), "{e}");
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    shared_app
        .with(|app| {
            point_at(app, &format!("http://127.0.0.1:{port}/v1"), "m", Some("k"));
            Ok(())
        })
        .unwrap();
    let e = ai::propose_roadmap(&shared_app, &id, "", None, &mut |_| {}).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::AssistantUnreachable, "{e:?}");
    assert!(e.message.contains("connection refused") && e.message.contains(&port.to_string()), "{e}");
    unchanged(&shared_app, &before, "nothing is written");
}

#[tokio::test]
async fn the_server_killed_mid_stream_gives_a_clear_error_and_writes_nothing() {
    let mut server = start(1);
    let mut t = app_on(&server);
    let id = goal(&mut t);
    let before = snapshot(&t.app);
    let TestApp { dir: _dir, app } = t;
    let shared_app = SharedApp::new(app);
    let mut deltas = 0;
    let e = ai::propose_roadmap(&shared_app, &id, "", None, &mut |_| {
        deltas += 1;
        if deltas == 3 {
            server.kill();
        }
    })
    .await
    .unwrap_err();
    assert!(deltas >= 3);
    assert_eq!(e.code, ErrorCode::AssistantUnreachable, "{e:?}");
    assert!(e.message.contains("closed the connection before the reply was complete"), "{e}");
    unchanged(&shared_app, &before, "nothing is written");
}
