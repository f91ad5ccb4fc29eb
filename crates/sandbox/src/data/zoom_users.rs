//! The Zoom account's users (`GET /users`), and who hosted or joined each meeting.
//!
//! A pure function of the dataset (seed, size), like the meetings: `count(ds)` users, user 0
//! the fixed one of [`crate::credentials`] (active). About 70% are active, 18% inactive
//! (deactivated) and 12% pending (invited, never activated: no id, no meetings). User 0 hosts
//! about 45% of the meetings (so `me` alone pages), and only every third other user hosts the
//! rest, so many have none; a meeting whose drawn host is pending goes to user 0 instead. About 10% of meetings were also attended by a second hosting user
//! (`pastJoined`, a co-host): they are in both users' reports, with the same uuid.
//!
//! [`Directory`] computes who is who once per dataset, so a report request reads its user's
//! meetings instead of scanning every meeting of the account (users × meetings).

use std::collections::HashMap;
use std::fmt;

use serde::Serialize;

use super::hash::Draw;
use super::{Dataset, Rec, ids, words};
use crate::Provider;
use crate::credentials::{ZOOM_USER_EMAIL, ZOOM_USER_ID, ZOOM_USER_NAME};

const P: Provider = Provider::Zoom;
/// The pool key of users' draws.
const POOL: u64 = 0x05e5;

/// A user's status, as `GET /users` filters by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Exists on the account.
    Active,
    /// Deactivated.
    Inactive,
    /// Invited, has not activated the account.
    Pending,
}

impl Status {
    /// Zoom's name for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Inactive => "inactive",
            Status::Pending => "pending",
        }
    }

    /// The status `GET /users` takes in `status`.
    pub fn parse(s: &str) -> Option<Self> {
        [Status::Active, Status::Inactive, Status::Pending]
            .into_iter()
            .find(|st| st.as_str() == s)
    }
}

/// One user in `GET /users`'s shape.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ZoomUser {
    /// The user's id; Zoom leaves it out for pending users.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Email.
    pub email: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Display name.
    pub display_name: String,
    /// 1 basic, 2 licensed.
    #[serde(rename = "type")]
    pub kind: i64,
    /// Status.
    pub status: Status,
    /// Role id ("0" owner, "1" admin, "2" member).
    pub role_id: String,
    /// Personal meeting id.
    pub pmi: i64,
    /// Timezone.
    pub timezone: String,
    /// 1 when the email is verified.
    pub verified: i64,
    /// Department.
    pub dept: String,
    /// Created, ISO 8601.
    pub created_at: String,
    /// Language.
    pub language: String,
}

/// Users of the account: hundreds, more for bigger datasets.
pub fn count(ds: &Dataset) -> u64 {
    (360 + ds.base_len() / 50).min(5_000)
}

/// The status of user `i`.
pub fn status(ds: &Dataset, i: u64) -> Status {
    if i == 0 {
        return Status::Active;
    }
    let roll = ds.pool_draw(P, POOL, i).below(100);
    match roll {
        0..70 => Status::Active,
        70..88 => Status::Inactive,
        _ => Status::Pending,
    }
}

/// The id of user `i` (every user has one; `GET /users` hides pending users').
pub fn user_id(ds: &Dataset, i: u64) -> String {
    if i == 0 {
        return ZOOM_USER_ID.to_owned();
    }
    ids::alnum(&mut ds.pool_draw(P, POOL + 1, i), 22)
}

fn names(ds: &Dataset, i: u64) -> (String, String) {
    if i == 0 {
        let mut parts = ZOOM_USER_NAME.splitn(2, ' ');
        let first = parts.next().unwrap_or_default().to_owned();
        let last = parts.next().unwrap_or_default().to_owned();
        return (first, last);
    }
    words::person(&mut ds.pool_draw(P, POOL + 2, i))
}

/// The email of user `i` (unique: the user's number is in it).
pub fn email(ds: &Dataset, i: u64) -> String {
    if i == 0 {
        return ZOOM_USER_EMAIL.to_owned();
    }
    let (first, last) = names(ds, i);
    words::email(&first, &last, "sandbox.example.com").replacen('@', &format!("{i}@"), 1)
}

/// The display name of user `i`.
pub fn display_name(ds: &Dataset, i: u64) -> String {
    let (first, last) = names(ds, i);
    format!("{first} {last}")
}

