//! Ground truth: the provider-native ids a correct client must return for a window.
//!
//! A record is in `[from, to)` iff its normalized start is: Zoom `start_time`, Daily
//! `start_time`, Telnyx `started_at` (its whole second), Attendee `join_at` (null: in no
//! window), Attention `date`. Zoom also drops meetings with fewer than two participants,
//! which its API never returns. Zoom's six-month limit is ignored: the truth says what
//! exists. Records inserted by the insert fault count from the moment they are inserted.

use chrono::{DateTime, Utc};

use crate::Provider;
use crate::data::{Dataset, Rec, attendee, attention, daily, ids, zoom};

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
        Provider::Attendee => attendee::bot_id(ds, rec.index),
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

/// The records in `[from, to)`, in start order.
pub fn records(ds: &Dataset, p: Provider, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Rec> {
    ds.by_start(p, ceil_secs(from), ceil_secs(to))
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
