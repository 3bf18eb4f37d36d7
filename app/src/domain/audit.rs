//! The audit trail's records and the hash chain that makes tampering visible.

use serde::{Deserialize, Serialize};

/// Hash of the (absent) record before the first one.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What an audit record says, before it is chained.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Milliseconds since the epoch.
    pub at_ms: i64,
    pub actor_id: Option<i64>,
    /// E-mail or "system"/"cli"; kept even when the account is later erased.
    pub actor_label: String,
    /// A dotted action code, e.g. `auth.login`, `staff.roles`.
    pub action: String,
    pub target: String,
    pub detail: String,
    pub source_ip: String,
}

/// A stored record: the entry, its position and its chain links.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRecord {
    pub id: i64,
    pub entry: AuditEntry,
    pub prev_hash: String,
    pub hash: String,
}

/// The canonical bytes a record's hash covers: every field, length-prefixed so none can bleed
/// into the next.
pub fn canonical(id: i64, e: &AuditEntry, prev_hash: &str) -> String {
    let actor = e.actor_id.map(|a| a.to_string()).unwrap_or_default();
    let fields = [
        id.to_string(),
        e.at_ms.to_string(),
        actor,
        e.actor_label.clone(),
        e.action.clone(),
        e.target.clone(),
        e.detail.clone(),
        e.source_ip.clone(),
        prev_hash.to_string(),
    ];
    fields
        .iter()
        .map(|f| format!("{}:{f}", f.len()))
        .collect::<Vec<_>>()
        .join("|")
}

/// Where a chain first breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainBreak {
    /// The record's stored hash does not match its contents.
    Altered { id: i64 },
    /// The record does not point at the hash of the record before it.
    Unlinked { id: i64 },
}

/// Checks records in id order with `hash_fn` (SHA-256 on the server); the first break, if any.
pub fn verify_chain<'a>(
    records: impl IntoIterator<Item = &'a AuditRecord>,
    hash_fn: impl Fn(&str) -> String,
) -> Result<usize, ChainBreak> {
    let mut prev = GENESIS.to_string();
    let mut count = 0;
    for r in records {
        if r.prev_hash != prev {
            return Err(ChainBreak::Unlinked { id: r.id });
        }
        if hash_fn(&canonical(r.id, &r.entry, &r.prev_hash)) != r.hash {
            return Err(ChainBreak::Altered { id: r.id });
        }
        prev = r.hash.clone();
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    // A stand-in hash keeps the domain test free of crypto; the server test uses SHA-256.
    fn h(s: &str) -> String {
        format!(
            "{:x}",
            s.bytes()
                .fold(7u64, |a, b| a.wrapping_mul(31).wrapping_add(b.into()))
        )
    }

    fn chain(n: i64) -> Vec<AuditRecord> {
        let mut prev = GENESIS.to_string();
        (1..=n)
            .map(|id| {
                let entry = AuditEntry {
                    at_ms: id * 1000,
                    actor_id: Some(1),
                    actor_label: "admin@example.com".into(),
                    action: "auth.login".into(),
                    target: String::new(),
                    detail: String::new(),
                    source_ip: "127.0.0.1".into(),
                };
                let hash = h(&canonical(id, &entry, &prev));
                let r = AuditRecord {
                    id,
                    entry,
                    prev_hash: prev.clone(),
                    hash: hash.clone(),
                };
                prev = hash;
                r
            })
            .collect()
    }

    #[test]
    fn an_intact_chain_verifies_and_edits_or_removals_break_it() {
        let mut records = chain(5);
        assert_eq!(verify_chain(&records, h), Ok(5));
        records[2].entry.actor_label = "someone@else".into();
        assert_eq!(
            verify_chain(&records, h),
            Err(ChainBreak::Altered { id: 3 })
        );
        let mut records = chain(5);
        records.remove(1);
        assert_eq!(
            verify_chain(&records, h),
            Err(ChainBreak::Unlinked { id: 3 })
        );
    }

    #[test]
    fn field_boundaries_cannot_be_shifted() {
        let mut a = chain(1).remove(0).entry;
        let mut b = a.clone();
        a.target = "ab".into();
        a.detail = "c".into();
        b.target = "a".into();
        b.detail = "bc".into();
        assert_ne!(canonical(1, &a, GENESIS), canonical(1, &b, GENESIS));
    }
}