/// User `i` as `GET /users` shows it.
pub fn user(ds: &Dataset, i: u64) -> ZoomUser {
    let (first_name, last_name) = names(ds, i);
    let mut d = ds.pool_draw(P, POOL + 3, i);
    let status = status(ds, i);
    ZoomUser {
        id: (status != Status::Pending).then(|| user_id(ds, i)),
        email: email(ds, i),
        display_name: format!("{first_name} {last_name}"),
        first_name,
        last_name,
        kind: if d.chance(0.7) { 2 } else { 1 },
        status,
        role_id: match i {
            0 => "0",
            _ if d.chance(0.05) => "1",
            _ => "2",
        }
        .to_owned(),
        pmi: 1_000_000_000 + d.below(8_999_999_999) as i64,
        timezone: d
            .pick_str(&["America/New_York", "Europe/Berlin", "Asia/Tokyo", "UTC"])
            .to_owned(),
        verified: i64::from(status != Status::Pending),
        dept: d
            .pick_str(&["Engineering", "Sales", "Support", "Finance", ""])
            .to_owned(),
        created_at: super::iso(ds.now_secs() - 400 * 86_400 - d.range(0, 900) * 86_400),
        language: "en-US".to_owned(),
    }
}

/// The users of `status`, in index order.
pub fn with_status(ds: &Dataset, status: Status) -> impl Iterator<Item = u64> + '_ {
    (0..count(ds)).filter(move |&i| self::status(ds, i) == status)
}

/// The user a report's `userId` names: `me` (user 0), an id or an email.
pub fn find(ds: &Dataset, user: &str) -> Option<u64> {
    if user == "me" {
        return Some(0);
    }
    (0..count(ds)).find(|&i| user == user_id(ds, i) || user.eq_ignore_ascii_case(&email(ds, i)))
}

/// A hosting user drawn from `d`: user 0 (`me`, the busiest host: 40%), else every third
/// user, or user 0 in place of a pending one.
fn hosting_user(ds: &Dataset, d: &mut Draw) -> u64 {
    if d.chance(0.4) {
        return 0;
    }
    let i = 3 * d.below(count(ds).div_ceil(3));
    if status(ds, i) == Status::Pending {
        0
    } else {
        i
    }
}

/// Who hosted meeting `rec`, and who else of the account attended it, if anyone.
pub fn attendees(ds: &Dataset, rec: Rec) -> (u64, Option<u64>) {
    let mut d = ds.draw(P, rec.index, 9);
    let host = hosting_user(ds, &mut d);
    let also = d
        .chance(0.10)
        .then(|| hosting_user(ds, &mut d))
        .filter(|other| *other != host);
    (host, also)
}

/// Whether meeting `rec` is in user `i`'s report.
pub fn in_report_of(ds: &Dataset, rec: Rec, i: u64) -> bool {
    let (host, also) = attendees(ds, rec);
    host == i || also == Some(i)
}

/// The account's users, computed once for a dataset ([`Dataset::zoom_users`]): who each id
/// and email names, each user's email and display name, and the base meetings in each
/// user's report, in index (start) order.
pub struct Directory {
    ids: HashMap<String, u64>,
    /// Lowercased emails: Zoom matches an email whatever its case.
    emails_lower: HashMap<String, u64>,
    emails: Vec<String>,
    display_names: Vec<String>,
    /// Per user, the indices of the base meetings they hosted or also attended.
    reports: Vec<Vec<u64>>,
}

impl fmt::Debug for Directory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Directory")
            .field("users", &self.emails.len())
            .field(
                "reported",
                &self.reports.iter().map(Vec::len).sum::<usize>(),
            )
            .finish()
    }
}

impl Directory {
    /// Computes the directory of `ds`'s Zoom account: one pass over its users and one over
    /// its base meetings.
    pub fn new(ds: &Dataset) -> Self {
        let n = usize::try_from(count(ds)).unwrap_or(0);
        let mut dir = Directory {
            ids: HashMap::with_capacity(n),
            emails_lower: HashMap::with_capacity(n),
            emails: Vec::with_capacity(n),
            display_names: Vec::with_capacity(n),
            reports: vec![Vec::new(); n],
        };
        for i in 0..n as u64 {
            let email = email(ds, i);
            dir.ids.insert(user_id(ds, i), i);
            dir.emails_lower.insert(email.to_ascii_lowercase(), i);
            dir.emails.push(email);
            dir.display_names.push(display_name(ds, i));
        }
        for index in 0..ds.base_len() {
            let (host, also) = attendees(ds, ds.base(P, index));
            for user in std::iter::once(host).chain(also) {
                if let Some(report) = dir.reports.get_mut(user as usize) {
                    report.push(index);
                }
            }
        }
        dir
    }

    /// The user a report's `userId` names: `me` (user 0), an id or an email (any case).
    pub fn find(&self, user: &str) -> Option<u64> {
        if user == "me" {
            return Some(0);
        }
        self.ids
            .get(user)
            .or_else(|| self.emails_lower.get(&user.to_ascii_lowercase()))
            .copied()
    }

