//! The providers the sandbox impersonates are the core's ([`meetkit::Provider`]); this module
//! adds the two facts the sandbox needs beyond the registry's: where each API lives under the
//! sandbox's address, and the number that makes each provider's procedural data its own.

pub use meetkit::{Provider, UnknownProvider};

/// The real API's base path (the path of its production base URL in the registry, e.g.
/// `/v2` for `https://api.zoom.us/v2`), appended to `/<provider>` in the sandbox.
pub fn base_path(p: Provider) -> String {
    let url = meetkit::registry::info(p).default_base_url;
    url::Url::parse(url)
        .map(|u| u.path().trim_end_matches('/').to_owned())
        .unwrap_or_default()
}

/// A per-provider number mixed into every hash of the dataset, so providers' data differ:
/// the first four bytes of the provider's name (`Zoom`, `Dail`, `Teln`, `Atte`), big-endian;
/// when an earlier provider (in [`Provider::ALL`] order) has the same four, the last byte is
/// the name's last letter instead (Attention's, so it differs from Attendee's).
pub(crate) fn salt(p: Provider) -> u64 {
    let first_four = |q: Provider| {
        let mut bytes = [0u8; 4];
        for (slot, byte) in bytes.iter_mut().zip(q.display_name().as_bytes()) {
            *slot = *byte;
        }
        bytes
    };
    let mut bytes = first_four(p);
    let earlier = Provider::ALL.iter().take_while(|q| **q != p);
    if earlier.map(|q| first_four(*q)).any(|b| b == bytes) {
        bytes[3] = *p.display_name().as_bytes().last().unwrap_or(&0);
    }
    u64::from(u32::from_be_bytes(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salts_are_distinct_and_stable() {
        // The procedural datasets (and so every seeded demo and test) depend on these values.
        let salts: Vec<u64> = Provider::ALL.into_iter().map(salt).collect();
        assert_eq!(
            salts,
            vec![
                0x5a6f_6f6d,
                0x4461_696c,
                0x5465_6c6e,
                0x4174_7465,
                0x4174_746e
            ]
        );
    }

    #[test]
    fn base_paths_are_the_production_paths() {
        let paths: Vec<String> = Provider::ALL.into_iter().map(base_path).collect();
        assert_eq!(paths, vec!["/v2", "/v1", "/v2", "", "/v2"]);
    }
}
