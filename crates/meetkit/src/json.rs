//! The JSON writer of meetings: every meeting the CLI writes goes through it (NDJSON and JSON
//! output, the sync destinations' lines and JSON columns, the content hash), and so do the
//! JSON columns of the Arrow tables the Python package and Parquet export build.
//!
//! It writes the same bytes as serde_json's compact form (and sonic-rs's, whose formatter it
//! uses for strings and floats; integers go through itoa, as in both) with one difference in
//! how it gets there: a struct's field names are `&'static str`s chosen by
//! `#[derive(Serialize)]`, so once a name has been found to need no escaping (a scan remembered
//! per name) it is copied between quotes as it is. sonic-rs passes every field name through its
//! string escaper, as it would a map key; for a meeting that is about half of the strings it
//! writes. A field name that needs escaping (none of meetkit's do) is escaped every time.

use std::sync::atomic::{AtomicU64, Ordering};

use serde::ser::{self, Serialize};
use sonic_rs::format::{CompactFormatter, Formatter};

/// What serializing can fail with: a value serde cannot express as JSON (a map key that is not
/// a string, say). Writing into a `Vec` itself cannot fail.
pub type Error = sonic_rs::Error;

/// Appends `value`'s compact JSON to `out`.
pub fn to_writer<T: ?Sized + Serialize>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    value.serialize(Serializer { out })
}

/// `value`'s compact JSON as a `String`.
pub fn to_string<T: ?Sized + Serialize>(value: &T) -> Result<String, Error> {
    let mut out = Vec::with_capacity(128);
    to_writer(&mut out, value)?;
    // Every byte written came from a `&str`, an escape or a number: UTF-8 by construction.
    String::from_utf8(out).map_err(<Error as ser::Error>::custom)
}

/// True when `name` can be written between quotes as it is.
fn plain(name: &str) -> bool {
    name.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\')
}

/// Slots of [`PLAIN_NAMES`]: more than the field names of every type meetkit writes.
const NAME_SLOTS: usize = 256;

/// Field names found [`plain`], each as its address and length packed into one word (0: an
/// empty slot). A `&'static str` never changes, so a name seen once need not be scanned
/// again: a meeting has about sixty names to write, and scanning each byte of them cost as
/// much as sonic-rs escaping them.
///
/// A process-wide table, not a thread-local one: the Python package is a library loaded at
/// run time, and a 4 KB thread-local made loading it fail ("cannot allocate memory in static
/// TLS block"). A slot is written once, by the first plain name that lands in it; a name that
/// finds its slot taken by another is scanned every time, so no two names evict each other
/// and the table's cache lines stay shared between threads.
static PLAIN_NAMES: [AtomicU64; NAME_SLOTS] = [const { AtomicU64::new(0) }; NAME_SLOTS];

/// The address (below 2^48 with 4-level paging, as on most 64-bit systems) and length (below
/// 2^16) of `name` in one word, or `None` when they do not fit: such a name is scanned every
/// time.
fn name_key(name: &'static str) -> Option<u64> {
    let (address, len) = (name.as_ptr() as u64, name.len() as u64);
    (address != 0 && address < 1 << 48 && len < 1 << 16).then_some(address << 16 | len)
}

/// [`plain`], remembered for `name`.
fn plain_static(name: &'static str) -> bool {
    let Some(key) = name_key(name) else {
        return plain(name);
    };
    let (address, len) = (key >> 16, key & 0xffff);
    let slot = &PLAIN_NAMES[(address ^ address >> 8 ^ len) as usize % NAME_SLOTS];
    if slot.load(Ordering::Relaxed) == key {
        return true;
    }
    let plain = plain(name);
    if plain {
        let _ = slot.compare_exchange(0, key, Ordering::Relaxed, Ordering::Relaxed);
    }
    plain
}

/// Writes `"name":`, escaping `name` only when it needs it.
fn field_name(out: &mut Vec<u8>, name: &'static str) {
    if plain_static(name) {
        out.reserve(name.len() + 3);
        out.push(b'"');
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b"\":");
    } else {
        string(out, name);
        out.push(b':');
    }
}

/// Writes `value` as a JSON string.
fn string(out: &mut Vec<u8>, value: &str) {
    // Writing into a `Vec` cannot fail; the formatter's `io::Result` only serves other writers.
    let _ = CompactFormatter.write_string_fast(out, value, true);
}

/// Writes `value`'s decimal digits.
fn integer(out: &mut Vec<u8>, value: impl itoa::Integer) {
    out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
}

/// The ten integer methods of a `ser::Serializer`, each `$body` with `$this` the serializer
/// and `$v` the integer.
macro_rules! integers {
    (|$this:ident, $v:ident| $body:expr) => {
        integers!(@each |$this, $v| $body;
            serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
            serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
            serialize_u64: u64, serialize_u128: u128);
    };
    (@each |$this:ident, $v:ident| $body:expr; $($method:ident: $type:ty),*) => {
        $(
            fn $method(self, $v: $type) -> Result<(), Error> {
                let $this = self;
                $body
            }
        )*
    };
}

