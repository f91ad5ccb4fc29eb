//! The Telnyx client against a local HTTP stub: the exact request it sends (bracketed query
//! names, dates, page[size]; auth header, user agent) and how it decodes the spec's example,
//! real-world variants and Telnyx's error envelope.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::num::NonZeroU64;

use chrono::NaiveDate;
use meetkit_telnyx::open_enums::{RecordingStatus, RecordingType};
use meetkit_telnyx::types::{RoomRecordingList, TelnyxErrors};
use meetkit_telnyx::{Client, Error, ResponseValue, Secret};
use meetkit_test_stub::*;

const RECORDINGS: &str = "/paths/~1room_recordings/get/responses";

fn client(stub: &Stub) -> Client {
    Client::connect(&stub.url("/v2"), &Secret::new("k"), &options()).unwrap()
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

async fn list(stub: &Stub) -> Result<ResponseValue<RoomRecordingList>, Error<TelnyxErrors>> {
    client(stub).list_room_recordings().send().await
}

#[tokio::test]
async fn every_query_parameter_is_sent_exactly() {
    let stub = Stub::start(200, &[], r#"{"data":[]}"#).await;
    client(&stub)
        .list_room_recordings()
        .filter_date_ended_at_eq(date("2026-01-03"))
        .filter_date_ended_at_gte(date("2026-01-02"))
        .filter_date_ended_at_lte(date("2026-01-04"))
        .filter_date_started_at_eq(date("2026-01-05"))
        .filter_date_started_at_gte(date("2026-01-01"))
        .filter_date_started_at_lte(date("2026-01-31"))
        .filter_room_id(uuid::Uuid::parse_str("7b61621f-5fe4-4aad-ab11-9fd19e272e73").unwrap())
        .filter_participant_id(
            uuid::Uuid::parse_str("9b61621f-5fe4-4aad-ab11-9fd19e272e73").unwrap(),
        )
        .filter_session_id(uuid::Uuid::parse_str("8b61621f-5fe4-4aad-ab11-9fd19e272e73").unwrap())
        .filter_status("completed")
        .filter_type("audio")
        .filter_duration_secs_eq(60i64)
        .filter_duration_secs_lte(3600i64)
        .filter_duration_secs_gte(10i64)
        .page_size(NonZeroU64::new(250).unwrap())
        .page_number(NonZeroU64::new(3).unwrap())
        .send()
        .await
        .unwrap();
    let seen = stub.seen().await;
    assert_eq!(seen.method, "GET");
    assert_eq!(seen.path(), "/v2/room_recordings");
    assert_eq!(
        seen.query(),
        [
            "filter%5Bdate_ended_at%5D%5Beq%5D=2026-01-03",
            "filter%5Bdate_ended_at%5D%5Bgte%5D=2026-01-02",
            "filter%5Bdate_ended_at%5D%5Blte%5D=2026-01-04",
            "filter%5Bdate_started_at%5D%5Beq%5D=2026-01-05",
            "filter%5Bdate_started_at%5D%5Bgte%5D=2026-01-01",
            "filter%5Bdate_started_at%5D%5Blte%5D=2026-01-31",
            "filter%5Bduration_secs%5D%5Beq%5D=60",
            "filter%5Bduration_secs%5D%5Bgte%5D=10",
            "filter%5Bduration_secs%5D%5Blte%5D=3600",
            "filter%5Bparticipant_id%5D=9b61621f-5fe4-4aad-ab11-9fd19e272e73",
            "filter%5Broom_id%5D=7b61621f-5fe4-4aad-ab11-9fd19e272e73",
            "filter%5Bsession_id%5D=8b61621f-5fe4-4aad-ab11-9fd19e272e73",
            "filter%5Bstatus%5D=completed",
            "filter%5Btype%5D=audio",
            "page%5Bnumber%5D=3",
            "page%5Bsize%5D=250",
        ]
        .join("&")
    );
    // Percent-encoded brackets decode to the flat bracketed names Telnyx documents.
    let pairs = seen.query_pairs();
    let names: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        names,
        [
            "filter[date_ended_at][eq]",
            "filter[date_ended_at][gte]",
            "filter[date_ended_at][lte]",
            "filter[date_started_at][eq]",
            "filter[date_started_at][gte]",
            "filter[date_started_at][lte]",
            "filter[duration_secs][eq]",
            "filter[duration_secs][gte]",
            "filter[duration_secs][lte]",
            "filter[participant_id]",
            "filter[room_id]",
            "filter[session_id]",
            "filter[status]",
            "filter[type]",
            "page[number]",
            "page[size]",
        ]
    );
    assert!(pairs.contains(&("filter[date_started_at][gte]".into(), "2026-01-01".into())));
    assert!(pairs.contains(&("page[size]".into(), "250".into())));
}

#[tokio::test]
async fn no_parameters_means_no_query_string() {
    let stub = Stub::start(200, &[], r#"{"data":[]}"#).await;
    list(&stub).await.unwrap();
    assert_eq!(stub.seen().await.target, "/v2/room_recordings");
}

#[tokio::test]
async fn page_size_zero_is_refused_before_sending() {
    let stub = Stub::start(200, &[], "{}").await;
    let err = client(&stub)
        .list_room_recordings()
        .page_size(0u64)
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    stub.abort();
}

#[tokio::test]
async fn sends_bearer_key_and_meetkit_user_agent() {
    let stub = Stub::start(200, &[], r#"{"data":[]}"#).await;
    list(&stub).await.unwrap();
    let seen = stub.seen().await;
    assert_eq!(seen.header("authorization"), Some("Bearer k"));
    assert_eq!(seen.header("user-agent"), Some(USER_AGENT));
    assert_eq!(USER_AGENT, "meetkit/0.1.0");
}

#[tokio::test]
async fn decodes_the_spec_example() {
    let example = spec_example(
        "telnyx",
        &format!("{RECORDINGS}/200/content/application~1json/example"),
    );
    let stub = Stub::start(200, &[], example.to_string()).await;
    let page = list(&stub).await.unwrap().into_inner();
    assert_eq!(
        serde_json::to_value(&page).unwrap(),
        without_nulls(example.clone())
    );
    let rec = &page.data[0];
    assert_eq!(rec.id.to_string(), "6b61621f-62e0-4aad-ab11-9fd19e272e73");
    assert_eq!(rec.status, Some(RecordingStatus::Completed));
    assert_eq!(rec.type_, Some(RecordingType::Audio));
    assert_eq!(rec.duration_secs, Some(3660));
    assert_eq!(rec.size_mb, Some(5.6));
    assert_eq!(rec.download_url.as_deref(), Some(""));
    assert_eq!(
        rec.created_at.unwrap().to_rfc3339(),
        "2021-04-16T09:46:20.954863+00:00"
    );
    let meta = page.meta.unwrap();
    assert_eq!(
        (
            meta.page_number,
            meta.page_size,
            meta.total_pages,
            meta.total_results
        ),
        (Some(2), Some(25), Some(3), Some(55))
    );
}

#[tokio::test]
async fn decodes_unknown_statuses_and_types_nulls_and_absent_fields() {
    let body = r#"{
        "data": [
            {"id": "6b61621f-62e0-4aad-ab11-9fd19e272e73", "status": "failed", "type": "screen",
             "record_type": "room_recording", "new_field": true},
            {"id": "7b61621f-62e0-4aad-ab11-9fd19e272e73", "status": null, "type": null,
             "room_id": null, "session_id": null, "participant_id": null, "download_url": null,
             "duration_secs": null, "size_mb": null, "codec": null, "created_at": null,
             "updated_at": null, "started_at": null, "ended_at": null, "completed_at": null,
             "record_type": null},
            {"id": "8b61621f-62e0-4aad-ab11-9fd19e272e73", "status": "processing",
             "type": "video", "size_mb": 12}
        ]
    }"#;
    let stub = Stub::start(200, &[], body).await;
    let page = list(&stub).await.unwrap().into_inner();
    assert_eq!(page.meta, None);
    assert_eq!(
        page.data[0].status,
        Some(RecordingStatus::Unknown("failed".into()))
    );
    assert_eq!(
        page.data[0].type_,
        Some(RecordingType::Unknown("screen".into()))
    );
    assert_eq!(page.data[0].record_type.as_deref(), Some("room_recording"));
    let nulls = &page.data[1];
    assert_eq!(nulls.status, None);
    assert_eq!(nulls.room_id, None);
    assert_eq!(nulls.size_mb, None);
    assert_eq!(nulls.ended_at, None);
    assert_eq!(page.data[2].status, Some(RecordingStatus::Processing));
    assert_eq!(page.data[2].type_, Some(RecordingType::Video));
    // An integral size still decodes as a float.
    assert_eq!(page.data[2].size_mb, Some(12.0));
}

/// Answers `status` with `body` and returns the error the client decoded.
async fn error_for(
    status: u16,
    headers: &[(&str, &str)],
    body: &str,
) -> ResponseValue<TelnyxErrors> {
    let stub = Stub::start(status, headers, body).await;
    match list(&stub).await.unwrap_err() {
        Error::ErrorResponse(response) => response,
        other => panic!("HTTP {status}: expected an error response, got {other:?}"),
    }
}

#[tokio::test]
async fn rate_limit_envelope_decodes_with_code_10011() {
    let example = spec_example(
        "telnyx",
        &format!("{RECORDINGS}/4XX/content/application~1json/example"),
    );
    let response = error_for(
        429,
        &[("x-ratelimit-reset", "17"), ("x-ratelimit-remaining", "0")],
        &example.to_string(),
    )
    .await;
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(response.headers().get("x-ratelimit-reset").unwrap(), "17");
    let errors = response.into_inner().errors;
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].code.as_deref(), Some("10011"));
    assert_eq!(errors[0].title.as_deref(), Some("Too many requests"));
    assert_eq!(
        errors[0].detail.as_deref(),
        Some("You have exceeded the maximum number of allowed requests.")
    );
}

