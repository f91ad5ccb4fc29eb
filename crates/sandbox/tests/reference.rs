//! Property tests: for random windows, filters and page sizes, what the sandbox serves
//! (all pages, in order) equals a brute-force filter over every record of its dataset.
//!
//! The reference builds each record's JSON with the public builders and filters on the
//! fields a client sees, independently of the handlers' index arithmetic.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::OnceLock;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use common::*;
use meetkit_sandbox::data::{Dataset, attendee, attention, daily, telnyx, zoom, zoom_users};
use meetkit_sandbox::{Faults, Provider, SandboxHandle};
use proptest::prelude::*;
use serde_json::Value;
use tokio::runtime::Runtime;

const N: u64 = 1500;

struct Fixture {
    rt: Runtime,
    h: SandboxHandle,
    c: reqwest::Client,
    specs: Vec<(Provider, meetkit_openapi_check::Spec, &'static str)>,
}

/// Every page a property walk saw validates against the provider's spec.
fn valid(p: Provider, stats: &WalkStats) {
    let (_, spec, op) = fixture().specs.iter().find(|(q, _, _)| *q == p).unwrap();
    assert_pages_valid(spec, op, stats);
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let h = rt.block_on(start(N as usize, Faults::none()));
        let specs = vec![
            (Provider::Zoom, spec("zoom"), "report_user_meetings"),
            (Provider::Daily, spec("daily"), "list_meetings"),
            (Provider::Telnyx, spec("telnyx"), "list_room_recordings"),
            (Provider::Attendee, spec("attendee"), "list_bots"),
            (
                Provider::Attention,
                spec("attention"),
                "list_recorder_meetings",
            ),
        ];
        Fixture {
            rt,
            h,
            c: client(),
            specs,
        }
    })
}

fn ds() -> &'static Dataset {
    fixture().h.dataset()
}

fn json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap()
}

