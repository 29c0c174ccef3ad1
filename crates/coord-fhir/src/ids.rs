//! Entry addresses: every resource gets a `urn:uuid:` full URL made from its type and coord id
//! (SHA-256, with the UUID version and variant bits set), so the same case file always gives
//! the same bundle and references never depend on the order of entries.

use sha2::{Digest, Sha256};

/// The UUID (lower-case, hyphenated) for a resource of `kind` made from the coord id `id`.
pub fn uuid(kind: &str, id: &str) -> String {
    let mut h = Sha256::new();
    h.update(kind.as_bytes());
    h.update([0]);
    h.update(id.as_bytes());
    let d = h.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(d.get(..16).unwrap_or(&[0; 16]));
    // RFC 9562 version 8 (custom), variant 10.
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The full URL (`urn:uuid:…`) of a resource of `kind` made from the coord id `id`.
pub fn full_url(kind: &str, id: &str) -> String {
    format!("urn:uuid:{}", uuid(kind, id))
}

/// A FHIR `Reference` to that resource.
pub fn reference(kind: &str, id: &str) -> serde_json::Value {
    serde_json::json!({ "reference": full_url(kind, id) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_stable_well_formed_and_distinct() {
        let a = uuid("Patient", "cit-1");
        assert_eq!(a, uuid("Patient", "cit-1"));
        assert_ne!(a, uuid("Practitioner", "cit-1"));
        assert_eq!(a.len(), 36);
        assert_eq!(a.chars().nth(14), Some('8'));
    }
}
