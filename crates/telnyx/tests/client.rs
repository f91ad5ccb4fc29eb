//! The Telnyx client against a local HTTP stub: the exact request it sends (bracketed query
//! names, dates, page[size]; auth header, user agent) and how it decodes the spec's example,
//! real-world variants and Telnyx's error envelope.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::num::NonZeroU64;

use chrono::NaiveDate;
use meetkit_telnyx::open_enums::{RecordingStatus, RecordingType};
use meetkit_telnyx::types::{RoomRecordingList, TelnyxErrors};
use meetkit_telnyx::{Client, Error, HttpOptions, ResponseValue, Secret};

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
    stub.seen.abort();
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
