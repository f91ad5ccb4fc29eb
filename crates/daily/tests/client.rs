//! The Daily client against a local HTTP stub: the exact request it sends (query string, auth
//! header, user agent) and how it decodes the spec's example, real-world variants and Daily's
//! error bodies.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::num::NonZeroU64;

use meetkit_daily::types::{DailyError, DailyMeetingList, DailyParticipant};
use meetkit_daily::{Client, Error, HttpOptions, ResponseValue, Secret};

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
    stub.seen.abort();
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
