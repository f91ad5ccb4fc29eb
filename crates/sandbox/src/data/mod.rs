//! The procedural dataset: record `i` of a provider is a pure function of `(seed, provider, i)`.
//!
//! Nothing is materialised. Each provider has a [`Span`] of 395 days and `n` base records
//! whose start times strictly increase with the index (`start + i*step + jitter`,
//! `jitter < step`, whole seconds), so every window is a binary search and every sort order
//! is index order. Past-only providers end their span at (or shortly before) `now`;
//! providers with upcoming meetings end it 30 days after `now` (each provider's
//! [`Records::span_end`]).
//!
//! Records inserted while a client pages (a fault) live in a small side list per provider,
//! with indices `n, n+1, …` and start seconds chosen never to collide with any other
//! record's, so "order by start" stays a strict total order. Records retitled by a test
//! (a meeting edited after it was first listed) keep their new title in a small side map.

// This directory's files (the build script declares them; a provider's records are in the
// file named by it, with its `RECORDS`), and the `RECORDS` table.
include!(concat!(env!("OUT_DIR"), "/data.rs"));

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{OnceLock, RwLock};

use chrono::{DateTime, Datelike, TimeZone, Timelike, Utc};

use crate::Provider;
use hash::{Draw, mix, splitmix64};

/// What ground truth and the handle need to know of one provider's records (each provider's
/// data module defines its `RECORDS`).
#[derive(Debug)]
pub struct Records {
    /// Whose.
    pub provider: Provider,
    /// Where its span ends, in seconds after the sandbox's `now` (negative: before it).
    pub span_end: i64,
    /// The provider-native id of a record.
    pub native_id: fn(&Dataset, Rec) -> String,
    /// Whether the provider's API can ever return the record for a window containing it.
    pub listable: fn(&Dataset, Rec) -> bool,
    /// Microseconds past the record's start second in its normalized start (Telnyx's).
    pub start_micros: fn(&Dataset, Rec) -> i64,
    /// Whether its records have a title an edit can change.
    pub titled: bool,
}

/// For providers whose every record is listable.
pub fn always_listable(_: &Dataset, _: Rec) -> bool {
    true
}

/// For providers whose starts are whole seconds.
pub fn whole_seconds(_: &Dataset, _: Rec) -> i64 {
    0
}

/// The record facts of `p` (every provider has a data module with `RECORDS`: a test checks
/// it).
pub fn records_of(p: Provider) -> &'static Records {
    RECORDS
        .iter()
        .copied()
        .find(|r| r.provider == p)
        .unwrap_or(RECORDS[0])
}

/// A day in seconds.
pub const DAY: i64 = 86_400;
const SPAN_DAYS: i64 = 395;

/// A record reference: its index (base records `< n`, inserted ones `>= n`) and start second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rec {
    /// Index: creation order, and the key of every generated value.
    pub index: u64,
    /// Normalized start, unix seconds.
    pub start: i64,
}

/// Where a provider's base records lie in time.
#[derive(Debug, Clone)]
pub struct Span {
    /// First possible start second.
    pub start: i64,
    /// Seconds between consecutive base records' slots (at least 1).
    pub step: i64,
    /// Number of base records.
    pub n: u64,
    key: u64,
}

impl Span {
    fn new(end: i64, n: u64, key: u64) -> Self {
        let slots = n.max(1) as i64;
        let len = (SPAN_DAYS * DAY).max(slots);
        let step = (len / slots).max(1);
        Span {
            start: end - step * slots,
            step,
            n,
            key,
        }
    }

    /// One past the last possible start second.
    pub fn end(&self) -> i64 {
        self.start + self.step * self.n.max(1) as i64
    }

    /// Start second of base record `i`.
    pub fn start_of(&self, i: u64) -> i64 {
        let jitter = (splitmix64(self.key ^ i.wrapping_mul(0xa076_1d64_78bd_642f))
            % self.step as u64) as i64;
        self.start + i as i64 * self.step + jitter
    }

    /// The first base index whose start is `>= t` (`n` if none).
    pub fn lower_bound(&self, t: i64) -> u64 {
        let (mut lo, mut hi) = (0u64, self.n);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.start_of(mid) < t {
                lo = mid + 1
            } else {
                hi = mid
            }
        }
        lo
    }

    /// Base indices whose start lies in `[from, to)`.
    pub fn indices(&self, from: i64, to: i64) -> Range<u64> {
        let lo = self.lower_bound(from);
        let hi = self.lower_bound(to).max(lo);
        lo..hi
    }
}

