//! The fields of a provider's record that have no typed home in [`Meeting`](crate::Meeting):
//! what reaches each extension's `unmapped`.
//!
//! Each adapter declares once, as `NORMALIZED`, the wire names of the record fields its
//! `normalize` maps into `Meeting` or its typed extension. [`fields`] keeps the others, by
//! wire name, as the generated record serializes them. A field added to a spec and
//! regenerated is in the generated record and not in `NORMALIZED`, so it reaches
//! `extension.unmapped` (and with it the JSON output, CSV, Arrow's `extension` text and the
//! JSON Schema's description, [`crate::schema`]) without an adapter change. Only top-level record
//! fields: a field new inside a nested object (a participant, an event) is not seen.
//!
//! Cost per record: none while every field of the generated record is mapped ([`of`] looks
//! that up once per provider); once a spec gains a field, one name lookup per serialized field,
//! and only the unmapped fields' values are serialized.

use std::sync::OnceLock;

use serde::Serialize;
use serde::ser::{self, Impossible, SerializeStruct};

use crate::descriptor::ProviderInfo;
use crate::model::Provider;
pub use crate::model::Unmapped;

/// The fields of `info`'s provider's `record` that its adapter does not map, `normalized` being the
/// adapter's `NORMALIZED` (see [`fields`]). While every field of the generated record type is
/// mapped — the spec has nothing new — this is one lookup, and the record is not walked.
pub fn of<T: Serialize>(info: &ProviderInfo, normalized: &[&str], record: &T) -> Unmapped {
    static ANY: [OnceLock<bool>; Provider::ALL.len()] =
        [const { OnceLock::new() }; Provider::ALL.len()];
    let any = ANY
        .get(info.provider as usize)
        .is_none_or(|any| *any.get_or_init(|| !names(info, normalized).is_empty()));
    if any {
        fields(record, normalized)
    } else {
        Unmapped::new()
    }
}

/// The fields of `record` (a generated record type) not named in `normalized`, with their
/// values; `null`s are left out, as an absent field would be.
pub fn fields<T: Serialize>(record: &T, normalized: &[&str]) -> Unmapped {
    record.serialize(Rest { normalized }).unwrap_or_default()
}

/// The record fields `info`'s provider's `unmapped` gets: the generated record type's wire
/// names minus `normalized` (its adapter's `NORMALIZED`). Empty while the spec has no field the
/// adapter does not map.
pub fn names(info: &ProviderInfo, normalized: &[&str]) -> Vec<&'static str> {
    info.known_fields()
        .iter()
        .copied()
        .filter(|f| !normalized.contains(f))
        .collect()
}

/// A serializer that accepts one struct and keeps the fields not named in `normalized`.
struct Rest<'a> {
    normalized: &'a [&'a str],
}

/// The kept fields of the struct being serialized.
struct Collect<'a> {
    normalized: &'a [&'a str],
    kept: Unmapped,
}

fn not_a_record() -> serde_json::Error {
    ser::Error::custom("not a record")
}

/// Serializer methods for everything but a struct: not a record.
macro_rules! not_a_record {
    ($($method:ident($($arg:ty),*);)*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<Unmapped, serde_json::Error> {
            Err(not_a_record())
        })*
    };
}

impl<'a> ser::Serializer for Rest<'a> {
    type Ok = Unmapped;
    type Error = serde_json::Error;
    type SerializeSeq = Impossible<Unmapped, serde_json::Error>;
    type SerializeTuple = Impossible<Unmapped, serde_json::Error>;
    type SerializeTupleStruct = Impossible<Unmapped, serde_json::Error>;
    type SerializeTupleVariant = Impossible<Unmapped, serde_json::Error>;
    type SerializeMap = Impossible<Unmapped, serde_json::Error>;
    type SerializeStruct = Collect<'a>;
    type SerializeStructVariant = Impossible<Unmapped, serde_json::Error>;

    not_a_record! {
        serialize_bool(bool); serialize_i8(i8); serialize_i16(i16); serialize_i32(i32);
        serialize_i64(i64); serialize_u8(u8); serialize_u16(u16); serialize_u32(u32);
        serialize_u64(u64); serialize_f32(f32); serialize_f64(f64); serialize_char(char);
        serialize_str(&str); serialize_bytes(&[u8]); serialize_none(); serialize_unit();
        serialize_unit_struct(&'static str);
        serialize_unit_variant(&'static str, u32, &'static str);
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Unmapped, Self::Error> {
        value.serialize(self)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Unmapped, Self::Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Unmapped, Self::Error> {
        Err(not_a_record())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Self::Error> {
        Err(not_a_record())
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Self::Error> {
        Err(not_a_record())
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Self::Error> {
        Err(not_a_record())
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Self::Error> {
        Err(not_a_record())
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Self::Error> {
        Err(not_a_record())
    }

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, Self::Error> {
        Ok(Collect {
            normalized: self.normalized,
            kept: Unmapped::new(),
        })
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Self::Error> {
        Err(not_a_record())
    }
}

impl SerializeStruct for Collect<'_> {
    type Ok = Unmapped;
    type Error = serde_json::Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        if self.normalized.contains(&key) {
            return Ok(());
        }
        let value = serde_json::to_value(value)?;
        if !value.is_null() {
            self.kept.insert(key.to_owned(), value);
        }
        Ok(())
    }

    fn end(self) -> Result<Unmapped, Self::Error> {
        Ok(self.kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Record {
        id: u32,
        #[serde(rename = "type")]
        kind: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        absent: Option<u32>,
        gone: Option<u32>,
        added: Vec<u32>,
    }

    #[test]
    fn keeps_the_fields_not_normalized_by_wire_name_without_nulls() {
        let record = Record {
            id: 1,
            kind: Some("x".to_owned()),
            absent: None,
            gone: None,
            added: vec![2, 3],
        };
        let kept = fields(&record, &["id"]);
        assert_eq!(
            serde_json::to_value(&kept).unwrap_or_default(),
            serde_json::json!({"type": "x", "added": [2, 3]})
        );
        assert!(fields(&record, &["id", "type", "absent", "gone", "added"]).is_empty());
        assert!(fields(&7u32, &[]).is_empty());
    }
}
