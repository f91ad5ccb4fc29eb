//! How the generated clients decode, set in the syntax tree before the file is printed:
//!
//! - every `ResponseValue::from_response` call progenitor emits is pointed at
//!   `meetkit_client_support::from_response`, which decodes the same types with sonic-rs and
//!   keeps serde_json's errors (see that crate's `decode.rs`);
//! - every `DateTime<Utc>` and `Option<DateTime<Utc>>` field of a type that derives
//!   `Deserialize` is read by `meetkit_client_support::timestamp` (the same values and errors
//!   as chrono's, faster for the shape providers send); the fields keep their types.
//!
//! progenitor has hooks around sending a request but none for decoding its answer. A
//! progenitor release whose output no longer has the calls or the fields fails the generator
//! instead of silently decoding the slow way again.

use anyhow::{Result, bail};
use quote::ToTokens;
use syn::visit_mut::{self, VisitMut};
use syn::{Attribute, Expr, ExprPath, Field, ItemStruct, parse_quote};

/// Points every `ResponseValue::from_response` call in `file` at meetkit's decoder and every
/// date-time field at meetkit's reader; fails when there is no call to point.
pub fn use_meetkit_decoder(file: &mut syn::File) -> Result<()> {
    let mut rewrite = Rewrite {
        calls: 0,
        in_deserialize: false,
    };
    rewrite.visit_file_mut(file);
    if rewrite.calls == 0 {
        bail!(
            "the generated client has no `ResponseValue::from_response` call to point at \
             meetkit's decoder; progenitor's output changed, so update xtask/src/decoder.rs"
        );
    }
    Ok(())
}

struct Rewrite {
    calls: usize,
    /// Inside a struct that derives `Deserialize`.
    in_deserialize: bool,
}

/// The field types progenitor emits for `format: date-time`, as tokens.
const DATE_TIME: &str = ":: chrono :: DateTime < :: chrono :: offset :: Utc >";
const OPTIONAL_DATE_TIME: &str =
    ":: std :: option :: Option < :: chrono :: DateTime < :: chrono :: offset :: Utc > >";

/// True when one of `attrs` is a `#[serde(...)]` naming `word` (e.g. `default`).
fn serde_says(attrs: &[Attribute], word: &str) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("serde")
            && a.meta.to_token_stream().into_iter().any(|t| match t {
                proc_macro2::TokenTree::Group(g) => {
                    g.stream().into_iter().any(|t| t.to_string() == word)
                }
                _ => false,
            })
    })
}

impl VisitMut for Rewrite {
    fn visit_item_struct_mut(&mut self, item: &mut ItemStruct) {
        let derives_deserialize = item.attrs.iter().any(|a| {
            a.path().is_ident("derive")
                && a.meta.to_token_stream().to_string().contains("Deserialize")
        });
        let outer = std::mem::replace(&mut self.in_deserialize, derives_deserialize);
        visit_mut::visit_item_struct_mut(self, item);
        self.in_deserialize = outer;
    }

    fn visit_field_mut(&mut self, field: &mut Field) {
        if self.in_deserialize {
            let ty = field.ty.to_token_stream().to_string();
            if ty == DATE_TIME {
                field.attrs.push(parse_quote!(
                    #[serde(deserialize_with = "::meetkit_client_support::timestamp::deserialize")]
                ));
            } else if ty == OPTIONAL_DATE_TIME {
                // A missing `Option` field is `None` by itself, but not once it has a
                // `deserialize_with`: `default` keeps that.
                field.attrs.push(if serde_says(&field.attrs, "default") {
                    parse_quote!(#[serde(deserialize_with = "::meetkit_client_support::timestamp::deserialize_opt")])
                } else {
                    parse_quote!(#[serde(default, deserialize_with = "::meetkit_client_support::timestamp::deserialize_opt")])
                });
            }
        }
        visit_mut::visit_field_mut(self, field);
    }

    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        if let Expr::Call(call) = expr
            && let Expr::Path(ExprPath {
                path, qself: None, ..
            }) = &*call.func
            && path.segments.len() == 2
            && path.segments[0].ident == "ResponseValue"
            && path.segments[1].ident == "from_response"
        {
            *call.func = parse_quote!(::meetkit_client_support::from_response);
            self.calls += 1;
        }
        visit_mut::visit_expr_mut(self, expr);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::ToTokens;

    #[test]
    fn every_from_response_call_is_pointed_at_meetkits_decoder() -> Result<()> {
        let mut file: syn::File = parse_quote! {
            async fn send(response: reqwest::Response) -> Result<ResponseValue<Page>, Error<Problem>> {
                match response.status().as_u16() {
                    200u16 => ResponseValue::from_response(response).await,
                    400u16 => Err(Error::ErrorResponse(ResponseValue::from_response(response).await?)),
                    _ => Err(Error::UnexpectedResponse(response)),
                }
            }
        };
        use_meetkit_decoder(&mut file)?;
        let text = file.to_token_stream().to_string();
        assert_eq!(
            text.matches(":: meetkit_client_support :: from_response")
                .count(),
            2,
            "{text}"
        );
        assert!(!text.contains("ResponseValue :: from_response"), "{text}");
        Ok(())
    }

    #[test]
    fn date_time_fields_of_decoded_types_are_read_by_meetkit() -> Result<()> {
        let mut file: syn::File = parse_quote! {
            #[derive(Deserialize, Serialize)]
            pub struct Recording {
                pub started_at: ::chrono::DateTime<::chrono::offset::Utc>,
                #[serde(skip_serializing_if = "::std::option::Option::is_none")]
                pub ended_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
                pub created_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                pub name: ::std::string::String,
            }
            pub struct Builder {
                started_at: ::chrono::DateTime<::chrono::offset::Utc>,
            }
            fn send(response: reqwest::Response) -> Page {
                ResponseValue::from_response(response)
            }
        };
        use_meetkit_decoder(&mut file)?;
        let text = file.to_token_stream().to_string();
        let reader =
            |f: &str| format!("deserialize_with = \"::meetkit_client_support::timestamp::{f}\"");
        assert_eq!(text.matches(&reader("deserialize")).count(), 1, "{text}");
        assert_eq!(
            text.matches(&reader("deserialize_opt")).count(),
            2,
            "{text}"
        );
        // `default` added where it was missing, not twice where it was there.
        assert_eq!(text.matches("default").count(), 2, "{text}");
        let builder = text.split("pub struct Builder").nth(1).unwrap_or_default();
        assert!(!builder.contains("deserialize_with"), "{text}");
        Ok(())
    }

    #[test]
    fn a_client_without_the_call_fails_the_generator() {
        let mut file: syn::File = parse_quote! {
            fn unrelated() -> u8 { 1 }
        };
        let Err(err) = use_meetkit_decoder(&mut file) else {
            panic!("a file without the call was accepted");
        };
        assert!(
            err.to_string().contains("progenitor's output changed"),
            "{err}"
        );
    }
}
