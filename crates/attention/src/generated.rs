// @generated — do not edit. Produced by `cargo xtask generate` from specs/attention.yaml.
// Edit the spec and run `cargo xtask generate` instead.

#[allow(unused_imports)]
pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
#[allow(unused_imports)]
use progenitor_client::{encode_path, ClientHooks, OperationInfo, RequestBuilderExt};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    ///Attention's error body (not published; these are the fields seen).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AttentionError {
        ///A short error name.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error: ::std::option::Option<::std::string::String>,
        ///What went wrong.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::string::String>,
        ///The HTTP status repeated.
        #[serde(
            rename = "statusCode",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub status_code: ::std::option::Option<i64>,
    }
    impl AttentionError {
        pub fn builder() -> builder::AttentionError {
            Default::default()
        }
    }
    ///One calendar meeting and what the recorder did about it.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct RecorderMeeting {
        ///Whether a recording-consent link was used.
        #[serde(
            rename = "consentLinkUsed",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub consent_link_used: ::std::option::Option<bool>,
        ///The recording-consent status.
        #[serde(
            rename = "consentStatus",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub consent_status: ::std::option::Option<::std::string::String>,
        ///The recorded conversation's UUID; present only when the meeting was recorded.
        #[serde(
            rename = "conversationUuid",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub conversation_uuid: ::std::option::Option<::std::string::String>,
        ///When the meeting starts.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        #[serde(
            default,
            deserialize_with = "::meetkit_client_support::timestamp::deserialize_opt"
        )]
        pub date: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///The organization's users in the meeting, each with their own status.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub participants: ::std::option::Option<::std::vec::Vec<RecorderParticipant>>,
        /**Recording status; open-ended. Values seen include `recorded`,
`calendar_event_cancelled`, `empty_recording`, `user_override`,
`event_not_accepted`, `not_join_internal_team_meetings`,
`external_meetings_disabled`, `blacklisted_attendees`, `not_join_when_alone`,
`bot_disabled`, `bot_removed`, `waiting_room`, `technical_error`, `no_meeting_link`,
`bot_not_scheduled`, `scheduled_future`.
*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<::std::string::String>,
        ///A human-readable label for `status`.
        #[serde(
            rename = "statusLabel",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub status_label: ::std::option::Option<::std::string::String>,
        ///The calendar event's title.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub summary: ::std::option::Option<::std::string::String>,
        ///The organizer's (owning user's) name.
        #[serde(
            rename = "userName",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub user_name: ::std::option::Option<::std::string::String>,
        ///The organizer's (owning user's) UUID.
        #[serde(
            rename = "userUuid",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub user_uuid: ::std::option::Option<::std::string::String>,
        ///The calendar event's id; the dedup key.
        pub uuid: ::std::string::String,
    }
    impl RecorderMeeting {
        pub fn builder() -> builder::RecorderMeeting {
            Default::default()
        }
    }
    ///Cursor-paginated list of meetings with recording status.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct RecorderMeetingList {
        /**Page of meetings ordered by date (ascending when upcoming=true, descending otherwise)
with UUID as tiebreaker.
*/
        pub items: ::std::vec::Vec<RecorderMeeting>,
        /**Opaque cursor for the next page. Absent (or empty) when the iteration has reached the
end of the dataset.
*/
        #[serde(
            rename = "nextCursor",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub next_cursor: ::std::option::Option<::std::string::String>,
    }
    impl RecorderMeetingList {
        pub fn builder() -> builder::RecorderMeetingList {
            Default::default()
        }
    }
    ///One organization user in a meeting.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct RecorderParticipant {
        ///The recording status for this user (open-ended, same values as the meeting's `status`).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<::std::string::String>,
        ///A human-readable label for `status`.
        #[serde(
            rename = "statusLabel",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub status_label: ::std::option::Option<::std::string::String>,
        ///The user's name.
        #[serde(
            rename = "userName",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub user_name: ::std::option::Option<::std::string::String>,
        ///The user's UUID.
        #[serde(
            rename = "userUuid",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub user_uuid: ::std::option::Option<::std::string::String>,
    }
    impl RecorderParticipant {
        pub fn builder() -> builder::RecorderParticipant {
            Default::default()
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct AttentionError {
            error: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            message: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            status_code: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for AttentionError {
            fn default() -> Self {
                Self {
                    error: Ok(Default::default()),
                    message: Ok(Default::default()),
                    status_code: Ok(Default::default()),
                }
            }
        }
        impl AttentionError {
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
            pub fn message<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.message = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message: {e}")
                    });
                self
            }
            pub fn status_code<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.status_code = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for status_code: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<AttentionError> for super::AttentionError {
            type Error = super::error::ConversionError;
            fn try_from(
                value: AttentionError,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    error: value.error?,
                    message: value.message?,
                    status_code: value.status_code?,
                })
            }
        }
        impl ::std::convert::From<super::AttentionError> for AttentionError {
            fn from(value: super::AttentionError) -> Self {
                Self {
                    error: Ok(value.error),
                    message: Ok(value.message),
                    status_code: Ok(value.status_code),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct RecorderMeeting {
            consent_link_used: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            consent_status: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            conversation_uuid: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            date: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            participants: ::std::result::Result<
                ::std::option::Option<::std::vec::Vec<super::RecorderParticipant>>,
                ::std::string::String,
            >,
            status: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            status_label: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            summary: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            user_name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            user_uuid: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            uuid: ::std::result::Result<::std::string::String, ::std::string::String>,
        }
        impl ::std::default::Default for RecorderMeeting {
            fn default() -> Self {
                Self {
                    consent_link_used: Ok(Default::default()),
                    consent_status: Ok(Default::default()),
                    conversation_uuid: Ok(Default::default()),
                    date: Ok(Default::default()),
                    participants: Ok(Default::default()),
                    status: Ok(Default::default()),
                    status_label: Ok(Default::default()),
                    summary: Ok(Default::default()),
                    user_name: Ok(Default::default()),
                    user_uuid: Ok(Default::default()),
                    uuid: Err("no value supplied for uuid".to_string()),
                }
            }
        }
        impl RecorderMeeting {
            pub fn consent_link_used<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.consent_link_used = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for consent_link_used: {e}"
                        )
                    });
                self
            }
            pub fn consent_status<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.consent_status = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for consent_status: {e}"
                        )
                    });
                self
            }
            pub fn conversation_uuid<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.conversation_uuid = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for conversation_uuid: {e}"
                        )
                    });
                self
            }
            pub fn date<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.date = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for date: {e}")
                    });
                self
            }
            pub fn participants<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::std::vec::Vec<super::RecorderParticipant>>,
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
            pub fn status<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.status = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for status: {e}")
                    });
                self
            }
            pub fn status_label<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.status_label = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for status_label: {e}")
                    });
                self
            }
            pub fn summary<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.summary = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for summary: {e}")
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
            pub fn user_uuid<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.user_uuid = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for user_uuid: {e}")
                    });
                self
            }
            pub fn uuid<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.uuid = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for uuid: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<RecorderMeeting> for super::RecorderMeeting {
            type Error = super::error::ConversionError;
            fn try_from(
                value: RecorderMeeting,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    consent_link_used: value.consent_link_used?,
                    consent_status: value.consent_status?,
                    conversation_uuid: value.conversation_uuid?,
                    date: value.date?,
                    participants: value.participants?,
                    status: value.status?,
                    status_label: value.status_label?,
                    summary: value.summary?,
                    user_name: value.user_name?,
                    user_uuid: value.user_uuid?,
                    uuid: value.uuid?,
                })
            }
        }
        impl ::std::convert::From<super::RecorderMeeting> for RecorderMeeting {
            fn from(value: super::RecorderMeeting) -> Self {
                Self {
                    consent_link_used: Ok(value.consent_link_used),
                    consent_status: Ok(value.consent_status),
                    conversation_uuid: Ok(value.conversation_uuid),
                    date: Ok(value.date),
                    participants: Ok(value.participants),
                    status: Ok(value.status),
                    status_label: Ok(value.status_label),
                    summary: Ok(value.summary),
                    user_name: Ok(value.user_name),
                    user_uuid: Ok(value.user_uuid),
                    uuid: Ok(value.uuid),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct RecorderMeetingList {
            items: ::std::result::Result<
                ::std::vec::Vec<super::RecorderMeeting>,
                ::std::string::String,
            >,
            next_cursor: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for RecorderMeetingList {
            fn default() -> Self {
                Self {
                    items: Err("no value supplied for items".to_string()),
                    next_cursor: Ok(Default::default()),
                }
            }
        }
        impl RecorderMeetingList {
            pub fn items<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::RecorderMeeting>>,
                T::Error: ::std::fmt::Display,
            {
                self.items = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for items: {e}")
                    });
                self
            }
            pub fn next_cursor<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.next_cursor = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for next_cursor: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<RecorderMeetingList>
        for super::RecorderMeetingList {
            type Error = super::error::ConversionError;
            fn try_from(
                value: RecorderMeetingList,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    items: value.items?,
                    next_cursor: value.next_cursor?,
                })
            }
        }
        impl ::std::convert::From<super::RecorderMeetingList> for RecorderMeetingList {
            fn from(value: super::RecorderMeetingList) -> Self {
                Self {
                    items: Ok(value.items),
                    next_cursor: Ok(value.next_cursor),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct RecorderParticipant {
            status: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            status_label: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            user_name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            user_uuid: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for RecorderParticipant {
            fn default() -> Self {
                Self {
                    status: Ok(Default::default()),
                    status_label: Ok(Default::default()),
                    user_name: Ok(Default::default()),
                    user_uuid: Ok(Default::default()),
                }
            }
        }
        impl RecorderParticipant {
            pub fn status<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.status = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for status: {e}")
                    });
                self
            }
            pub fn status_label<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.status_label = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for status_label: {e}")
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
            pub fn user_uuid<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.user_uuid = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for user_uuid: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<RecorderParticipant>
        for super::RecorderParticipant {
            type Error = super::error::ConversionError;
            fn try_from(
                value: RecorderParticipant,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    status: value.status?,
                    status_label: value.status_label?,
                    user_name: value.user_name?,
                    user_uuid: value.user_uuid?,
                })
            }
        }
        impl ::std::convert::From<super::RecorderParticipant> for RecorderParticipant {
            fn from(value: super::RecorderParticipant) -> Self {
                Self {
                    status: Ok(value.status),
                    status_label: Ok(value.status_label),
                    user_name: Ok(value.user_name),
                    user_uuid: Ok(value.user_uuid),
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
/**Client for Attention API (meetkit subset)

`GET /v2/recorder_metrics/all_meetings` from Attention's API, written by hand from the seed
`specs/seeds/attention-list-recorder-meetings.txt` and `../shared/provider-facts.md`.

Requires an organization-level API key, sent bare in `Authorization`. No rate limits or
rate-limit headers are published: back off on 429.


Version: 2.0*/
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
        "2.0"
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
    /**List Recorder Meetings

Cursor-paginated list of the organization's meetings with their recording status. Past
meetings come newest first; with `upcoming=true`, future meetings come in ascending
order; ties are broken by uuid.


Sends a `GET` request to `/recorder_metrics/all_meetings`

Arguments:
- `cursor`: Opaque cursor returned by a previous call. Omit on the first page.
- `filter_meeting_type`: Restrict results to internal (all org participants) or external meetings.
- `filter_user_id`: Restrict the dedup pass to meetings involving any of the given user UUIDs (repeat the
parameter). UUIDs not belonging to the authenticated organization are silently
dropped; if none survive, an empty page is returned to avoid cross-tenant membership
probing.

- `from_date_time`: Window start (inclusive), ISO 8601 date-time, e.g. 2026-04-01T00:00:00Z.
- `size`: Items per page. Defaults to 50. Server-side maximum is 200; values above are clamped.
- `to_date_time`: Window end (inclusive), ISO 8601 date-time. Must be after fromDateTime and within 90
days of it.

- `upcoming`: When true, returns meetings whose start time is in the future (ascending order).
Defaults to false (past meetings, descending order).

```ignore
let response = client.list_recorder_meetings()
    .cursor(cursor)
    .filter_meeting_type(filter_meeting_type)
    .filter_user_id(filter_user_id)
    .from_date_time(from_date_time)
    .size(size)
    .to_date_time(to_date_time)
    .upcoming(upcoming)
    .send()
    .await;
```*/
    pub fn list_recorder_meetings(&self) -> builder::ListRecorderMeetings<'_> {
        builder::ListRecorderMeetings::new(self)
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
    /**Builder for [`Client::list_recorder_meetings`]

[`Client::list_recorder_meetings`]: super::Client::list_recorder_meetings*/
    #[derive(Debug, Clone)]
    pub struct ListRecorderMeetings<'a> {
        client: &'a super::Client,
        cursor: Result<Option<::std::string::String>, String>,
        filter_meeting_type: Result<
            Option<crate::open_enums::MeetingTypeFilter>,
            String,
        >,
        filter_user_id: Result<Option<::std::vec::Vec<::std::string::String>>, String>,
        from_date_time: Result<::chrono::DateTime<::chrono::offset::Utc>, String>,
        size: Result<Option<::std::num::NonZeroU64>, String>,
        to_date_time: Result<::chrono::DateTime<::chrono::offset::Utc>, String>,
        upcoming: Result<Option<bool>, String>,
    }
    impl<'a> ListRecorderMeetings<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                cursor: Ok(None),
                filter_meeting_type: Ok(None),
                filter_user_id: Ok(None),
                from_date_time: Err("from_date_time was not initialized".to_string()),
                size: Ok(None),
                to_date_time: Err("to_date_time was not initialized".to_string()),
                upcoming: Ok(None),
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
        pub fn filter_meeting_type<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::open_enums::MeetingTypeFilter>,
        {
            self.filter_meeting_type = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: open_enums :: MeetingTypeFilter` for filter_meeting_type failed"
                        .to_string()
                });
            self
        }
        pub fn filter_user_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::vec::Vec<::std::string::String>>,
        {
            self.filter_user_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: vec :: Vec < :: std :: string :: String >` for filter_user_id failed"
                        .to_string()
                });
            self
        }
        pub fn from_date_time<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chrono::DateTime<::chrono::offset::Utc>>,
        {
            self.from_date_time = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chrono :: DateTime < :: chrono :: offset :: Utc >` for from_date_time failed"
                        .to_string()
                });
            self
        }
        pub fn size<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.size = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for size failed"
                        .to_string()
                });
            self
        }
        pub fn to_date_time<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chrono::DateTime<::chrono::offset::Utc>>,
        {
            self.to_date_time = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chrono :: DateTime < :: chrono :: offset :: Utc >` for to_date_time failed"
                        .to_string()
                });
            self
        }
        pub fn upcoming<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<bool>,
        {
            self.upcoming = value
                .try_into()
                .map(Some)
                .map_err(|_| "conversion to `bool` for upcoming failed".to_string());
            self
        }
        ///Sends a `GET` request to `/recorder_metrics/all_meetings`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<types::RecorderMeetingList>,
            Error<types::AttentionError>,
        > {
            let Self {
                client,
                cursor,
                filter_meeting_type,
                filter_user_id,
                from_date_time,
                size,
                to_date_time,
                upcoming,
            } = self;
            let cursor = cursor.map_err(Error::InvalidRequest)?;
            let filter_meeting_type = filter_meeting_type
                .map_err(Error::InvalidRequest)?;
            let filter_user_id = filter_user_id.map_err(Error::InvalidRequest)?;
            let from_date_time = from_date_time.map_err(Error::InvalidRequest)?;
            let size = size.map_err(Error::InvalidRequest)?;
            let to_date_time = to_date_time.map_err(Error::InvalidRequest)?;
            let upcoming = upcoming.map_err(Error::InvalidRequest)?;
            let url = format!("{}/recorder_metrics/all_meetings", client.baseurl,);
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
                .query(&progenitor_client::QueryParam::new("cursor", &cursor))
                .query(
                    &progenitor_client::QueryParam::new(
                        "filter[meeting_type]",
                        &filter_meeting_type,
                    ),
                )
                .query(
                    &progenitor_client::QueryParam::new(
                        "filter[user_id]",
                        &filter_user_id,
                    ),
                )
                .query(
                    &progenitor_client::QueryParam::new("fromDateTime", &from_date_time),
                )
                .query(&progenitor_client::QueryParam::new("size", &size))
                .query(&progenitor_client::QueryParam::new("toDateTime", &to_date_time))
                .query(&progenitor_client::QueryParam::new("upcoming", &upcoming))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_recorder_meetings",
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
    /**Internal (all org participants) or external meetings.

Open enum: a value the spec does not list parses into `Unknown` instead of failing.*/
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum MeetingTypeFilter {
        ///`internal`
        Internal,
        ///`external`
        External,
        /// A value the spec does not document, kept verbatim.
        Unknown(String),
    }
    impl MeetingTypeFilter {
        /// Every value the spec documents.
        pub const KNOWN: &'static [&'static str] = &["internal", "external"];
        /// The value as it goes on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Internal => "internal",
                Self::External => "external",
                Self::Unknown(other) => other.as_str(),
            }
        }
        /// False for a value the spec does not document.
        pub fn is_known(&self) -> bool {
            !matches!(self, Self::Unknown(_))
        }
    }
    impl From<&str> for MeetingTypeFilter {
        fn from(value: &str) -> Self {
            match value {
                "internal" => Self::Internal,
                "external" => Self::External,
                other => Self::Unknown(other.to_owned()),
            }
        }
    }
    impl From<String> for MeetingTypeFilter {
        fn from(value: String) -> Self {
            match Self::from(value.as_str()) {
                Self::Unknown(_) => Self::Unknown(value),
                known => known,
            }
        }
    }
    impl ::std::str::FromStr for MeetingTypeFilter {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::std::fmt::Display for MeetingTypeFilter {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::serde::Serialize for MeetingTypeFilter {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for MeetingTypeFilter {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            String::deserialize(deserializer).map(Self::from)
        }
    }
}