/// The whole dataset of one sandbox.
#[derive(Debug)]
pub struct Dataset {
    seed: u64,
    n: u64,
    now: DateTime<Utc>,
    spans: Vec<Span>,
    inserted: Vec<RwLock<Vec<Rec>>>,
    titles: RwLock<HashMap<(usize, u64), String>>,
    zoom_users: OnceLock<zoom_users::Directory>,
}

fn slot(p: Provider) -> usize {
    Provider::ALL.iter().position(|q| *q == p).unwrap_or(0)
}

impl Dataset {
    /// A dataset of `meetings` base records per provider, anchored on `now`.
    pub fn new(seed: u64, meetings: usize, now: DateTime<Utc>) -> Self {
        let now = Utc
            .timestamp_opt(now.timestamp(), 0)
            .single()
            .unwrap_or(now);
        let n = meetings as u64;
        let now_s = now.timestamp();
        let spans = Provider::ALL
            .iter()
            .map(|p| {
                let end = now_s + records_of(*p).span_end;
                Span::new(end, n, mix(seed, crate::provider::salt(*p), 0x5ba2))
            })
            .collect();
        Dataset {
            seed,
            n,
            now,
            spans,
            inserted: Provider::ALL
                .iter()
                .map(|_| RwLock::new(Vec::new()))
                .collect(),
            titles: RwLock::new(HashMap::new()),
            zoom_users: OnceLock::new(),
        }
    }

    /// Base records per provider.
    pub fn base_len(&self) -> u64 {
        self.n
    }

    /// The seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The sandbox's fixed "now".
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The Zoom account's users and their reports, computed on first use.
    pub fn zoom_users(&self) -> &zoom_users::Directory {
        self.zoom_users
            .get_or_init(|| zoom_users::Directory::new(self))
    }

    /// The sandbox's fixed "now" in unix seconds.
    pub fn now_secs(&self) -> i64 {
        self.now.timestamp()
    }

    /// The time span of `p`'s base records.
    pub fn span(&self, p: Provider) -> &Span {
        &self.spans[slot(p)]
    }

    /// A hash key unique to this seed and provider.
    pub fn key(&self, p: Provider) -> u64 {
        mix(self.seed, crate::provider::salt(p), 0x1d)
    }

    /// The value stream for one field of one record.
    pub fn draw(&self, p: Provider, index: u64, field: u64) -> Draw {
        Draw::new(mix(self.key(p), index, field))
    }

    /// The value stream for one field of a shared pool member (a room, a user…).
    pub fn pool_draw(&self, p: Provider, pool: u64, member: u64) -> Draw {
        Draw::new(mix(self.key(p) ^ 0x9001, pool, member))
    }

    /// Base record `i`.
    pub fn base(&self, p: Provider, i: u64) -> Rec {
        Rec {
            index: i,
            start: self.span(p).start_of(i),
        }
    }

    /// A snapshot of the records inserted so far, sorted by start.
    pub fn inserted(&self, p: Provider) -> Vec<Rec> {
        self.inserted[slot(p)]
            .read()
            .map(|v| v.clone())
            .unwrap_or_default()
    }

    /// How many records have been inserted into `p` so far: a generation number that
    /// changes whenever `p`'s listings may have shifted.
    pub fn inserted_len(&self, p: Provider) -> usize {
        self.inserted[slot(p)].read().map(|v| v.len()).unwrap_or(0)
    }

    /// The record with `index`, base or inserted.
    pub fn record_at(&self, p: Provider, index: u64) -> Option<Rec> {
        if index < self.n {
            Some(self.base(p, index))
        } else {
            self.inserted(p).into_iter().find(|r| r.index == index)
        }
    }

    /// Gives record `index` of `p` a new title (Zoom's topic, Attention's summary): the
    /// meeting as edited after a client first listed it.
    pub fn retitle(&self, p: Provider, index: u64, title: String) {
        if let Ok(mut titles) = self.titles.write() {
            titles.insert((slot(p), index), title);
        }
    }

    /// The title record `index` of `p` was given by [`Dataset::retitle`], if any.
    pub fn retitled(&self, p: Provider, index: u64) -> Option<String> {
        self.titles
            .read()
            .ok()
            .and_then(|titles| titles.get(&(slot(p), index)).cloned())
    }

