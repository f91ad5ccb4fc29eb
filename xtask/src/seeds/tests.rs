//! Tests of the seed check, on the real seed documents.

use super::providers::attendee::parse_attendee;
use super::providers::attention::parse_attention;
use super::providers::daily::parse_daily;
use super::providers::telnyx::parse_telnyx;
use super::providers::zoom::parse_zoom;
use super::*;

fn seed(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs/seeds")
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn zoom_seed_names() {
    let names = parse_zoom(&seed("zoom-report-user-meetings.txt"));
    assert_eq!(
        names.params,
        set(&[
            "userId",
            "from",
            "to",
            "page_size",
            "next_page_token",
            "type"
        ])
    );
    for field in [
        "next_page_token",
        "custom_keys",
        "key",
        "id",
        "uuid",
        "join_waiting_room_time",
        "participants_count_my_account",
        "to",
    ] {
        assert!(names.fields.contains(field), "{field}: {:?}", names.fields);
    }
    assert_eq!(
        names.enums,
        vec![(
            "type".to_owned(),
            vec![
                "past".to_owned(),
                "pastOne".to_owned(),
                "pastJoined".to_owned()
            ]
        )]
    );
}

#[test]
fn daily_seed_names() {
    let names = parse_daily(&seed("daily-list-meetings.txt"));
    assert_eq!(
        names.params,
        set(&[
            "room",
            "timeframe_start",
            "timeframe_end",
            "ongoing",
            "limit",
            "ending_before",
            "starting_after"
        ])
    );
    assert_eq!(
        names.fields,
        set(&[
            "total_count",
            "data",
            "id",
            "room",
            "start_time",
            "duration",
            "ongoing",
            "participants",
            "join_time"
        ])
    );
}

#[test]
fn telnyx_seed_names() {
    let names = parse_telnyx(&seed("telnyx-list-room-recordings.txt"));
    assert_eq!(names.params.len(), 16, "{:?}", names.params);
    assert!(names.params.contains("filter[date_ended_at][eq]"));
    assert!(names.params.contains("page[number]"));
    for field in ["data", "meta", "size_mb", "record_type", "total_results"] {
        assert!(names.fields.contains(field), "{field}");
    }
}

#[test]
fn attendee_seed_names() {
    let names = parse_attendee(&seed("attendee-list-bots.txt"));
    assert_eq!(
        names.params,
        set(&[
            "cursor",
            "meeting_url",
            "deduplication_key",
            "states",
            "join_at_after",
            "join_at_before"
        ])
    );
    for field in [
        "next", "previous", "results", "events", "sub_type", "metadata", "join_at",
    ] {
        assert!(names.fields.contains(field), "{field}");
    }
    assert_eq!(names.enums.len(), 1);
    assert_eq!(names.enums[0].1.len(), 16);
}

#[test]
fn attention_seed_names() {
    let names = parse_attention(&seed("attention-list-recorder-meetings.txt"));
    assert_eq!(
        names.params,
        set(&[
            "fromDateTime",
            "toDateTime",
            "cursor",
            "size",
            "upcoming",
            "filter[user_id]",
            "filter[meeting_type]"
        ])
    );
    for field in [
        "items",
        "nextCursor",
        "conversationUuid",
        "statusLabel",
        "consentStatus",
    ] {
        assert!(names.fields.contains(field), "{field}");
    }
    assert_eq!(
        names.enums,
        vec![(
            "filter[meeting_type]".to_owned(),
            vec!["internal".to_owned(), "external".to_owned()]
        )]
    );
}

#[test]
fn a_missing_seed_parameter_fails_naming_it() {
    let spec = crate::lint::tests::parse(crate::lint::tests::GOOD);
    let names = SeedNames {
        params: set(&["room", "page[size]"]),
        fields: set(&["total", "state"]),
        enums: vec![(
            "states".to_owned(),
            vec!["ready".to_owned(), "sleeping".to_owned()],
        )],
        param_types: BTreeMap::new(),
    };
    let problems: Vec<String> = check_against("specs/test.yaml", "test.txt", &names, &spec)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        vec![
            "specs/test.yaml: /paths/~1things/get/parameters: seed test.txt names parameter `page[size]`, which the spec lacks".to_owned(),
            "specs/test.yaml: /paths/~1things/get/parameters: seed test.txt lists `sleeping` for `states`, which its enum lacks".to_owned(),
        ]
    );
}

#[test]
fn a_parameter_of_the_wrong_type_fails() {
    let spec = crate::lint::tests::parse(crate::lint::tests::GOOD);
    let names = SeedNames {
        params: set(&["room", "states"]),
        fields: set(&["total"]),
        enums: Vec::new(),
        param_types: [("room", "date"), ("states", "string[]")]
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect(),
    };
    let problems = check_against("specs/test.yaml", "test.txt", &names, &spec);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].pointer,
        "/paths/~1things/get/parameters/0/schema"
    );
    assert!(
        problems[0].rule.contains("`room` as `date`"),
        "{problems:?}"
    );
}

#[test]
fn seed_types_are_read() {
    let telnyx = parse_telnyx(&seed("telnyx-list-room-recordings.txt"));
    assert_eq!(telnyx.param_types["filter[room_id]"], "uuid");
    assert_eq!(telnyx.param_types["filter[date_started_at][gte]"], "date");
    let attention = parse_attention(&seed("attention-list-recorder-meetings.txt"));
    assert_eq!(attention.param_types["fromDateTime"], "string<date-time>");
    assert_eq!(attention.param_types["filter[user_id]"], "string[]");
    let zoom = parse_zoom(&seed("zoom-report-user-meetings.txt"));
    assert_eq!(zoom.param_types["page_size"], "number");
    assert_eq!(zoom.param_types["from"], "string");
}

#[test]
fn a_missing_seed_field_fails_naming_it() {
    let spec = crate::lint::tests::parse(crate::lint::tests::GOOD);
    let names = SeedNames {
        params: set(&["room"]),
        fields: set(&["total", "colour"]),
        enums: Vec::new(),
        param_types: BTreeMap::new(),
    };
    let problems = check_against("specs/test.yaml", "test.txt", &names, &spec);
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].pointer,
        "/paths/~1things/get/responses/200/content/application~1json/schema"
    );
    assert!(problems[0].rule.contains("`colour`"));
}
