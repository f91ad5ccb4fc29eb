//! The Attention client against a local HTTP stub: the exact request it sends (repeated
//! `filter[user_id]`, RFC 3339 datetimes, booleans; bare-key auth, user agent) and how it
//! decodes the spec's example, real-world variants and Attention's error bodies.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::num::NonZeroU64;

use chrono::{DateTime, Utc};
use meetkit_attention::open_enums::MeetingTypeFilter;
use meetkit_attention::types::{AttentionError, RecorderMeetingList};
use meetkit_attention::{Client, Error, ResponseValue, Secret};
use meetkit_test_stub::*;

const MEETINGS: &str = "/paths/~1recorder_metrics~1all_meetings/get/responses";

fn client(stub: &Stub) -> Client {
    Client::connect(&stub.url("/v2"), &Secret::new("k"), &options()).unwrap()
}

fn time(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

async fn list(stub: &Stub) -> Result<ResponseValue<RecorderMeetingList>, Error<AttentionError>> {
    client(stub)
        .list_recorder_meetings()
        .from_date_time(time("2026-11-01T00:00:00Z"))
        .to_date_time(time("2026-11-21T00:00:00Z"))
        .send()
        .await
}

#[tokio::test]
async fn every_query_parameter_is_sent_exactly() {
    let stub = Stub::start(200, &[], r#"{"items":[]}"#).await;
    client(&stub)
        .list_recorder_meetings()
        .from_date_time(time("2026-11-01T01:00:00+01:00"))
        .to_date_time(time("2026-11-21T23:59:59.999Z"))
        .cursor("eyJk+/=")
        .size(NonZeroU64::new(200).unwrap())
        .upcoming(true)
        .filter_user_id(vec![
            "0b6c7e1a-2f3d-4c5b-8a9e-1d2c3b4a5f60".to_owned(),
            "1c7d8f2b-3a4e-4d6c-9b0f-2e3d4c5b6a71".to_owned(),
        ])
        .filter_meeting_type(MeetingTypeFilter::External)
        .send()
        .await
        .unwrap();
    let seen = stub.seen().await;
    assert_eq!(seen.method, "GET");
    assert_eq!(seen.path(), "/v2/recorder_metrics/all_meetings");
    assert_eq!(
        seen.target,
        "/v2/recorder_metrics/all_meetings?cursor=eyJk%2B%2F%3D&filter%5Bmeeting_type%5D=external\
         &filter%5Buser_id%5D=0b6c7e1a-2f3d-4c5b-8a9e-1d2c3b4a5f60\
         &filter%5Buser_id%5D=1c7d8f2b-3a4e-4d6c-9b0f-2e3d4c5b6a71\
         &fromDateTime=2026-11-01T00%3A00%3A00Z&size=200\
         &toDateTime=2026-11-21T23%3A59%3A59.999Z&upcoming=true"
    );
    let pairs = seen.query_pairs();
    let users: Vec<&str> = pairs
        .iter()
        .filter(|(k, _)| k == "filter[user_id]")
        .map(|(_, v)| v.as_str())
        .collect();
    assert_eq!(
        users,
        [
            "0b6c7e1a-2f3d-4c5b-8a9e-1d2c3b4a5f60",
            "1c7d8f2b-3a4e-4d6c-9b0f-2e3d4c5b6a71"
        ]
    );
    assert!(pairs.contains(&("fromDateTime".into(), "2026-11-01T00:00:00Z".into())));
    assert!(pairs.contains(&("filter[meeting_type]".into(), "external".into())));
}

#[tokio::test]
async fn required_window_only_and_upcoming_false() {
    let stub = Stub::start(200, &[], r#"{"items":[]}"#).await;
    client(&stub)
        .list_recorder_meetings()
        .from_date_time(time("2026-11-01T00:00:00Z"))
        .to_date_time(time("2026-11-21T00:00:00Z"))
        .upcoming(false)
        .send()
        .await
        .unwrap();
    assert_eq!(
        stub.seen().await.target,
        "/v2/recorder_metrics/all_meetings\
         ?fromDateTime=2026-11-01T00%3A00%3A00Z&toDateTime=2026-11-21T00%3A00%3A00Z&upcoming=false"
    );
}

#[tokio::test]
async fn missing_window_is_refused_before_sending() {
    let stub = Stub::start(200, &[], "{}").await;
    let err = client(&stub)
        .list_recorder_meetings()
        .from_date_time(time("2026-11-01T00:00:00Z"))
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    stub.abort();
}

#[tokio::test]
async fn sends_the_bare_key_and_meetkit_user_agent() {
    let stub = Stub::start(200, &[], r#"{"items":[]}"#).await;
    list(&stub).await.unwrap();
    let seen = stub.seen().await;
    assert_eq!(seen.header("authorization"), Some("k"));
    assert_eq!(seen.header("user-agent"), Some(USER_AGENT));
    assert_eq!(USER_AGENT, "meetkit/0.1.0");
}

#[tokio::test]
async fn decodes_the_spec_example() {
    let example = spec_example(
        "attention",
        &format!("{MEETINGS}/200/content/application~1json/example"),
    );
    let stub = Stub::start(200, &[], example.to_string()).await;
    let page = list(&stub).await.unwrap().into_inner();
    assert_eq!(
        serde_json::to_value(&page).unwrap(),
        without_nulls(example.clone())
    );
    assert_eq!(page.items.len(), 2);
    let first = &page.items[0];
    assert_eq!(first.uuid, "3q9f0s1k2l3m4n5o6p7q8r9s0t");
    assert_eq!(first.date, Some(time("2026-11-20T16:00:00Z")));
    assert_eq!(first.status.as_deref(), Some("recorded"));
    assert_eq!(
        first.conversation_uuid.as_deref(),
        Some("6f2e1d0c-9b8a-4765-8432-10fedcba9876")
    );
    assert_eq!(
        first.participants.as_ref().unwrap()[1].status.as_deref(),
        Some("not_join_when_alone")
    );
    // Not recorded: no conversation.
    assert_eq!(page.items[1].conversation_uuid, None);
    assert_eq!(
        page.next_cursor.as_deref(),
        Some("eyJkYXRlIjoiMjAyNi0xMS0xOVQwOTozMDowMFoiLCJ1dWlkIjoiN2gyaiJ9")
    );
}

#[tokio::test]
async fn decodes_new_statuses_nulls_and_every_end_of_data_shape() {
    let body = r#"{"items":[
        {"uuid": "a", "status": "some_status_added_next_year", "statusLabel": "New",
         "extra": {"nested": true}},
        {"uuid": "b", "summary": null, "date": null, "userUuid": null, "userName": null,
         "status": null, "statusLabel": null, "participants": null, "conversationUuid": null,
         "consentLinkUsed": null, "consentStatus": null},
        {"uuid": "c", "participants": [{"userUuid": null, "status": "bot_removed"}, {}]}
    ]}"#;
    let stub = Stub::start(200, &[], body).await;
    let page = list(&stub).await.unwrap().into_inner();
    assert_eq!(page.next_cursor, None);
    assert_eq!(
        page.items[0].status.as_deref(),
        Some("some_status_added_next_year")
    );
    assert_eq!(page.items[1].date, None);
    assert_eq!(page.items[1].participants, None);
    let participants = page.items[2].participants.as_ref().unwrap();
    assert_eq!(participants[0].status.as_deref(), Some("bot_removed"));
    assert_eq!(participants[1].user_name, None);

    for (body, cursor) in [
        (r#"{"items":[],"nextCursor":""}"#, Some("")),
        (r#"{"items":[],"nextCursor":null}"#, None),
    ] {
        let stub = Stub::start(200, &[], body).await;
        let page = list(&stub).await.unwrap().into_inner();
        assert_eq!(page.next_cursor.as_deref(), cursor, "{body}");
    }
}

#[tokio::test]
async fn error_bodies_decode_into_attention_error() {
    let unauthorized = spec_example(
        "attention",
        &format!("{MEETINGS}/401/content/application~1json/example"),
    );
    let bad_window = spec_example(
        "attention",
        &format!("{MEETINGS}/400/content/application~1json/example"),
    );
    let cases = [
        (
            400,
            bad_window.to_string(),
            AttentionError {
                message: Some("toDateTime must be within 90 days of fromDateTime".into()),
                ..AttentionError::default()
            },
        ),
        (
            401,
            unauthorized.to_string(),
            AttentionError {
                message: Some("Unauthorized".into()),
                ..AttentionError::default()
            },
        ),
        (
            401,
            r#"{"statusCode":401,"message":"Invalid API key","error":"Unauthorized"}"#.to_owned(),
            AttentionError {
                message: Some("Invalid API key".into()),
                error: Some("Unauthorized".into()),
                status_code: Some(401),
            },
        ),
        (
            429,
            r#"{"statusCode":429,"message":"ThrottlerException: Too Many Requests","retryIn":3}"#
                .to_owned(),
            AttentionError {
                message: Some("ThrottlerException: Too Many Requests".into()),
                error: None,
                status_code: Some(429),
            },
        ),
        (
            502,
            r#"{"message":"Bad gateway"}"#.to_owned(),
            AttentionError {
                message: Some("Bad gateway".into()),
                ..AttentionError::default()
            },
        ),
    ];
    for (status, body, expected) in cases {
        let stub = Stub::start(status, &[], body).await;
        let err = list(&stub).await.unwrap_err();
        let Error::ErrorResponse(response) = err else {
            panic!("HTTP {status}: expected an error response, got {err:?}");
        };
        assert_eq!(response.status().as_u16(), status);
        assert_eq!(response.into_inner(), expected, "HTTP {status}");
    }
}
