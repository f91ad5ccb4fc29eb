//! Open enums: every named enum schema in a spec becomes a Rust enum with an `Unknown` variant.
//!
//! Providers add values (a new bot state, a new Zoom meeting type) without notice; a closed enum
//! would fail the whole page. The generator tells progenitor to use these types in place of the
//! closed enums it would emit, and writes them into the same `generated.rs` under `open_enums`.

use anyhow::{Context, Result, bail};
use heck::ToUpperCamelCase;
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use serde_json::Value;

/// A named enum schema of a spec.
#[derive(Debug)]
pub struct OpenEnum {
    /// The component schema's name, which is also the Rust type's name.
    pub name: String,
    doc: String,
    values: Values,
}

#[derive(Debug)]
enum Values {
    Text(Vec<(Ident, String)>),
    Integer(Vec<(Ident, i64)>),
}

/// Collects every `components.schemas.*` entry that carries an `enum`.
pub fn collect(spec: &Value) -> Result<Vec<OpenEnum>> {
    let Some(schemas) = spec
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for (name, schema) in schemas {
        let Some(values) = schema.get("enum").and_then(Value::as_array) else {
            continue;
        };
        let doc = schema
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or("A value documented by the provider.")
            .to_owned();
        let values = match schema.get("type").and_then(Value::as_str) {
            Some("string") => Values::Text(
                values
                    .iter()
                    .map(|v| {
                        let text = v
                            .as_str()
                            .with_context(|| format!("{name}: enum value {v} is not a string"))?;
                        Ok((variant_ident(text)?, text.to_owned()))
                    })
                    .collect::<Result<_>>()?,
            ),
            Some("integer") => {
                let names = schema
                    .get("x-enum-varnames")
                    .and_then(Value::as_array)
                    .with_context(|| format!("{name}: integer enums need x-enum-varnames"))?;
                if names.len() != values.len() {
                    bail!(
                        "{name}: x-enum-varnames has {} names for {} values",
                        names.len(),
                        values.len()
                    );
                }
                Values::Integer(
                    values
                        .iter()
                        .zip(names)
                        .map(|(v, n)| {
                            let number = v.as_i64().with_context(|| {
                                format!("{name}: enum value {v} is not an integer")
                            })?;
                            let label = n.as_str().with_context(|| {
                                format!("{name}: x-enum-varnames entry {n} is not a string")
                            })?;
                            Ok((variant_ident(label)?, number))
                        })
                        .collect::<Result<_>>()?,
                )
            }
            other => {
                bail!("{name}: enums of type {other:?} are not supported (use string or integer)")
            }
        };
        out.push(OpenEnum {
            name: name.clone(),
            doc,
            values,
        });
    }
    Ok(out)
}

fn variant_ident(value: &str) -> Result<Ident> {
    let mut name = value.to_upper_camel_case();
    if name.is_empty() {
        bail!("enum value {value:?} gives no Rust name");
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, 'V');
    }
    if name == "Unknown" {
        bail!("enum value {value:?} collides with the Unknown variant");
    }
    Ok(Ident::new(&name, Span::call_site()))
}

/// The Rust code of every open enum of a spec.
pub fn tokens(enums: &[OpenEnum]) -> TokenStream {
    let items = enums.iter().map(one);
    quote! {
        //! Open enums: each documented value has a variant; anything else parses into `Unknown`.
        #(#items)*
    }
}

fn one(e: &OpenEnum) -> TokenStream {
    let name = Ident::new(&e.name, Span::call_site());
    let doc = format!(
        "{}\n\nOpen enum: a value the spec does not list parses into `Unknown` instead of failing.",
        e.doc
    );
    match &e.values {
        Values::Text(values) => {
            let idents: Vec<_> = values.iter().map(|(i, _)| i).collect();
            let texts: Vec<_> = values.iter().map(|(_, t)| t).collect();
            let docs: Vec<_> = texts.iter().map(|t| format!("`{t}`")).collect();
            quote! {
                #[doc = #doc]
                #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
                pub enum #name {
                    #( #[doc = #docs] #idents, )*
                    /// A value the spec does not document, kept verbatim.
                    Unknown(String),
                }
                impl #name {
                    /// Every value the spec documents.
                    pub const KNOWN: &'static [&'static str] = &[#(#texts),*];
                    /// The value as it goes on the wire.
                    pub fn as_str(&self) -> &str {
                        match self {
                            #( Self::#idents => #texts, )*
                            Self::Unknown(other) => other.as_str(),
                        }
                    }
                    /// False for a value the spec does not document.
                    pub fn is_known(&self) -> bool {
                        !matches!(self, Self::Unknown(_))
                    }
                }
                impl From<&str> for #name {
                    fn from(value: &str) -> Self {
                        match value {
                            #( #texts => Self::#idents, )*
                            other => Self::Unknown(other.to_owned()),
                        }
                    }
                }
                impl From<String> for #name {
                    fn from(value: String) -> Self {
                        match Self::from(value.as_str()) {
                            Self::Unknown(_) => Self::Unknown(value),
                            known => known,
                        }
                    }
                }
                impl ::std::str::FromStr for #name {
                    type Err = ::std::convert::Infallible;
                    fn from_str(value: &str) -> Result<Self, Self::Err> {
                        Ok(Self::from(value))
                    }
                }
                impl ::std::fmt::Display for #name {
                    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(self.as_str())
                    }
                }
                impl ::serde::Serialize for #name {
                    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                        serializer.serialize_str(self.as_str())
                    }
                }
                impl<'de> ::serde::Deserialize<'de> for #name {
                    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                        String::deserialize(deserializer).map(Self::from)
                    }
                }
            }
        }
        Values::Integer(values) => {
            let idents: Vec<_> = values.iter().map(|(i, _)| i).collect();
            let numbers: Vec<_> = values.iter().map(|(_, n)| n).collect();
            let docs: Vec<_> = numbers.iter().map(|n| format!("`{n}`")).collect();
            quote! {
                #[doc = #doc]
                #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
                pub enum #name {
                    #( #[doc = #docs] #idents, )*
                    /// A value the spec does not document, kept verbatim.
                    Unknown(i64),
                }
                impl #name {
                    /// Every value the spec documents.
                    pub const KNOWN: &'static [i64] = &[#(#numbers),*];
                    /// The value as it goes on the wire.
                    pub fn as_i64(&self) -> i64 {
                        match self {
                            #( Self::#idents => #numbers, )*
                            Self::Unknown(other) => *other,
                        }
                    }
                    /// False for a value the spec does not document.
                    pub fn is_known(&self) -> bool {
                        !matches!(self, Self::Unknown(_))
                    }
                }
                impl From<i64> for #name {
                    fn from(value: i64) -> Self {
                        match value {
                            #( #numbers => Self::#idents, )*
                            other => Self::Unknown(other),
                        }
                    }
                }
                impl ::std::str::FromStr for #name {
                    type Err = ::std::num::ParseIntError;
                    fn from_str(value: &str) -> Result<Self, Self::Err> {
                        value.trim().parse::<i64>().map(Self::from)
                    }
                }
                impl ::std::fmt::Display for #name {
                    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        write!(f, "{}", self.as_i64())
                    }
                }
                impl ::serde::Serialize for #name {
                    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                        serializer.serialize_i64(self.as_i64())
                    }
                }
                impl<'de> ::serde::Deserialize<'de> for #name {
                    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                        i64::deserialize(deserializer).map(Self::from)
                    }
                }
            }
        }
    }
}
