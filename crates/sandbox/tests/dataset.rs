//! The dataset is deterministic per seed and looks like the providers' real data.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::now;
use meetkit_sandbox::data::{Dataset, attendee, attention, daily, telnyx, zoom};
use meetkit_sandbox::{Provider, Sandbox, SandboxConfig, SandboxError};
use serde_json::{Value, json};

const N: u64 = 4000;

fn zoom_all(ds: &Dataset) -> Vec<zoom::ZoomMeeting> {
    (0..N)
        .map(|i| zoom::meeting(ds, ds.base(Provider::Zoom, i)))
        .collect()
}

#[test]
fn same_seed_same_records_other_seed_other_records() {
    let (a, b, c) = (
        Dataset::new(1, N as usize, now()),
        Dataset::new(1, N as usize, now()),
        Dataset::new(2, N as usize, now()),
    );
    assert_eq!(zoom_all(&a), zoom_all(&b));
    assert_ne!(zoom_all(&a), zoom_all(&c));
    for p in Provider::ALL {
        let from = now() - chrono::Duration::days(100);
        assert_eq!(
            meetkit_sandbox::truth::truth(&a, p, from, now()),
            meetkit_sandbox::truth::truth(&b, p, from, now())
        );
    }
}

#[test]
fn zoom_records_have_the_documented_quirks() {
    let ds = Dataset::new(5, N as usize, now());
    let all = zoom_all(&ds);
    assert!(all.iter().all(|m| m.id > i64::from(u32::MAX)));
    assert!(all.iter().any(|m| m.uuid.starts_with('/')));
    assert!(all.iter().any(|m| m.uuid.contains("//")));
    assert!(all.iter().any(|m| m.participants_count < 2));
    assert!(all.iter().any(|m| [3, 5, 6, 7, 9].contains(&m.kind)));
    assert!(
        all.iter().any(|m| m.join_time.contains('/')),
        "some non-ISO times"
    );
    let mut uuids: Vec<&str> = all.iter().map(|m| m.uuid.as_str()).collect();
    uuids.sort();
    uuids.dedup();
    assert_eq!(uuids.len(), all.len(), "uuids are unique");
    let mut ids: Vec<i64> = all.iter().map(|m| m.id).collect();
    ids.sort();
    ids.dedup();
    assert!(
        ids.len() < all.len(),
        "recurring meetings share a meeting number"
    );
    assert!(
        all.iter()
            .all(|m| m.start_time < m.end_time && m.duration > 0)
    );
    assert!(
        all.iter()
            .all(|m| m.start_time.as_str() <= now().to_rfc3339().as_str()),
        "reports are of the past"
    );
}

