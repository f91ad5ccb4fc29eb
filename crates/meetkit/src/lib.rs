//! meetkit: meetings and recordings from Zoom, Daily, Telnyx Video, Attendee and Attention as
//! one typed, deduplicated stream.
//!
//! ```no_run
//! # async fn demo() -> Result<(), meetkit::Error> {
//! use futures::StreamExt;
//! use meetkit::{Client, Query, Window};
//!
//! let client = Client::from_env()?;
//! let window = Window::new("2026-09-01T00:00:00Z".parse().unwrap(), "2026-10-01T00:00:00Z".parse().unwrap())?;
//! let mut meetings = client.list(&Query::new(window)).await?;
//! while let Some(item) = meetings.next().await {
//!     match item {
//!         Ok(meeting) => println!("{} {} {:?}", meeting.provider, meeting.start, meeting.title),
//!         Err(failure) => eprintln!("{failure}"),
//!     }
//! }
//! # Ok(()) }
//! ```
//!
//! Data flows one way: the [`registry`] describes each provider → [`Client::plan`] cuts a
//! [`Query`] into serializable [`Partition`]s ([`plan`]) → [`Client::run`] streams one through
//! its provider adapter ([`providers`]) and the paging engine ([`paging`], with retries
//! ([`retry`]) and rate limits ([`ratelimit`])) → normalized [`Meeting`]s → the merged
//! [`MeetingStream`] ([`client`]).

// Errors are rare and carry what a user needs to act (provider, window, status, message, hint);
// their size does not matter on the success path.
#![allow(clippy::result_large_err)]

pub mod accounts;
pub mod client;
pub mod config;
pub mod dedup;
pub mod descriptor;
pub mod drift;
pub mod error;
pub mod json;
pub mod model;
pub mod paging;
pub mod plan;
pub mod progress;
pub mod providers;
pub mod query;
pub mod ratelimit;
pub mod registry;
pub mod resolution;
pub mod retry;
pub mod rfc3339;
mod run;
pub mod schema;
pub mod settings;
pub mod unmapped;

pub use accounts::{Account, AccountSettings};
pub use client::{Client, Listing, MeetingStream};
pub use config::{
    ApiKeyConfig, Config, ProviderSource, RetryOptions, RuntimeOptions, ZoomAuth, ZoomConfig,
};
pub use drift::{DriftItem, DriftKind};
pub use error::{ConfigError, Error, ProviderError, ProviderErrorKind, QueryError};
pub use meetkit_client_support::{HttpOptions, Secret};
pub use model::*;
pub use plan::{Partition, Plan};
pub use progress::{Progress, ProviderProgress};
pub use query::{FilterName, Filters, Query, Window};
pub use registry::ProviderInfo;
