// @generated — do not edit. Produced by `cargo xtask generate` from specs/zoom.yaml.
// Edit the spec and run `cargo xtask generate` instead.

#[allow(unused_imports)]
pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
#[allow(unused_imports)]
use progenitor_client::{encode_path, ClientHooks, OperationInfo, RequestBuilderExt};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    ///A Server-to-Server OAuth access token.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ZoomAccessToken {
        ///The token to send as `Authorization: Bearer <access_token>`.
        pub access_token: ::std::string::String,
        ///Seconds until the token expires (3600).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub expires_in: ::std::option::Option<i64>,
        ///Space-separated scopes granted, e.g. `report:read:admin`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub scope: ::std::option::Option<::std::string::String>,
        ///Always `bearer`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub token_type: ::std::option::Option<::std::string::String>,
    }
    impl ZoomAccessToken {
        pub fn builder() -> builder::ZoomAccessToken {
            Default::default()
        }
    }
    ///A user's custom attribute.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ZoomCustomAttribute {
        ///The custom attribute's unique id.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub key: ::std::option::Option<::std::string::String>,
        ///The custom attribute's name.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<::std::string::String>,
        ///The custom attribute's value.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub value: ::std::option::Option<::std::string::String>,
    }
    impl ZoomCustomAttribute {
        pub fn builder() -> builder::ZoomCustomAttribute {
            Default::default()
        }
    }
    ///A custom key assigned to a meeting.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ZoomCustomKey {
        ///The custom key name (Zoom documents at most 64 characters; not enforced when reading).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub key: ::std::option::Option<::std::string::String>,
        ///The custom key's value (Zoom documents at most 256 characters; not enforced when reading).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub value: ::std::option::Option<::std::string::String>,
    }
    impl ZoomCustomKey {
        pub fn builder() -> builder::ZoomCustomKey {
            Default::default()
        }
    }
    ///Zoom's error body.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ZoomError {
        ///Zoom's error code, e.g. `124` (invalid token), `200`, `300`, `1001`, `429`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub code: ::std::option::Option<i64>,
        ///The error message.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::string::String>,
    }
    impl ZoomError {
        pub fn builder() -> builder::ZoomError {
            Default::default()
        }
    }
    ///A page of the user's past meetings report. No field is guaranteed present.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ZoomMeetingReport {
        ///The report's start date.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub from: ::std::option::Option<::chrono::naive::NaiveDate>,
        ///Information about the meetings.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub meetings: ::std::option::Option<::std::vec::Vec<ZoomReportMeeting>>,
        /**The next page token is used to paginate through large result sets. It is returned
whenever the set of available results exceeds the current page size, expires after 15
minutes, and is the empty string on the last page.
*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub next_page_token: ::std::option::Option<::std::string::String>,
        ///The number of pages returned for the request made.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub page_count: ::std::option::Option<i64>,
        ///**Deprecated.** Use `next_page_token` for pagination.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub page_number: ::std::option::Option<i64>,
        ///The number of records returned with a single API call (30 unless asked otherwise).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub page_size: ::std::option::Option<i64>,
        ///The report's end date.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub to: ::std::option::Option<::chrono::naive::NaiveDate>,
        ///The total number of all the records available across pages.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub total_records: ::std::option::Option<i64>,
    }
    impl ZoomMeetingReport {
        pub fn builder() -> builder::ZoomMeetingReport {
            Default::default()
        }
    }
    ///The OAuth server's error body.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ZoomOAuthError {
        ///The OAuth error code, e.g. `invalid_client`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error: ::std::option::Option<::std::string::String>,
        ///What went wrong, e.g. `Invalid client_id or client_secret`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub reason: ::std::option::Option<::std::string::String>,
    }
    impl ZoomOAuthError {
        pub fn builder() -> builder::ZoomOAuthError {
            Default::default()
        }
    }
    ///One past meeting or webinar. No field is guaranteed present.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ZoomReportMeeting {
        ///The meeting's assigned custom keys and values (at most 10).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub custom_keys: ::std::option::Option<::std::vec::Vec<ZoomCustomKey>>,
        ///The meeting's duration, in minutes.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub duration: ::std::option::Option<i64>,
        ///The meeting's end date and time.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        #[serde(
            default,
            deserialize_with = "::meetkit_client_support::timestamp::deserialize_opt"
        )]
        pub end_time: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///Whether the chat feature was used in the meeting.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub has_chat: ::std::option::Option<bool>,
        ///Whether the recording feature was used in the meeting.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub has_recording: ::std::option::Option<bool>,
        ///Whether the screen share feature was used in the meeting.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub has_screen_share: ::std::option::Option<bool>,
        ///The host's name.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub host_name: ::std::option::Option<::std::string::String>,
        ///Host account name of the hosting organization.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub host_organization: ::std::option::Option<::std::string::String>,
        ///The meeting ID (exceeds 32 bits).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<i64>,
        ///When the attendee joined the meeting (not ISO 8601, e.g. `12/22/2021 16:20`).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub join_time: ::std::option::Option<::std::string::String>,
        ///When the attendee joined the waiting room (not ISO 8601, e.g. `02/11/2022 16:15`).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub join_waiting_room_time: ::std::option::Option<::std::string::String>,
        ///When the attendee left the meeting (not ISO 8601, e.g. `12/22/2021 17:13`).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub leave_time: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub meeting_encryption_status: ::std::option::Option<
            crate::open_enums::ZoomEncryptionStatus,
        >,
        ///The number of meeting participants.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub participants_count: ::std::option::Option<i64>,
        ///The number of meeting participants from my account.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub participants_count_my_account: ::std::option::Option<i64>,
        ///The meeting's scheduled date and time (not ISO 8601, e.g. `12/22/2021 16:20`).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub schedule_time: ::std::option::Option<::std::string::String>,
        ///The Video SDK custom session ID.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub session_key: ::std::option::Option<::std::string::String>,
        /**Whether the meeting was created directly through Zoom (`Zoom`) or via an API request
(the OAuth app's name).
*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub source: ::std::option::Option<::std::string::String>,
        ///The meeting's start date and time.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        #[serde(
            default,
            deserialize_with = "::meetkit_client_support::timestamp::deserialize_opt"
        )]
        pub start_time: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///The meeting's topic.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub topic: ::std::option::Option<::std::string::String>,
        ///The sum of meeting minutes from all meeting participants in the meeting.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub total_minutes: ::std::option::Option<i64>,
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<crate::open_enums::ZoomMeetingType>,
        ///The user's email address.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_email: ::std::option::Option<::std::string::String>,
        ///The user's display name.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_name: ::std::option::Option<::std::string::String>,
        /**The meeting instance's UUID. It can start with `/` or contain `//`; such UUIDs must be
double-encoded when used in a path.
*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub uuid: ::std::option::Option<::std::string::String>,
    }
    impl ZoomReportMeeting {
        pub fn builder() -> builder::ZoomReportMeeting {
            Default::default()
        }
    }
    ///One user of the account. No field is guaranteed present (pending users have no `id`).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ZoomUser {
        ///When the user's account was created.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        #[serde(
            default,
            deserialize_with = "::meetkit_client_support::timestamp::deserialize_opt"
        )]
        pub created_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///The user's custom attributes (with `include_fields=custom_attributes`).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub custom_attributes: ::std::option::Option<
            ::std::vec::Vec<ZoomCustomAttribute>,
        >,
        ///The user's department.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub dept: ::std::option::Option<::std::string::String>,
        ///The user's display name.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub display_name: ::std::option::Option<::std::string::String>,
        ///The user's email address.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub email: ::std::option::Option<::std::string::String>,
        ///The employee's unique id (with SAML single sign-on).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub employee_unique_id: ::std::option::Option<::std::string::String>,
        ///The user's first name.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub first_name: ::std::option::Option<::std::string::String>,
        ///The ids of the groups the user is a member of.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub group_ids: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
        ///The user's host key (with `include_fields=host_key`).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub host_key: ::std::option::Option<::std::string::String>,
        ///The user's id (not returned for pending users).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        ///The ids of the IM directory groups the user is a member of.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub im_group_ids: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
        ///The user's language.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub language: ::std::option::Option<::std::string::String>,
        ///The last client version the user logged in with.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub last_client_version: ::std::option::Option<::std::string::String>,
        ///The user's last login time (with a three-day buffer).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        #[serde(
            default,
            deserialize_with = "::meetkit_client_support::timestamp::deserialize_opt"
        )]
        pub last_login_time: ::std::option::Option<
            ::chrono::DateTime<::chrono::offset::Utc>,
        >,
        ///The user's last name.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub last_name: ::std::option::Option<::std::string::String>,
        ///The user's phone number.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub phone_number: ::std::option::Option<::std::string::String>,
        ///The Zoom United license option, when enrolled (e.g. `1`).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub plan_united_type: ::std::option::Option<::std::string::String>,
        ///The user's Personal Meeting ID.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub pmi: ::std::option::Option<i64>,
        ///The id of the user's role.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub role_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<crate::open_enums::ZoomUserStatus>,
        ///The user's timezone.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub timezone: ::std::option::Option<::std::string::String>,
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<crate::open_enums::ZoomUserType>,
        ///When the user was created.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        #[serde(
            default,
            deserialize_with = "::meetkit_client_support::timestamp::deserialize_opt"
        )]
        pub user_created_at: ::std::option::Option<
            ::chrono::DateTime<::chrono::offset::Utc>,
        >,
        ///`1` when the user's email address is verified, `0` when not.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub verified: ::std::option::Option<i64>,
    }
    impl ZoomUser {
        pub fn builder() -> builder::ZoomUser {
            Default::default()
        }
    }
    ///A page of the account's users. No field is guaranteed present.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ZoomUserList {
        ///The next page's token; expires after 15 minutes; `""` on the last page.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub next_page_token: ::std::option::Option<::std::string::String>,
        ///The number of pages returned for the request made.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub page_count: ::std::option::Option<i64>,
        ///**Deprecated.** The page number of the current results.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub page_number: ::std::option::Option<i64>,
        ///The number of records returned within a single API call.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub page_size: ::std::option::Option<i64>,
        ///The total number of all the records available across pages.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub total_records: ::std::option::Option<i64>,
        ///The users.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub users: ::std::option::Option<::std::vec::Vec<ZoomUser>>,
    }
    impl ZoomUserList {
        pub fn builder() -> builder::ZoomUserList {
            Default::default()
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct ZoomAccessToken {
            access_token: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            expires_in: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            scope: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            token_type: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ZoomAccessToken {
            fn default() -> Self {
                Self {
                    access_token: Err("no value supplied for access_token".to_string()),
                    expires_in: Ok(Default::default()),
                    scope: Ok(Default::default()),
                    token_type: Ok(Default::default()),
                }
            }
        }
        impl ZoomAccessToken {
            pub fn access_token<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.access_token = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for access_token: {e}")
                    });
                self
            }
            pub fn expires_in<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.expires_in = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for expires_in: {e}")
                    });
                self
            }
            pub fn scope<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.scope = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for scope: {e}")
                    });
                self
            }
            pub fn token_type<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.token_type = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for token_type: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ZoomAccessToken> for super::ZoomAccessToken {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ZoomAccessToken,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    access_token: value.access_token?,
                    expires_in: value.expires_in?,
                    scope: value.scope?,
                    token_type: value.token_type?,
                })
            }
        }
        impl ::std::convert::From<super::ZoomAccessToken> for ZoomAccessToken {
            fn from(value: super::ZoomAccessToken) -> Self {
                Self {
                    access_token: Ok(value.access_token),
                    expires_in: Ok(value.expires_in),
                    scope: Ok(value.scope),
                    token_type: Ok(value.token_type),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ZoomCustomAttribute {
            key: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            value: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ZoomCustomAttribute {
            fn default() -> Self {
                Self {
                    key: Ok(Default::default()),
                    name: Ok(Default::default()),
                    value: Ok(Default::default()),
                }
            }
        }
        impl ZoomCustomAttribute {
            pub fn key<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.key = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for key: {e}")
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn value<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.value = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for value: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ZoomCustomAttribute>
        for super::ZoomCustomAttribute {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ZoomCustomAttribute,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    key: value.key?,
                    name: value.name?,
                    value: value.value?,
                })
            }
        }
        impl ::std::convert::From<super::ZoomCustomAttribute> for ZoomCustomAttribute {
            fn from(value: super::ZoomCustomAttribute) -> Self {
                Self {
                    key: Ok(value.key),
                    name: Ok(value.name),
                    value: Ok(value.value),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ZoomCustomKey {
            key: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            value: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ZoomCustomKey {
            fn default() -> Self {
                Self {
                    key: Ok(Default::default()),
                    value: Ok(Default::default()),
                }
            }
        }
        impl ZoomCustomKey {
            pub fn key<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.key = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for key: {e}")
                    });
                self
            }
            pub fn value<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.value = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for value: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ZoomCustomKey> for super::ZoomCustomKey {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ZoomCustomKey,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    key: value.key?,
                    value: value.value?,
                })
            }
        }
        impl ::std::convert::From<super::ZoomCustomKey> for ZoomCustomKey {
            fn from(value: super::ZoomCustomKey) -> Self {
                Self {
                    key: Ok(value.key),
                    value: Ok(value.value),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ZoomError {
            code: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            message: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ZoomError {
            fn default() -> Self {
                Self {
                    code: Ok(Default::default()),
                    message: Ok(Default::default()),
                }
            }
        }
        impl ZoomError {
            pub fn code<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.code = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for code: {e}")
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
        }
        impl ::std::convert::TryFrom<ZoomError> for super::ZoomError {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ZoomError,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    code: value.code?,
                    message: value.message?,
                })
            }
        }
        impl ::std::convert::From<super::ZoomError> for ZoomError {
            fn from(value: super::ZoomError) -> Self {
                Self {
                    code: Ok(value.code),
                    message: Ok(value.message),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ZoomMeetingReport {
            from: ::std::result::Result<
                ::std::option::Option<::chrono::naive::NaiveDate>,
                ::std::string::String,
            >,
            meetings: ::std::result::Result<
                ::std::option::Option<::std::vec::Vec<super::ZoomReportMeeting>>,
                ::std::string::String,
            >,
            next_page_token: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            page_count: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            page_number: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            page_size: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            to: ::std::result::Result<
                ::std::option::Option<::chrono::naive::NaiveDate>,
                ::std::string::String,
            >,
            total_records: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ZoomMeetingReport {
            fn default() -> Self {
                Self {
                    from: Ok(Default::default()),
                    meetings: Ok(Default::default()),
                    next_page_token: Ok(Default::default()),
                    page_count: Ok(Default::default()),
                    page_number: Ok(Default::default()),
                    page_size: Ok(Default::default()),
                    to: Ok(Default::default()),
                    total_records: Ok(Default::default()),
                }
            }
        }
        impl ZoomMeetingReport {
            pub fn from<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::naive::NaiveDate>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.from = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for from: {e}")
                    });
                self
            }
            pub fn meetings<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::std::vec::Vec<super::ZoomReportMeeting>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.meetings = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for meetings: {e}")
                    });
                self
            }
            pub fn next_page_token<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.next_page_token = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for next_page_token: {e}"
                        )
                    });
                self
            }
            pub fn page_count<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.page_count = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for page_count: {e}")
                    });
                self
            }
            pub fn page_number<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.page_number = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for page_number: {e}")
                    });
                self
            }
            pub fn page_size<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.page_size = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for page_size: {e}")
                    });
                self
            }
            pub fn to<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::naive::NaiveDate>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.to = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for to: {e}"));
                self
            }
            pub fn total_records<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.total_records = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for total_records: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ZoomMeetingReport> for super::ZoomMeetingReport {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ZoomMeetingReport,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    from: value.from?,
                    meetings: value.meetings?,
                    next_page_token: value.next_page_token?,
                    page_count: value.page_count?,
                    page_number: value.page_number?,
                    page_size: value.page_size?,
                    to: value.to?,
                    total_records: value.total_records?,
                })
            }
        }
        impl ::std::convert::From<super::ZoomMeetingReport> for ZoomMeetingReport {
            fn from(value: super::ZoomMeetingReport) -> Self {
                Self {
                    from: Ok(value.from),
                    meetings: Ok(value.meetings),
                    next_page_token: Ok(value.next_page_token),
                    page_count: Ok(value.page_count),
                    page_number: Ok(value.page_number),
                    page_size: Ok(value.page_size),
                    to: Ok(value.to),
                    total_records: Ok(value.total_records),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ZoomOAuthError {
            error: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            reason: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ZoomOAuthError {
            fn default() -> Self {
                Self {
                    error: Ok(Default::default()),
                    reason: Ok(Default::default()),
                }
            }
        }
        impl ZoomOAuthError {
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
            pub fn reason<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.reason = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for reason: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ZoomOAuthError> for super::ZoomOAuthError {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ZoomOAuthError,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    error: value.error?,
                    reason: value.reason?,
                })
            }
        }
        impl ::std::convert::From<super::ZoomOAuthError> for ZoomOAuthError {
            fn from(value: super::ZoomOAuthError) -> Self {
                Self {
                    error: Ok(value.error),
                    reason: Ok(value.reason),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ZoomReportMeeting {
            custom_keys: ::std::result::Result<
                ::std::option::Option<::std::vec::Vec<super::ZoomCustomKey>>,
                ::std::string::String,
            >,
            duration: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            end_time: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            has_chat: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            has_recording: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            has_screen_share: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            host_name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            host_organization: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            id: ::std::result::Result<::std::option::Option<i64>, ::std::string::String>,
            join_time: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            join_waiting_room_time: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            leave_time: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            meeting_encryption_status: ::std::result::Result<
                ::std::option::Option<crate::open_enums::ZoomEncryptionStatus>,
                ::std::string::String,
            >,
            participants_count: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            participants_count_my_account: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            schedule_time: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            session_key: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            source: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            start_time: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            topic: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            total_minutes: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                ::std::option::Option<crate::open_enums::ZoomMeetingType>,
                ::std::string::String,
            >,
            user_email: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            user_name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            uuid: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ZoomReportMeeting {
            fn default() -> Self {
                Self {
                    custom_keys: Ok(Default::default()),
                    duration: Ok(Default::default()),
                    end_time: Ok(Default::default()),
                    has_chat: Ok(Default::default()),
                    has_recording: Ok(Default::default()),
                    has_screen_share: Ok(Default::default()),
                    host_name: Ok(Default::default()),
                    host_organization: Ok(Default::default()),
                    id: Ok(Default::default()),
                    join_time: Ok(Default::default()),
                    join_waiting_room_time: Ok(Default::default()),
                    leave_time: Ok(Default::default()),
                    meeting_encryption_status: Ok(Default::default()),
                    participants_count: Ok(Default::default()),
                    participants_count_my_account: Ok(Default::default()),
                    schedule_time: Ok(Default::default()),
                    session_key: Ok(Default::default()),
                    source: Ok(Default::default()),
                    start_time: Ok(Default::default()),
                    topic: Ok(Default::default()),
                    total_minutes: Ok(Default::default()),
                    type_: Ok(Default::default()),
                    user_email: Ok(Default::default()),
                    user_name: Ok(Default::default()),
                    uuid: Ok(Default::default()),
                }
            }
        }
        impl ZoomReportMeeting {
            pub fn custom_keys<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::std::vec::Vec<super::ZoomCustomKey>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.custom_keys = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for custom_keys: {e}")
                    });
                self
            }
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
            pub fn end_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.end_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for end_time: {e}")
                    });
                self
            }
            pub fn has_chat<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.has_chat = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for has_chat: {e}")
                    });
                self
            }
            pub fn has_recording<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.has_recording = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for has_recording: {e}")
                    });
                self
            }
            pub fn has_screen_share<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.has_screen_share = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for has_screen_share: {e}"
                        )
                    });
                self
            }
            pub fn host_name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.host_name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for host_name: {e}")
                    });
                self
            }
            pub fn host_organization<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.host_organization = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for host_organization: {e}"
                        )
                    });
                self
            }
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
            pub fn join_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.join_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for join_time: {e}")
                    });
                self
            }
            pub fn join_waiting_room_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.join_waiting_room_time = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for join_waiting_room_time: {e}"
                        )
                    });
                self
            }
            pub fn leave_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.leave_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for leave_time: {e}")
                    });
                self
            }
            pub fn meeting_encryption_status<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::open_enums::ZoomEncryptionStatus>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.meeting_encryption_status = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for meeting_encryption_status: {e}"
                        )
                    });
                self
            }
            pub fn participants_count<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.participants_count = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for participants_count: {e}"
                        )
                    });
                self
            }
            pub fn participants_count_my_account<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.participants_count_my_account = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for participants_count_my_account: {e}"
                        )
                    });
                self
            }
            pub fn schedule_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.schedule_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for schedule_time: {e}")
                    });
                self
            }
            pub fn session_key<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.session_key = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for session_key: {e}")
                    });
                self
            }
            pub fn source<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.source = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for source: {e}")
                    });
                self
            }
            pub fn start_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.start_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for start_time: {e}")
                    });
                self
            }
            pub fn topic<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.topic = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for topic: {e}")
                    });
                self
            }
            pub fn total_minutes<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.total_minutes = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for total_minutes: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::open_enums::ZoomMeetingType>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
            pub fn user_email<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.user_email = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for user_email: {e}")
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
            pub fn uuid<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
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
        impl ::std::convert::TryFrom<ZoomReportMeeting> for super::ZoomReportMeeting {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ZoomReportMeeting,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    custom_keys: value.custom_keys?,
                    duration: value.duration?,
                    end_time: value.end_time?,
                    has_chat: value.has_chat?,
                    has_recording: value.has_recording?,
                    has_screen_share: value.has_screen_share?,
                    host_name: value.host_name?,
                    host_organization: value.host_organization?,
                    id: value.id?,
                    join_time: value.join_time?,
                    join_waiting_room_time: value.join_waiting_room_time?,
                    leave_time: value.leave_time?,
                    meeting_encryption_status: value.meeting_encryption_status?,
                    participants_count: value.participants_count?,
                    participants_count_my_account: value.participants_count_my_account?,
                    schedule_time: value.schedule_time?,
                    session_key: value.session_key?,
                    source: value.source?,
                    start_time: value.start_time?,
                    topic: value.topic?,
                    total_minutes: value.total_minutes?,
                    type_: value.type_?,
                    user_email: value.user_email?,
                    user_name: value.user_name?,
                    uuid: value.uuid?,
                })
            }
        }
        impl ::std::convert::From<super::ZoomReportMeeting> for ZoomReportMeeting {
            fn from(value: super::ZoomReportMeeting) -> Self {
                Self {
                    custom_keys: Ok(value.custom_keys),
                    duration: Ok(value.duration),
                    end_time: Ok(value.end_time),
                    has_chat: Ok(value.has_chat),
                    has_recording: Ok(value.has_recording),
                    has_screen_share: Ok(value.has_screen_share),
                    host_name: Ok(value.host_name),
                    host_organization: Ok(value.host_organization),
                    id: Ok(value.id),
                    join_time: Ok(value.join_time),
                    join_waiting_room_time: Ok(value.join_waiting_room_time),
                    leave_time: Ok(value.leave_time),
                    meeting_encryption_status: Ok(value.meeting_encryption_status),
                    participants_count: Ok(value.participants_count),
                    participants_count_my_account: Ok(
                        value.participants_count_my_account,
                    ),
                    schedule_time: Ok(value.schedule_time),
                    session_key: Ok(value.session_key),
                    source: Ok(value.source),
                    start_time: Ok(value.start_time),
                    topic: Ok(value.topic),
                    total_minutes: Ok(value.total_minutes),
                    type_: Ok(value.type_),
                    user_email: Ok(value.user_email),
                    user_name: Ok(value.user_name),
                    uuid: Ok(value.uuid),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ZoomUser {
            created_at: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            custom_attributes: ::std::result::Result<
                ::std::option::Option<::std::vec::Vec<super::ZoomCustomAttribute>>,
                ::std::string::String,
            >,
            dept: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            display_name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            email: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            employee_unique_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            first_name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            group_ids: ::std::result::Result<
                ::std::option::Option<::std::vec::Vec<::std::string::String>>,
                ::std::string::String,
            >,
            host_key: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            im_group_ids: ::std::result::Result<
                ::std::option::Option<::std::vec::Vec<::std::string::String>>,
                ::std::string::String,
            >,
            language: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            last_client_version: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            last_login_time: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            last_name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            phone_number: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            plan_united_type: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            pmi: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            role_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            status: ::std::result::Result<
                ::std::option::Option<crate::open_enums::ZoomUserStatus>,
                ::std::string::String,
            >,
            timezone: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                ::std::option::Option<crate::open_enums::ZoomUserType>,
                ::std::string::String,
            >,
            user_created_at: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            verified: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ZoomUser {
            fn default() -> Self {
                Self {
                    created_at: Ok(Default::default()),
                    custom_attributes: Ok(Default::default()),
                    dept: Ok(Default::default()),
                    display_name: Ok(Default::default()),
                    email: Ok(Default::default()),
                    employee_unique_id: Ok(Default::default()),
                    first_name: Ok(Default::default()),
                    group_ids: Ok(Default::default()),
                    host_key: Ok(Default::default()),
                    id: Ok(Default::default()),
                    im_group_ids: Ok(Default::default()),
                    language: Ok(Default::default()),
                    last_client_version: Ok(Default::default()),
                    last_login_time: Ok(Default::default()),
                    last_name: Ok(Default::default()),
                    phone_number: Ok(Default::default()),
                    plan_united_type: Ok(Default::default()),
                    pmi: Ok(Default::default()),
                    role_id: Ok(Default::default()),
                    status: Ok(Default::default()),
                    timezone: Ok(Default::default()),
                    type_: Ok(Default::default()),
                    user_created_at: Ok(Default::default()),
                    verified: Ok(Default::default()),
                }
            }
        }
        impl ZoomUser {
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
            pub fn custom_attributes<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::std::vec::Vec<super::ZoomCustomAttribute>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.custom_attributes = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for custom_attributes: {e}"
                        )
                    });
                self
            }
            pub fn dept<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.dept = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for dept: {e}")
                    });
                self
            }
            pub fn display_name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.display_name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for display_name: {e}")
                    });
                self
            }
            pub fn email<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.email = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for email: {e}")
                    });
                self
            }
            pub fn employee_unique_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.employee_unique_id = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for employee_unique_id: {e}"
                        )
                    });
                self
            }
            pub fn first_name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.first_name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for first_name: {e}")
                    });
                self
            }
            pub fn group_ids<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::std::vec::Vec<::std::string::String>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.group_ids = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for group_ids: {e}")
                    });
                self
            }
            pub fn host_key<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.host_key = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for host_key: {e}")
                    });
                self
            }
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
            pub fn im_group_ids<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::std::vec::Vec<::std::string::String>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.im_group_ids = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for im_group_ids: {e}")
                    });
                self
            }
            pub fn language<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.language = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for language: {e}")
                    });
                self
            }
            pub fn last_client_version<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.last_client_version = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for last_client_version: {e}"
                        )
                    });
                self
            }
            pub fn last_login_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.last_login_time = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for last_login_time: {e}"
                        )
                    });
                self
            }
            pub fn last_name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.last_name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for last_name: {e}")
                    });
                self
            }
            pub fn phone_number<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.phone_number = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for phone_number: {e}")
                    });
                self
            }
            pub fn plan_united_type<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.plan_united_type = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for plan_united_type: {e}"
                        )
                    });
                self
            }
            pub fn pmi<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.pmi = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for pmi: {e}")
                    });
                self
            }
            pub fn role_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.role_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for role_id: {e}")
                    });
                self
            }
            pub fn status<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::open_enums::ZoomUserStatus>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.status = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for status: {e}")
                    });
                self
            }
            pub fn timezone<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.timezone = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for timezone: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::open_enums::ZoomUserType>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
            pub fn user_created_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.user_created_at = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for user_created_at: {e}"
                        )
                    });
                self
            }
            pub fn verified<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.verified = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for verified: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ZoomUser> for super::ZoomUser {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ZoomUser,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    created_at: value.created_at?,
                    custom_attributes: value.custom_attributes?,
                    dept: value.dept?,
                    display_name: value.display_name?,
                    email: value.email?,
                    employee_unique_id: value.employee_unique_id?,
                    first_name: value.first_name?,
                    group_ids: value.group_ids?,
                    host_key: value.host_key?,
                    id: value.id?,
                    im_group_ids: value.im_group_ids?,
                    language: value.language?,
                    last_client_version: value.last_client_version?,
                    last_login_time: value.last_login_time?,
                    last_name: value.last_name?,
                    phone_number: value.phone_number?,
                    plan_united_type: value.plan_united_type?,
                    pmi: value.pmi?,
                    role_id: value.role_id?,
                    status: value.status?,
                    timezone: value.timezone?,
                    type_: value.type_?,
                    user_created_at: value.user_created_at?,
                    verified: value.verified?,
                })
            }
        }
        impl ::std::convert::From<super::ZoomUser> for ZoomUser {
            fn from(value: super::ZoomUser) -> Self {
                Self {
                    created_at: Ok(value.created_at),
                    custom_attributes: Ok(value.custom_attributes),
                    dept: Ok(value.dept),
                    display_name: Ok(value.display_name),
                    email: Ok(value.email),
                    employee_unique_id: Ok(value.employee_unique_id),
                    first_name: Ok(value.first_name),
                    group_ids: Ok(value.group_ids),
                    host_key: Ok(value.host_key),
                    id: Ok(value.id),
                    im_group_ids: Ok(value.im_group_ids),
                    language: Ok(value.language),
                    last_client_version: Ok(value.last_client_version),
                    last_login_time: Ok(value.last_login_time),
                    last_name: Ok(value.last_name),
                    phone_number: Ok(value.phone_number),
                    plan_united_type: Ok(value.plan_united_type),
                    pmi: Ok(value.pmi),
                    role_id: Ok(value.role_id),
                    status: Ok(value.status),
                    timezone: Ok(value.timezone),
                    type_: Ok(value.type_),
                    user_created_at: Ok(value.user_created_at),
                    verified: Ok(value.verified),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ZoomUserList {
            next_page_token: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            page_count: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            page_number: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            page_size: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            total_records: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            users: ::std::result::Result<
                ::std::option::Option<::std::vec::Vec<super::ZoomUser>>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ZoomUserList {
            fn default() -> Self {
                Self {
                    next_page_token: Ok(Default::default()),
                    page_count: Ok(Default::default()),
                    page_number: Ok(Default::default()),
                    page_size: Ok(Default::default()),
                    total_records: Ok(Default::default()),
                    users: Ok(Default::default()),
                }
            }
        }
        impl ZoomUserList {
            pub fn next_page_token<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.next_page_token = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for next_page_token: {e}"
                        )
                    });
                self
            }
            pub fn page_count<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.page_count = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for page_count: {e}")
                    });
                self
            }
            pub fn page_number<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.page_number = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for page_number: {e}")
                    });
                self
            }
            pub fn page_size<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.page_size = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for page_size: {e}")
                    });
                self
            }
            pub fn total_records<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.total_records = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for total_records: {e}")
                    });
                self
            }
            pub fn users<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::std::vec::Vec<super::ZoomUser>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.users = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for users: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ZoomUserList> for super::ZoomUserList {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ZoomUserList,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    next_page_token: value.next_page_token?,
                    page_count: value.page_count?,
                    page_number: value.page_number?,
                    page_size: value.page_size?,
                    total_records: value.total_records?,
                    users: value.users?,
                })
            }
        }
        impl ::std::convert::From<super::ZoomUserList> for ZoomUserList {
            fn from(value: super::ZoomUserList) -> Self {
                Self {
                    next_page_token: Ok(value.next_page_token),
                    page_count: Ok(value.page_count),
                    page_number: Ok(value.page_number),
                    page_size: Ok(value.page_size),
                    total_records: Ok(value.total_records),
                    users: Ok(value.users),
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
/**Client for Zoom Reports API (meetkit subset)

`GET /report/users/{userId}/meetings` from Zoom's Meeting API v2, written by hand from the seed
`specs/seeds/zoom-report-user-meetings.txt` and `../shared/provider-facts.md`, plus the
Server-to-Server OAuth token exchange so the client can mint its own access token, and
`GET /users` (from `../shared/provider-facts.md` and Zoom's published Meeting API file), which
a listing of the whole account asks first.

Rate limit labels: the report is **Heavy**, 10 req/s (Pro) or 40 req/s (Business+) and a
shared daily cap (30,000 / 60,000); `GET /users` is **Medium**, 20 / 60 req/s, no daily cap.
Zoom sends `Retry-After` as an absolute timestamp. No response field is guaranteed present.


Version: 2.0.0*/
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
        "2.0.0"
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
    /**Mint a Server-to-Server OAuth access token

Exchanges the app's client id and secret (HTTP Basic) for an access token valid for
`expires_in` seconds (3600). This endpoint lives on `https://zoom.us`, not on the API
base URL: the client for it is constructed with its own base URL (`https://zoom.us`),
because progenitor uses one base URL per client.


Sends a `POST` request to `/oauth/token`

Arguments:
- `account_id`: The Zoom account id the app is installed on.
- `grant_type`: Always `account_credentials` for Server-to-Server OAuth.
```ignore
let response = client.create_access_token()
    .account_id(account_id)
    .grant_type(grant_type)
    .send()
    .await;
```*/
    pub fn create_access_token(&self) -> builder::CreateAccessToken<'_> {
        builder::CreateAccessToken::new(self)
    }
    /**Get meeting reports for a user

Retrieve report on past meetings and webinars for a specified time period. The time range
for the report is limited to a month and the month must fall within the past six months.
Meetings and webinars are returned only if they have two or more unique participants.

Scopes: `report:read:admin`. Rate Limit Label: `Heavy`.


Sends a `GET` request to `/report/users/{userId}/meetings`

Arguments:
- `user_id`: The user ID or email address of the user. For user-level apps, pass the `me` value.
The value must be percent-encoded in the path.

- `from`: Start date in 'yyyy-mm-dd' format. The date range defined by the "from" and "to"
parameters should only be one month as the report includes only one month worth of
data at once.

- `next_page_token`: Use the next page token to paginate through large result sets. A next page token is
returned whenever the set of available results exceeds the current page size. This
token's expiration period is 15 minutes.

- `page_size`: The number of records returned within a single API call.
- `to`: End date.
- `type_`: The meeting type to query for:
* `past` — All past meetings.
* `pastOne` — A single past user meeting.
* `pastJoined` — All past meetings the account's users hosted or joined.

```ignore
let response = client.report_user_meetings()
    .user_id(user_id)
    .from(from)
    .next_page_token(next_page_token)
    .page_size(page_size)
    .to(to)
    .type_(type_)
    .send()
    .await;
```*/
    pub fn report_user_meetings(&self) -> builder::ReportUserMeetings<'_> {
        builder::ReportUserMeetings::new(self)
    }
    /**List the account's users

Lists the users of the account, one status at a time. Meetkit lists them to ask each
user's report when a listing covers the whole account. Pending users (invited, never
activated) come without an `id`.

Scopes: `user:read:admin`. Rate Limit Label: `Medium` (20 req/s Pro, 60 req/s
Business+; no daily cap).


Sends a `GET` request to `/users`

Arguments:
- `include_fields`: Extra fields to return: `custom_attributes` or `host_key`.
- `license`: Only users with this license (e.g. `zoom_workforce_management`).
- `next_page_token`: Use the next page token to paginate through large result sets. It expires after 15
minutes and is the empty string on the last page.

- `page_number`: **Deprecated.** The page number of the current page; use `next_page_token`.
- `page_size`: The number of records returned within a single API call.
- `role_id`: Only users with this role id.
- `status`: The users' status: `active` (the default), `inactive` (deactivated) or `pending`
(invited, not yet activated).

```ignore
let response = client.list_users()
    .include_fields(include_fields)
    .license(license)
    .next_page_token(next_page_token)
    .page_number(page_number)
    .page_size(page_size)
    .role_id(role_id)
    .status(status)
    .send()
    .await;
```*/
    pub fn list_users(&self) -> builder::ListUsers<'_> {
        builder::ListUsers::new(self)
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
    /**Builder for [`Client::create_access_token`]

[`Client::create_access_token`]: super::Client::create_access_token*/
    #[derive(Debug, Clone)]
    pub struct CreateAccessToken<'a> {
        client: &'a super::Client,
        account_id: Result<::std::string::String, String>,
        grant_type: Result<crate::open_enums::ZoomGrantType, String>,
    }
    impl<'a> CreateAccessToken<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                account_id: Err("account_id was not initialized".to_string()),
                grant_type: Err("grant_type was not initialized".to_string()),
            }
        }
        pub fn account_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.account_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for account_id failed"
                        .to_string()
                });
            self
        }
        pub fn grant_type<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::open_enums::ZoomGrantType>,
        {
            self.grant_type = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: open_enums :: ZoomGrantType` for grant_type failed"
                        .to_string()
                });
            self
        }
        ///Sends a `POST` request to `/oauth/token`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<types::ZoomAccessToken>,
            Error<types::ZoomOAuthError>,
        > {
            let Self { client, account_id, grant_type } = self;
            let account_id = account_id.map_err(Error::InvalidRequest)?;
            let grant_type = grant_type.map_err(Error::InvalidRequest)?;
            let url = format!("{}/oauth/token", client.baseurl,);
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
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("account_id", &account_id))
                .query(&progenitor_client::QueryParam::new("grant_type", &grant_type))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "create_access_token",
            };
            (::meetkit_client_support::Auth::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            (::meetkit_client_support::note_response)(&client.inner, &result);
            let response = result?;
            match response.status().as_u16() {
                200u16 => ::meetkit_client_support::from_response(response).await,
                400u16..=499u16 => {
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
    /**Builder for [`Client::report_user_meetings`]

[`Client::report_user_meetings`]: super::Client::report_user_meetings*/
    #[derive(Debug, Clone)]
    pub struct ReportUserMeetings<'a> {
        client: &'a super::Client,
        user_id: Result<::std::string::String, String>,
        from: Result<::chrono::naive::NaiveDate, String>,
        next_page_token: Result<Option<::std::string::String>, String>,
        page_size: Result<Option<::std::num::NonZeroU64>, String>,
        to: Result<::chrono::naive::NaiveDate, String>,
        type_: Result<Option<crate::open_enums::ZoomReportType>, String>,
    }
    impl<'a> ReportUserMeetings<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                user_id: Err("user_id was not initialized".to_string()),
                from: Err("from was not initialized".to_string()),
                next_page_token: Ok(None),
                page_size: Ok(None),
                to: Err("to was not initialized".to_string()),
                type_: Ok(None),
            }
        }
        pub fn user_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.user_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for user_id failed"
                        .to_string()
                });
            self
        }
        pub fn from<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chrono::naive::NaiveDate>,
        {
            self.from = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chrono :: naive :: NaiveDate` for from failed"
                        .to_string()
                });
            self
        }
        pub fn next_page_token<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.next_page_token = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for next_page_token failed"
                        .to_string()
                });
            self
        }
        pub fn page_size<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.page_size = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for page_size failed"
                        .to_string()
                });
            self
        }
        pub fn to<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chrono::naive::NaiveDate>,
        {
            self.to = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chrono :: naive :: NaiveDate` for to failed"
                        .to_string()
                });
            self
        }
        pub fn type_<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::open_enums::ZoomReportType>,
        {
            self.type_ = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: open_enums :: ZoomReportType` for type_ failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/report/users/{userId}/meetings`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::ZoomMeetingReport>, Error<types::ZoomError>> {
            let Self { client, user_id, from, next_page_token, page_size, to, type_ } = self;
            let user_id = user_id.map_err(Error::InvalidRequest)?;
            let from = from.map_err(Error::InvalidRequest)?;
            let next_page_token = next_page_token.map_err(Error::InvalidRequest)?;
            let page_size = page_size.map_err(Error::InvalidRequest)?;
            let to = to.map_err(Error::InvalidRequest)?;
            let type_ = type_.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/report/users/{}/meetings", client.baseurl, encode_path(& user_id
                .to_string()),
            );
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
                .query(&progenitor_client::QueryParam::new("from", &from))
                .query(
                    &progenitor_client::QueryParam::new(
                        "next_page_token",
                        &next_page_token,
                    ),
                )
                .query(&progenitor_client::QueryParam::new("page_size", &page_size))
                .query(&progenitor_client::QueryParam::new("to", &to))
                .query(&progenitor_client::QueryParam::new("type", &type_))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "report_user_meetings",
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
    /**Builder for [`Client::list_users`]

[`Client::list_users`]: super::Client::list_users*/
    #[derive(Debug, Clone)]
    pub struct ListUsers<'a> {
        client: &'a super::Client,
        include_fields: Result<Option<crate::open_enums::ZoomUserIncludeField>, String>,
        license: Result<Option<::std::string::String>, String>,
        next_page_token: Result<Option<::std::string::String>, String>,
        page_number: Result<Option<::std::string::String>, String>,
        page_size: Result<Option<::std::num::NonZeroU64>, String>,
        role_id: Result<Option<::std::string::String>, String>,
        status: Result<Option<crate::open_enums::ZoomUserStatus>, String>,
    }
    impl<'a> ListUsers<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                include_fields: Ok(None),
                license: Ok(None),
                next_page_token: Ok(None),
                page_number: Ok(None),
                page_size: Ok(None),
                role_id: Ok(None),
                status: Ok(None),
            }
        }
        pub fn include_fields<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::open_enums::ZoomUserIncludeField>,
        {
            self.include_fields = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: open_enums :: ZoomUserIncludeField` for include_fields failed"
                        .to_string()
                });
            self
        }
        pub fn license<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.license = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for license failed"
                        .to_string()
                });
            self
        }
        pub fn next_page_token<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.next_page_token = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for next_page_token failed"
                        .to_string()
                });
            self
        }
        pub fn page_number<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.page_number = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for page_number failed"
                        .to_string()
                });
            self
        }
        pub fn page_size<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.page_size = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for page_size failed"
                        .to_string()
                });
            self
        }
        pub fn role_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.role_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for role_id failed"
                        .to_string()
                });
            self
        }
        pub fn status<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::open_enums::ZoomUserStatus>,
        {
            self.status = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: open_enums :: ZoomUserStatus` for status failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/users`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::ZoomUserList>, Error<types::ZoomError>> {
            let Self {
                client,
                include_fields,
                license,
                next_page_token,
                page_number,
                page_size,
                role_id,
                status,
            } = self;
            let include_fields = include_fields.map_err(Error::InvalidRequest)?;
            let license = license.map_err(Error::InvalidRequest)?;
            let next_page_token = next_page_token.map_err(Error::InvalidRequest)?;
            let page_number = page_number.map_err(Error::InvalidRequest)?;
            let page_size = page_size.map_err(Error::InvalidRequest)?;
            let role_id = role_id.map_err(Error::InvalidRequest)?;
            let status = status.map_err(Error::InvalidRequest)?;
            let url = format!("{}/users", client.baseurl,);
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
                    &progenitor_client::QueryParam::new(
                        "include_fields",
                        &include_fields,
                    ),
                )
                .query(&progenitor_client::QueryParam::new("license", &license))
                .query(
                    &progenitor_client::QueryParam::new(
                        "next_page_token",
                        &next_page_token,
                    ),
                )
                .query(&progenitor_client::QueryParam::new("page_number", &page_number))
                .query(&progenitor_client::QueryParam::new("page_size", &page_size))
                .query(&progenitor_client::QueryParam::new("role_id", &role_id))
                .query(&progenitor_client::QueryParam::new("status", &status))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_users",
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
    /**The meeting's encryption status: `1` E2E encryption, `2` enhanced encryption.

Open enum: a value the spec does not list parses into `Unknown` instead of failing.*/
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum ZoomEncryptionStatus {
        ///`1`
        EndToEnd,
        ///`2`
        Enhanced,
        /// A value the spec does not document, kept verbatim.
        Unknown(i64),
    }
    impl ZoomEncryptionStatus {
        /// Every value the spec documents.
        pub const KNOWN: &'static [i64] = &[1i64, 2i64];
        /// The value as it goes on the wire.
        pub fn as_i64(&self) -> i64 {
            match self {
                Self::EndToEnd => 1i64,
                Self::Enhanced => 2i64,
                Self::Unknown(other) => *other,
            }
        }
        /// False for a value the spec does not document.
        pub fn is_known(&self) -> bool {
            !matches!(self, Self::Unknown(_))
        }
    }
    impl From<i64> for ZoomEncryptionStatus {
        fn from(value: i64) -> Self {
            match value {
                1i64 => Self::EndToEnd,
                2i64 => Self::Enhanced,
                other => Self::Unknown(other),
            }
        }
    }
    impl ::std::str::FromStr for ZoomEncryptionStatus {
        type Err = ::std::num::ParseIntError;
        fn from_str(value: &str) -> Result<Self, Self::Err> {
            value.trim().parse::<i64>().map(Self::from)
        }
    }
    impl ::std::fmt::Display for ZoomEncryptionStatus {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            write!(f, "{}", self.as_i64())
        }
    }
    impl ::serde::Serialize for ZoomEncryptionStatus {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_i64(self.as_i64())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for ZoomEncryptionStatus {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            i64::deserialize(deserializer).map(Self::from)
        }
    }
    /**The OAuth grant; `account_credentials` for Server-to-Server OAuth.

Open enum: a value the spec does not list parses into `Unknown` instead of failing.*/
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum ZoomGrantType {
        ///`account_credentials`
        AccountCredentials,
        /// A value the spec does not document, kept verbatim.
        Unknown(String),
    }
    impl ZoomGrantType {
        /// Every value the spec documents.
        pub const KNOWN: &'static [&'static str] = &["account_credentials"];
        /// The value as it goes on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::AccountCredentials => "account_credentials",
                Self::Unknown(other) => other.as_str(),
            }
        }
        /// False for a value the spec does not document.
        pub fn is_known(&self) -> bool {
            !matches!(self, Self::Unknown(_))
        }
    }
    impl From<&str> for ZoomGrantType {
        fn from(value: &str) -> Self {
            match value {
                "account_credentials" => Self::AccountCredentials,
                other => Self::Unknown(other.to_owned()),
            }
        }
    }
    impl From<String> for ZoomGrantType {
        fn from(value: String) -> Self {
            match Self::from(value.as_str()) {
                Self::Unknown(_) => Self::Unknown(value),
                known => known,
            }
        }
    }
    impl ::std::str::FromStr for ZoomGrantType {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::std::fmt::Display for ZoomGrantType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::serde::Serialize for ZoomGrantType {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for ZoomGrantType {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            String::deserialize(deserializer).map(Self::from)
        }
    }
    /**The meeting type: `1` instant meeting, `2` scheduled meeting, `3` recurring meeting with no
fixed time, `4` personal meeting room, `5` webinar, `6` recurring webinar with no fixed
time, `7` personal meeting room webinar, `8` recurring meeting with a fixed time, `9`
recurring webinar with a fixed time. Values differ between spec versions: open enum.


Open enum: a value the spec does not list parses into `Unknown` instead of failing.*/
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum ZoomMeetingType {
        ///`1`
        Instant,
        ///`2`
        Scheduled,
        ///`3`
        RecurringNoFixedTime,
        ///`4`
        PersonalMeetingRoom,
        ///`5`
        Webinar,
        ///`6`
        RecurringWebinarNoFixedTime,
        ///`7`
        PersonalMeetingRoomWebinar,
        ///`8`
        RecurringFixedTime,
        ///`9`
        RecurringWebinarFixedTime,
        /// A value the spec does not document, kept verbatim.
        Unknown(i64),
    }
    impl ZoomMeetingType {
        /// Every value the spec documents.
        pub const KNOWN: &'static [i64] = &[
            1i64, 2i64, 3i64, 4i64, 5i64, 6i64, 7i64, 8i64, 9i64,
        ];
        /// The value as it goes on the wire.
        pub fn as_i64(&self) -> i64 {
            match self {
                Self::Instant => 1i64,
                Self::Scheduled => 2i64,
                Self::RecurringNoFixedTime => 3i64,
                Self::PersonalMeetingRoom => 4i64,
                Self::Webinar => 5i64,
                Self::RecurringWebinarNoFixedTime => 6i64,
                Self::PersonalMeetingRoomWebinar => 7i64,
                Self::RecurringFixedTime => 8i64,
                Self::RecurringWebinarFixedTime => 9i64,
                Self::Unknown(other) => *other,
            }
        }
        /// False for a value the spec does not document.
        pub fn is_known(&self) -> bool {
            !matches!(self, Self::Unknown(_))
        }
    }
    impl From<i64> for ZoomMeetingType {
        fn from(value: i64) -> Self {
            match value {
                1i64 => Self::Instant,
                2i64 => Self::Scheduled,
                3i64 => Self::RecurringNoFixedTime,
                4i64 => Self::PersonalMeetingRoom,
                5i64 => Self::Webinar,
                6i64 => Self::RecurringWebinarNoFixedTime,
                7i64 => Self::PersonalMeetingRoomWebinar,
                8i64 => Self::RecurringFixedTime,
                9i64 => Self::RecurringWebinarFixedTime,
                other => Self::Unknown(other),
            }
        }
    }
    impl ::std::str::FromStr for ZoomMeetingType {
        type Err = ::std::num::ParseIntError;
        fn from_str(value: &str) -> Result<Self, Self::Err> {
            value.trim().parse::<i64>().map(Self::from)
        }
    }
    impl ::std::fmt::Display for ZoomMeetingType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            write!(f, "{}", self.as_i64())
        }
    }
    impl ::serde::Serialize for ZoomMeetingType {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_i64(self.as_i64())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for ZoomMeetingType {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            i64::deserialize(deserializer).map(Self::from)
        }
    }
    /**The meeting type to query for: `past` (all past meetings, the default), `pastOne` (a single
past user meeting), `pastJoined` (all past meetings the account's users hosted or joined).


Open enum: a value the spec does not list parses into `Unknown` instead of failing.*/
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum ZoomReportType {
        ///`past`
        Past,
        ///`pastOne`
        PastOne,
        ///`pastJoined`
        PastJoined,
        /// A value the spec does not document, kept verbatim.
        Unknown(String),
    }
    impl ZoomReportType {
        /// Every value the spec documents.
        pub const KNOWN: &'static [&'static str] = &["past", "pastOne", "pastJoined"];
        /// The value as it goes on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Past => "past",
                Self::PastOne => "pastOne",
                Self::PastJoined => "pastJoined",
                Self::Unknown(other) => other.as_str(),
            }
        }
        /// False for a value the spec does not document.
        pub fn is_known(&self) -> bool {
            !matches!(self, Self::Unknown(_))
        }
    }
    impl From<&str> for ZoomReportType {
        fn from(value: &str) -> Self {
            match value {
                "past" => Self::Past,
                "pastOne" => Self::PastOne,
                "pastJoined" => Self::PastJoined,
                other => Self::Unknown(other.to_owned()),
            }
        }
    }
    impl From<String> for ZoomReportType {
        fn from(value: String) -> Self {
            match Self::from(value.as_str()) {
                Self::Unknown(_) => Self::Unknown(value),
                known => known,
            }
        }
    }
    impl ::std::str::FromStr for ZoomReportType {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::std::fmt::Display for ZoomReportType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::serde::Serialize for ZoomReportType {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for ZoomReportType {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            String::deserialize(deserializer).map(Self::from)
        }
    }
    /**An extra field `GET /users` can return: `custom_attributes` or `host_key`.

Open enum: a value the spec does not list parses into `Unknown` instead of failing.*/
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum ZoomUserIncludeField {
        ///`custom_attributes`
        CustomAttributes,
        ///`host_key`
        HostKey,
        /// A value the spec does not document, kept verbatim.
        Unknown(String),
    }
    impl ZoomUserIncludeField {
        /// Every value the spec documents.
        pub const KNOWN: &'static [&'static str] = &["custom_attributes", "host_key"];
        /// The value as it goes on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::CustomAttributes => "custom_attributes",
                Self::HostKey => "host_key",
                Self::Unknown(other) => other.as_str(),
            }
        }
        /// False for a value the spec does not document.
        pub fn is_known(&self) -> bool {
            !matches!(self, Self::Unknown(_))
        }
    }
    impl From<&str> for ZoomUserIncludeField {
        fn from(value: &str) -> Self {
            match value {
                "custom_attributes" => Self::CustomAttributes,
                "host_key" => Self::HostKey,
                other => Self::Unknown(other.to_owned()),
            }
        }
    }
    impl From<String> for ZoomUserIncludeField {
        fn from(value: String) -> Self {
            match Self::from(value.as_str()) {
                Self::Unknown(_) => Self::Unknown(value),
                known => known,
            }
        }
    }
    impl ::std::str::FromStr for ZoomUserIncludeField {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::std::fmt::Display for ZoomUserIncludeField {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::serde::Serialize for ZoomUserIncludeField {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for ZoomUserIncludeField {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            String::deserialize(deserializer).map(Self::from)
        }
    }
    /**A user's status: `active` (exists on the account), `inactive` (deactivated), `pending`
(invited, has not activated the account).


Open enum: a value the spec does not list parses into `Unknown` instead of failing.*/
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum ZoomUserStatus {
        ///`active`
        Active,
        ///`inactive`
        Inactive,
        ///`pending`
        Pending,
        /// A value the spec does not document, kept verbatim.
        Unknown(String),
    }
    impl ZoomUserStatus {
        /// Every value the spec documents.
        pub const KNOWN: &'static [&'static str] = &["active", "inactive", "pending"];
        /// The value as it goes on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Active => "active",
                Self::Inactive => "inactive",
                Self::Pending => "pending",
                Self::Unknown(other) => other.as_str(),
            }
        }
        /// False for a value the spec does not document.
        pub fn is_known(&self) -> bool {
            !matches!(self, Self::Unknown(_))
        }
    }
    impl From<&str> for ZoomUserStatus {
        fn from(value: &str) -> Self {
            match value {
                "active" => Self::Active,
                "inactive" => Self::Inactive,
                "pending" => Self::Pending,
                other => Self::Unknown(other.to_owned()),
            }
        }
    }
    impl From<String> for ZoomUserStatus {
        fn from(value: String) -> Self {
            match Self::from(value.as_str()) {
                Self::Unknown(_) => Self::Unknown(value),
                known => known,
            }
        }
    }
    impl ::std::str::FromStr for ZoomUserStatus {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::std::fmt::Display for ZoomUserStatus {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::serde::Serialize for ZoomUserStatus {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for ZoomUserStatus {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            String::deserialize(deserializer).map(Self::from)
        }
    }
    /**The user's plan type: `1` basic, `2` licensed, `3` on-prem, `4` unassigned without
Meetings Basic, `99` none. Values differ between spec versions: open enum.


Open enum: a value the spec does not list parses into `Unknown` instead of failing.*/
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum ZoomUserType {
        ///`1`
        Basic,
        ///`2`
        Licensed,
        ///`3`
        OnPrem,
        ///`4`
        Unassigned,
        ///`99`
        NoPlan,
        /// A value the spec does not document, kept verbatim.
        Unknown(i64),
    }
    impl ZoomUserType {
        /// Every value the spec documents.
        pub const KNOWN: &'static [i64] = &[1i64, 2i64, 3i64, 4i64, 99i64];
        /// The value as it goes on the wire.
        pub fn as_i64(&self) -> i64 {
            match self {
                Self::Basic => 1i64,
                Self::Licensed => 2i64,
                Self::OnPrem => 3i64,
                Self::Unassigned => 4i64,
                Self::NoPlan => 99i64,
                Self::Unknown(other) => *other,
            }
        }
        /// False for a value the spec does not document.
        pub fn is_known(&self) -> bool {
            !matches!(self, Self::Unknown(_))
        }
    }
    impl From<i64> for ZoomUserType {
        fn from(value: i64) -> Self {
            match value {
                1i64 => Self::Basic,
                2i64 => Self::Licensed,
                3i64 => Self::OnPrem,
                4i64 => Self::Unassigned,
                99i64 => Self::NoPlan,
                other => Self::Unknown(other),
            }
        }
    }
    impl ::std::str::FromStr for ZoomUserType {
        type Err = ::std::num::ParseIntError;
        fn from_str(value: &str) -> Result<Self, Self::Err> {
            value.trim().parse::<i64>().map(Self::from)
        }
    }
    impl ::std::fmt::Display for ZoomUserType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            write!(f, "{}", self.as_i64())
        }
    }
    impl ::serde::Serialize for ZoomUserType {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_i64(self.as_i64())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for ZoomUserType {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            i64::deserialize(deserializer).map(Self::from)
        }
    }
}
