//! The response decoder of the generated clients: every `ResponseValue::from_response` call
//! progenitor emits is pointed at `meetkit_client_support::from_response`, which decodes the
//! same types with sonic-rs and keeps serde_json's errors (see that crate's `decode.rs`).
//!
//! progenitor has hooks around sending a request but none for decoding its answer, so the
//! generator rewrites the calls in the syntax tree before the file is printed. A progenitor
//! release that stops calling `ResponseValue::from_response` fails the generator instead of
//! silently decoding with serde_json again.

use anyhow::{Result, bail};
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, ExprPath, parse_quote};

/// Points every `ResponseValue::from_response` call in `file` at meetkit's decoder; fails
/// when there is none to point.
pub fn use_meetkit_decoder(file: &mut syn::File) -> Result<()> {
    let mut rewrite = Rewrite { calls: 0 };
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
}

impl VisitMut for Rewrite {
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
