// @generated — do not edit. Produced by `cargo xtask generate` from specs/attendee.yaml.
// Edit the spec and run `cargo xtask generate` instead.

#[allow(unused_imports)]
pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
#[allow(unused_imports)]
use progenitor_client::{encode_path, ClientHooks, OperationInfo, RequestBuilderExt};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    ///The 400 body (bad state or datetime).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AttendeeBadRequest {
        ///What is wrong with the request.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error: ::std::option::Option<::std::string::String>,
    }
    impl AttendeeBadRequest {
        pub fn builder() -> builder::AttendeeBadRequest {
            Default::default()
        }
    }
    ///The 401/404 body.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AttendeeDetail {
        ///What went wrong, e.g. `Invalid cursor`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub detail: ::std::option::Option<::std::string::String>,
    }
    impl AttendeeDetail {
        pub fn builder() -> builder::AttendeeDetail {
            Default::default()
        }
    }
    /**Any Attendee error body, as the operation's single error type (progenitor needs one error
type per operation): a 400 carries `error` (see `AttendeeBadRequest`), a 401 or 404
carries `detail` (see `AttendeeDetail`).
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AttendeeError {
        ///What went wrong, e.g. `Invalid cursor` (401, 404).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub detail: ::std::option::Option<::std::string::String>,
        ///What is wrong with the request (400).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error: ::std::option::Option<::std::string::String>,
    }
    impl AttendeeError {
        pub fn builder() -> builder::AttendeeError {
            Default::default()
        }
    }
    ///A bot.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct Bot {
        ///Optional deduplication key for the bot.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub deduplication_key: ::std::option::Option<::std::string::String>,
        ///Array of events that have occurred for this bot.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub events: ::std::option::Option<::std::vec::Vec<BotEvent>>,
        ///Unique identifier for the bot (e.g., `bot_weIAju4OXNZkDTpZ`).
        pub id: ::std::string::String,
        ///ISO 8601 timestamp when the bot joined or will join the meeting.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        #[serde(
            default,
            deserialize_with = "::meetkit_client_support::timestamp::deserialize_opt"
        )]
        pub join_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///The URL of the meeting the bot joined or will join.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub meeting_url: ::std::option::Option<::std::string::String>,
        ///Custom metadata associated with the bot.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub metadata: ::std::option::Option<
            ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        >,
        ///Current recording state (e.g., `not_started`, `in_progress`, `complete`, `failed`, `paused`).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub recording_state: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub state: ::std::option::Option<crate::open_enums::BotState>,
        ///Current transcription state (e.g., `not_started`, `in_progress`, `complete`, `failed`).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub transcription_state: ::std::option::Option<::std::string::String>,
    }
    impl Bot {
        pub fn builder() -> builder::Bot {
            Default::default()
        }
    }
    ///Something that happened to a bot.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct BotEvent {
        ///ISO 8601 timestamp when the event occurred.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        #[serde(
            default,
            deserialize_with = "::meetkit_client_support::timestamp::deserialize_opt"
        )]
        pub created_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///Event sub-type with additional context (may be absent).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub sub_type: ::std::option::Option<::std::string::String>,
        ///Event type (e.g., `join_requested`, `joined_meeting`, `leave_requested`).
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<::std::string::String>,
    }
    impl BotEvent {
        pub fn builder() -> builder::BotEvent {
            Default::default()
        }
    }
    ///A page of bots.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct PaginatedBotList {
        /**Cursor URL for the next page of results, or null if no more results. An absolute URL
built from the request's Host header.
*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub next: ::std::option::Option<::std::string::String>,
        ///Cursor URL for the previous page of results, or null if on first page.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub previous: ::std::option::Option<::std::string::String>,
        ///Array of bot objects.
        pub results: ::std::vec::Vec<Bot>,
    }
    impl PaginatedBotList {
        pub fn builder() -> builder::PaginatedBotList {
            Default::default()
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct AttendeeBadRequest {
            error: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for AttendeeBadRequest {
            fn default() -> Self {
                Self {
                    error: Ok(Default::default()),
                }
            }
        }
        impl AttendeeBadRequest {
            pub fn error<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.error = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for error: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<AttendeeBadRequest> for super::AttendeeBadRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: AttendeeBadRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { error: value.error? })
            }
        }
        impl ::std::convert::From<super::AttendeeBadRequest> for AttendeeBadRequest {
            fn from(value: super::AttendeeBadRequest) -> Self {
                Self { error: Ok(value.error) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct AttendeeDetail {
            detail: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for AttendeeDetail {
            fn default() -> Self {
                Self {
                    detail: Ok(Default::default()),
                }
            }
        }
        impl AttendeeDetail {
            pub fn detail<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.detail = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for detail: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<AttendeeDetail> for super::AttendeeDetail {
            type Error = super::error::ConversionError;
            fn try_from(
                value: AttendeeDetail,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { detail: value.detail? })
            }
        }
        impl ::std::convert::From<super::AttendeeDetail> for AttendeeDetail {
            fn from(value: super::AttendeeDetail) -> Self {
                Self { detail: Ok(value.detail) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct AttendeeError {
            detail: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            error: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for AttendeeError {
            fn default() -> Self {
                Self {
                    detail: Ok(Default::default()),
                    error: Ok(Default::default()),
                }
            }
        }
        impl AttendeeError {
            pub fn detail<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.detail = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for detail: {e}")
                    });
                self
            }
            pub fn error<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.error = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for error: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<AttendeeError> for super::AttendeeError {
            type Error = super::error::ConversionError;
            fn try_from(
                value: AttendeeError,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    detail: value.detail?,
                    error: value.error?,
                })
            }
        }
        impl ::std::convert::From<super::AttendeeError> for AttendeeError {
            fn from(value: super::AttendeeError) -> Self {
                Self {
                    detail: Ok(value.detail),
                    error: Ok(value.error),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Bot {
            deduplication_key: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            events: ::std::result::Result<
                ::std::option::Option<::std::vec::Vec<super::BotEvent>>,
                ::std::string::String,
            >,
            id: ::std::result::Result<::std::string::String, ::std::string::String>,
            join_at: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            meeting_url: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            metadata: ::std::result::Result<
                ::std::option::Option<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                ::std::string::String,
            >,
            recording_state: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            state: ::std::result::Result<
                ::std::option::Option<crate::open_enums::BotState>,
                ::std::string::String,
            >,
            transcription_state: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for Bot {
            fn default() -> Self {
                Self {
                    deduplication_key: Ok(Default::default()),
                    events: Ok(Default::default()),
                    id: Err("no value supplied for id".to_string()),
                    join_at: Ok(Default::default()),
                    meeting_url: Ok(Default::default()),
                    metadata: Ok(Default::default()),
                    recording_state: Ok(Default::default()),
                    state: Ok(Default::default()),
                    transcription_state: Ok(Default::default()),
                }
            }
        }
        impl Bot {
            pub fn deduplication_key<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.deduplication_key = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for deduplication_key: {e}"
                        )
                    });
                self
            }
            pub fn events<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::std::vec::Vec<super::BotEvent>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.events = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for events: {e}")
                    });
                self
            }
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
            pub fn join_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.join_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for join_at: {e}")
                    });
                self
            }
            pub fn meeting_url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.meeting_url = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for meeting_url: {e}")
                    });
                self
            }
            pub fn metadata<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<
                        ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                    >,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.metadata = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for metadata: {e}")
                    });
                self
            }
            pub fn recording_state<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.recording_state = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for recording_state: {e}"
                        )
                    });
                self
            }
            pub fn state<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::open_enums::BotState>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.state = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for state: {e}")
                    });
                self
            }
            pub fn transcription_state<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.transcription_state = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for transcription_state: {e}"
                        )
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Bot> for super::Bot {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Bot,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    deduplication_key: value.deduplication_key?,
                    events: value.events?,
                    id: value.id?,
                    join_at: value.join_at?,
                    meeting_url: value.meeting_url?,
                    metadata: value.metadata?,
                    recording_state: value.recording_state?,
                    state: value.state?,
                    transcription_state: value.transcription_state?,
                })
            }
        }
        impl ::std::convert::From<super::Bot> for Bot {
            fn from(value: super::Bot) -> Self {
                Self {
                    deduplication_key: Ok(value.deduplication_key),
                    events: Ok(value.events),
                    id: Ok(value.id),
                    join_at: Ok(value.join_at),
                    meeting_url: Ok(value.meeting_url),
                    metadata: Ok(value.metadata),
                    recording_state: Ok(value.recording_state),
                    state: Ok(value.state),
                    transcription_state: Ok(value.transcription_state),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct BotEvent {
            created_at: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            sub_type: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for BotEvent {
            fn default() -> Self {
                Self {
                    created_at: Ok(Default::default()),
                    sub_type: Ok(Default::default()),
                    type_: Ok(Default::default()),
                }
            }
        }
        impl BotEvent {
            pub fn created_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.created_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for created_at: {e}")
                    });
                self
            }
            pub fn sub_type<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.sub_type = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for sub_type: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<BotEvent> for super::BotEvent {
            type Error = super::error::ConversionError;
            fn try_from(
                value: BotEvent,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    created_at: value.created_at?,
                    sub_type: value.sub_type?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::BotEvent> for BotEvent {
            fn from(value: super::BotEvent) -> Self {
                Self {
                    created_at: Ok(value.created_at),
                    sub_type: Ok(value.sub_type),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct PaginatedBotList {
            next: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            previous: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            results: ::std::result::Result<
                ::std::vec::Vec<super::Bot>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for PaginatedBotList {
            fn default() -> Self {
                Self {
                    next: Ok(Default::default()),
                    previous: Ok(Default::default()),
                    results: Err("no value supplied for results".to_string()),
                }
            }
        }
        impl PaginatedBotList {
            pub fn next<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.next = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for next: {e}")
                    });
                self
            }
            pub fn previous<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.previous = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for previous: {e}")
                    });
                self
            }
            pub fn results<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::Bot>>,
                T::Error: ::std::fmt::Display,
            {
                self.results = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for results: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<PaginatedBotList> for super::PaginatedBotList {
            type Error = super::error::ConversionError;
            fn try_from(
                value: PaginatedBotList,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    next: value.next?,
                    previous: value.previous?,
                    results: value.results?,
                })
            }
        }
        impl ::std::convert::From<super::PaginatedBotList> for PaginatedBotList {
            fn from(value: super::PaginatedBotList) -> Self {
                Self {
                    next: Ok(value.next),
                    previous: Ok(value.previous),
                    results: Ok(value.results),
                }
            }
        }
    }
    /// Error types.
    pub mod error {
        /// Error from a `TryFrom` or `FromStr` implementation.
        pub struct ConversionError(::std::borrow::Cow<'static, str>);
        impl ::std::error::Error for ConversionError {}
        impl ::std::fmt::Display for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }
        impl ::std::fmt::Debug for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }
        impl From<&'static str> for ConversionError {
            fn from(value: &'static str) -> Self {
                Self(value.into())
            }
        }
        impl From<String> for ConversionError {
            fn from(value: String) -> Self {
                Self(value.into())
            }
        }
    }
}
#[derive(Clone, Debug)]
/**Client for Attendee API (meetkit subset)

`GET /api/v1/bots` from Attendee's API, written by hand from the seed
`specs/seeds/attendee-list-bots.txt` and `../shared/provider-facts.md`.

Attendee is open source and often self-hosted: the base URL is configurable. The server pages
with a fixed page size of 25, ordered by creation time ascending; `next`/`previous` are
absolute URLs built from the request's Host header. GETs are not throttled.


Version: 1.0*/
pub struct Client {
    pub(crate) baseurl: String,
    pub(crate) client: reqwest::Client,
    pub(crate) inner: ::meetkit_client_support::Auth,
}
impl Client {
    /// Create a new client.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new(baseurl: &str, inner: ::meetkit_client_support::Auth) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        let client = {
            let dur = ::std::time::Duration::from_secs(15u64);
            reqwest::ClientBuilder::new().connect_timeout(dur).timeout(dur)
        };
        #[cfg(target_arch = "wasm32")]
        let client = reqwest::ClientBuilder::new();
        Self::new_with_client(baseurl, client.build().unwrap(), inner)
    }
    /// Construct a new client with an existing `reqwest::Client`,
    /// allowing more control over its configuration.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new_with_client(
        baseurl: &str,
        client: reqwest::Client,
        inner: ::meetkit_client_support::Auth,
    ) -> Self {
        Self {
            baseurl: baseurl.to_string(),
            client,
            inner,
        }
    }
}
impl ClientInfo<::meetkit_client_support::Auth> for Client {
    fn api_version() -> &'static str {
        "1.0"
    }
    fn baseurl(&self) -> &str {
        self.baseurl.as_str()
    }
    fn client(&self) -> &reqwest::Client {
        &self.client
    }
    fn inner(&self) -> &::meetkit_client_support::Auth {
        &self.inner
    }
}
impl ClientHooks<::meetkit_client_support::Auth> for &Client {}
impl Client {
    /**List bots in a project

Returns a paginated list of bot objects (cursor pagination, 25 per page).

Sends a `GET` request to `/api/v1/bots`

Arguments:
- `cursor`: Cursor for pagination. Use the cursor returned in the response to fetch the next page.
A bad cursor is a 404 `{"detail": "Invalid cursor"}`.

- `deduplication_key`: Filter bots by deduplication key.
- `join_at_after`: Only return bots with join_at after this time (strictly; bots whose `join_at` is null
are left out). ISO 8601 datetime, e.g. `2024-01-18T12:34:56Z`; a literal `+` must be
percent-encoded.

- `join_at_before`: Only return bots with join_at before this time (strictly; bots whose `join_at` is
null are left out). ISO 8601 datetime, e.g. `2024-01-18T13:34:56Z`.

- `meeting_url`: Filter bots by meeting URL.
- `states`: Filter bots by state. Can specify multiple states; repeat the parameter
(`states=a&states=b`): a comma-joined value is a 400.

- `content_type`: Must be `application/json` (the seed and Attendee's published OpenAPI file mark it
required, so a spec-validating server refuses a request without it; Attendee itself
ignores it on a GET).

```ignore
let response = client.list_bots()
    .cursor(cursor)
    .deduplication_key(deduplication_key)
    .join_at_after(join_at_after)
    .join_at_before(join_at_before)
    .meeting_url(meeting_url)
    .states(states)
    .content_type(content_type)
    .send()
    .await;
```*/
    pub fn list_bots(&self) -> builder::ListBots<'_> {
        builder::ListBots::new(self)
    }
}
/// Types for composing operation parameters.
#[allow(clippy::all)]
pub mod builder {
    use super::types;
    #[allow(unused_imports)]
    use super::{
        encode_path, ByteStream, ClientInfo, ClientHooks, Error, OperationInfo,
        RequestBuilderExt, ResponseValue,
    };
    /**Builder for [`Client::list_bots`]

[`Client::list_bots`]: super::Client::list_bots*/
    #[derive(Debug, Clone)]
    pub struct ListBots<'a> {
        client: &'a super::Client,
        cursor: Result<Option<::std::string::String>, String>,
        deduplication_key: Result<Option<::std::string::String>, String>,
        join_at_after: Result<Option<::chrono::DateTime<::chrono::offset::Utc>>, String>,
        join_at_before: Result<
            Option<::chrono::DateTime<::chrono::offset::Utc>>,
            String,
        >,
        meeting_url: Result<Option<::std::string::String>, String>,
        states: Result<Option<::std::vec::Vec<crate::open_enums::BotState>>, String>,
        content_type: Result<::std::string::String, String>,
    }
    impl<'a> ListBots<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                cursor: Ok(None),
                deduplication_key: Ok(None),
                join_at_after: Ok(None),
                join_at_before: Ok(None),
                meeting_url: Ok(None),
                states: Ok(None),
                content_type: Err("content_type was not initialized".to_string()),
            }
        }
        pub fn cursor<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.cursor = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for cursor failed"
                        .to_string()
                });
            self
        }
        pub fn deduplication_key<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.deduplication_key = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for deduplication_key failed"
                        .to_string()
                });
            self
        }
        pub fn join_at_after<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chrono::DateTime<::chrono::offset::Utc>>,
        {
            self.join_at_after = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: chrono :: DateTime < :: chrono :: offset :: Utc >` for join_at_after failed"
                        .to_string()
                });
            self
        }
        pub fn join_at_before<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chrono::DateTime<::chrono::offset::Utc>>,
        {
            self.join_at_before = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: chrono :: DateTime < :: chrono :: offset :: Utc >` for join_at_before failed"
                        .to_string()
                });
            self
        }
        pub fn meeting_url<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.meeting_url = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for meeting_url failed"
                        .to_string()
                });
            self
        }
        pub fn states<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::vec::Vec<crate::open_enums::BotState>>,
        {
            self.states = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: vec :: Vec < crate :: open_enums :: BotState >` for states failed"
                        .to_string()
                });
            self
        }
        pub fn content_type<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.content_type = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for content_type failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/api/v1/bots`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<types::PaginatedBotList>,
            Error<types::AttendeeError>,
        > {
            let Self {
                client,
                cursor,
                deduplication_key,
                join_at_after,
                join_at_before,
                meeting_url,
                states,
                content_type,
            } = self;
            let cursor = cursor.map_err(Error::InvalidRequest)?;
            let deduplication_key = deduplication_key.map_err(Error::InvalidRequest)?;
            let join_at_after = join_at_after.map_err(Error::InvalidRequest)?;
            let join_at_before = join_at_before.map_err(Error::InvalidRequest)?;
            let meeting_url = meeting_url.map_err(Error::InvalidRequest)?;
            let states = states.map_err(Error::InvalidRequest)?;
            let content_type = content_type.map_err(Error::InvalidRequest)?;
            let url = format!("{}/api/v1/bots", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            header_map.append("Content-Type", content_type.to_string().try_into()?);
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("cursor", &cursor))
                .query(
                    &progenitor_client::QueryParam::new(
                        "deduplication_key",
                        &deduplication_key,
                    ),
                )
                .query(
                    &progenitor_client::QueryParam::new("join_at_after", &join_at_after),
                )
                .query(
                    &progenitor_client::QueryParam::new(
                        "join_at_before",
                        &join_at_before,
                    ),
                )
                .query(&progenitor_client::QueryParam::new("meeting_url", &meeting_url))
                .query(&progenitor_client::QueryParam::new("states", &states))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_bots",
            };
            (::meetkit_client_support::Auth::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            (::meetkit_client_support::note_response)(&client.inner, &result);
            let response = result?;
            match response.status().as_u16() {
                200u16 => ::meetkit_client_support::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ::meetkit_client_support::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ::meetkit_client_support::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ::meetkit_client_support::from_response(response).await?,
                        ),
                    )
                }
                500u16..=599u16 => {
                    Err(
                        Error::ErrorResponse(
                            ::meetkit_client_support::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
}
/// Items consumers will typically use such as the Client.
pub mod prelude {
    pub use self::super::Client;
}
pub mod open_enums {
    //! Open enums: each documented value has a variant; anything else parses into `Unknown`.
    /**Current state of the bot. The seed's list plus `connecting`, `connected` and
`disconnecting`, which the server also knows.


Open enum: a value the spec does not list parses into `Unknown` instead of failing.*/
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum BotState {
        ///`ready`
        Ready,
        ///`joining`
        Joining,
        ///`joined_not_recording`
        JoinedNotRecording,
        ///`joined_recording`
        JoinedRecording,
        ///`leaving`
        Leaving,
        ///`post_processing`
        PostProcessing,
        ///`fatal_error`
        FatalError,
        ///`waiting_room`
        WaitingRoom,
        ///`ended`
        Ended,
        ///`data_deleted`
        DataDeleted,
        ///`scheduled`
        Scheduled,
        ///`staged`
        Staged,
        ///`joined_recording_paused`
        JoinedRecordingPaused,
        ///`joining_breakout_room`
        JoiningBreakoutRoom,
        ///`leaving_breakout_room`
        LeavingBreakoutRoom,
        ///`joined_recording_permission_denied`
        JoinedRecordingPermissionDenied,
        ///`connecting`
        Connecting,
        ///`connected`
        Connected,
        ///`disconnecting`
        Disconnecting,
        /// A value the spec does not document, kept verbatim.
        Unknown(String),
    }
    impl BotState {
        /// Every value the spec documents.
        pub const KNOWN: &'static [&'static str] = &[
            "ready",
            "joining",
            "joined_not_recording",
            "joined_recording",
            "leaving",
            "post_processing",
            "fatal_error",
            "waiting_room",
            "ended",
            "data_deleted",
            "scheduled",
            "staged",
            "joined_recording_paused",
            "joining_breakout_room",
            "leaving_breakout_room",
            "joined_recording_permission_denied",
            "connecting",
            "connected",
            "disconnecting",
        ];
        /// The value as it goes on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Ready => "ready",
                Self::Joining => "joining",
                Self::JoinedNotRecording => "joined_not_recording",
                Self::JoinedRecording => "joined_recording",
                Self::Leaving => "leaving",
                Self::PostProcessing => "post_processing",
                Self::FatalError => "fatal_error",
                Self::WaitingRoom => "waiting_room",
                Self::Ended => "ended",
                Self::DataDeleted => "data_deleted",
                Self::Scheduled => "scheduled",
                Self::Staged => "staged",
                Self::JoinedRecordingPaused => "joined_recording_paused",
                Self::JoiningBreakoutRoom => "joining_breakout_room",
                Self::LeavingBreakoutRoom => "leaving_breakout_room",
                Self::JoinedRecordingPermissionDenied => {
                    "joined_recording_permission_denied"
                }
                Self::Connecting => "connecting",
                Self::Connected => "connected",
                Self::Disconnecting => "disconnecting",
                Self::Unknown(other) => other.as_str(),
            }
        }
        /// False for a value the spec does not document.
        pub fn is_known(&self) -> bool {
            !matches!(self, Self::Unknown(_))
        }
    }
    impl From<&str> for BotState {
        fn from(value: &str) -> Self {
            match value {
                "ready" => Self::Ready,
                "joining" => Self::Joining,
                "joined_not_recording" => Self::JoinedNotRecording,
                "joined_recording" => Self::JoinedRecording,
                "leaving" => Self::Leaving,
                "post_processing" => Self::PostProcessing,
                "fatal_error" => Self::FatalError,
                "waiting_room" => Self::WaitingRoom,
                "ended" => Self::Ended,
                "data_deleted" => Self::DataDeleted,
                "scheduled" => Self::Scheduled,
                "staged" => Self::Staged,
                "joined_recording_paused" => Self::JoinedRecordingPaused,
                "joining_breakout_room" => Self::JoiningBreakoutRoom,
                "leaving_breakout_room" => Self::LeavingBreakoutRoom,
                "joined_recording_permission_denied" => {
                    Self::JoinedRecordingPermissionDenied
                }
                "connecting" => Self::Connecting,
                "connected" => Self::Connected,
                "disconnecting" => Self::Disconnecting,
                other => Self::Unknown(other.to_owned()),
            }
        }
    }
    impl From<String> for BotState {
        fn from(value: String) -> Self {
            match Self::from(value.as_str()) {
                Self::Unknown(_) => Self::Unknown(value),
                known => known,
            }
        }
    }
    impl ::std::str::FromStr for BotState {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::std::fmt::Display for BotState {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::serde::Serialize for BotState {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for BotState {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            String::deserialize(deserializer).map(Self::from)
        }
    }
}
