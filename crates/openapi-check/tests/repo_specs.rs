//! The repository's own specs: each loads, real-world bodies validate against them, and a
//! response's parts are located in them (the pointer to edit, the fields no schema lists).

use std::path::PathBuf;

use meetkit_openapi_check::{Spec, UnknownField, load};
use serde_json::{Value, json};

fn spec(name: &str) -> Spec {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../specs")
        .join(name);
    load(&path).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_real_attendee_page_with_nulls_validates() {
    // A page from a running Attendee server: null metadata/join_at/deduplication_key/states,
    // events without sub_type.
    let text = include_str!("fixtures/attendee_list_bots_page1.json");
    let body: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        spec("attendee.yaml").validate_response("list_bots", 200, &body),
        Ok(())
    );
}

#[test]
fn attendee_error_bodies_validate() {
    let attendee = spec("attendee.yaml");
    for (status, body) in [
        (400, json!({ "error": "Invalid state: sleeping" })),
        (401, json!({ "detail": "Invalid token." })),
        (404, json!({ "detail": "Invalid cursor" })),
    ] {
        assert_eq!(
            attendee.validate_response("list_bots", status, &body),
            Ok(()),
            "{status}"
        );
    }
}

#[test]
fn zoom_last_page_and_big_ids_validate_and_wrong_types_do_not() {
    let zoom = spec("zoom.yaml");
    let last_page = json!({
        "next_page_token": "", "page_size": 30, "total_records": 1,
        "meetings": [{ "id": 98_765_432_101_i64, "uuid": "/ab//cd==", "type": 9, "join_time": "12/22/2021 16:20" }]
    });
    assert_eq!(
        zoom.validate_response("report_user_meetings", 200, &last_page),
        Ok(())
    );
    let Err(violations) = zoom.validate_response(
        "report_user_meetings",
        200,
        &json!({ "meetings": [{ "id": "85746065432" }] }),
    ) else {
        panic!("a string id must fail");
    };
    assert_eq!(violations[0].pointer, "/meetings/0/id");
    assert_eq!(
        zoom.validate_response(
            "report_user_meetings",
            404,
            &json!({ "code": 1001, "message": "User does not exist." })
        ),
        Ok(())
    );
    assert_eq!(
        zoom.validate_response("create_access_token", 200, &json!({ "access_token": "t", "token_type": "bearer", "expires_in": 3600, "scope": "report:read:admin" })),
        Ok(())
    );
}

#[test]
fn daily_null_user_ids_validate() {
    let body = json!({
        "total_count": 1,
        "data": [{ "id": "x", "room": "r", "start_time": 1_795_255_200, "duration": 60, "ongoing": false,
                   "max_participants": 1,
                   "participants": [{ "user_id": null, "user_name": null, "participant_id": "p", "join_time": 1_795_255_210, "duration": 50 }] }]
    });
    assert_eq!(
        spec("daily.yaml").validate_response("list_meetings", 200, &body),
        Ok(())
    );
    assert_eq!(
        spec("daily.yaml").validate_response(
            "list_meetings",
            400,
            &json!({ "error": "authorization-header-error", "info": "missing" })
        ),
        Ok(())
    );
}

#[test]
fn telnyx_and_attention_errors_validate() {
    let errors = json!({ "errors": [{ "code": "10011", "title": "Too many requests", "detail": "slow down" }] });
    assert_eq!(
        spec("telnyx.yaml").validate_response("list_room_recordings", 429, &errors),
        Ok(())
    );
    assert_eq!(
        spec("attention.yaml").validate_response(
            "list_recorder_meetings",
            200,
            &json!({ "items": [] })
        ),
        Ok(())
    );
    assert!(
        spec("attention.yaml")
            .validate_response("list_recorder_meetings", 200, &json!({}))
            .is_err()
    );
}

#[test]
fn every_named_enum_is_a_component() {
    for (file, name, value) in [
        ("attendee.yaml", "BotState", "connecting"),
        ("telnyx.yaml", "RecordingStatus", "processing"),
        ("telnyx.yaml", "RecordingType", "video"),
        ("attention.yaml", "MeetingTypeFilter", "external"),
        ("zoom.yaml", "ZoomReportType", "pastJoined"),
        ("zoom.yaml", "ZoomGrantType", "account_credentials"),
    ] {
        assert_eq!(
            spec(file).validate_component(name, &json!(value)),
            Ok(()),
            "{name}"
        );
    }
    assert_eq!(
        spec("zoom.yaml").validate_component("ZoomMeetingType", &json!(9)),
        Ok(())
    );
}

#[test]
fn a_response_part_is_located_through_refs_and_arrays() {
    let telnyx = spec("telnyx.yaml");
    let root = telnyx
        .response_schema_pointer("list_room_recordings", 200)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        root,
        "/paths/~1room_recordings/get/responses/200/content/application~1json/schema"
    );
    let at = |value_pointer: &str| telnyx.locate(&root, value_pointer);
    assert_eq!(
        at("").as_deref(),
        Some("/components/schemas/RoomRecordingList")
    );
    assert_eq!(
        at("/data/3/status").as_deref(),
        Some("/components/schemas/RecordingStatus")
    );
    assert_eq!(
        at("/data/0/size_mb").as_deref(),
        Some("/components/schemas/RoomRecording/properties/size_mb")
    );
    // A part the spec does not describe: the deepest schema that does.
    assert_eq!(
        at("/data/0/surprise/x").as_deref(),
        Some("/components/schemas/RoomRecording")
    );
}

#[test]
fn unknown_fields_are_named_once_with_the_properties_to_add_them_to() {
    let telnyx = spec("telnyx.yaml");
    let root = telnyx
        .response_schema_pointer("list_room_recordings", 200)
        .unwrap_or_else(|e| panic!("{e}"));
    let body = json!({
        "data": [
            {"id": "a", "status": "completed", "region": "eu"},
            {"id": "b", "region": "us"}
        ],
        "meta": {"page_number": 1, "cursor": "x"}
    });
    assert_eq!(
        telnyx.unknown_fields(&root, &body),
        [
            UnknownField {
                pointer: "/data/0/region".to_owned(),
                name: "region".to_owned(),
                spec_pointer: "/components/schemas/RoomRecording/properties".to_owned(),
            },
            UnknownField {
                pointer: "/meta/cursor".to_owned(),
                name: "cursor".to_owned(),
                spec_pointer: "/components/schemas/PaginationMeta/properties".to_owned(),
            },
        ]
    );
    let known = json!({"data": [{"id": "a"}], "meta": {"page_number": 1}});
    assert_eq!(telnyx.unknown_fields(&root, &known), []);
}
