//! Deduplication: the ids a listing already delivered, as [`Seen`].
//!
//! A window drops what it meets twice (a record on a shifted page, a listing walked again);
//! the pieces of a split window share the window's `Seen` (`paging`). Where an account's
//! partitions overlap — a Zoom account listed per user sees a meeting two users attended in
//! both users' reports — every window of the account shares one account-wide `Seen` instead,
//! which drops repeats within a window too, so each id is hashed and stored once.
//!
//! A `Seen` holds a 64-bit hash per meeting it let through (keyed at random per set, so a
//! collision — a distinct meeting dropped — is a ~n²/2⁶⁵ event): its memory grows with the
//! distinct meetings it saw, 10-21 bytes each with the table's overhead, not with the
//! meetings themselves. That growth is most of what a larger listing adds to peak memory
//! (`bench/README.md`).

use std::collections::HashSet;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher, RandomState};
use std::sync::{Mutex, PoisonError};

use crate::model::Meeting;

/// A set of ids already hashed with a random key ([`RandomState`]): the set uses each hash as
/// it is instead of hashing it a second time (a second SipHash per insert).
pub type IdHashes = HashSet<u64, BuildHasherDefault<Prehashed>>;

/// The hasher of [`IdHashes`]: the `u64` it is given is already a keyed hash, uniformly spread,
/// so it is the hash.
#[derive(Debug, Default, Clone, Copy)]
pub struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }

    /// Only `u64`s go into [`IdHashes`]; anything else is folded in byte by byte (FNV-1a), so
    /// the hasher stays a hasher.
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The ids (hashed) delivered so far by a window, or by every window of an account whose
/// partitions overlap; shared by the tasks that deliver them.
#[derive(Debug, Default)]
pub struct Seen {
    hasher: RandomState,
    ids: Mutex<IdHashes>,
}

impl Seen {
    /// Drops from `meetings` those delivered before (and repeats within `meetings`: the first
    /// sighting wins); records the rest.
    pub fn keep_first(&self, meetings: &mut Vec<Meeting>) {
        let mut ids = self.ids.lock().unwrap_or_else(PoisonError::into_inner);
        meetings.retain(|m| ids.insert(self.hasher.hash_one(&m.id)));
    }

    /// Meetings recorded so far.
    pub fn len(&self) -> usize {
        self.ids
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// Whether nothing was recorded yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paging::tests::meeting_at;

    #[test]
    fn an_id_hash_is_its_own_hash_in_the_set() {
        let build = BuildHasherDefault::<Prehashed>::default();
        for hash in [0, 1, 0xdead_beef, u64::MAX] {
            assert_eq!(build.hash_one(hash), hash);
        }
        let mut set = IdHashes::default();
        assert!(set.insert(42));
        assert!(!set.insert(42));
        assert!(set.insert(43));
    }

    #[test]
    fn a_meeting_met_by_a_second_partition_is_dropped() {
        let seen = Seen::default();
        let now = chrono::Utc::now();
        let mut first = vec![meeting_at("a".into(), now), meeting_at("b".into(), now)];
        seen.keep_first(&mut first);
        assert_eq!(first.len(), 2);
        let mut second = vec![
            meeting_at("b".into(), now),
            meeting_at("c".into(), now),
            meeting_at("c".into(), now),
        ];
        seen.keep_first(&mut second);
        assert_eq!(
            second.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(),
            ["c"]
        );
        assert_eq!(seen.len(), 3);
    }
}
