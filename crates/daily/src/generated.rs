// @generated — do not edit. Produced by `cargo xtask generate` from specs/daily.yaml.
// Edit the spec and run `cargo xtask generate` instead.

#[allow(unused_imports)]
pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
#[allow(unused_imports)]
use progenitor_client::{encode_path, ClientHooks, OperationInfo, RequestBuilderExt};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    ///Daily's error body.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct DailyError {
        ///The error type, e.g. `authorization-header-error`, `authentication-error`, `rate-limit-error`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error: ::std::option::Option<::std::string::String>,
        ///A human-readable explanation.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub info: ::std::option::Option<::std::string::String>,
    }
    impl DailyError {
        pub fn builder() -> builder::DailyError {
            Default::default()
        }
    }
    ///A page of meeting sessions, newest first.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct DailyMeetingList {
        ///The meeting session objects of this page.
        pub data: ::std::vec::Vec<DailyMeetingSession>,
        /**The total number of meeting session objects that match the query (room, timeframe
filters), ignoring pagination arguments.
*/
        pub total_count: i64,
    }
    impl DailyMeetingList {
        pub fn builder() -> builder::DailyMeetingList {
            Default::default()
        }
    }
    ///One meeting session. There is no end time; end = `start_time` + `duration`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct DailyMeetingSession {
        ///The session's duration in seconds.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub duration: ::std::option::Option<i64>,
        ///The meeting session id (a uuid); also the pagination cursor.
        pub id: ::std::string::String,
        ///The highest number of participants in the session at once.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub max_participants: ::std::option::Option<i64>,
        ///Whether participants are still in the room.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub ongoing: ::std::option::Option<bool>,
        ///All meeting attendees (omitted with `no_participants=true`).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub participants: ::std::option::Option<::std::vec::Vec<DailyParticipant>>,
        ///The room name.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub room: ::std::option::Option<::std::string::String>,
        ///When the session started, in unix seconds (accurate to ~15 s).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub start_time: ::std::option::Option<i64>,
    }
    impl DailyMeetingSession {
        pub fn builder() -> builder::DailyMeetingSession {
            Default::default()
        }
    }
    ///One attendee of a meeting session.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct DailyParticipant {
        ///How long the participant stayed, in seconds.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub duration: ::std::option::Option<i64>,
        ///When the participant joined, in unix seconds (accurate to ~15 s).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub join_time: ::std::option::Option<i64>,
        ///The participant's session id.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub participant_id: ::std::option::Option<::std::string::String>,
        ///The user id given in the meeting token, or null.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_id: ::std::option::Option<::std::string::String>,
        ///The participant's display name, or null.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_name: ::std::option::Option<::std::string::String>,
    }
    impl DailyParticipant {
        pub fn builder() -> builder::DailyParticipant {
            Default::default()
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct DailyError {
            error: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            info: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for DailyError {
            fn default() -> Self {
                Self {
                    error: Ok(Default::default()),
                    info: Ok(Default::default()),
                }
            }
        }
        impl DailyError {
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
            pub fn info<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.info = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for info: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<DailyError> for super::DailyError {
            type Error = super::error::ConversionError;
            fn try_from(
                value: DailyError,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    error: value.error?,
                    info: value.info?,
                })
            }
        }
        impl ::std::convert::From<super::DailyError> for DailyError {
            fn from(value: super::DailyError) -> Self {
                Self {
                    error: Ok(value.error),
                    info: Ok(value.info),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct DailyMeetingList {
            data: ::std::result::Result<
                ::std::vec::Vec<super::DailyMeetingSession>,
                ::std::string::String,
            >,
            total_count: ::std::result::Result<i64, ::std::string::String>,
        }
        impl ::std::default::Default for DailyMeetingList {
            fn default() -> Self {
                Self {
                    data: Err("no value supplied for data".to_string()),
                    total_count: Err("no value supplied for total_count".to_string()),
                }
            }
        }
        impl DailyMeetingList {
            pub fn data<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::DailyMeetingSession>>,
                T::Error: ::std::fmt::Display,
            {
                self.data = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for data: {e}")
                    });
                self
            }
            pub fn total_count<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.total_count = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for total_count: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<DailyMeetingList> for super::DailyMeetingList {
            type Error = super::error::ConversionError;
            fn try_from(
                value: DailyMeetingList,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    data: value.data?,
                    total_count: value.total_count?,
                })
            }
        }
        impl ::std::convert::From<super::DailyMeetingList> for DailyMeetingList {
            fn from(value: super::DailyMeetingList) -> Self {
                Self {
                    data: Ok(value.data),
                    total_count: Ok(value.total_count),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct DailyMeetingSession {
            duration: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            id: ::std::result::Result<::std::string::String, ::std::string::String>,
            max_participants: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            ongoing: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            participants: ::std::result::Result<
                ::std::option::Option<::std::vec::Vec<super::DailyParticipant>>,
                ::std::string::String,
            >,
            room: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            start_time: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for DailyMeetingSession {
            fn default() -> Self {
                Self {
                    duration: Ok(Default::default()),
                    id: Err("no value supplied for id".to_string()),
                    max_participants: Ok(Default::default()),
                    ongoing: Ok(Default::default()),
                    participants: Ok(Default::default()),
                    room: Ok(Default::default()),
                    start_time: Ok(Default::default()),
                }
            }
        }
        impl DailyMeetingSession {
            pub fn duration<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.duration = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for duration: {e}")
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
            pub fn max_participants<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.max_participants = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for max_participants: {e}"
                        )
                    });
                self
            }
            pub fn ongoing<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.ongoing = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for ongoing: {e}")
                    });
                self
            }
            pub fn participants<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::std::vec::Vec<super::DailyParticipant>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.participants = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for participants: {e}")
                    });
                self
            }
            pub fn room<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.room = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for room: {e}")
                    });
                self
            }
            pub fn start_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.start_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for start_time: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<DailyMeetingSession>
        for super::DailyMeetingSession {
            type Error = super::error::ConversionError;
            fn try_from(
                value: DailyMeetingSession,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    duration: value.duration?,
                    id: value.id?,
                    max_participants: value.max_participants?,
                    ongoing: value.ongoing?,
                    participants: value.participants?,
                    room: value.room?,
                    start_time: value.start_time?,
                })
            }
        }
        impl ::std::convert::From<super::DailyMeetingSession> for DailyMeetingSession {
            fn from(value: super::DailyMeetingSession) -> Self {
                Self {
                    duration: Ok(value.duration),
                    id: Ok(value.id),
                    max_participants: Ok(value.max_participants),
                    ongoing: Ok(value.ongoing),
                    participants: Ok(value.participants),
                    room: Ok(value.room),
                    start_time: Ok(value.start_time),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct DailyParticipant {
            duration: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            join_time: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            participant_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            user_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            user_name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for DailyParticipant {
            fn default() -> Self {
                Self {
                    duration: Ok(Default::default()),
                    join_time: Ok(Default::default()),
                    participant_id: Ok(Default::default()),
                    user_id: Ok(Default::default()),
                    user_name: Ok(Default::default()),
                }
            }
        }
        impl DailyParticipant {
            pub fn duration<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.duration = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for duration: {e}")
                    });
                self
            }
            pub fn join_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.join_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for join_time: {e}")
                    });
                self
            }
            pub fn participant_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.participant_id = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for participant_id: {e}"
                        )
                    });
                self
            }
            pub fn user_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.user_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for user_id: {e}")
                    });
                self
            }
            pub fn user_name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.user_name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for user_name: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<DailyParticipant> for super::DailyParticipant {
            type Error = super::error::ConversionError;
            fn try_from(
                value: DailyParticipant,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    duration: value.duration?,
                    join_time: value.join_time?,
                    participant_id: value.participant_id?,
                    user_id: value.user_id?,
                    user_name: value.user_name?,
                })
            }
        }
        impl ::std::convert::From<super::DailyParticipant> for DailyParticipant {
            fn from(value: super::DailyParticipant) -> Self {
                Self {
                    duration: Ok(value.duration),
                    join_time: Ok(value.join_time),
                    participant_id: Ok(value.participant_id),
                    user_id: Ok(value.user_id),
                    user_name: Ok(value.user_name),
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
/**Client for Daily REST API (meetkit subset)

`GET /meetings` from Daily's REST API, written by hand from the seed
`specs/seeds/daily-list-meetings.txt` and `../shared/provider-facts.md`.

Rate limit about 20 req/s (100 per 5 s); no rate-limit headers are documented: back off on 429.


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
    /**List meeting sessions

Returns a list of meeting sessions, sorted by `start_time` in reverse chronological order.
Results can be filtered by `room`, `timeframe_start` and `timeframe_end`. Each call
fetches at most 100 meeting session objects. The `start_time`, `join_time` and `duration`
fields are accurate to approximately 15 seconds; a participant is recorded only after
staying in a room for at least 10 seconds.


Sends a `GET` request to `/meetings`

Arguments:
- `ending_before`: A meeting session id; returns the sessions before it in the sort order (the previous page).
- `limit`: The number of meeting sessions per page (at most 100, the default).
- `no_participants`: If true, the participants list is omitted from each meeting session (newer docs).
- `ongoing`: If true, limits results to meetings where participants are currently in the room; if
false, to meetings where there are no participants remaining in the room.

- `room`: A room name; limits results to that room.
- `starting_after`: A meeting session id; returns the sessions after it in the sort order (the next page).
- `timeframe_end`: A unix timestamp (seconds); limits results to meeting sessions that have a
`start_time` less than `timeframe_end`.

- `timeframe_start`: A unix timestamp (seconds); limits results to meeting sessions that have a
`start_time` greater than or equal to `timeframe_start`.

```ignore
let response = client.list_meetings()
    .ending_before(ending_before)
    .limit(limit)
    .no_participants(no_participants)
    .ongoing(ongoing)
    .room(room)
    .starting_after(starting_after)
    .timeframe_end(timeframe_end)
    .timeframe_start(timeframe_start)
    .send()
    .await;
```*/
    pub fn list_meetings(&self) -> builder::ListMeetings<'_> {
        builder::ListMeetings::new(self)
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
    /**Builder for [`Client::list_meetings`]

[`Client::list_meetings`]: super::Client::list_meetings*/
    #[derive(Debug, Clone)]
    pub struct ListMeetings<'a> {
        client: &'a super::Client,
        ending_before: Result<Option<::std::string::String>, String>,
        limit: Result<Option<::std::num::NonZeroU64>, String>,
        no_participants: Result<Option<bool>, String>,
        ongoing: Result<Option<bool>, String>,
        room: Result<Option<::std::string::String>, String>,
        starting_after: Result<Option<::std::string::String>, String>,
        timeframe_end: Result<Option<i64>, String>,
        timeframe_start: Result<Option<i64>, String>,
    }
    impl<'a> ListMeetings<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                ending_before: Ok(None),
                limit: Ok(None),
                no_participants: Ok(None),
                ongoing: Ok(None),
                room: Ok(None),
                starting_after: Ok(None),
                timeframe_end: Ok(None),
                timeframe_start: Ok(None),
            }
        }
        pub fn ending_before<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.ending_before = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for ending_before failed"
                        .to_string()
                });
            self
        }
        pub fn limit<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.limit = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for limit failed"
                        .to_string()
                });
            self
        }
        pub fn no_participants<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<bool>,
        {
            self.no_participants = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `bool` for no_participants failed".to_string()
                });
            self
        }
        pub fn ongoing<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<bool>,
        {
            self.ongoing = value
                .try_into()
                .map(Some)
                .map_err(|_| "conversion to `bool` for ongoing failed".to_string());
            self
        }
        pub fn room<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.room = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for room failed"
                        .to_string()
                });
            self
        }
        pub fn starting_after<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.starting_after = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for starting_after failed"
                        .to_string()
                });
            self
        }
        pub fn timeframe_end<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<i64>,
        {
            self.timeframe_end = value
                .try_into()
                .map(Some)
                .map_err(|_| "conversion to `i64` for timeframe_end failed".to_string());
            self
        }
        pub fn timeframe_start<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<i64>,
        {
            self.timeframe_start = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `i64` for timeframe_start failed".to_string()
                });
            self
        }
        ///Sends a `GET` request to `/meetings`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::DailyMeetingList>, Error<types::DailyError>> {
            let Self {
                client,
                ending_before,
                limit,
                no_participants,
                ongoing,
                room,
                starting_after,
                timeframe_end,
                timeframe_start,
            } = self;
            let ending_before = ending_before.map_err(Error::InvalidRequest)?;
            let limit = limit.map_err(Error::InvalidRequest)?;
            let no_participants = no_participants.map_err(Error::InvalidRequest)?;
            let ongoing = ongoing.map_err(Error::InvalidRequest)?;
            let room = room.map_err(Error::InvalidRequest)?;
            let starting_after = starting_after.map_err(Error::InvalidRequest)?;
            let timeframe_end = timeframe_end.map_err(Error::InvalidRequest)?;
            let timeframe_start = timeframe_start.map_err(Error::InvalidRequest)?;
            let url = format!("{}/meetings", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(
                    &progenitor_client::QueryParam::new("ending_before", &ending_before),
                )
                .query(&progenitor_client::QueryParam::new("limit", &limit))
                .query(
                    &progenitor_client::QueryParam::new(
                        "no_participants",
                        &no_participants,
                    ),
                )
                .query(&progenitor_client::QueryParam::new("ongoing", &ongoing))
                .query(&progenitor_client::QueryParam::new("room", &room))
                .query(
                    &progenitor_client::QueryParam::new(
                        "starting_after",
                        &starting_after,
                    ),
                )
                .query(
                    &progenitor_client::QueryParam::new("timeframe_end", &timeframe_end),
                )
                .query(
                    &progenitor_client::QueryParam::new(
                        "timeframe_start",
                        &timeframe_start,
                    ),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_meetings",
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
                429u16 => {
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
}