/// The serializer for one value.
struct Serializer<'a> {
    out: &'a mut Vec<u8>,
}

/// An object or array being written: whether an element was written yet.
struct Compound<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl<'a> Compound<'a> {
    /// Opens an object or array with `open`.
    fn open(out: &'a mut Vec<u8>, open: u8) -> Self {
        out.push(open);
        Self { out, first: true }
    }

    /// Writes the separator before an element.
    fn next(&mut self) {
        if self.first {
            self.first = false;
        } else {
            self.out.push(b',');
        }
    }

    /// Writes one array element.
    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.next();
        value.serialize(Serializer { out: self.out })
    }

    /// Writes one object member whose name is a struct field's.
    fn field<T: ?Sized + Serialize>(&mut self, name: &'static str, value: &T) -> Result<(), Error> {
        self.next();
        field_name(self.out, name);
        value.serialize(Serializer { out: self.out })
    }

    /// Closes the object or array with `close`.
    fn close(self, close: u8) -> Result<(), Error> {
        self.out.push(close);
        Ok(())
    }
}

/// An externally tagged variant's body: `{"Variant":` opened, closed with the body's end.
struct Variant<'a> {
    body: Compound<'a>,
}

impl<'a> Variant<'a> {
    fn open(out: &'a mut Vec<u8>, variant: &'static str, open: u8) -> Self {
        out.push(b'{');
        field_name(out, variant);
        Self {
            body: Compound::open(out, open),
        }
    }

    fn close(self, close: u8) -> Result<(), Error> {
        let out = self.body.out;
        out.push(close);
        out.push(b'}');
        Ok(())
    }
}

impl<'a> ser::Serializer for Serializer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Variant<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Variant<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }

    integers!(|this, v| {
        integer(this.out, v);
        Ok(())
    });

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        // sonic-rs's own handling: `null` for NaN and the infinities, as serde_json writes.
        sonic_rs::to_writer(self.out, &v)
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        sonic_rs::to_writer(self.out, &v)
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        string(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        string(self.out, v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut array = Compound::open(self.out, b'[');
        for byte in v {
            array.element(byte)?;
        }
        array.close(b']')
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let mut object = Compound::open(self.out, b'{');
        object.field(variant, value)?;
        object.close(b'}')
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(Compound::open(self.out, b'['))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(Compound::open(self.out, b'['))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        Ok(Compound::open(self.out, b'['))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Variant<'a>, Error> {
        Ok(Variant::open(self.out, variant, b'['))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(Compound::open(self.out, b'{'))
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(Compound::open(self.out, b'{'))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Variant<'a>, Error> {
        Ok(Variant::open(self.out, variant, b'{'))
    }
}

/// The serde traits for a JSON array: each is an element method and `end`, written once.
macro_rules! array {
    ($trait:ident for $type:ident, $method:ident, |$this:ident| $compound:expr) => {
        impl ser::$trait for $type<'_> {
            type Ok = ();
            type Error = Error;

            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
                let $this = self;
                $compound.element(value)
            }

            fn end(self) -> Result<(), Error> {
                self.close(b']')
            }
        }
    };
}

array!(SerializeSeq for Compound, serialize_element, |this| this);
array!(SerializeTuple for Compound, serialize_element, |this| this);
array!(SerializeTupleStruct for Compound, serialize_field, |this| this);
array!(SerializeTupleVariant for Variant, serialize_field, |this| this.body);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.next();
        key.serialize(MapKey { out: self.out })?;
        self.out.push(b':');
        Ok(())
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(Serializer { out: self.out })
    }

    fn end(self) -> Result<(), Error> {
        self.close(b'}')
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }

    fn end(self) -> Result<(), Error> {
        self.close(b'}')
    }
}

impl ser::SerializeStructVariant for Variant<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.body.field(key, value)
    }

    fn end(self) -> Result<(), Error> {
        self.close(b'}')
    }
}

/// A map key: JSON object keys are strings, so a string is written escaped, and an integer, a
/// bool or a unit variant between quotes, as serde_json does. Anything else is an error.
struct MapKey<'a> {
    out: &'a mut Vec<u8>,
}

impl MapKey<'_> {
    fn quoted(self, text: &str) -> Result<(), Error> {
        self.out.push(b'"');
        self.out.extend_from_slice(text.as_bytes());
        self.out.push(b'"');
        Ok(())
    }

    fn integer(self, value: impl itoa::Integer) -> Result<(), Error> {
        self.quoted(itoa::Buffer::new().format(value))
    }
}

/// The error for a map key JSON cannot have.
fn key_must_be_a_string() -> Error {
    ser::Error::custom("a JSON object key must be a string")
}

impl ser::Serializer for MapKey<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        string(self.out, v);
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.quoted(if v { "true" } else { "false" })
    }

    integers!(|this, v| this.integer(v));

    fn serialize_f32(self, _v: f32) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_f64(self, _v: f64) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_none(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _value: &T) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_must_be_a_string())
    }
}

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
