//! Ground truth: the provider-native ids a correct client must return for a window.
//!
//! A record is in `[from, to)` iff its normalized start is: Zoom `start_time`, Daily
//! `start_time`, Telnyx `started_at` (with its microseconds), Attendee `join_at` (null: in no
//! window), Attention `date`. Zoom also drops meetings with fewer than two participants,
//! which its API never returns. Zoom's six-month limit is ignored: the truth says what
//! exists. Records inserted by the insert fault count from the moment they are inserted.

use chrono::{DateTime, TimeZone, Utc};

use crate::Provider;
use crate::data::{Dataset, Rec, attendee, attention, daily, ids, telnyx, zoom};

/// The smallest whole second `>= t`.
pub fn ceil_secs(t: DateTime<Utc>) -> i64 {
    t.timestamp() + i64::from(t.timestamp_subsec_nanos() > 0)
}

/// The provider-native id of a record.
pub fn native_id(ds: &Dataset, p: Provider, rec: Rec) -> String {
    match p {
        Provider::Zoom => zoom::uuid(ds, rec.index),
        Provider::Daily => daily::session_id(ds, rec.index),
        Provider::Telnyx => ids::record_uuid(ds.key(p), rec.index),
        Provider::Attendee => attendee::bot_id(ds, rec),
        Provider::Attention => attention::meeting_uuid(ds, rec.index),
    }
}

/// True when the provider's API can ever return the record for a window containing it.
pub fn listable(ds: &Dataset, p: Provider, rec: Rec) -> bool {
    match p {
        Provider::Zoom => zoom::reported(ds, rec),
        Provider::Attendee => attendee::join_at(ds, rec).is_some(),
        Provider::Daily | Provider::Telnyx | Provider::Attention => true,
    }
}

/// A record's normalized start as an instant: its start second, plus Telnyx's microseconds.
pub fn start_instant(ds: &Dataset, p: Provider, rec: Rec) -> DateTime<Utc> {
    let micros = match p {
        Provider::Telnyx => telnyx::facts(ds, rec).micros,
        _ => 0,
    };
    let nanos = u32::try_from(micros * 1_000).unwrap_or(0);
    Utc.timestamp_opt(rec.start, nanos)
        .single()
        .unwrap_or_default()
}

/// The records in `[from, to)`, in start order.
pub fn records(ds: &Dataset, p: Provider, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Rec> {
    let (first, last) = (from.timestamp(), to.timestamp());
    ds.by_start(p, first, ceil_secs(to))
        // Only a record in the first or last second can start outside by a fraction.
        .filter(|r| {
            let inner = r.start > first && r.start < last;
            inner || {
                let t = start_instant(ds, p, *r);
                from <= t && t < to
            }
        })
        .filter(|r| listable(ds, p, *r))
        .collect()
}

/// Sorted provider-native ids of the records in `[from, to)`.
pub fn truth(ds: &Dataset, p: Provider, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<String> {
    let mut out: Vec<String> = records(ds, p, from, to)
        .into_iter()
        .map(|r| native_id(ds, p, r))
        .collect();
    out.sort();
    out
}
