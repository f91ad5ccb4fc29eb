//! The five providers the sandbox impersonates, and their lowercase names.

use std::fmt;
use std::str::FromStr;

/// A meeting provider served by the sandbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Provider {
    /// Zoom: `GET /report/users/{userId}/meetings`.
    Zoom,
    /// Daily: `GET /meetings`.
    Daily,
    /// Telnyx: `GET /room_recordings`.
    Telnyx,
    /// Attendee: `GET /api/v1/bots`.
    Attendee,
    /// Attention: `GET /recorder_metrics/all_meetings`.
    Attention,
}

impl Provider {
    /// Every provider, in a fixed order.
    pub const ALL: [Provider; 5] = [
        Provider::Zoom,
        Provider::Daily,
        Provider::Telnyx,
        Provider::Attendee,
        Provider::Attention,
    ];

    /// The lowercase name used in URLs and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Provider::Zoom => "zoom",
            Provider::Daily => "daily",
            Provider::Telnyx => "telnyx",
            Provider::Attendee => "attendee",
            Provider::Attention => "attention",
        }
    }

    /// The real API's base path, appended to `/<provider>` in the sandbox.
    pub fn base_path(self) -> &'static str {
        match self {
            Provider::Zoom => "/v2",
            Provider::Daily => "/v1",
            Provider::Telnyx => "/v2",
            Provider::Attendee => "",
            Provider::Attention => "/v2",
        }
    }

    /// A small per-provider number mixed into every hash so providers differ.
    pub(crate) fn salt(self) -> u64 {
        match self {
            Provider::Zoom => 0x5a6f_6f6d,
            Provider::Daily => 0x4461_696c,
            Provider::Telnyx => 0x5465_6c6e,
            Provider::Attendee => 0x4174_7465,
            Provider::Attention => 0x4174_746e,
        }
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for a provider name the sandbox does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown provider {0:?}: expected one of zoom, daily, telnyx, attendee, attention")]
pub struct UnknownProvider(pub String);

impl FromStr for Provider {
    type Err = UnknownProvider;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Provider::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownProvider(s.to_string()))
    }
}
