//! The table built one meeting at a time reads back as the same meetings, in listing order.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use chrono::{TimeZone, Utc};
use meetkit::{
    DailyExtension, Extension, Meeting, MeetingStatus, Participant, Person, Provider, Recording,
};
use meetkit_arrow::{TableBuilder, meetings, record_batch, sorted};

fn meeting(provider: Provider, id: &str, minute: u32) -> Meeting {
    Meeting {
        provider,
        account: "default".to_owned(),
        id: id.to_owned(),
        title: minute.is_multiple_of(2).then(|| format!("title {id}")),
        start: Utc.with_ymd_and_hms(2026, 3, 1, 10, minute, 0).unwrap(),
        end: None,
        duration_seconds: Some(i64::from(minute) * 60),
        status: MeetingStatus::Ended,
        status_raw: Some("finished".to_owned()),
        host: None,
        participants: Vec::new(),
        participant_count: None,
        recording: None,
        meeting_url: None,
        room: Some("room".to_owned()),
        extension: Extension::Daily(DailyExtension {
            ongoing: Some(false),
            max_participants: Some(3),
            ..DailyExtension::default()
        }),
        raw: None,
    }
}

#[test]
fn a_built_table_sorts_by_start_provider_id_and_reads_back_as_its_meetings() {
    let mut late = meeting(Provider::Daily, "b", 30);
    late.host = Some(Person {
        id: Some("h1".to_owned()),
        name: None,
        email: Some("h@example.com".to_owned()),
    });
    late.participants = vec![
        Participant {
            id: Some("p1".to_owned()),
            name: Some("Ann".to_owned()),
            join_time: Some(late.start),
            duration_seconds: Some(60),
            ..Participant::default()
        },
        Participant {
            status: Some("left".to_owned()),
            ..Participant::default()
        },
    ];
    late.recording = Some(Recording {
        id: Some("r1".to_owned()),
        size_bytes: Some(1 << 40),
        ..Recording::default()
    });
    late.raw = Some(serde_json::json!({"id": "b", "nested": [1, 2.5, null]}));
    let early = meeting(Provider::Daily, "z", 5);
    // Same start: provider, then id decide.
    let tie_a = meeting(Provider::Daily, "a", 30);
    let tie_zoom = meeting(Provider::Zoom, "a", 30);
    let arrived = vec![late.clone(), tie_zoom.clone(), early.clone(), tie_a.clone()];

    let mut builder = TableBuilder::new(true);
    for m in &arrived {
        builder.push(m);
    }
    assert_eq!(builder.len(), 4);
    let table = builder.finish().unwrap();
    assert_eq!(table, record_batch(&arrived, true).unwrap());
    assert_eq!(meetings(&table, 0..4).unwrap(), arrived);

    let table = sorted(&table).unwrap();
    let listed = vec![early, tie_a, late, tie_zoom];
    assert_eq!(meetings(&table, 0..4).unwrap(), listed);
    assert_eq!(meetings(&table, 1..3).unwrap(), listed[1..3].to_vec());
    // A range past the end is cut to the table.
    assert_eq!(meetings(&table, 3..10).unwrap(), listed[3..].to_vec());

    let plain = TableBuilder::new(false).finish().unwrap();
    assert_eq!(plain.num_rows(), 0);
    assert!(plain.column_by_name("raw").is_none());
}
