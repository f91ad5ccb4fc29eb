//! The Zoom client against a local HTTP stub: the exact request it sends (path, query string,
//! auth header, user agent) and how it decodes the spec's example, real-world variants and
//! Zoom's error bodies.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::num::NonZeroU64;

use chrono::NaiveDate;
use meetkit_test_stub::*;
use meetkit_zoom::open_enums::{ZoomEncryptionStatus, ZoomMeetingType, ZoomReportType};
use meetkit_zoom::types::{ZoomError, ZoomMeetingReport, ZoomOAuthError};
use meetkit_zoom::{Client, Error, Secret};

const REPORT_200: &str = "/paths/~1report~1users~1{userId}~1meetings/get/responses/200/content/application~1json/example";

fn client(stub: &Stub) -> Client {
    Client::connect(&stub.url("/v2"), &Secret::new("k"), &options()).unwrap()
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Sends a minimal report request for `user` and returns what it decoded to.
async fn report(
    stub: &Stub,
    user: &str,
) -> Result<meetkit_zoom::ResponseValue<ZoomMeetingReport>, Error<ZoomError>> {
    client(stub)
        .report_user_meetings()
        .user_id(user)
        .from(date("2026-10-01"))
        .to(date("2026-10-31"))
        .send()
        .await
}

#[tokio::test]
async fn every_query_parameter_is_sent_exactly() {
    let stub = Stub::start(200, &[], "{}").await;
    client(&stub)
        .report_user_meetings()
        .user_id("jill.chill+reports@example.com")
        .from(date("2026-01-01"))
        .to(date("2026-01-31"))
        .page_size(NonZeroU64::new(300).unwrap())
        .next_page_token("Tva2+CuId/Tgsv8=")
        .type_(ZoomReportType::PastJoined)
        .send()
        .await
        .unwrap();
    let seen = stub.seen().await;
    assert_eq!(seen.method, "GET");
    assert_eq!(
        seen.target,
        "/v2/report/users/jill.chill+reports@example.com/meetings\
         ?from=2026-01-01&next_page_token=Tva2%2BCuId%2FTgsv8%3D&page_size=300&to=2026-01-31&type=pastJoined"
    );
    let pairs = seen.query_pairs();
    assert_eq!(
        pairs,
        [
            ("from", "2026-01-01"),
            ("next_page_token", "Tva2+CuId/Tgsv8="),
            ("page_size", "300"),
            ("to", "2026-01-31"),
            ("type", "pastJoined"),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
    );
}

#[tokio::test]
async fn optional_parameters_left_unset_are_not_sent() {
    let stub = Stub::start(200, &[], "{}").await;
    report(&stub, "me").await.unwrap();
    assert_eq!(
        stub.seen().await.target,
        "/v2/report/users/me/meetings?from=2026-10-01&to=2026-10-31"
    );
}

#[tokio::test]
async fn user_id_is_percent_encoded_in_the_path() {
    // A uuid-style id with a leading `/` and a `//`: each slash must stay inside the segment.
    for (user, path) in [
        (
            "/Zq2Wz3mRZ6Ez0xk1n9bpQ==",
            "/v2/report/users/%2FZq2Wz3mRZ6Ez0xk1n9bpQ==/meetings",
        ),
        (
            "k8s//Hw2QbOyOq1ZLvZ0eA==",
            "/v2/report/users/k8s%2F%2FHw2QbOyOq1ZLvZ0eA==/meetings",
        ),
        (
            "jill@example.com",
            "/v2/report/users/jill@example.com/meetings",
        ),
        ("a b?c#d%e", "/v2/report/users/a%20b%3Fc%23d%25e/meetings"),
    ] {
        let stub = Stub::start(200, &[], "{}").await;
        report(&stub, user).await.unwrap();
        assert_eq!(stub.seen().await.path(), path, "user id {user:?}");
    }
}

#[tokio::test]
async fn page_size_zero_is_refused_before_sending() {
    let stub = Stub::start(200, &[], "{}").await;
    let err = client(&stub)
        .report_user_meetings()
        .user_id("me")
        .from(date("2026-10-01"))
        .to(date("2026-10-31"))
        .page_size(0u64)
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    stub.abort();
}

#[tokio::test]
async fn sends_bearer_token_and_meetkit_user_agent() {
    let stub = Stub::start(200, &[], "{}").await;
    report(&stub, "me").await.unwrap();
    let seen = stub.seen().await;
    assert_eq!(seen.header("authorization"), Some("Bearer k"));
    assert_eq!(seen.header("user-agent"), Some(USER_AGENT));
    assert_eq!(USER_AGENT, "meetkit/0.1.0");
    assert_eq!(seen.header("accept"), Some("application/json"));
}

#[tokio::test]
async fn oauth_token_exchange_sends_basic_credentials() {
    let example = spec_example(
        "zoom",
        "/paths/~1oauth~1token/post/responses/200/content/application~1json/example",
    );
    let stub = Stub::start(200, &[], example.to_string()).await;
    let oauth = Client::connect_oauth(
        &stub.url(""),
        "Q4r0client",
        &Secret::new("s3cr:et"),
        &options(),
    )
    .unwrap();
    let token = oauth
        .create_access_token()
        .account_id("Q4r0H2TkQw6mXo3e0yPb1A")
        .grant_type("account_credentials")
        .send()
        .await
        .unwrap()
        .into_inner();
    let seen = stub.seen().await;
    assert_eq!(seen.method, "POST");
    assert_eq!(
        seen.target,
        "/oauth/token?account_id=Q4r0H2TkQw6mXo3e0yPb1A&grant_type=account_credentials"
    );
    // base64("Q4r0client:s3cr:et")
    assert_eq!(
        seen.header("authorization"),
        Some("Basic UTRyMGNsaWVudDpzM2NyOmV0")
    );
    assert_eq!(seen.header("user-agent"), Some(USER_AGENT));
    assert_eq!(
        token.access_token,
        example["access_token"].as_str().unwrap()
    );
    assert_eq!(token.token_type.as_deref(), Some("bearer"));
    assert_eq!(token.expires_in, Some(3600));
    assert_eq!(token.scope.as_deref(), Some("report:read:admin"));
}

#[tokio::test]
async fn oauth_error_decodes() {
    let body = r#"{"reason":"Invalid client_id or client_secret","error":"invalid_client"}"#;
    let stub = Stub::start(401, &[], body).await;
    let oauth =
        Client::connect_oauth(&stub.url(""), "id", &Secret::new("bad"), &options()).unwrap();
    let err = oauth
        .create_access_token()
        .account_id("acct")
        .grant_type("account_credentials")
        .send()
        .await
        .unwrap_err();
    let Error::ErrorResponse(response) = err else {
        panic!("expected an error response, got {err:?}");
    };
    assert_eq!(response.status().as_u16(), 401);
    assert_eq!(
        response.into_inner(),
        ZoomOAuthError {
            error: Some("invalid_client".into()),
            reason: Some("Invalid client_id or client_secret".into()),
        }
    );
}

#[tokio::test]
async fn decodes_the_spec_example() {
    let example = spec_example("zoom", REPORT_200);
    let stub = Stub::start(200, &[], example.to_string()).await;
    let page = report(&stub, "me").await.unwrap().into_inner();
    // Nothing the example carries is lost or altered.
    assert_eq!(
        serde_json::to_value(&page).unwrap(),
        without_nulls(example.clone())
    );
    assert_eq!(
        page.next_page_token.as_deref(),
        Some("Tva2CuIdTgsv8wAnhyAdU3m06Y2HuLQtlh3")
    );
    assert_eq!(page.from, Some(date("2026-10-01")));
    assert_eq!(page.total_records, Some(32));
    let meetings = page.meetings.unwrap();
    assert_eq!(meetings.len(), 2);
    let first = &meetings[0];
    assert_eq!(first.id, Some(85_746_065_432));
    assert_eq!(first.uuid.as_deref(), Some("/Zq2Wz3mRZ6Ez0xk1n9bpQ=="));
    assert_eq!(first.type_, Some(ZoomMeetingType::RecurringFixedTime));
    assert_eq!(
        first.meeting_encryption_status,
        Some(ZoomEncryptionStatus::Enhanced)
    );
    assert_eq!(first.join_time.as_deref(), Some("10/14/2026 15:20"));
    assert_eq!(
        first.start_time.unwrap().to_rfc3339(),
        "2026-10-14T15:20:04+00:00"
    );
    assert_eq!(
        first.custom_keys.as_ref().unwrap()[1].value.as_deref(),
        Some("CC-1042")
    );
    assert_eq!(
        meetings[1].type_,
        Some(ZoomMeetingType::PersonalMeetingRoom)
    );
    assert_eq!(
        meetings[1].uuid.as_deref(),
        Some("k8s//Hw2QbOyOq1ZLvZ0eA==")
    );
}

#[tokio::test]
async fn decodes_the_last_page_unknown_types_big_ids_nulls_and_absent_fields() {
    let body = r#"{
        "next_page_token": "",
        "page_count": 1,
        "page_size": 300,
        "total_records": 3,
        "meetings": [
            {"id": 98765432109876, "uuid": "//abc", "type": 99, "meeting_encryption_status": 7,
             "schedule_time": "12/22/2021 16:20", "some_new_field": {"x": 1}},
            {"id": null, "uuid": null, "type": null, "topic": null, "duration": null,
             "start_time": null, "end_time": null, "custom_keys": null, "user_email": null,
             "has_chat": null, "meeting_encryption_status": null, "participants_count": null},
            {}
        ]
    }"#;
    let stub = Stub::start(200, &[], body).await;
    let page = report(&stub, "me").await.unwrap().into_inner();
    // The last page: an empty token, not an absent one.
    assert_eq!(page.next_page_token.as_deref(), Some(""));
    assert_eq!(page.from, None);
    let meetings = page.meetings.unwrap();
    let first = &meetings[0];
    assert_eq!(first.id, Some(98_765_432_109_876));
    assert!(first.id.unwrap() > i64::from(u32::MAX));
    assert_eq!(first.type_, Some(ZoomMeetingType::Unknown(99)));
    assert!(!first.type_.unwrap().is_known());
    assert_eq!(
        first.meeting_encryption_status,
        Some(ZoomEncryptionStatus::Unknown(7))
    );
    assert_eq!(first.schedule_time.as_deref(), Some("12/22/2021 16:20"));
    for meeting in &meetings[1..] {
        assert_eq!(meeting, &meetkit_zoom::types::ZoomReportMeeting::default());
    }
}

#[tokio::test]
async fn decodes_an_empty_object_and_null_page_fields() {
    let stub = Stub::start(200, &[], "{}").await;
    let page = report(&stub, "me").await.unwrap().into_inner();
    assert_eq!(page.meetings, None);
    assert_eq!(page.next_page_token, None);
    let stub = Stub::start(
        200,
        &[],
        r#"{"next_page_token":null,"meetings":null,"page_count":null,"from":null,"to":null}"#,
    )
    .await;
    let page = report(&stub, "me").await.unwrap().into_inner();
    assert_eq!(page.meetings, None);
    assert_eq!(page.next_page_token, None);
}

/// Answers `status` with `body` and returns the error the client decoded.
async fn error_for(
    status: u16,
    headers: &[(&str, &str)],
    body: &str,
) -> meetkit_zoom::ResponseValue<ZoomError> {
    let stub = Stub::start(status, headers, body).await;
    let err = report(&stub, "me").await.unwrap_err();
    match err {
        Error::ErrorResponse(response) => response,
        other => panic!("HTTP {status}: expected an error response, got {other:?}"),
    }
}

#[tokio::test]
async fn error_bodies_decode_into_zoom_error() {
    let cases = [
        (
            400,
            spec_example(
                "zoom",
                "/paths/~1report~1users~1{userId}~1meetings/get/responses/400/content/application~1json/example",
            )
            .to_string(),
            300,
            "The next page token is invalid or expired.",
        ),
        (
            400,
            r#"{"code":200,"message":"Only available for Paid account."}"#.to_owned(),
            200,
            "Only available for Paid account.",
        ),
        (
            401,
            r#"{"code":124,"message":"Invalid access token."}"#.to_owned(),
            124,
            "Invalid access token.",
        ),
        (
            404,
            spec_example(
                "zoom",
                "/paths/~1report~1users~1{userId}~1meetings/get/responses/404/content/application~1json/example",
            )
            .to_string(),
            1001,
            "User does not exist.",
        ),
        (
            500,
            r#"{"code":500,"message":"Internal error."}"#.to_owned(),
            500,
            "Internal error.",
        ),
    ];
    for (status, body, code, message) in cases {
        let response = error_for(status, &[], &body).await;
        assert_eq!(response.status().as_u16(), status);
        assert_eq!(
            response.into_inner(),
            ZoomError {
                code: Some(code),
                message: Some(message.to_owned()),
            },
            "HTTP {status}"
        );
    }
}

#[tokio::test]
async fn rate_limit_error_keeps_its_headers() {
    let response = error_for(
        429,
        &[
            ("Retry-After", "2026-11-22T00:00:00Z"),
            ("X-RateLimit-Type", "Daily-limit"),
        ],
        r#"{"code":429,"message":"You have reached the maximum daily rate limit for this API."}"#,
    )
    .await;
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(
        response.headers().get("retry-after").unwrap(),
        "2026-11-22T00:00:00Z"
    );
    assert_eq!(
        response.headers().get("x-ratelimit-type").unwrap(),
        "Daily-limit"
    );
    assert_eq!(response.into_inner().code, Some(429));
}

#[tokio::test]
async fn an_undocumented_status_is_unexpected_not_a_decoded_error() {
    let stub = Stub::start(302, &[("location", "http://elsewhere.invalid/")], "").await;
    let err = report(&stub, "me").await.unwrap_err();
    match err {
        Error::UnexpectedResponse(response) => assert_eq!(response.status().as_u16(), 302),
        other => panic!("expected UnexpectedResponse, got {other:?}"),
    }
}