    /// Every record (base and inserted) whose start lies in `[from, to)`, by start.
    pub fn by_start(&self, p: Provider, from: i64, to: i64) -> ByStart<'_> {
        let span = self.span(p);
        let ins: Vec<Rec> = self
            .inserted(p)
            .into_iter()
            .filter(|r| r.start >= from && r.start < to)
            .collect();
        ByStart {
            span,
            base: span.indices(from, to),
            ins_range: 0..ins.len(),
            ins,
        }
    }

    /// Every record by start.
    pub fn all(&self, p: Provider) -> ByStart<'_> {
        self.by_start(p, i64::MIN, i64::MAX)
    }

    fn start_taken(&self, p: Provider, t: i64, ins: &[Rec]) -> bool {
        let span = self.span(p);
        let i = span.lower_bound(t);
        (i < self.n && span.start_of(i) == t) || ins.iter().any(|r| r.start == t)
    }

    /// Inserts up to `count` new records with starts in `[from, to)` (clamped to the span),
    /// drawing positions from `draw`. Returns what was inserted.
    pub fn insert(&self, p: Provider, from: i64, to: i64, count: u32, draw: &mut Draw) -> Vec<Rec> {
        let span = self.span(p);
        // Inserted records stay inside the span: no "past" meeting lands after `now`.
        let lo = from.max(span.start);
        let hi = to.min(span.end());
        let mut added = Vec::new();
        if lo >= hi {
            return added;
        }
        let Ok(mut ins) = self.inserted[slot(p)].write() else {
            return added;
        };
        for _ in 0..count {
            let width = (hi - lo) as u64;
            let mut t = lo + draw.below(width) as i64;
            let mut tries = 0;
            while self.start_taken(p, t, &ins) && tries < 256 {
                t = if t + 1 >= hi { lo } else { t + 1 };
                tries += 1;
            }
            if tries == 256 {
                break;
            }
            let rec = Rec {
                index: self.n + ins.len() as u64,
                start: t,
            };
            let at = ins.partition_point(|r| r.start < t);
            ins.insert(at, rec);
            added.push(rec);
        }
        added
    }
}

/// Records in start order, merging base records with inserted ones. Double-ended: iterate
/// backwards for newest-first listings.
#[derive(Debug, Clone)]
pub struct ByStart<'a> {
    span: &'a Span,
    base: Range<u64>,
    ins: Vec<Rec>,
    ins_range: Range<usize>,
}

impl ByStart<'_> {
    /// Number of records left.
    pub fn remaining(&self) -> u64 {
        (self.base.end - self.base.start) + self.ins_range.len() as u64
    }

    /// Skips `k` records from the front: O(1) when no inserted record is left.
    pub fn skip_front(&mut self, k: u64) {
        if self.ins_range.is_empty() {
            self.base.start = self.base.start.saturating_add(k).min(self.base.end);
        } else {
            for _ in 0..k {
                if self.next().is_none() {
                    break;
                }
            }
        }
    }

    /// Skips `k` records from the back: O(1) when no inserted record is left.
    pub fn skip_back(&mut self, k: u64) {
        if self.ins_range.is_empty() {
            self.base.end = self.base.end.saturating_sub(k).max(self.base.start);
        } else {
            for _ in 0..k {
                if self.next_back().is_none() {
                    break;
                }
            }
        }
    }
}

impl Iterator for ByStart<'_> {
    type Item = Rec;

    fn next(&mut self) -> Option<Rec> {
        let base = (!self.base.is_empty()).then(|| self.span.start_of(self.base.start));
        let ins = self
            .ins
            .get(self.ins_range.start)
            .filter(|_| !self.ins_range.is_empty())
            .copied();
        match (base, ins) {
            (Some(b), Some(r)) if r.start < b => {
                self.ins_range.start += 1;
                Some(r)
            }
            (Some(b), _) => {
                let rec = Rec {
                    index: self.base.start,
                    start: b,
                };
                self.base.start += 1;
                Some(rec)
            }
            (None, Some(r)) => {
                self.ins_range.start += 1;
                Some(r)
            }
            (None, None) => None,
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = usize::try_from(self.remaining()).unwrap_or(usize::MAX);
        (n, Some(n))
    }
}

impl DoubleEndedIterator for ByStart<'_> {
    fn next_back(&mut self) -> Option<Rec> {
        let base = (!self.base.is_empty()).then(|| self.span.start_of(self.base.end - 1));
        let ins = (!self.ins_range.is_empty())
            .then(|| self.ins.get(self.ins_range.end - 1).copied())
            .flatten();
        match (base, ins) {
            (Some(b), Some(r)) if r.start > b => {
                self.ins_range.end -= 1;
                Some(r)
            }
            (Some(b), _) => {
                self.base.end -= 1;
                Some(Rec {
                    index: self.base.end,
                    start: b,
                })
            }
            (None, Some(r)) => {
                self.ins_range.end -= 1;
                Some(r)
            }
            (None, None) => None,
        }
    }
}