fn parse_time(v: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(v.as_str().unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

fn all(p: Provider) -> Vec<Value> {
    let ds = ds();
    (0..N)
        .map(|i| {
            let rec = ds.base(p, i);
            match p {
                Provider::Zoom => json(&zoom::meeting(ds, rec)),
                Provider::Daily => json(&daily::session(ds, rec)),
                Provider::Telnyx => json(&telnyx::recording(ds, rec)),
                Provider::Attendee => json(&attendee::bot(ds, rec)),
                Provider::Attention => {
                    let mut v = json(&attention::meeting(ds, rec));
                    v["__external"] = Value::Bool(attention::external(ds, rec));
                    v
                }
            }
        })
        .collect()
}

fn records(p: Provider) -> &'static [Value] {
    static CACHE: OnceLock<Vec<Vec<Value>>> = OnceLock::new();
    let all = CACHE.get_or_init(|| Provider::ALL.iter().map(|p| all(*p)).collect());
    &all[Provider::ALL.iter().position(|q| *q == p).unwrap()]
}

fn ids(v: &[&Value], key: &str) -> Vec<String> {
    v.iter()
        .map(|r| r[key].as_str().unwrap().to_string())
        .collect()
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 40,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn pick(seed: u64) -> &'static Value {
    &records(Provider::Telnyx)[(seed % N) as usize]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn zoom_matches_brute_force(from_back in 0i64..=180, len in 0i64..=27, page_size in 1u32..=300) {
        let f = fixture();
        let today = now().date_naive();
        let from = today - Duration::days(from_back);
        let to = from + Duration::days(len);
        prop_assume!(from >= NaiveDate::from_ymd_opt(2026, 5, 21).unwrap());
        let token = f.rt.block_on(zoom_token(&f.c, &f.h));
        let mut stats = WalkStats::keeping();
        let got = f.rt.block_on(walk_zoom(&f.c, &f.h, &token, from, to, page_size, &mut stats));
        // The walk is `me`'s report: the meetings user 0 hosted or also attended.
        let want: Vec<&Value> = records(Provider::Zoom)
            .iter()
            .enumerate()
            .filter(|(i, _)| zoom_users::in_report_of(ds(), ds().base(Provider::Zoom, *i as u64), 0))
            .map(|(_, m)| m)
            .filter(|m| {
                let d = parse_time(&m["start_time"]).date_naive();
                d >= from && d <= to && m["participants_count"].as_i64().unwrap() >= 2
            })
            .collect();
        valid(Provider::Zoom, &stats);
        prop_assert_eq!(got, ids(&want, "uuid"));
    }

    #[test]
    fn daily_matches_brute_force(
        lo in proptest::option::of(0u64..N),
        hi in proptest::option::of(0u64..N),
        room in proptest::option::of(0u64..N),
        ongoing in proptest::option::of(any::<bool>()),
        limit in 1u32..=100,
        no_participants in any::<bool>(),
    ) {
        let f = fixture();
        let all = records(Provider::Daily);
        let start_of = |i: u64| all[i as usize]["start_time"].as_i64().unwrap();
        let mut q = vec![format!("limit={limit}")];
        let ts = lo.map(|i| start_of(i) + (i as i64 % 3) - 1);
        let te = hi.map(|i| start_of(i) + (i as i64 % 3) - 1);
        let room = room.map(|i| all[i as usize]["room"].as_str().unwrap().to_string());
        if let Some(t) = ts { q.push(format!("timeframe_start={t}")); }
        if let Some(t) = te { q.push(format!("timeframe_end={t}")); }
        if let Some(r) = &room { q.push(format!("room={}", enc(r))); }
        if let Some(o) = ongoing { q.push(format!("ongoing={o}")); }
        if no_participants { q.push("no_participants=true".into()); }
        let query = q.join("&");
        let mut stats = WalkStats::keeping();
        let got = f.rt.block_on(walk_daily(&f.c, &f.h, &query, &mut stats));
        let mut want: Vec<&Value> = all
            .iter()
            .filter(|s| {
                let st = s["start_time"].as_i64().unwrap();
                ts.is_none_or(|t| st >= t)
                    && te.is_none_or(|t| st < t)
                    && room.as_deref().is_none_or(|r| s["room"] == r)
                    && ongoing.is_none_or(|o| s["ongoing"] == o)
            })
            .collect();
        want.sort_by_key(|s| std::cmp::Reverse(s["start_time"].as_i64().unwrap()));
        valid(Provider::Daily, &stats);
        prop_assert_eq!(&got, &ids(&want, "id"));
        let url = format!("{}/meetings?{query}", f.h.base_url(Provider::Daily));
        let first = f.rt.block_on(get_ok(&f.c, &url, &format!("Bearer {}", meetkit_sandbox::handout(Provider::Daily).credentials[0]), &mut stats));
        prop_assert_eq!(first["total_count"].as_u64().unwrap(), want.len() as u64);
        if let Some(s) = first["data"].as_array().unwrap().first() {
            prop_assert_eq!(s.get("participants").is_none(), no_participants);
        }
    }

    #[test]
    fn telnyx_matches_brute_force(
        started in proptest::option::of((0u64..N, 0u8..3, 0i64..40)),
        ended in proptest::option::of((0u64..N, 0u8..3, 0i64..40)),
        ids_from in proptest::option::of((0u64..N, 0u8..3)),
        status in proptest::option::of(prop_oneof![Just("completed"), Just("processing")]),
        kind in proptest::option::of(prop_oneof![Just("audio"), Just("video")]),
        duration in proptest::option::of((0u8..3, 30i64..7200)),
        size in 1u32..=250,
    ) {
        let f = fixture();
        let all = records(Provider::Telnyx);
        let day = |v: &Value| parse_time(v).date_naive();
        let mut q: Vec<String> = Vec::new();
        // Date filters: (field, op, date) — anchored on a real record's date.
        let mut dates: Vec<(&str, &str, NaiveDate)> = Vec::new();
        for (field, key, spec) in [("date_started_at", "started_at", started), ("date_ended_at", "ended_at", ended)] {
            if let Some((i, op, width)) = spec {
                let d = day(&pick(i)[key]);
                match op {
                    0 => dates.push((field, "eq", d)),
                    1 => dates.push((field, "gte", d)),
                    _ => {
                        dates.push((field, "gte", d));
                        dates.push((field, "lte", d + Duration::days(width)));
                    }
                }
            }
        }
        for (field, op, d) in &dates { q.push(format!("filter[{field}][{op}]={d}")); }
        let id_filter = ids_from.map(|(i, which)| {
            let key = ["room_id", "session_id", "participant_id"][which as usize];
            (key, pick(i)[key].as_str().unwrap().to_string())
        });
        if let Some((key, v)) = &id_filter { q.push(format!("filter[{key}]={v}")); }
        if let Some(s) = status { q.push(format!("filter[status]={s}")); }
        if let Some(k) = kind { q.push(format!("filter[type]={k}")); }
        let op_name = |op: u8| ["eq", "gte", "lte"][op as usize];
        if let Some((op, v)) = duration { q.push(format!("filter[duration_secs][{}]={v}", op_name(op))); }
        let query = q.join("&");
        let mut stats = WalkStats::keeping();
        let got = f.rt.block_on(walk_telnyx(&f.c, &f.h, &query, size, &mut stats));
        let mut want: Vec<&Value> = all
            .iter()
            .filter(|r| {
                dates.iter().all(|(field, op, d)| {
                    let actual = day(&r[if *field == "date_started_at" { "started_at" } else { "ended_at" }]);
                    match *op { "eq" => actual == *d, "gte" => actual >= *d, _ => actual <= *d }
                })
                    && id_filter.as_ref().is_none_or(|(k, v)| r[*k] == v.as_str())
                    && status.is_none_or(|s| r["status"] == s)
                    && kind.is_none_or(|k| r["type"] == k)
                    && duration.is_none_or(|(op, v)| {
                        let d = r["duration_secs"].as_i64().unwrap();
                        match op { 0 => d == v, 1 => d >= v, _ => d <= v }
                    })
            })
            .collect();
        want.sort_by_key(|r| std::cmp::Reverse(parse_time(&r["created_at"])));
        valid(Provider::Telnyx, &stats);
        prop_assert_eq!(got, ids(&want, "id"));
    }

    #[test]
    fn attendee_matches_brute_force(
        states in proptest::collection::vec(0usize..attendee::STATES.len(), 0..3),
        after in proptest::option::of((0u64..N, -2i64..=2)),
        before in proptest::option::of((0u64..N, -2i64..=2)),
        by in proptest::option::of((0u64..N, any::<bool>())),
    ) {
        let f = fixture();
        let all = records(Provider::Attendee);
        let join = |i: u64| {
            // A record's join_at, or its neighbours' when null.
            (0..N).map(|k| (i + k) % N).find_map(|k| all[k as usize]["join_at"].as_str().map(|_| parse_time(&all[k as usize]["join_at"]))).unwrap()
        };
        let after_t = after.map(|(i, d)| join(i) + Duration::seconds(d));
        let before_t = before.map(|(i, d)| join(i) + Duration::seconds(d));
        let states: Vec<&str> = states.iter().map(|s| attendee::STATES[*s]).collect();
        let by = by.and_then(|(i, url)| {
            let r = &all[(i % N) as usize];
            if url { Some(("meeting_url", r["meeting_url"].as_str()?.to_string())) } else { Some(("deduplication_key", r["deduplication_key"].as_str()?.to_string())) }
        });
        let mut q: Vec<String> = states.iter().map(|s| format!("states={s}")).collect();
        if let Some(t) = after_t { q.push(format!("join_at_after={}", enc(&rfc3339(t)))); }
        if let Some(t) = before_t { q.push(format!("join_at_before={}", enc(&rfc3339(t)))); }
        if let Some((k, v)) = &by { q.push(format!("{k}={}", enc(v))); }
        let mut stats = WalkStats::keeping();
        let got = f.rt.block_on(walk_attendee(&f.c, &f.h, &q.join("&"), &mut stats));
        let want: Vec<&Value> = all
            .iter()
            .filter(|b| {
                let j = b["join_at"].as_str().map(|_| parse_time(&b["join_at"]));
                (states.is_empty() || states.iter().any(|s| b["state"] == *s))
                    && after_t.is_none_or(|t| j.is_some_and(|j| j > t))
                    && before_t.is_none_or(|t| j.is_some_and(|j| j < t))
                    && by.as_ref().is_none_or(|(k, v)| b[*k] == v.as_str())
            })
            .collect();
        valid(Provider::Attendee, &stats);
        prop_assert_eq!(got, ids(&want, "id"));
    }

    #[test]
    fn attention_matches_brute_force(
        from_i in 0u64..N,
        from_shift in -1i64..=1,
        days in 0i64..=90,
        upcoming in any::<bool>(),
        users in proptest::option::of(proptest::collection::vec(0u64..attention::ORG_USERS + 3, 0..3)),
        external in proptest::option::of(any::<bool>()),
        size in 1u32..=200,
    ) {
        let f = fixture();
        let all = records(Provider::Attention);
        let from = parse_time(&all[from_i as usize]["date"]) + Duration::seconds(from_shift);
        let to = (from + Duration::days(days)).min(from + Duration::days(90));
        // Sometimes land `to` exactly on a record's date to test inclusiveness.
        let to = all.iter().map(|m| parse_time(&m["date"])).rfind(|d| *d >= from && *d <= to).filter(|_| days % 2 == 0).unwrap_or(to);
        let wanted_users: Option<Vec<String>> = users.map(|us| {
            us.iter().map(|u| if *u < attention::ORG_USERS { attention::user_uuid(ds(), *u) } else { format!("unknown-{u}") }).collect()
        });
        // No filter[user_id] parameter at all means no user filter.
        let wanted_users = wanted_users.filter(|us: &Vec<String>| !us.is_empty());
        let mut q = vec![
            format!("fromDateTime={}", enc(&rfc3339(from))),
            format!("toDateTime={}", enc(&rfc3339(to))),
            format!("size={size}"),
        ];
        if upcoming { q.push("upcoming=true".into()); }
        for u in wanted_users.iter().flatten() { q.push(format!("filter[user_id]={u}")); }
        if let Some(e) = external { q.push(format!("filter[meeting_type]={}", if e { "external" } else { "internal" })); }
        let mut stats = WalkStats::keeping();
        let got = f.rt.block_on(walk_attention(&f.c, &f.h, &q.join("&"), &mut stats));
        let now = now();
        let mut want: Vec<&Value> = all
            .iter()
            .filter(|m| {
                let d = parse_time(&m["date"]);
                let members: Vec<&str> = m["participants"].as_array().unwrap().iter().map(|p| p["userUuid"].as_str().unwrap()).collect();
                d >= from && d <= to
                    && (if upcoming { d > now } else { d <= now })
                    && wanted_users.as_ref().is_none_or(|us| us.iter().any(|u| members.contains(&u.as_str())))
                    && external.is_none_or(|e| m["__external"] == e)
            })
            .collect();
        want.sort_by(|a, b| {
            let key = |m: &Value| (parse_time(&m["date"]), m["uuid"].as_str().unwrap().to_string());
            if upcoming { key(a).cmp(&key(b)) } else { key(b).cmp(&key(a)) }
        });
        valid(Provider::Attention, &stats);
        prop_assert_eq!(got, ids(&want, "uuid"));
    }
}
