//! Identifier formats: reversible UUIDs, Zoom's base64 meeting uuids, Attendee bot ids.
//!
//! Record UUIDs (Daily session ids, Telnyx recording ids, Attention uuids) encode the
//! record's index, so a cursor naming a record (Daily's `starting_after`) is resolved
//! without any lookup table. They still look random and are valid version-4 UUIDs.

use super::hash::{Draw, splitmix64};

const LOW62: u64 = (1 << 62) - 1;

/// Formats 16 bytes as a lowercase hyphenated UUID.
pub fn format_uuid(bytes: [u8; 16]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(36);
    for (i, b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            s.push('-');
        }
        s.push(char::from(HEX[usize::from(b >> 4)]));
        s.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    s
}

/// A version-4 UUID made from two words (not reversible).
pub fn uuid_from(hi: u64, lo: u64) -> String {
    let hi = (hi & !0xF000) | 0x4000;
    let lo = (lo & LOW62) | (1 << 63);
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&hi.to_be_bytes());
    bytes[8..].copy_from_slice(&lo.to_be_bytes());
    format_uuid(bytes)
}

/// The reversible UUID of record `index` under `key` (seed and provider).
pub fn record_uuid(key: u64, index: u64) -> String {
    let hi = (splitmix64(key ^ index.wrapping_mul(0xd6e8_feb8_6659_fd93)) & !0xF000) | 0x4000;
    let lo = (index ^ (splitmix64(hi ^ key) & LOW62)) & LOW62;
    uuid_from(hi, lo)
}

/// The index a [`record_uuid`] encodes, if `s` is one made under `key`.
pub fn record_index(key: u64, s: &str) -> Option<u64> {
    let hex: String = s.chars().filter(|c| *c != '-').collect();
    if hex.len() != 32 || s.len() != 36 {
        return None;
    }
    let hi = u64::from_str_radix(hex.get(..16)?, 16).ok()?;
    let lo = u64::from_str_radix(hex.get(16..)?, 16).ok()?;
    let index = (lo & LOW62) ^ (splitmix64(hi ^ key) & LOW62);
    (record_uuid(key, index) == s.to_ascii_lowercase()).then_some(index)
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(BASE64[(n >> (18 - 6 * k)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes standard or URL-safe base64 (padding optional); `None` on anything else.
pub fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let s = s.trim_end_matches('=');
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// A Zoom meeting uuid: 16 random bytes in base64; some start with `/`, some contain `//`.
pub fn zoom_uuid(draw: &mut Draw) -> String {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&draw.next_u64().to_be_bytes());
    bytes[8..].copy_from_slice(&draw.next_u64().to_be_bytes());
    match draw.below(100) {
        // The first six bits all ones: the uuid starts with '/'.
        0..=3 => bytes[0] |= 0xFC,
        // Characters 4 and 5 both '/'.
        4..=7 => {
            bytes[3] = 0xFF;
            bytes[4] |= 0xF0;
        }
        _ => {}
    }
    base64(&bytes)
}

const ALNUM: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// `len` alphanumeric characters.
pub fn alnum(draw: &mut Draw, len: usize) -> String {
    (0..len).map(|_| *draw.pick(ALNUM) as char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_lowercase_hex_in_the_usual_groups() {
        let bytes: [u8; 16] = std::array::from_fn(|i| (i as u8).wrapping_mul(37).wrapping_add(250));
        let expected: String = bytes
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let dash = if matches!(i, 4 | 6 | 8 | 10) { "-" } else { "" };
                format!("{dash}{b:02x}")
            })
            .collect();
        assert_eq!(format_uuid(bytes), expected);
    }

    #[test]
    fn record_uuids_round_trip() {
        for i in [0u64, 1, 2, 999_999, 1 << 40] {
            let u = record_uuid(42, i);
            assert_eq!(u.len(), 36);
            assert_eq!(&u[14..15], "4");
            assert_eq!(record_index(42, &u), Some(i));
            assert_eq!(record_index(43, &u), None);
        }
        assert_eq!(record_index(1, "not-a-uuid"), None);
    }

    #[test]
    fn base64_round_trips() {
        for s in ["", "a", "ab", "abc", "p=486"] {
            assert_eq!(
                base64_decode(&base64(s.as_bytes())).as_deref(),
                Some(s.as_bytes())
            );
        }
        assert_eq!(base64(b"p=486"), "cD00ODY=");
    }

    #[test]
    fn zoom_uuids_sometimes_have_slashes() {
        let mut d = Draw::new(1);
        let all: Vec<String> = (0..400).map(|_| zoom_uuid(&mut d)).collect();
        assert!(all.iter().any(|u| u.starts_with('/')));
        assert!(all.iter().any(|u| u.contains("//")));
        assert!(all.iter().all(|u| u.len() == 24 && u.ends_with("==")));
    }
}
