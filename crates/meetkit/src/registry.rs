//! The provider registry: one [`ProviderInfo`] per provider, the single description of what
//! meetkit knows about it — names, credentials and their variables, base URL, auth scheme, page
//! sizes, longest window, documented rate limits, filters, the resolution of its time bounds
//! and its page order.
//!
//! Configuration, client construction, planning, the CLI (`meetkit providers`, flags, help),
//! the Python package, the sandbox's limits and the bench read it from here. Each descriptor
//! lives beside its adapter (`providers/<p>.rs`); [`ALL`] lists them.

pub use crate::descriptor::{Credential, PageSize, Probe, ProviderInfo, RateLimit, Resolution};
use crate::model::Provider;
/// Every provider's descriptor, in [`Provider::ALL`] order (listed beside the adapters).
pub use crate::providers::DESCRIPTORS as ALL;
use crate::query::FilterName;

/// The descriptor of `provider`.
pub fn info(provider: Provider) -> &'static ProviderInfo {
    ALL.iter()
        .copied()
        .find(|i| i.provider == provider)
        .unwrap_or(ALL[0])
}

/// The smallest request of `provider`'s list operation over `from`..`to`, as `meetkit doctor`
/// sends it (see [`Probe`]).
pub fn probe(
    provider: Provider,
    from: chrono::DateTime<chrono::Utc>,
    to: chrono::DateTime<chrono::Utc>,
) -> Probe {
    crate::providers::connector(provider).probe(from, to)
}

/// Every provider's name as flags and files spell it, joined by `, `: "zoom, daily, …".
pub fn names() -> String {
    names_joined(", ")
}

/// Every provider's name, the last one after `last`: `names_joined(" or ")` is
/// "zoom, daily, … or attention".
pub fn names_joined(last: &str) -> String {
    let names: Vec<&str> = Provider::ALL.iter().map(|p| p.as_str()).collect();
    join_list(&names, last)
}

/// `items` as a sentence lists them: joined by `, `, the last one after `last`
/// (`join_list(&["a", "b", "c"], " and ")` is "a, b and c").
pub fn join_list(items: &[&str], last: &str) -> String {
    match items.split_last() {
        Some((tail, [])) => (*tail).to_owned(),
        Some((tail, head)) => format!("{}{last}{tail}", head.join(", ")),
        None => String::new(),
    }
}

/// The first provider that takes an API key (an example for messages).
pub fn api_key_example() -> Provider {
    ALL.iter()
        .find(|i| i.credentials.len() == 1 && i.credentials[0].len() == 1)
        .map_or(Provider::ALL[0], |i| i.provider)
}

/// The providers that can honour `filter`.
pub fn supporting(filter: FilterName) -> Vec<Provider> {
    ALL.iter()
        .filter(|i| i.supports(filter))
        .map(|i| i.provider)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_provider_has_exactly_one_descriptor() {
        for provider in Provider::ALL {
            let found: Vec<_> = ALL.iter().filter(|i| i.provider == provider).collect();
            assert_eq!(found.len(), 1, "{provider}");
            assert_eq!(info(provider).provider, provider);
        }
    }

    #[test]
    fn names_list_every_provider_once() {
        let listed = names();
        for provider in Provider::ALL {
            assert_eq!(
                listed
                    .split(", ")
                    .filter(|n| *n == provider.as_str())
                    .count(),
                1,
                "{listed}"
            );
        }
        assert_eq!(join_list(&["a", "b", "c"], " and "), "a, b and c");
        assert_eq!(join_list(&["a"], " and "), "a");
        let or = names_joined(" or ");
        assert!(or.ends_with(&format!(" or {}", Provider::ALL[4])), "{or}");
        assert_eq!(or.matches(", ").count(), Provider::ALL.len() - 2);
        assert_eq!(info(api_key_example()).credential_vars().count(), 1);
    }

    #[test]
    fn descriptors_are_consistent() {
        for i in ALL {
            assert!(i.page_size.default <= i.page_size.max, "{}", i.provider);
            assert!(!i.credentials.is_empty(), "{}", i.provider);
            if let Some(longest) = i.longest_window_days {
                assert!(i.default_window_days <= longest, "{}", i.provider);
            }
        }
    }
}
