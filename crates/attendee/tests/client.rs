//! The Attendee client against a local HTTP stub: the exact request it sends (repeated
//! `states`, RFC 3339 datetimes; `Token` auth, user agent, the required `Content-Type`) and how
//! it decodes the spec's example,
//! real-world variants (the nulls Attendee really sends, new bot states) and its error bodies.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use chrono::{DateTime, Utc};
use meetkit_attendee::open_enums::BotState;
use meetkit_attendee::types::{AttendeeError, PaginatedBotList};
use meetkit_attendee::{Client, Error, ResponseValue, Secret};
use meetkit_test_stub::*;

const BOTS: &str = "/paths/~1api~1v1~1bots/get/responses";
const JSON: &str = "application/json";

fn client(stub: &Stub) -> Client {
    Client::connect(&stub.url(""), &Secret::new("k"), &options()).unwrap()
}

fn time(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

async fn list(stub: &Stub) -> Result<ResponseValue<PaginatedBotList>, Error<AttendeeError>> {
    client(stub).list_bots().content_type(JSON).send().await
}

#[tokio::test]
async fn every_query_parameter_is_sent_exactly() {
    let stub = Stub::start(200, &[], r#"{"results":[]}"#).await;
    client(&stub)
        .list_bots()
        .content_type(JSON)
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
        .content_type(JSON)
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
async fn the_required_content_type_is_sent_and_cannot_be_forgotten() {
    let stub = Stub::start(200, &[], r#"{"results":[]}"#).await;
    list(&stub).await.unwrap();
    assert_eq!(stub.seen().await.header("content-type"), Some(JSON));
    // Required by the spec: a request built without it is refused before it is sent.
    let stub = Stub::start(200, &[], r#"{"results":[]}"#).await;
    let err = client(&stub).list_bots().send().await.unwrap_err();
    assert!(
        matches!(&err, Error::InvalidRequest(m) if m.contains("content_type")),
        "{err:?}"
    );
    stub.abort();
}

#[tokio::test]
async fn a_self_hosted_base_url_with_a_path_prefix_is_kept() {
    let stub = Stub::start(200, &[], r#"{"results":[]}"#).await;
    let client = Client::connect(&stub.url("/attendee"), &Secret::new("k"), &options()).unwrap();
    client.list_bots().content_type(JSON).send().await.unwrap();
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
