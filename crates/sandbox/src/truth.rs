//! Ground truth: the provider-native ids a correct client must return for a window.
//!
//! A record is in `[from, to)` iff its normalized start is, and its provider's API can list
//! it; each provider's data module says what its id, its listability and its start's
//! sub-second part are (`data::Records`). Zoom's truth is the whole account's, each meeting
//! once however many of its users' reports it is in (`SandboxHandle::zoom_user_truth` is one
//! user's); its six-month limit is ignored: the truth says what exists. Records inserted by
//! the insert fault count from the moment they are inserted.

use chrono::{DateTime, TimeZone, Utc};

use crate::Provider;
use crate::data::{Dataset, Rec, records_of};

/// The smallest whole second `>= t`.
pub fn ceil_secs(t: DateTime<Utc>) -> i64 {
    t.timestamp() + i64::from(t.timestamp_subsec_nanos() > 0)
}

/// The provider-native id of a record.
pub fn native_id(ds: &Dataset, p: Provider, rec: Rec) -> String {
    (records_of(p).native_id)(ds, rec)
}

/// True when the provider's API can ever return the record for a window containing it.
pub fn listable(ds: &Dataset, p: Provider, rec: Rec) -> bool {
    (records_of(p).listable)(ds, rec)
}

/// A record's normalized start as an instant: its start second, plus Telnyx's microseconds.
pub fn start_instant(ds: &Dataset, p: Provider, rec: Rec) -> DateTime<Utc> {
    let micros = (records_of(p).start_micros)(ds, rec);
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
