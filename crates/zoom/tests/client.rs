//! The Zoom client against a local HTTP stub: the exact request it sends (path, query string,
//! auth header, user agent) and how it decodes the spec's example, real-world variants and
//! Zoom's error bodies.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::num::NonZeroU64;

use chrono::NaiveDate;
use meetkit_zoom::open_enums::{ZoomEncryptionStatus, ZoomMeetingType, ZoomReportType};
use meetkit_zoom::types::{ZoomError, ZoomMeetingReport, ZoomOAuthError};
use meetkit_zoom::{Client, Error, HttpOptions, Secret};

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
    stub.seen.abort();
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
// ---- A one-shot HTTP/1.1 stub on 127.0.0.1:0 (the same in every client crate's tests). ----

/// One request exactly as the stub received it.
#[derive(Debug)]
struct Seen {
    method: String,
    /// The request target: path and query string, byte for byte as sent.
    target: String,
    /// Header names lower-cased, values verbatim.
    headers: Vec<(String, String)>,
}

impl Seen {
    fn path(&self) -> &str {
        self.target
            .split_once('?')
            .map_or(self.target.as_str(), |(p, _)| p)
    }

    fn query(&self) -> &str {
        self.target.split_once('?').map_or("", |(_, q)| q)
    }

    /// The query decoded into (name, value) pairs, in order.
    fn query_pairs(&self) -> Vec<(String, String)> {
        url::form_urlencoded::parse(self.query().as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    }

    /// Every value of a header (names compare case-insensitively).
    fn header_all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    fn header(&self, name: &str) -> Option<&str> {
        let all = self.header_all(name);
        assert!(all.len() <= 1, "header {name} sent {} times", all.len());
        all.first().copied()
    }
}

/// A stub that answers one request with `status`, `headers` and `body`.
struct Stub {
    addr: std::net::SocketAddr,
    seen: tokio::task::JoinHandle<Seen>,
}

impl Stub {
    async fn start(status: u16, headers: &[(&str, &str)], body: impl Into<String>) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let body: String = body.into();
        let mut head = format!(
            "HTTP/1.1 {status} Stub\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n",
            body.len()
        );
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        let seen = tokio::spawn(async move {
            use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
            let (mut socket, _) = listener.accept().await.unwrap();
            let mut buf = Vec::new();
            let mut chunk = [0u8; 4096];
            while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                let n = socket.read(&mut chunk).await.unwrap();
                assert!(n > 0, "connection closed before the request head ended");
                buf.extend_from_slice(&chunk[..n]);
            }
            let text = String::from_utf8(buf).unwrap();
            let (request_head, _) = text.split_once("\r\n\r\n").unwrap();
            let mut lines = request_head.split("\r\n");
            let mut request_line = lines.next().unwrap().split(' ');
            let method = request_line.next().unwrap().to_owned();
            let target = request_line.next().unwrap().to_owned();
            assert_eq!(request_line.next(), Some("HTTP/1.1"));
            let headers = lines
                .map(|line| {
                    let (n, v) = line.split_once(':').unwrap();
                    (n.trim().to_ascii_lowercase(), v.trim().to_owned())
                })
                .collect();
            socket.write_all(head.as_bytes()).await.unwrap();
            socket.write_all(body.as_bytes()).await.unwrap();
            socket.shutdown().await.unwrap();
            Seen {
                method,
                target,
                headers,
            }
        });
        Self { addr, seen }
    }

    /// `http://127.0.0.1:<port><stem>`.
    fn url(&self, stem: &str) -> String {
        format!("http://{}{stem}", self.addr)
    }

    async fn seen(self) -> Seen {
        tokio::time::timeout(std::time::Duration::from_secs(10), self.seen)
            .await
            .expect("the client never sent a request")
            .unwrap()
    }
}

/// The response example at `pointer` (a JSON pointer) in `specs/<provider>.yaml`.
fn spec_example(provider: &str, pointer: &str) -> serde_json::Value {
    let path = format!("{}/../../specs/{provider}.yaml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let spec: serde_json::Value = serde_yaml::from_str(&text).unwrap();
    spec.pointer(pointer)
        .unwrap_or_else(|| panic!("{path} has nothing at {pointer}"))
        .clone()
}

/// `value` without its `null` members (the generated types skip `None` when serializing).
fn without_nulls(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => map
            .into_iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| (k, without_nulls(v)))
            .collect(),
        serde_json::Value::Array(items) => items.into_iter().map(without_nulls).collect(),
        other => other,
    }
}

const USER_AGENT: &str = concat!("meetkit/", env!("CARGO_PKG_VERSION"));

fn options() -> HttpOptions {
    HttpOptions {
        connect_timeout: std::time::Duration::from_secs(5),
        read_timeout: std::time::Duration::from_secs(5),
        request_timeout: std::time::Duration::from_secs(10),
        pool_max_idle_per_host: 0,
    }
}
