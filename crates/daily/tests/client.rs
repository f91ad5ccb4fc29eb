//! The Daily client against a local HTTP stub: the exact request it sends (query string, auth
//! header, user agent) and how it decodes the spec's example, real-world variants and Daily's
//! error bodies.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::num::NonZeroU64;

use meetkit_daily::types::{DailyError, DailyMeetingList, DailyParticipant};
use meetkit_daily::{Client, Error, ResponseValue, Secret};
use meetkit_test_stub::*;

const MEETINGS_200: &str = "/paths/~1meetings/get/responses/200/content/application~1json/example";

fn client(stub: &Stub) -> Client {
    Client::connect(&stub.url("/v1"), &Secret::new("k"), &options()).unwrap()
}

async fn list(stub: &Stub) -> Result<ResponseValue<DailyMeetingList>, Error<DailyError>> {
    client(stub).list_meetings().send().await
}

#[tokio::test]
async fn every_query_parameter_is_sent_exactly() {
    let stub = Stub::start(200, &[], r#"{"total_count":0,"data":[]}"#).await;
    client(&stub)
        .list_meetings()
        .room("team standup&co")
        .timeframe_start(1_795_248_000i64)
        .timeframe_end(1_795_334_400i64)
        .limit(NonZeroU64::new(100).unwrap())
        .starting_after("0a3d3c1b-6a5e-4b7e-9c2a-3f0e7a1d2b44")
        .ending_before("1b4e4d2c-7b6f-4c8f-8d3b-4a1f8b2e3c55")
        .ongoing(true)
        .no_participants(false)
        .send()
        .await
        .unwrap();
    let seen = stub.seen().await;
    assert_eq!(seen.method, "GET");
    assert_eq!(seen.path(), "/v1/meetings");
    assert_eq!(
        seen.target,
        "/v1/meetings?ending_before=1b4e4d2c-7b6f-4c8f-8d3b-4a1f8b2e3c55&limit=100\
         &no_participants=false&ongoing=true&room=team+standup%26co\
         &starting_after=0a3d3c1b-6a5e-4b7e-9c2a-3f0e7a1d2b44\
         &timeframe_end=1795334400&timeframe_start=1795248000"
    );
    assert!(
        seen.query_pairs()
            .contains(&("room".to_owned(), "team standup&co".to_owned()))
    );
}

#[tokio::test]
async fn no_parameters_means_no_query_string() {
    let stub = Stub::start(200, &[], r#"{"total_count":0,"data":[]}"#).await;
    list(&stub).await.unwrap();
    assert_eq!(stub.seen().await.target, "/v1/meetings");
}

#[tokio::test]
async fn limit_zero_is_refused_before_sending() {
    let stub = Stub::start(200, &[], "{}").await;
    let err = client(&stub)
        .list_meetings()
        .limit(0u64)
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    stub.abort();
}

#[tokio::test]
async fn sends_bearer_key_and_meetkit_user_agent() {
    let stub = Stub::start(200, &[], r#"{"total_count":0,"data":[]}"#).await;
    list(&stub).await.unwrap();
    let seen = stub.seen().await;
    assert_eq!(seen.header("authorization"), Some("Bearer k"));
    assert_eq!(seen.header("user-agent"), Some(USER_AGENT));
    assert_eq!(USER_AGENT, "meetkit/0.1.0");
}

#[tokio::test]
async fn decodes_the_spec_example() {
    let example = spec_example("daily", MEETINGS_200);
    let stub = Stub::start(200, &[], example.to_string()).await;
    let page = list(&stub).await.unwrap().into_inner();
    assert_eq!(
        serde_json::to_value(&page).unwrap(),
        without_nulls(example.clone())
    );
    assert_eq!(page.total_count, 2);
    let first = &page.data[0];
    assert_eq!(first.id, "0a3d3c1b-6a5e-4b7e-9c2a-3f0e7a1d2b44");
    assert_eq!(first.room.as_deref(), Some("standup"));
    assert_eq!(first.start_time, Some(1_795_255_200));
    assert_eq!(first.duration, Some(1845));
    assert_eq!(first.ongoing, Some(false));
    assert_eq!(first.participants.as_ref().unwrap().len(), 3);
    assert_eq!(
        first.participants.as_ref().unwrap()[1],
        DailyParticipant {
            user_id: None,
            participant_id: Some("7d1b5c4f-2a3e-4f6b-9c0d-1e2f3a4b5c6d".into()),
            user_name: None,
            join_time: Some(1_795_255_260),
            duration: Some(1200),
        }
    );
    assert_eq!(
        page.data[1].participants.as_ref().unwrap()[0]
            .user_name
            .as_deref(),
        Some("Guest")
    );
}

#[tokio::test]
async fn decodes_nulls_absent_fields_and_omitted_participants() {
    let body = r#"{
        "total_count": 3,
        "data": [
            {"id": "s1", "room": "r", "start_time": 1795255200, "duration": 60, "ongoing": true,
             "max_participants": 1, "new_field": [1, 2]},
            {"id": "s2", "participants": [
                {"user_id": null, "user_name": null, "participant_id": "p", "join_time": 1,
                 "duration": 2},
                {"participant_id": "q"}
            ]},
            {"id": "s3", "room": "r", "participants": []}
        ]
    }"#;
    let stub = Stub::start(200, &[], body).await;
    let page = list(&stub).await.unwrap().into_inner();
    assert_eq!(page.total_count, 3);
    // `no_participants=true`: the list is absent.
    assert!(page.data[0].participants.is_none());
    assert_eq!(page.data[0].ongoing, Some(true));
    assert_eq!(page.data[1].room, None);
    assert_eq!(page.data[1].start_time, None);
    assert_eq!(page.data[1].participants.as_ref().unwrap()[0].user_id, None);
    assert_eq!(
        page.data[1].participants.as_ref().unwrap()[0].user_name,
        None
    );
    assert_eq!(
        page.data[1].participants.as_ref().unwrap()[1],
        DailyParticipant {
            participant_id: Some("q".into()),
            ..DailyParticipant::default()
        }
    );
    assert!(page.data[2].participants.as_ref().unwrap().is_empty());
}

#[tokio::test]
async fn error_bodies_decode_into_daily_error() {
    let example = |status: &str| {
        spec_example(
            "daily",
            &format!("/paths/~1meetings/get/responses/{status}/content/application~1json/example"),
        )
        .to_string()
    };
    let cases = [
        (
            400,
            example("400"),
            "authorization-header-error",
            "Authorization header missing or malformed.",
        ),
        (
            401,
            example("401"),
            "authentication-error",
            "Invalid API key.",
        ),
        (
            429,
            r#"{"error":"rate-limit-error","info":"Too many requests."}"#.to_owned(),
            "rate-limit-error",
            "Too many requests.",
        ),
        (
            500,
            r#"{"error":"server-error","info":"Something went wrong."}"#.to_owned(),
            "server-error",
            "Something went wrong.",
        ),
    ];
    for (status, body, error, info) in cases {
        let stub = Stub::start(status, &[], body).await;
        let err = list(&stub).await.unwrap_err();
        let Error::ErrorResponse(response) = err else {
            panic!("HTTP {status}: expected an error response, got {err:?}");
        };
        assert_eq!(response.status().as_u16(), status);
        assert_eq!(
            response.into_inner(),
            DailyError {
                error: Some(error.to_owned()),
                info: Some(info.to_owned()),
            },
            "HTTP {status}"
        );
    }
}