#[test]
fn other_providers_have_their_documented_shapes() {
    let ds = Dataset::new(5, N as usize, now());
    let daily: Vec<Value> = (0..N)
        .map(|i| json!(daily::session(&ds, ds.base(Provider::Daily, i))))
        .collect();
    assert!(
        daily
            .iter()
            .any(|s| s["participants"][0]["user_id"].is_null())
    );
    assert!(daily.iter().all(|s| s.get("end_time").is_none()));
    // With sessions dense enough, the newest ones are still going on at `now`.
    let dense = Dataset::new(5, 100_000, now());
    let newest: Vec<daily::DailySession> = (99_950..100_000)
        .map(|i| daily::session(&dense, dense.base(Provider::Daily, i)))
        .collect();
    assert!(newest.iter().any(|s| s.ongoing));
    assert!(
        newest
            .iter()
            .filter(|s| s.ongoing)
            .all(|s| s.start_time + s.duration == now().timestamp())
    );

    let telnyx: Vec<Value> = (0..N)
        .map(|i| json!(telnyx::recording(&ds, ds.base(Provider::Telnyx, i))))
        .collect();
    for key in ["status", "type", "codec"] {
        let mut values: Vec<&str> = telnyx.iter().map(|r| r[key].as_str().unwrap()).collect();
        values.sort();
        values.dedup();
        assert!(values.len() >= 2, "{key} varies: {values:?}");
    }
    assert!(telnyx.iter().all(|r| r["size_mb"].is_f64()));
    assert!(
        telnyx
            .iter()
            .all(|r| (r["status"] == "processing") == r["completed_at"].is_null())
    );

    let bots: Vec<Value> = (0..N)
        .map(|i| json!(attendee::bot(&ds, ds.base(Provider::Attendee, i))))
        .collect();
    for key in [
        "metadata",
        "join_at",
        "deduplication_key",
        "transcription_state",
        "recording_state",
    ] {
        assert!(
            bots.iter().any(|b| b[key].is_null()),
            "{key} is sometimes null"
        );
        assert!(
            bots.iter().any(|b| !b[key].is_null()),
            "{key} is sometimes set"
        );
    }
    assert!(bots.iter().any(|b| b["state"] == "scheduled"));
    assert!(bots.iter().all(|b| {
        let id = b["id"].as_str().unwrap();
        id.len() == 20
            && (id.starts_with("bot_") || id.starts_with("app_"))
            && id[4..].chars().all(|c| c.is_ascii_alphanumeric())
    }));
    // App sessions: some, always with a join_at; the app's states are theirs alone.
    const APP_STATES: [&str; 3] = ["connecting", "connected", "disconnecting"];
    let is_app = |b: &&Value| b["id"].as_str().unwrap().starts_with("app_");
    assert!(bots.iter().filter(is_app).count() > N as usize / 100);
    assert!(bots.iter().filter(is_app).all(|b| !b["join_at"].is_null()));
    assert!(
        bots.iter()
            .filter(|b| !is_app(b))
            .all(|b| !APP_STATES.contains(&b["state"].as_str().unwrap()))
    );
    // Live app sessions (the last hour) take every app state: a dense dataset has many.
    let dense = Dataset::new(1, 5_000_000, now());
    let hour_ago = now().timestamp() - 3600;
    let live: Vec<&str> = (0..dense.base_len())
        .rev()
        .map(|i| dense.base(Provider::Attendee, i))
        .skip_while(|r| r.start > now().timestamp())
        .take_while(|r| r.start > hour_ago)
        .filter(|r| attendee::is_app_session(&dense, *r))
        .map(|r| attendee::state(&dense, r))
        .collect();
    for state in APP_STATES {
        assert!(live.contains(&state), "{state} in {live:?}");
    }
    assert!(
        bots.iter()
            .flat_map(|b| b["events"].as_array().unwrap())
            .any(|e| e.get("sub_type").is_none())
    );

    let now_iso = now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    assert!(
        bots.iter()
            .flat_map(|b| b["events"].as_array().unwrap())
            .all(|e| e["created_at"].as_str().unwrap() <= now_iso.as_str()),
        "no event has happened after now"
    );

    let meetings: Vec<Value> = (0..N)
        .map(|i| json!(attention::meeting(&ds, ds.base(Provider::Attention, i))))
        .collect();
    assert!(meetings.iter().any(|m| m["status"] == "scheduled_future"));
    assert!(meetings.iter().any(|m| m["status"] == "recorded"));
    assert!(
        meetings
            .iter()
            .all(|m| m.get("conversationUuid").is_some() == (m["status"] == "recorded"))
    );
}

#[tokio::test]
async fn a_taken_port_is_a_bind_error() {
    let h = Sandbox::start(SandboxConfig::default()).await.unwrap();
    let taken = SandboxConfig {
        port: h.addr().port(),
        ..SandboxConfig::default()
    };
    let err = Sandbox::start(taken).await.unwrap_err();
    assert!(matches!(err, SandboxError::Bind { .. }));
    assert!(err.to_string().contains(&h.addr().port().to_string()));
    h.shutdown().await;
}

#[tokio::test]
async fn a_retitled_meeting_changes_its_title_and_nothing_else() {
    let h = Sandbox::start(SandboxConfig {
        meetings: 50,
        now: Some(now()),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let ds = h.dataset();
    let zoom_rec = ds.base(Provider::Zoom, 7);
    let attention_rec = ds.base(Provider::Attention, 7);
    let (zoom_before, attention_before) = (
        zoom::meeting(ds, zoom_rec),
        attention::meeting(ds, attention_rec),
    );
    assert!(h.retitle(Provider::Zoom, &zoom_before.uuid, "Renamed"));
    assert!(h.retitle(Provider::Attention, &attention_before.uuid, "Renamed too"));
    let zoom_after = zoom::meeting(ds, zoom_rec);
    let attention_after = attention::meeting(ds, attention_rec);
    assert_eq!(zoom_after.topic, "Renamed");
    assert_eq!(attention_after.summary, "Renamed too");
    assert_eq!(
        zoom::ZoomMeeting {
            topic: zoom_before.topic.clone(),
            ..zoom_after
        },
        zoom_before
    );
    assert_eq!(
        attention::AttentionMeeting {
            summary: attention_before.summary.clone(),
            ..attention_after
        },
        attention_before
    );
    assert_eq!(
        zoom::meeting(ds, ds.base(Provider::Zoom, 8)),
        zoom::meeting(&Dataset::new(0, 50, now()), ds.base(Provider::Zoom, 8)),
        "other meetings keep theirs"
    );
    assert!(!h.retitle(Provider::Zoom, "no-such-uuid", "x"));
    assert!(!h.retitle(Provider::Daily, &daily::session_id(ds, 7), "x"));
    h.shutdown().await;
}