/// Formats unix seconds as `2026-11-21T10:00:00Z`.
pub fn iso(secs: i64) -> String {
    let mut s = String::with_capacity(27);
    push_iso_seconds(&mut s, secs);
    s.push('Z');
    s
}

/// Appends `2026-11-21T10:00:00` (no zone). Digits are written directly: chrono's `format`
/// parses its pattern on every call, which was a quarter of the sandbox's CPU time.
pub fn push_iso_seconds(s: &mut String, secs: i64) {
    let t = datetime(secs);
    push_digits(s, t.year().clamp(0, 9999).unsigned_abs(), 4);
    s.push('-');
    push_digits(s, t.month(), 2);
    s.push('-');
    push_digits(s, t.day(), 2);
    s.push('T');
    push_digits(s, t.hour(), 2);
    s.push(':');
    push_digits(s, t.minute(), 2);
    s.push(':');
    push_digits(s, t.second(), 2);
}

/// Appends `n` zero-padded to `width` digits (`n` must fit).
pub fn push_digits(s: &mut String, n: u32, width: u32) {
    let mut div = 10u32.pow(width.saturating_sub(1));
    while div > 0 {
        s.push(char::from(b'0' + ((n / div) % 10) as u8));
        div /= 10;
    }
}

/// Unix seconds as a UTC datetime (the epoch for out-of-range values).
pub fn datetime(secs: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(secs, 0).single().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn every_provider_has_its_records() {
        for p in Provider::ALL {
            assert_eq!(
                records_of(p).provider,
                p,
                "{p} has no data module with RECORDS"
            );
        }
    }

    #[test]
    fn hand_written_timestamps_match_chrono() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            x = splitmix64(x);
            // 1970 to 2100, plus the edges.
            let secs = (x % 4_102_444_800) as i64;
            for secs in [secs, 0, 4_102_444_799] {
                assert_eq!(
                    iso(secs),
                    datetime(secs).format("%Y-%m-%dT%H:%M:%SZ").to_string()
                );
            }
        }
        let mut s = String::new();
        push_digits(&mut s, 7, 6);
        push_digits(&mut s, 123_456, 6);
        assert_eq!(s, "000007123456");
    }

    #[test]
    fn starts_strictly_increase_and_bounds_agree() {
        let ds = Dataset::new(3, 5000, now());
        for p in Provider::ALL {
            let span = ds.span(p);
            let starts: Vec<i64> = (0..span.n).map(|i| span.start_of(i)).collect();
            assert!(starts.windows(2).all(|w| w[0] < w[1]));
            let t = starts[1234];
            assert_eq!(span.lower_bound(t), 1234);
            assert_eq!(span.lower_bound(t + 1), 1235);
            assert_eq!(span.lower_bound(i64::MIN), 0);
            assert_eq!(span.lower_bound(i64::MAX), span.n);
        }
    }

    #[test]
    fn an_empty_dataset_has_no_records() {
        let ds = Dataset::new(3, 0, now());
        for p in Provider::ALL {
            assert_eq!(ds.all(p).count(), 0);
            assert_eq!(ds.record_at(p, 0), None);
        }
    }

    #[test]
    fn inserts_merge_in_start_order_both_ways() {
        let ds = Dataset::new(3, 500, now());
        let span = ds.span(Provider::Daily).clone();
        let (from, to) = (span.start_of(100), span.start_of(200));
        let added = ds.insert(Provider::Daily, from, to, 20, &mut Draw::new(9));
        assert_eq!(added.len(), 20);
        let fwd: Vec<Rec> = ds.by_start(Provider::Daily, from, to).collect();
        assert_eq!(fwd.len(), 120);
        assert!(fwd.windows(2).all(|w| w[0].start < w[1].start));
        let mut back: Vec<Rec> = ds.by_start(Provider::Daily, from, to).rev().collect();
        back.reverse();
        assert_eq!(fwd, back);
        for k in [0, 1, 37, 119, 120, 500] {
            let mut front = ds.by_start(Provider::Daily, from, to);
            front.skip_front(k);
            assert_eq!(
                front.collect::<Vec<_>>(),
                fwd.iter().skip(k as usize).copied().collect::<Vec<_>>()
            );
            let mut tail = ds.by_start(Provider::Daily, from, to);
            tail.skip_back(k);
            let want: Vec<Rec> = fwd.iter().rev().skip(k as usize).copied().collect();
            assert_eq!(tail.rev().collect::<Vec<_>>(), want);
        }
        let mut plain = ds.by_start(Provider::Zoom, from, to);
        plain.skip_front(3);
        plain.skip_back(2);
        assert_eq!(
            plain.remaining(),
            ds.by_start(Provider::Zoom, from, to).remaining() - 5
        );
    }
}
