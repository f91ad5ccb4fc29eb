// @generated — do not edit. Produced by `cargo xtask generate` from specs/telnyx.yaml.
// Edit the spec and run `cargo xtask generate` instead.

#[allow(unused_imports)]
pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
#[allow(unused_imports)]
use progenitor_client::{encode_path, ClientHooks, OperationInfo, RequestBuilderExt};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    ///Page numbers and totals.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct PaginationMeta {
        ///The number of this page (from 1).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub page_number: ::std::option::Option<i64>,
        ///The size of a page.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub page_size: ::std::option::Option<i64>,
        ///The number of pages.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub total_pages: ::std::option::Option<i64>,
        ///The number of results across pages.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub total_results: ::std::option::Option<i64>,
    }
    impl PaginationMeta {
        pub fn builder() -> builder::PaginationMeta {
            Default::default()
        }
    }
    ///One room recording.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct RoomRecording {
        ///Shows the codec used for the room recording, e.g. `opus`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub codec: ::std::option::Option<::std::string::String>,
        ///ISO 8601 timestamp when the room recording has completed.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        #[serde(
            default,
            deserialize_with = "::meetkit_client_support::timestamp::deserialize_opt"
        )]
        pub completed_at: ::std::option::Option<
            ::chrono::DateTime<::chrono::offset::Utc>,
        >,
        ///ISO 8601 timestamp when the room recording was created.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        #[serde(
            default,
            deserialize_with = "::meetkit_client_support::timestamp::deserialize_opt"
        )]
        pub created_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///Url to download the recording (may be empty).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub download_url: ::std::option::Option<::std::string::String>,
        ///Shows the room recording duration in seconds.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub duration_secs: ::std::option::Option<i64>,
        ///ISO 8601 timestamp when the room recording has ended.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        #[serde(
            default,
            deserialize_with = "::meetkit_client_support::timestamp::deserialize_opt"
        )]
        pub ended_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///A unique identifier for the room recording.
        pub id: ::uuid::Uuid,
        ///Identify the room participant associated with the room recording.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub participant_id: ::std::option::Option<::uuid::Uuid>,
        ///The record type; examples vary (`room_session`, `room_recording`).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub record_type: ::std::option::Option<::std::string::String>,
        ///Identify the room associated with the room recording.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub room_id: ::std::option::Option<::uuid::Uuid>,
        ///Identify the room session associated with the room recording.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub session_id: ::std::option::Option<::uuid::Uuid>,
        ///Shows the room recording size in MB.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub size_mb: ::std::option::Option<f64>,
        ///ISO 8601 timestamp when the room recording has started.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        #[serde(
            default,
            deserialize_with = "::meetkit_client_support::timestamp::deserialize_opt"
        )]
        pub started_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<crate::open_enums::RecordingStatus>,
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<crate::open_enums::RecordingType>,
        ///ISO 8601 timestamp when the room recording was updated.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        #[serde(
            default,
            deserialize_with = "::meetkit_client_support::timestamp::deserialize_opt"
        )]
        pub updated_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
    }
    impl RoomRecording {
        pub fn builder() -> builder::RoomRecording {
            Default::default()
        }
    }
    ///A page of room recordings.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct RoomRecordingList {
        ///The room recordings of this page.
        pub data: ::std::vec::Vec<RoomRecording>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub meta: ::std::option::Option<PaginationMeta>,
    }
    impl RoomRecordingList {
        pub fn builder() -> builder::RoomRecordingList {
            Default::default()
        }
    }
    ///One error of the envelope.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct TelnyxError {
        ///Telnyx's error code, e.g. `10011` (too many requests).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub code: ::std::option::Option<::std::string::String>,
        ///A human-readable explanation.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub detail: ::std::option::Option<::std::string::String>,
        ///Extra information, e.g. a link to the error's documentation.
        #[serde(default, skip_serializing_if = "::serde_json::Map::is_empty")]
        pub meta: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub source: ::std::option::Option<TelnyxErrorSource>,
        ///A short summary.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub title: ::std::option::Option<::std::string::String>,
    }
    impl TelnyxError {
        pub fn builder() -> builder::TelnyxError {
            Default::default()
        }
    }
    ///What part of the request the error refers to.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct TelnyxErrorSource {
        ///The offending query parameter.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub parameter: ::std::option::Option<::std::string::String>,
        ///A JSON pointer to the offending body value.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub pointer: ::std::option::Option<::std::string::String>,
    }
    impl TelnyxErrorSource {
        pub fn builder() -> builder::TelnyxErrorSource {
            Default::default()
        }
    }
    ///Telnyx's error envelope.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct TelnyxErrors {
        ///The errors.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub errors: ::std::vec::Vec<TelnyxError>,
    }
    impl TelnyxErrors {
        pub fn builder() -> builder::TelnyxErrors {
            Default::default()
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct PaginationMeta {
            page_number: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            page_size: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            total_pages: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            total_results: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for PaginationMeta {
            fn default() -> Self {
                Self {
                    page_number: Ok(Default::default()),
                    page_size: Ok(Default::default()),
                    total_pages: Ok(Default::default()),
                    total_results: Ok(Default::default()),
                }
            }
        }
        impl PaginationMeta {
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
            pub fn total_pages<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.total_pages = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for total_pages: {e}")
                    });
                self
            }
            pub fn total_results<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.total_results = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for total_results: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<PaginationMeta> for super::PaginationMeta {
            type Error = super::error::ConversionError;
            fn try_from(
                value: PaginationMeta,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    page_number: value.page_number?,
                    page_size: value.page_size?,
                    total_pages: value.total_pages?,
                    total_results: value.total_results?,
                })
            }
        }
        impl ::std::convert::From<super::PaginationMeta> for PaginationMeta {
            fn from(value: super::PaginationMeta) -> Self {
                Self {
                    page_number: Ok(value.page_number),
                    page_size: Ok(value.page_size),
                    total_pages: Ok(value.total_pages),
                    total_results: Ok(value.total_results),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct RoomRecording {
            codec: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            completed_at: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            created_at: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            download_url: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            duration_secs: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            ended_at: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            id: ::std::result::Result<::uuid::Uuid, ::std::string::String>,
            participant_id: ::std::result::Result<
                ::std::option::Option<::uuid::Uuid>,
                ::std::string::String,
            >,
            record_type: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            room_id: ::std::result::Result<
                ::std::option::Option<::uuid::Uuid>,
                ::std::string::String,
            >,
            session_id: ::std::result::Result<
                ::std::option::Option<::uuid::Uuid>,
                ::std::string::String,
            >,
            size_mb: ::std::result::Result<
                ::std::option::Option<f64>,
                ::std::string::String,
            >,
            started_at: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            status: ::std::result::Result<
                ::std::option::Option<crate::open_enums::RecordingStatus>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                ::std::option::Option<crate::open_enums::RecordingType>,
                ::std::string::String,
            >,
            updated_at: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for RoomRecording {
            fn default() -> Self {
                Self {
                    codec: Ok(Default::default()),
                    completed_at: Ok(Default::default()),
                    created_at: Ok(Default::default()),
                    download_url: Ok(Default::default()),
                    duration_secs: Ok(Default::default()),
                    ended_at: Ok(Default::default()),
                    id: Err("no value supplied for id".to_string()),
                    participant_id: Ok(Default::default()),
                    record_type: Ok(Default::default()),
                    room_id: Ok(Default::default()),
                    session_id: Ok(Default::default()),
                    size_mb: Ok(Default::default()),
                    started_at: Ok(Default::default()),
                    status: Ok(Default::default()),
                    type_: Ok(Default::default()),
                    updated_at: Ok(Default::default()),
                }
            }
        }
        impl RoomRecording {
            pub fn codec<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.codec = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for codec: {e}")
                    });
                self
            }
            pub fn completed_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.completed_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for completed_at: {e}")
                    });
                self
            }
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
            pub fn download_url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.download_url = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for download_url: {e}")
                    });
                self
            }
            pub fn duration_secs<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.duration_secs = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for duration_secs: {e}")
                    });
                self
            }
            pub fn ended_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.ended_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for ended_at: {e}")
                    });
                self
            }
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::uuid::Uuid>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
            pub fn participant_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::uuid::Uuid>>,
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
            pub fn record_type<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.record_type = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for record_type: {e}")
                    });
                self
            }
            pub fn room_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::uuid::Uuid>>,
                T::Error: ::std::fmt::Display,
            {
                self.room_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for room_id: {e}")
                    });
                self
            }
            pub fn session_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::uuid::Uuid>>,
                T::Error: ::std::fmt::Display,
            {
                self.session_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for session_id: {e}")
                    });
                self
            }
            pub fn size_mb<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<f64>>,
                T::Error: ::std::fmt::Display,
            {
                self.size_mb = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for size_mb: {e}")
                    });
                self
            }
            pub fn started_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.started_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for started_at: {e}")
                    });
                self
            }
            pub fn status<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::open_enums::RecordingStatus>,
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
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::open_enums::RecordingType>,
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
            pub fn updated_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.updated_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for updated_at: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<RoomRecording> for super::RoomRecording {
            type Error = super::error::ConversionError;
            fn try_from(
                value: RoomRecording,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    codec: value.codec?,
                    completed_at: value.completed_at?,
                    created_at: value.created_at?,
                    download_url: value.download_url?,
                    duration_secs: value.duration_secs?,
                    ended_at: value.ended_at?,
                    id: value.id?,
                    participant_id: value.participant_id?,
                    record_type: value.record_type?,
                    room_id: value.room_id?,
                    session_id: value.session_id?,
                    size_mb: value.size_mb?,
                    started_at: value.started_at?,
                    status: value.status?,
                    type_: value.type_?,
                    updated_at: value.updated_at?,
                })
            }
        }
        impl ::std::convert::From<super::RoomRecording> for RoomRecording {
            fn from(value: super::RoomRecording) -> Self {
                Self {
                    codec: Ok(value.codec),
                    completed_at: Ok(value.completed_at),
                    created_at: Ok(value.created_at),
                    download_url: Ok(value.download_url),
                    duration_secs: Ok(value.duration_secs),
                    ended_at: Ok(value.ended_at),
                    id: Ok(value.id),
                    participant_id: Ok(value.participant_id),
                    record_type: Ok(value.record_type),
                    room_id: Ok(value.room_id),
                    session_id: Ok(value.session_id),
                    size_mb: Ok(value.size_mb),
                    started_at: Ok(value.started_at),
                    status: Ok(value.status),
                    type_: Ok(value.type_),
                    updated_at: Ok(value.updated_at),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct RoomRecordingList {
            data: ::std::result::Result<
                ::std::vec::Vec<super::RoomRecording>,
                ::std::string::String,
            >,
            meta: ::std::result::Result<
                ::std::option::Option<super::PaginationMeta>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for RoomRecordingList {
            fn default() -> Self {
                Self {
                    data: Err("no value supplied for data".to_string()),
                    meta: Ok(Default::default()),
                }
            }
        }
        impl RoomRecordingList {
            pub fn data<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::RoomRecording>>,
                T::Error: ::std::fmt::Display,
            {
                self.data = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for data: {e}")
                    });
                self
            }
            pub fn meta<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::PaginationMeta>>,
                T::Error: ::std::fmt::Display,
            {
                self.meta = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for meta: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<RoomRecordingList> for super::RoomRecordingList {
            type Error = super::error::ConversionError;
            fn try_from(
                value: RoomRecordingList,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    data: value.data?,
                    meta: value.meta?,
                })
            }
        }
        impl ::std::convert::From<super::RoomRecordingList> for RoomRecordingList {
            fn from(value: super::RoomRecordingList) -> Self {
                Self {
                    data: Ok(value.data),
                    meta: Ok(value.meta),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct TelnyxError {
            code: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            detail: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            meta: ::std::result::Result<
                ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                ::std::string::String,
            >,
            source: ::std::result::Result<
                ::std::option::Option<super::TelnyxErrorSource>,
                ::std::string::String,
            >,
            title: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for TelnyxError {
            fn default() -> Self {
                Self {
                    code: Ok(Default::default()),
                    detail: Ok(Default::default()),
                    meta: Ok(Default::default()),
                    source: Ok(Default::default()),
                    title: Ok(Default::default()),
                }
            }
        }
        impl TelnyxError {
            pub fn code<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.code = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for code: {e}")
                    });
                self
            }
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
            pub fn meta<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.meta = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for meta: {e}")
                    });
                self
            }
            pub fn source<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<super::TelnyxErrorSource>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.source = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for source: {e}")
                    });
                self
            }
            pub fn title<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.title = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for title: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<TelnyxError> for super::TelnyxError {
            type Error = super::error::ConversionError;
            fn try_from(
                value: TelnyxError,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    code: value.code?,
                    detail: value.detail?,
                    meta: value.meta?,
                    source: value.source?,
                    title: value.title?,
                })
            }
        }
        impl ::std::convert::From<super::TelnyxError> for TelnyxError {
            fn from(value: super::TelnyxError) -> Self {
                Self {
                    code: Ok(value.code),
                    detail: Ok(value.detail),
                    meta: Ok(value.meta),
                    source: Ok(value.source),
                    title: Ok(value.title),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct TelnyxErrorSource {
            parameter: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            pointer: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for TelnyxErrorSource {
            fn default() -> Self {
                Self {
                    parameter: Ok(Default::default()),
                    pointer: Ok(Default::default()),
                }
            }
        }
        impl TelnyxErrorSource {
            pub fn parameter<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.parameter = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for parameter: {e}")
                    });
                self
            }
            pub fn pointer<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.pointer = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for pointer: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<TelnyxErrorSource> for super::TelnyxErrorSource {
            type Error = super::error::ConversionError;
            fn try_from(
                value: TelnyxErrorSource,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    parameter: value.parameter?,
                    pointer: value.pointer?,
                })
            }
        }
        impl ::std::convert::From<super::TelnyxErrorSource> for TelnyxErrorSource {
            fn from(value: super::TelnyxErrorSource) -> Self {
                Self {
                    parameter: Ok(value.parameter),
                    pointer: Ok(value.pointer),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct TelnyxErrors {
            errors: ::std::result::Result<
                ::std::vec::Vec<super::TelnyxError>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for TelnyxErrors {
            fn default() -> Self {
                Self {
                    errors: Ok(Default::default()),
                }
            }
        }
        impl TelnyxErrors {
            pub fn errors<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::TelnyxError>>,
                T::Error: ::std::fmt::Display,
            {
                self.errors = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for errors: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<TelnyxErrors> for super::TelnyxErrors {
            type Error = super::error::ConversionError;
            fn try_from(
                value: TelnyxErrors,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { errors: value.errors? })
            }
        }
        impl ::std::convert::From<super::TelnyxErrors> for TelnyxErrors {
            fn from(value: super::TelnyxErrors) -> Self {
                Self { errors: Ok(value.errors) }
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
/**Client for Telnyx Video API (meetkit subset)

`GET /room_recordings` from Telnyx's API v2, written by hand from the seed
`specs/seeds/telnyx-list-room-recordings.txt` and `../shared/provider-facts.md`.

Bracketed parameter names (`filter[date_started_at][gte]`, `page[size]`) go on the wire
literally: they are flat names here, not `deepObject` parameters. Rate-limit headers:
`x-ratelimit-limit`, `x-ratelimit-remaining`, `x-ratelimit-reset` (seconds until reset).


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
    /**View a list of room recordings

View a list of room recordings, paged by `page[number]` and `page[size]`.

Sends a `GET` request to `/room_recordings`

Arguments:
- `filter_date_ended_at_eq`: ISO 8601 date for filtering room recordings ended on that date.
- `filter_date_ended_at_gte`: ISO 8601 date for filtering room recordings ended after that date.
- `filter_date_ended_at_lte`: ISO 8601 date for filtering room recordings ended before that date.
- `filter_date_started_at_eq`: ISO 8601 date for filtering room recordings started on that date.
- `filter_date_started_at_gte`: ISO 8601 date for filtering room recordings started after that date.
- `filter_date_started_at_lte`: ISO 8601 date for filtering room recordings started before that date.
- `filter_duration_secs_eq`: duration_secs equal for filtering room recordings.
- `filter_duration_secs_gte`: duration_secs greater or equal for filtering room recordings.
- `filter_duration_secs_lte`: duration_secs less or equal for filtering room recordings.
- `filter_participant_id`: participant_id for filtering room recordings.
- `filter_room_id`: room_id for filtering room recordings.
- `filter_session_id`: session_id for filtering room recordings.
- `filter_status`: status for filtering room recordings (`completed`, `processing`).
- `filter_type`: type for filtering room recordings (`audio`, `video`).
- `page_number`: The page number to load.
- `page_size`: The size of the page.
```ignore
let response = client.list_room_recordings()
    .filter_date_ended_at_eq(filter_date_ended_at_eq)
    .filter_date_ended_at_gte(filter_date_ended_at_gte)
    .filter_date_ended_at_lte(filter_date_ended_at_lte)
    .filter_date_started_at_eq(filter_date_started_at_eq)
    .filter_date_started_at_gte(filter_date_started_at_gte)
    .filter_date_started_at_lte(filter_date_started_at_lte)
    .filter_duration_secs_eq(filter_duration_secs_eq)
    .filter_duration_secs_gte(filter_duration_secs_gte)
    .filter_duration_secs_lte(filter_duration_secs_lte)
    .filter_participant_id(filter_participant_id)
    .filter_room_id(filter_room_id)
    .filter_session_id(filter_session_id)
    .filter_status(filter_status)
    .filter_type(filter_type)
    .page_number(page_number)
    .page_size(page_size)
    .send()
    .await;
```*/
    pub fn list_room_recordings(&self) -> builder::ListRoomRecordings<'_> {
        builder::ListRoomRecordings::new(self)
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
    /**Builder for [`Client::list_room_recordings`]

[`Client::list_room_recordings`]: super::Client::list_room_recordings*/
    #[derive(Debug, Clone)]
    pub struct ListRoomRecordings<'a> {
        client: &'a super::Client,
        filter_date_ended_at_eq: Result<Option<::chrono::naive::NaiveDate>, String>,
        filter_date_ended_at_gte: Result<Option<::chrono::naive::NaiveDate>, String>,
        filter_date_ended_at_lte: Result<Option<::chrono::naive::NaiveDate>, String>,
        filter_date_started_at_eq: Result<Option<::chrono::naive::NaiveDate>, String>,
        filter_date_started_at_gte: Result<Option<::chrono::naive::NaiveDate>, String>,
        filter_date_started_at_lte: Result<Option<::chrono::naive::NaiveDate>, String>,
        filter_duration_secs_eq: Result<Option<i64>, String>,
        filter_duration_secs_gte: Result<Option<i64>, String>,
        filter_duration_secs_lte: Result<Option<i64>, String>,
        filter_participant_id: Result<Option<::uuid::Uuid>, String>,
        filter_room_id: Result<Option<::uuid::Uuid>, String>,
        filter_session_id: Result<Option<::uuid::Uuid>, String>,
        filter_status: Result<Option<::std::string::String>, String>,
        filter_type: Result<Option<::std::string::String>, String>,
        page_number: Result<Option<::std::num::NonZeroU64>, String>,
        page_size: Result<Option<::std::num::NonZeroU64>, String>,
    }
    impl<'a> ListRoomRecordings<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                filter_date_ended_at_eq: Ok(None),
                filter_date_ended_at_gte: Ok(None),
                filter_date_ended_at_lte: Ok(None),
                filter_date_started_at_eq: Ok(None),
                filter_date_started_at_gte: Ok(None),
                filter_date_started_at_lte: Ok(None),
                filter_duration_secs_eq: Ok(None),
                filter_duration_secs_gte: Ok(None),
                filter_duration_secs_lte: Ok(None),
                filter_participant_id: Ok(None),
                filter_room_id: Ok(None),
                filter_session_id: Ok(None),
                filter_status: Ok(None),
                filter_type: Ok(None),
                page_number: Ok(None),
                page_size: Ok(None),
            }
        }
        pub fn filter_date_ended_at_eq<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chrono::naive::NaiveDate>,
        {
            self.filter_date_ended_at_eq = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: chrono :: naive :: NaiveDate` for filter_date_ended_at_eq failed"
                        .to_string()
                });
            self
        }
        pub fn filter_date_ended_at_gte<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chrono::naive::NaiveDate>,
        {
            self.filter_date_ended_at_gte = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: chrono :: naive :: NaiveDate` for filter_date_ended_at_gte failed"
                        .to_string()
                });
            self
        }
        pub fn filter_date_ended_at_lte<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chrono::naive::NaiveDate>,
        {
            self.filter_date_ended_at_lte = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: chrono :: naive :: NaiveDate` for filter_date_ended_at_lte failed"
                        .to_string()
                });
            self
        }
        pub fn filter_date_started_at_eq<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chrono::naive::NaiveDate>,
        {
            self.filter_date_started_at_eq = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: chrono :: naive :: NaiveDate` for filter_date_started_at_eq failed"
                        .to_string()
                });
            self
        }
        pub fn filter_date_started_at_gte<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chrono::naive::NaiveDate>,
        {
            self.filter_date_started_at_gte = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: chrono :: naive :: NaiveDate` for filter_date_started_at_gte failed"
                        .to_string()
                });
            self
        }
        pub fn filter_date_started_at_lte<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chrono::naive::NaiveDate>,
        {
            self.filter_date_started_at_lte = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: chrono :: naive :: NaiveDate` for filter_date_started_at_lte failed"
                        .to_string()
                });
            self
        }
        pub fn filter_duration_secs_eq<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<i64>,
        {
            self.filter_duration_secs_eq = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `i64` for filter_duration_secs_eq failed".to_string()
                });
            self
        }
        pub fn filter_duration_secs_gte<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<i64>,
        {
            self.filter_duration_secs_gte = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `i64` for filter_duration_secs_gte failed".to_string()
                });
            self
        }
        pub fn filter_duration_secs_lte<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<i64>,
        {
            self.filter_duration_secs_lte = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `i64` for filter_duration_secs_lte failed".to_string()
                });
            self
        }
        pub fn filter_participant_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::uuid::Uuid>,
        {
            self.filter_participant_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: uuid :: Uuid` for filter_participant_id failed"
                        .to_string()
                });
            self
        }
        pub fn filter_room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::uuid::Uuid>,
        {
            self.filter_room_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: uuid :: Uuid` for filter_room_id failed"
                        .to_string()
                });
            self
        }
        pub fn filter_session_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::uuid::Uuid>,
        {
            self.filter_session_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: uuid :: Uuid` for filter_session_id failed"
                        .to_string()
                });
            self
        }
        pub fn filter_status<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.filter_status = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for filter_status failed"
                        .to_string()
                });
            self
        }
        pub fn filter_type<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.filter_type = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for filter_type failed"
                        .to_string()
                });
            self
        }
        pub fn page_number<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.page_number = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for page_number failed"
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
        ///Sends a `GET` request to `/room_recordings`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<types::RoomRecordingList>,
            Error<types::TelnyxErrors>,
        > {
            let Self {
                client,
                filter_date_ended_at_eq,
                filter_date_ended_at_gte,
                filter_date_ended_at_lte,
                filter_date_started_at_eq,
                filter_date_started_at_gte,
                filter_date_started_at_lte,
                filter_duration_secs_eq,
                filter_duration_secs_gte,
                filter_duration_secs_lte,
                filter_participant_id,
                filter_room_id,
                filter_session_id,
                filter_status,
                filter_type,
                page_number,
                page_size,
            } = self;
            let filter_date_ended_at_eq = filter_date_ended_at_eq
                .map_err(Error::InvalidRequest)?;
            let filter_date_ended_at_gte = filter_date_ended_at_gte
                .map_err(Error::InvalidRequest)?;
            let filter_date_ended_at_lte = filter_date_ended_at_lte
                .map_err(Error::InvalidRequest)?;
            let filter_date_started_at_eq = filter_date_started_at_eq
                .map_err(Error::InvalidRequest)?;
            let filter_date_started_at_gte = filter_date_started_at_gte
                .map_err(Error::InvalidRequest)?;
            let filter_date_started_at_lte = filter_date_started_at_lte
                .map_err(Error::InvalidRequest)?;
            let filter_duration_secs_eq = filter_duration_secs_eq
                .map_err(Error::InvalidRequest)?;
            let filter_duration_secs_gte = filter_duration_secs_gte
                .map_err(Error::InvalidRequest)?;
            let filter_duration_secs_lte = filter_duration_secs_lte
                .map_err(Error::InvalidRequest)?;
            let filter_participant_id = filter_participant_id
                .map_err(Error::InvalidRequest)?;
            let filter_room_id = filter_room_id.map_err(Error::InvalidRequest)?;
            let filter_session_id = filter_session_id.map_err(Error::InvalidRequest)?;
            let filter_status = filter_status.map_err(Error::InvalidRequest)?;
            let filter_type = filter_type.map_err(Error::InvalidRequest)?;
            let page_number = page_number.map_err(Error::InvalidRequest)?;
            let page_size = page_size.map_err(Error::InvalidRequest)?;
            let url = format!("{}/room_recordings", client.baseurl,);
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
                        "filter[date_ended_at][eq]",
                        &filter_date_ended_at_eq,
                    ),
                )
                .query(
                    &progenitor_client::QueryParam::new(
                        "filter[date_ended_at][gte]",
                        &filter_date_ended_at_gte,
                    ),
                )
                .query(
                    &progenitor_client::QueryParam::new(
                        "filter[date_ended_at][lte]",
                        &filter_date_ended_at_lte,
                    ),
                )
                .query(
                    &progenitor_client::QueryParam::new(
                        "filter[date_started_at][eq]",
                        &filter_date_started_at_eq,
                    ),
                )
                .query(
                    &progenitor_client::QueryParam::new(
                        "filter[date_started_at][gte]",
                        &filter_date_started_at_gte,
                    ),
                )
                .query(
                    &progenitor_client::QueryParam::new(
                        "filter[date_started_at][lte]",
                        &filter_date_started_at_lte,
                    ),
                )
                .query(
                    &progenitor_client::QueryParam::new(
                        "filter[duration_secs][eq]",
                        &filter_duration_secs_eq,
                    ),
                )
                .query(
                    &progenitor_client::QueryParam::new(
                        "filter[duration_secs][gte]",
                        &filter_duration_secs_gte,
                    ),
                )
                .query(
                    &progenitor_client::QueryParam::new(
                        "filter[duration_secs][lte]",
                        &filter_duration_secs_lte,
                    ),
                )
                .query(
                    &progenitor_client::QueryParam::new(
                        "filter[participant_id]",
                        &filter_participant_id,
                    ),
                )
                .query(
                    &progenitor_client::QueryParam::new(
                        "filter[room_id]",
                        &filter_room_id,
                    ),
                )
                .query(
                    &progenitor_client::QueryParam::new(
                        "filter[session_id]",
                        &filter_session_id,
                    ),
                )
                .query(
                    &progenitor_client::QueryParam::new("filter[status]", &filter_status),
                )
                .query(&progenitor_client::QueryParam::new("filter[type]", &filter_type))
                .query(&progenitor_client::QueryParam::new("page[number]", &page_number))
                .query(&progenitor_client::QueryParam::new("page[size]", &page_size))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_room_recordings",
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
}
/// Items consumers will typically use such as the Client.
pub mod prelude {
    pub use self::super::Client;
}
pub mod open_enums {
    //! Open enums: each documented value has a variant; anything else parses into `Unknown`.
    /**Shows the room recording status.

Open enum: a value the spec does not list parses into `Unknown` instead of failing.*/
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum RecordingStatus {
        ///`completed`
        Completed,
        ///`processing`
        Processing,
        /// A value the spec does not document, kept verbatim.
        Unknown(String),
    }
    impl RecordingStatus {
        /// Every value the spec documents.
        pub const KNOWN: &'static [&'static str] = &["completed", "processing"];
        /// The value as it goes on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Completed => "completed",
                Self::Processing => "processing",
                Self::Unknown(other) => other.as_str(),
            }
        }
        /// False for a value the spec does not document.
        pub fn is_known(&self) -> bool {
            !matches!(self, Self::Unknown(_))
        }
    }
    impl From<&str> for RecordingStatus {
        fn from(value: &str) -> Self {
            match value {
                "completed" => Self::Completed,
                "processing" => Self::Processing,
                other => Self::Unknown(other.to_owned()),
            }
        }
    }
    impl From<String> for RecordingStatus {
        fn from(value: String) -> Self {
            match Self::from(value.as_str()) {
                Self::Unknown(_) => Self::Unknown(value),
                known => known,
            }
        }
    }
    impl ::std::str::FromStr for RecordingStatus {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::std::fmt::Display for RecordingStatus {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::serde::Serialize for RecordingStatus {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for RecordingStatus {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            String::deserialize(deserializer).map(Self::from)
        }
    }
    /**Shows the room recording type.

Open enum: a value the spec does not list parses into `Unknown` instead of failing.*/
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum RecordingType {
        ///`audio`
        Audio,
        ///`video`
        Video,
        /// A value the spec does not document, kept verbatim.
        Unknown(String),
    }
    impl RecordingType {
        /// Every value the spec documents.
        pub const KNOWN: &'static [&'static str] = &["audio", "video"];
        /// The value as it goes on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Audio => "audio",
                Self::Video => "video",
                Self::Unknown(other) => other.as_str(),
            }
        }
        /// False for a value the spec does not document.
        pub fn is_known(&self) -> bool {
            !matches!(self, Self::Unknown(_))
        }
    }
    impl From<&str> for RecordingType {
        fn from(value: &str) -> Self {
            match value {
                "audio" => Self::Audio,
                "video" => Self::Video,
                other => Self::Unknown(other.to_owned()),
            }
        }
    }
    impl From<String> for RecordingType {
        fn from(value: String) -> Self {
            match Self::from(value.as_str()) {
                Self::Unknown(_) => Self::Unknown(value),
                known => known,
            }
        }
    }
    impl ::std::str::FromStr for RecordingType {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::std::fmt::Display for RecordingType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::serde::Serialize for RecordingType {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for RecordingType {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            String::deserialize(deserializer).map(Self::from)
        }
    }
}