#[tokio::test]
async fn client_and_server_errors_decode_into_the_envelope() {
    let unprocessable = r#"{"errors":[{"code":"10015","title":"Invalid value",
        "detail":"The value of filter[date_started_at][gte] is not a date.",
        "source":{"parameter":"filter[date_started_at][gte]"},
        "meta":{"url":"https://developers.telnyx.com/docs/overview/errors/10015"}}]}"#;
    let response = error_for(422, &[], unprocessable).await;
    assert_eq!(response.status().as_u16(), 422);
    let error = &response.into_inner().errors[0];
    assert_eq!(error.code.as_deref(), Some("10015"));
    assert_eq!(
        error.source.as_ref().unwrap().parameter.as_deref(),
        Some("filter[date_started_at][gte]")
    );
    assert_eq!(
        error.meta["url"],
        "https://developers.telnyx.com/docs/overview/errors/10015"
    );
    for (status, code) in [(400, "10005"), (401, "10009"), (503, "10006")] {
        let body = format!(r#"{{"errors":[{{"code":"{code}","title":"t","detail":"d"}}]}}"#);
        let response = error_for(status, &[], &body).await;
        assert_eq!(response.status().as_u16(), status);
        assert_eq!(
            response.into_inner().errors[0].code.as_deref(),
            Some(code),
            "HTTP {status}"
        );
    }
}
