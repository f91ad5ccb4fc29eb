//! The provider registry: one [`ProviderInfo`] per provider, the single description of what
//! meetkit knows about it — names, credentials and their variables, base URL, auth scheme, page
//! sizes, longest window, documented rate limits, filters, the resolution of its time bounds
//! and its page order.
//!
//! Configuration, client construction, planning, the CLI (`meetkit providers`, flags, help),
//! the Python package, the sandbox's limits and the bench read it from here. Each descriptor
//! lives beside its adapter (`providers/<p>.rs`); [`ALL`] lists them.

pub use crate::descriptor::{Credential, PageSize, ProviderInfo, RateLimit, Resolution};
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
