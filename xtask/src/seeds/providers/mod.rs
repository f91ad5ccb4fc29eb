//! One file per provider: its seed document and the rule that reads it.

pub mod attendee;
pub mod attention;
pub mod daily;
pub mod telnyx;
pub mod zoom;

use crate::seeds::Seed;

/// Every seed, with its rule.
pub const SEEDS: [Seed; 5] = [
    zoom::SEED,
    daily::SEED,
    telnyx::SEED,
    attendee::SEED,
    attention::SEED,
];
