//! Golden tests: each spec's example response (modelled on the provider's seed) normalized into
//! meetings, compared with `tests/golden/<provider>.json`. `UPDATE_GOLDEN=1` rewrites them.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use meetkit::providers::{attendee, attention, daily, telnyx, zoom};
use meetkit::{Meeting, Provider};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The 200 example of `operation_id` in `specs/<provider>.yaml`.
fn example(provider: Provider, operation_id: &str) -> Value {
    let text = std::fs::read_to_string(root().join(format!("specs/{provider}.yaml"))).unwrap();
    let spec: Value = serde_yaml::from_str(&text).unwrap();
    for item in spec["paths"].as_object().unwrap().values() {
        for op in item.as_object().unwrap().values() {
            if op.get("operationId").and_then(Value::as_str) == Some(operation_id) {
                return op["responses"]["200"]["content"]["application/json"]["example"].clone();
            }
        }
    }
    panic!("no example for {operation_id} in specs/{provider}.yaml");
}

fn normalize(provider: Provider) -> Vec<Meeting> {
    match provider {
        Provider::Zoom => {
            let page: meetkit_zoom::types::ZoomMeetingReport =
                serde_json::from_value(example(provider, "report_user_meetings")).unwrap();
            page.meetings
                .unwrap_or_default()
                .into_iter()
                .filter_map(|m| zoom::normalize(m, false))
                .collect()
        }
        Provider::Daily => {
            let page: meetkit_daily::types::DailyMeetingList =
                serde_json::from_value(example(provider, "list_meetings")).unwrap();
            page.data
                .into_iter()
                .filter_map(|m| daily::normalize(m, false))
                .collect()
        }
        Provider::Telnyx => {
            let page: meetkit_telnyx::types::RoomRecordingList =
                serde_json::from_value(example(provider, "list_room_recordings")).unwrap();
            page.data
                .into_iter()
                .filter_map(|m| telnyx::normalize(m, false))
                .collect()
        }
        Provider::Attendee => {
            let page: meetkit_attendee::types::PaginatedBotList =
                serde_json::from_value(example(provider, "list_bots")).unwrap();
            page.results
                .into_iter()
                .filter_map(|m| attendee::normalize(m, false))
                .collect()
        }
        Provider::Attention => {
            let page: meetkit_attention::types::RecorderMeetingList =
                serde_json::from_value(example(provider, "list_recorder_meetings")).unwrap();
            page.items
                .into_iter()
                .filter_map(|m| attention::normalize(m, false))
                .collect()
        }
    }
}

#[test]
fn seed_examples_normalize_to_their_golden_meetings() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut stale = Vec::new();
    for provider in Provider::ALL {
        let meetings = normalize(provider);
        assert!(
            !meetings.is_empty(),
            "{provider}: the example normalizes to no meeting"
        );
        let mut actual = serde_json::to_string_pretty(&meetings).unwrap();
        actual.push('\n');
        let path = root().join(format!("crates/meetkit/tests/golden/{provider}.json"));
        if update {
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != actual {
            stale.push(format!("{provider}:\n{actual}"));
        }
    }
    assert!(
        stale.is_empty(),
        "normalized output differs from tests/golden (UPDATE_GOLDEN=1 to accept):\n{}",
        stale.join("\n")
    );
}

#[test]
fn raw_carries_the_whole_record_when_asked() {
    let page: meetkit_zoom::types::ZoomMeetingReport =
        serde_json::from_value(example(Provider::Zoom, "report_user_meetings")).unwrap();
    let meeting = zoom::normalize(page.meetings.unwrap().remove(0), true).unwrap();
    let raw = meeting.raw.unwrap();
    assert!(raw.get("uuid").is_some() && raw.get("topic").is_some());
}

#[test]
fn unknown_enum_values_and_nulls_do_not_fail_a_page() {
    let bots = serde_json::json!({"next": null, "previous": null, "results": [{
        "id": "bot_x", "meeting_url": null, "state": "teleporting", "events": [{"type": "x", "created_at": "2026-01-01T00:00:00Z"}],
        "transcription_state": null, "recording_state": null, "join_at": "2026-01-01T00:00:00Z", "deduplication_key": null, "metadata": null
    }]});
    let mut page: meetkit_attendee::types::PaginatedBotList = serde_json::from_value(bots).unwrap();
    let meeting = attendee::normalize(page.results.remove(0), false).unwrap();
    assert_eq!(meeting.status, meetkit::MeetingStatus::Unknown);
    assert_eq!(meeting.status_raw.as_deref(), Some("teleporting"));
}

#[test]
fn every_golden_meeting_validates_against_the_committed_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("specs/meeting.schema.json")).unwrap(),
    )
    .unwrap();
    for provider in Provider::ALL {
        for meeting in normalize(provider) {
            let value = serde_json::to_value(&meeting).unwrap();
            if let Err(violations) = meetkit_openapi_check::validate_json_schema(&schema, &value) {
                panic!("{provider} {}: {violations:?}", meeting.id);
            }
        }
    }
}