    /// The email of user `i` (empty for a user the account does not have).
    pub fn email(&self, i: u64) -> &str {
        self.emails.get(i as usize).map_or("", String::as_str)
    }

    /// The display name of user `i` (empty for a user the account does not have).
    pub fn display_name(&self, i: u64) -> &str {
        self.display_names
            .get(i as usize)
            .map_or("", String::as_str)
    }

    /// The meetings (base and inserted) in user `i`'s report whose start lies in
    /// `[from, to)`, by start.
    pub fn report(&self, ds: &Dataset, i: u64, from: i64, to: i64) -> Vec<Rec> {
        let bases = ds.span(P).indices(from, to);
        let mine = self.reports.get(i as usize).map_or(&[][..], Vec::as_slice);
        let first = mine.partition_point(|&x| x < bases.start);
        let last = mine.partition_point(|&x| x < bases.end);
        let mut out: Vec<Rec> = mine[first..last.max(first)]
            .iter()
            .map(|&x| ds.base(P, x))
            .collect();
        let before = out.len();
        out.extend(
            ds.inserted(P)
                .into_iter()
                .filter(|r| r.start >= from && r.start < to && in_report_of(ds, *r, i)),
        );
        if out.len() > before {
            out.sort_by_key(|r| r.start);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn dataset(seed: u64, meetings: usize) -> Dataset {
        let now = chrono::Utc
            .with_ymd_and_hms(2026, 11, 21, 12, 0, 0)
            .single()
            .unwrap_or_default();
        Dataset::new(seed, meetings, now)
    }

    #[test]
    fn users_are_hundreds_of_every_status_and_meetings_spread_over_many_hosts() {
        let ds = dataset(4, 2000);
        let n = count(&ds);
        assert!(n >= 300, "{n}");
        for st in [Status::Active, Status::Inactive, Status::Pending] {
            assert!(with_status(&ds, st).count() > 20, "{st:?}");
        }
        assert_eq!(user_id(&ds, 0), ZOOM_USER_ID);
        assert_eq!(find(&ds, ZOOM_USER_EMAIL), Some(0));
        assert_eq!(find(&ds, &user_id(&ds, 7)), Some(7));
        assert_eq!(find(&ds, "nobody"), None);
        let mut hosts = std::collections::HashSet::new();
        let mut shared = 0;
        for i in 0..2000 {
            let (host, also) = attendees(&ds, ds.base(P, i));
            assert_ne!(status(&ds, host), Status::Pending);
            hosts.insert(host);
            if let Some(other) = also {
                assert_ne!(status(&ds, other), Status::Pending);
                shared += 1;
            }
        }
        assert!(hosts.len() > 50, "{} hosts", hosts.len());
        assert!((n as usize) > 2 * hosts.len(), "most users host nothing");
        assert!(shared > 100, "{shared} meetings in two reports");
    }

    #[test]
    fn the_directory_agrees_with_scanning_every_meeting() {
        let ds = dataset(9, 3000);
        let mut draw = Draw::new(77);
        let span = ds.span(P).clone();
        let inserted = ds.insert(P, span.start, span.end(), 40, &mut draw);
        assert!(!inserted.is_empty());
        let dir = Directory::new(&ds);
        assert_eq!(dir.find("me"), Some(0));
        for i in [0, 3, 6, 7, 30, count(&ds) - 1] {
            assert_eq!(dir.find(&user_id(&ds, i)), Some(i));
            assert_eq!(dir.find(&email(&ds, i).to_uppercase()), Some(i));
            assert_eq!(dir.email(i), email(&ds, i));
            assert_eq!(dir.display_name(i), display_name(&ds, i));
        }
        assert_eq!(dir.find("nobody@example.com"), None);
        assert_eq!(
            dir.find(&user_id(&ds, 7).to_lowercase()),
            None,
            "ids are exact"
        );
        let month = 31 * super::super::DAY;
        let windows = [
            (span.start, span.end()),
            (
                span.start + 40 * super::super::DAY,
                span.start + 40 * super::super::DAY + month,
            ),
            (span.end() - 1000, span.end()),
        ];
        let mut seen = 0;
        for (lo, hi) in windows {
            for i in 0..count(&ds) {
                let scanned: Vec<Rec> = ds
                    .by_start(P, lo, hi)
                    .filter(|r| in_report_of(&ds, *r, i))
                    .collect();
                seen += scanned.len();
                assert_eq!(
                    dir.report(&ds, i, lo, hi),
                    scanned,
                    "user {i} in [{lo}, {hi})"
                );
            }
        }
        assert!(seen > 3000, "{seen}");
        assert!(
            dir.report(&ds, count(&ds) + 5, span.start, span.end())
                .is_empty()
        );
    }
}
