//! The Attendee client against a local HTTP stub: the exact request it sends (repeated
//! `states`, RFC 3339 datetimes; `Token` auth, user agent) and how it decodes the spec's example,
//! real-world variants (the nulls Attendee really sends, new bot states) and its error bodies.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use chrono::{DateTime, Utc};
use meetkit_attendee::open_enums::BotState;
use meetkit_attendee::types::{AttendeeError, PaginatedBotList};
use meetkit_attendee::{Client, Error, HttpOptions, ResponseValue, Secret};

const BOTS: &str = "/paths/~1api~1v1~1bots/get/responses";

fn client(stub: &Stub) -> Client {
    Client::connect(&stub.url(""), &Secret::new("k"), &options()).unwrap()
}

fn time(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

async fn list(stub: &Stub) -> Result<ResponseValue<PaginatedBotList>, Error<AttendeeError>> {
    client(stub).list_bots().send().await
}

#[tokio::test]
async fn every_query_parameter_is_sent_exactly() {
    let stub = Stub::start(200, &[], r#"{"results":[]}"#).await;
    client(&stub)
        .list_bots()
        .cursor("cD00ODY=")
        .meeting_url("https://zoom.us/j/123?pwd=456")
        .deduplication_key("my key+1")
        .states(vec![
            BotState::JoinedRecording,
            BotState::Ended,
            BotState::from("brand_new_state"),
        ])
        // An offset of +02:00 goes out as the same instant in UTC (`Z`): no literal `+`.
        .join_at_after(time("2024-01-18T14:34:56+02:00"))
        .join_at_before(time("2024-01-18T13:34:56.250Z"))
        .send()
        .await
        .unwrap();
    let seen = stub.seen().await;
    assert_eq!(seen.method, "GET");
    assert_eq!(seen.path(), "/api/v1/bots");
    assert_eq!(
        seen.target,
        "/api/v1/bots?cursor=cD00ODY%3D&deduplication_key=my+key%2B1\
         &join_at_after=2024-01-18T12%3A34%3A56Z&join_at_before=2024-01-18T13%3A34%3A56.250Z\
         &meeting_url=https%3A%2F%2Fzoom.us%2Fj%2F123%3Fpwd%3D456\
         &states=joined_recording&states=ended&states=brand_new_state"
    );
    let pairs = seen.query_pairs();
    let states: Vec<&str> = pairs
        .iter()
        .filter(|(k, _)| k == "states")
        .map(|(_, v)| v.as_str())
        .collect();
    // Repeated, never comma-joined (a comma-joined value is a 400).
    assert_eq!(states, ["joined_recording", "ended", "brand_new_state"]);
    assert!(!seen.query().contains("%2C") && !seen.query().contains(','));
    assert!(pairs.contains(&("join_at_after".into(), "2024-01-18T12:34:56Z".into())));
    assert!(pairs.contains(&("deduplication_key".into(), "my key+1".into())));
}

#[tokio::test]
async fn a_single_state_and_no_parameters() {
    let stub = Stub::start(200, &[], r#"{"results":[]}"#).await;
    client(&stub)
        .list_bots()
        .states(vec![BotState::Ready])
        .send()
        .await
        .unwrap();
    assert_eq!(stub.seen().await.target, "/api/v1/bots?states=ready");
    let stub = Stub::start(200, &[], r#"{"results":[]}"#).await;
    list(&stub).await.unwrap();
    assert_eq!(stub.seen().await.target, "/api/v1/bots");
}

#[tokio::test]
async fn sends_token_scheme_and_meetkit_user_agent() {
    let stub = Stub::start(200, &[], r#"{"results":[]}"#).await;
    list(&stub).await.unwrap();
    let seen = stub.seen().await;
    assert_eq!(seen.header("authorization"), Some("Token k"));
    assert_eq!(seen.header("user-agent"), Some(USER_AGENT));
    assert_eq!(USER_AGENT, "meetkit/0.1.0");
}

#[tokio::test]
async fn a_self_hosted_base_url_with_a_path_prefix_is_kept() {
    let stub = Stub::start(200, &[], r#"{"results":[]}"#).await;
    let client = Client::connect(&stub.url("/attendee"), &Secret::new("k"), &options()).unwrap();
    client.list_bots().send().await.unwrap();
    assert_eq!(stub.seen().await.target, "/attendee/api/v1/bots");
}

#[tokio::test]
async fn decodes_the_spec_example() {
    let example = spec_example(
        "attendee",
        &format!("{BOTS}/200/content/application~1json/example"),
    );
    let stub = Stub::start(200, &[], example.to_string()).await;
    let page = list(&stub).await.unwrap().into_inner();
    assert_eq!(
        serde_json::to_value(&page).unwrap(),
        without_nulls(example.clone())
    );
    assert_eq!(
        page.next.as_deref(),
        Some("https://api.attendee.dev/api/v1/bots?cursor=cD00ODY%3D")
    );
    assert_eq!(page.previous, None);
    let bot = &page.results[0];
    assert_eq!(bot.id, "bot_weIAju4OXNZkDTpZ");
    assert_eq!(bot.state, Some(BotState::JoinedRecording));
    assert_eq!(bot.join_at, Some(time("2024-01-18T12:34:56Z")));
    assert_eq!(bot.events.as_ref().unwrap().len(), 2);
    assert_eq!(
        bot.events.as_ref().unwrap()[1].type_.as_deref(),
        Some("joined_meeting")
    );
    assert_eq!(bot.events.as_ref().unwrap()[1].sub_type, None);
    assert_eq!(bot.metadata.as_ref().unwrap()["customer_id"], "abc123");
    assert_eq!(bot.deduplication_key.as_deref(), Some("my-unique-bot-key"));
}

#[tokio::test]
async fn decodes_the_nulls_attendee_sends_and_new_states() {
    let body = r#"{
        "next": "http://10.0.0.7:8000/api/v1/bots?cursor=cD0xMjM%3D",
        "previous": "http://10.0.0.7:8000/api/v1/bots?cursor=cj0xJnA9MTIz",
        "results": [
            {"id": "bot_a", "meeting_url": "https://meet.google.com/abc-defg-hij",
             "state": "connecting", "events": [{"type": "join_requested",
             "created_at": "2024-01-18T12:34:56.123456Z"}],
             "transcription_state": null, "recording_state": null, "join_at": null,
             "deduplication_key": null, "metadata": null},
            {"id": "bot_b", "state": "hibernating", "events": [], "new_field": 1},
            {"id": "bot_c"}
        ]
    }"#;
    let stub = Stub::start(200, &[], body).await;
    let page = list(&stub).await.unwrap().into_inner();
    assert_eq!(
        page.next.as_deref(),
        Some("http://10.0.0.7:8000/api/v1/bots?cursor=cD0xMjM%3D")
    );
    let a = &page.results[0];
    assert_eq!(a.state, Some(BotState::Connecting));
    assert_eq!(
        (
            &a.transcription_state,
            &a.recording_state,
            &a.join_at,
            &a.deduplication_key,
            &a.metadata
        ),
        (&None, &None, &None, &None, &None)
    );
    // `sub_type` absent altogether.
    assert_eq!(a.events.as_ref().unwrap()[0].sub_type, None);
    assert_eq!(
        a.events.as_ref().unwrap()[0].created_at,
        Some(time("2024-01-18T12:34:56.123456Z"))
    );
    let b = &page.results[1];
    assert_eq!(b.state, Some(BotState::Unknown("hibernating".into())));
    assert_eq!(b.state.as_ref().unwrap().as_str(), "hibernating");
    let c = &page.results[2];
    assert_eq!(
        (c.state.as_ref(), c.events.as_ref(), c.meeting_url.as_ref()),
        (None, None, None)
    );
}

#[tokio::test]
async fn error_bodies_decode_into_attendee_error() {
    let example = |status: &str| {
        spec_example(
            "attendee",
            &format!("{BOTS}/{status}/content/application~1json/example"),
        )
        .to_string()
    };
    let cases = [
        (
            400,
            example("400"),
            AttendeeError {
                error: Some("Invalid state: sleeping".into()),
                detail: None,
            },
        ),
        (
            400,
            r#"{"error":"Invalid join_at_after format. Use ISO 8601 format."}"#.to_owned(),
            AttendeeError {
                error: Some("Invalid join_at_after format. Use ISO 8601 format.".into()),
                detail: None,
            },
        ),
        (
            401,
            example("401"),
            AttendeeError {
                error: None,
                detail: Some("Invalid token.".into()),
            },
        ),
        (
            404,
            example("404"),
            AttendeeError {
                error: None,
                detail: Some("Invalid cursor".into()),
            },
        ),
        (
            500,
            example("5XX"),
            AttendeeError {
                error: None,
                detail: Some("A server error occurred.".into()),
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
