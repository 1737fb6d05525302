//! Every failure a learner can meet, each giving its kind and a message that
//! says what to check: a wrong key (401), a wrong path (404), a closed port,
//! a host that does not resolve, an https address of a plain-http server, a
//! server that never answers, an address that is not the API, and the server
//! killed in the middle of a reply.

use crate::proposals::{goal, small_limits};
use crate::server::{shared, start};
use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::{Duration, Instant};
use waymark_assistant::{
    ApiKey, Assistant, ChatRequest, Endpoint, ErrorKind, Message, Model, OpenAiClient, OutputMode, Timeouts,
};

fn client_at(url: &str, key: Option<&str>, timeouts: Timeouts) -> OpenAiClient {
    let endpoint = Endpoint::new(url, "smollm2-135m", key.and_then(ApiKey::new)).unwrap();
    OpenAiClient::new(endpoint, timeouts).unwrap()
}

fn quick() -> Timeouts {
    Timeouts { connect: Duration::from_secs(2), read: Duration::from_millis(500) }
}

#[tokio::test]
async fn a_wrong_key_is_unauthorized_and_never_printed() {
    let server = shared();
    let e = client_at(&server.url, Some("sk-wrong-secret"), Timeouts::default()).models().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unauthorized, "{e}");
    assert!(e.message.contains("API key") && e.message.contains("401"), "{e}");
    assert!(!e.message.contains("sk-wrong-secret") && !format!("{e:?}").contains("sk-wrong-secret"));
    let e = client_at(&server.url, None, Timeouts::default()).models().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unauthorized, "no key: {e}");
}

#[tokio::test]
async fn a_wrong_path_is_not_found() {
    let server = shared();
    let url = server.url.replace("/v1", "/v2");
    let e = client_at(&url, Some(server.key.as_str()), Timeouts::default()).models().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound, "{e}");
    assert!(e.message.contains("/v1"), "{e}");
}

#[tokio::test]
async fn a_closed_port_is_unreachable() {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let e = client_at(&format!("http://127.0.0.1:{port}/v1"), None, quick()).models().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unreachable, "{e}");
    assert!(e.message.contains("connection refused") && e.message.contains(&port.to_string()), "{e}");
}

#[tokio::test]
async fn a_host_that_does_not_resolve_is_a_dns_error() {
    let e = client_at("http://waymark-test.invalid/v1", None, quick()).models().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Dns, "{e}");
    assert!(e.message.contains("waymark-test.invalid"), "{e}");
}

#[tokio::test]
async fn https_to_a_plain_http_server_is_a_tls_error() {
    let port = plain_page_server(1);
    let e = client_at(&format!("https://127.0.0.1:{port}/v1"), None, quick()).models().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Tls, "{e}");
    assert!(e.message.contains("http://"), "{e}");
}

#[tokio::test]
async fn a_server_that_never_answers_times_out() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let held: Vec<_> = listener.incoming().take(1).collect();
        std::thread::sleep(Duration::from_secs(10));
        drop(held);
    });
    let started = Instant::now();
    let e = client_at(&format!("http://127.0.0.1:{port}/v1"), None, quick()).models().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Timeout, "{e}");
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
}

/// A plain-http server answering `answers` requests with a web page, as a
/// wrong address would: it is not the API.
fn plain_page_server(answers: usize) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(answers) {
            let mut stream = stream.unwrap();
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let page = "<html><body>Welcome to nginx!</body></html>";
            let head = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n", page.len());
            let _ = stream.write_all(format!("{head}{page}").as_bytes());
        }
    });
    port
}

#[tokio::test]
async fn an_address_that_is_not_the_api_says_so() {
    let port = plain_page_server(2);
    let client = client_at(&format!("http://127.0.0.1:{port}/v1"), None, quick());
    let e = client.models().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotTheApi, "{e}");
    let e = Assistant::new(client, small_limits()).propose_roadmap(&goal(), &mut |_| {}).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotTheApi, "{e}");
}

#[tokio::test]
async fn the_server_killed_mid_stream_is_a_clear_error() {
    let mut server = start(1);
    let client = server.client();
    let request = ChatRequest {
        messages: vec![Message::user("Count from one to a hundred in words.")],
        schema: None,
        mode: OutputMode::PromptOnly,
        max_tokens: 300,
        max_reply_bytes: 64 * 1024,
        temperature: Some(0.0),
        seed: Some(1),
    };
    let mut deltas = 0;
    let started = Instant::now();
    let e = client
        .chat(&request, &mut |_| {
            deltas += 1;
            if deltas == 3 {
                server.kill();
            }
        })
        .await
        .unwrap_err();
    eprintln!("killed mid-stream: {e} ({:?})", started.elapsed());
    assert!(deltas >= 3);
    assert_eq!(e.kind, ErrorKind::Closed, "{e}");
    assert!(e.message.contains("closed the connection before the reply was complete"), "{e}");
}
