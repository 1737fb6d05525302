//! Streaming and cancellation against the real server: text arrives in many
//! deltas, and dropping a request mid-stream returns at once and leaves the
//! server ready for the next one.

use crate::proposals::{goal, small_limits};
use crate::server::shared;
use std::time::{Duration, Instant};
use waymark_assistant::{Assistant, ChatRequest, Message, Model, OutputMode};

fn plain(max_tokens: u32) -> ChatRequest {
    ChatRequest {
        messages: vec![Message::user("Count from one to fifty in words, separated by commas.")],
        schema: None,
        mode: OutputMode::PromptOnly,
        max_tokens,
        max_reply_bytes: 64 * 1024,
        temperature: Some(0.0),
        seed: Some(1),
    }
}

#[tokio::test]
async fn deltas_arrive_more_than_once() {
    let client = shared().client();
    let mut pieces = Vec::new();
    let reply = client.chat(&plain(24), &mut |d| pieces.push(d.to_string())).await.unwrap();
    assert!(pieces.len() > 1, "{pieces:?}");
    assert_eq!(reply.deltas, pieces.len());
    assert_eq!(pieces.concat(), reply.text);
}

#[tokio::test]
async fn dropping_a_proposal_mid_stream_cancels_it_at_once() {
    let assistant = Assistant::new(shared().client(), small_limits());
    let (tx, rx) = tokio::sync::oneshot::channel::<Instant>();
    let mut tx = Some(tx);
    let mut deltas = 0;
    let mut on_delta = |_: &str| {
        deltas += 1;
        if let Some(tx) = tx.take() {
            let _ = tx.send(Instant::now());
        }
    };
    let goal = goal();
    let proposal = assistant.propose_roadmap(&goal, &mut on_delta);
    let cancelled_at = tokio::select! {
        done = proposal => panic!("the proposal finished before it was cancelled: {done:?}"),
        at = rx => at.unwrap(),
    };
    let took = cancelled_at.elapsed();
    assert_eq!(deltas, 1, "no delta arrives after the drop");
    assert!(took < Duration::from_millis(100), "cancel took {took:?}");
    let after = shared().client().chat(&plain(4), &mut |_| {}).await;
    assert!(after.is_ok(), "the server still answers after a cancel: {after:?}");
}
