//! Tests of `error`.

use super::*;

#[test]
fn a_provider_error_reads_as_sentences() {
    let mut e = ProviderError::new(
        Provider::Daily,
        "list_meetings",
        ProviderErrorKind::Auth,
        "Invalid API key.",
    )
    .with_hint("check DAILY_API_KEY");
    e.status = Some(401);
    e.code = Some("authentication-error".to_owned());
    assert_eq!(
        e.to_string(),
        "Daily list_meetings failed (HTTP 401, code authentication-error): Invalid API key. Check DAILY_API_KEY"
    );
}
