//! Tests of `exit`.

use super::*;
use meetkit::Provider;

fn failure(provider: Provider, kind: ProviderErrorKind) -> ProviderError {
    ProviderError::new(provider, "list", kind, "failed")
}

fn exit(meetings: u64, errors: Vec<ProviderError>) -> Exit {
    let accounts = vec![
        (Provider::Zoom, "default".to_owned()),
        (Provider::Daily, "default".to_owned()),
    ];
    Outcome {
        meetings,
        accounts,
        errors,
    }
    .exit()
}

#[test]
fn exit_codes_follow_what_was_listed_and_who_failed() {
    use ProviderErrorKind::{Auth, Network, Permission};
    assert_eq!(exit(10, vec![]), Exit::Ok);
    assert_eq!(exit(0, vec![]), Exit::Ok);
    // One provider failed, the other listed (even nothing): partial.
    assert_eq!(
        exit(0, vec![failure(Provider::Zoom, Network)]),
        Exit::Partial
    );
    assert_eq!(
        exit(3, vec![failure(Provider::Zoom, Network)]),
        Exit::Partial
    );
    // Every provider failed and nothing came out.
    let all = vec![
        failure(Provider::Zoom, Network),
        failure(Provider::Daily, Auth),
    ];
    assert_eq!(exit(0, all), Exit::Provider);
    let all_auth = vec![
        failure(Provider::Zoom, Permission),
        failure(Provider::Daily, Auth),
    ];
    assert_eq!(exit(0, all_auth), Exit::Config);
    // Every provider had a failing window, but some meetings came out: partial.
    let all = vec![
        failure(Provider::Zoom, Network),
        failure(Provider::Daily, Network),
    ];
    assert_eq!(exit(5, all), Exit::Partial);
    // One account of a provider failed, its other listed nothing: partial, not a failure.
    let outcome = Outcome {
        meetings: 0,
        accounts: vec![
            (Provider::Daily, "a".to_owned()),
            (Provider::Daily, "b".to_owned()),
        ],
        errors: vec![failure(Provider::Daily, Auth).with_account("a")],
    };
    assert_eq!(outcome.exit(), Exit::Partial);
}
