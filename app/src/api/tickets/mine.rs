use crate::domain::ticket::TicketSummary;
use leptos::prelude::*;

/// The signed-in customer's tickets, and those opened from this browser as a guest.
#[server(endpoint = "tickets/mine")]
pub async fn my_tickets() -> Result<Vec<TicketSummary>, ServerFnError> {
    use super::super::ssr::{internal, services, viewer};
    let mut list = match viewer().await? {
        Some(v) => services()?.store.tickets_of(v.id).await.map_err(internal)?,
        None => Vec::new(),
    };
    for t in &mut list {
        t.href = super::page_href(&t.number, "");
    }
    for guest in guest_tickets().await? {
        if !list.iter().any(|t| t.number == guest.number) {
            list.push(guest);
        }
    }
    list.sort_by_key(|t| std::cmp::Reverse(t.created_at));
    Ok(list)
}

/// Tickets opened from this browser, remembered in a cookie with their keys.
#[cfg(feature = "ssr")]
async fn guest_tickets() -> Result<Vec<TicketSummary>, ServerFnError> {
    use super::super::ssr::{internal, same_hash, services, token_hash};
    let remembered = super::remembered_tickets();
    if remembered.is_empty() {
        return Ok(Vec::new());
    }
    let numbers: Vec<String> = remembered.iter().map(|(n, _)| n.clone()).collect();
    let found = services()?
        .store
        .tickets(&numbers)
        .await
        .map_err(internal)?;
    Ok(found
        .into_iter()
        .filter_map(|t| {
            let (_, key) = remembered.iter().find(|(n, _)| *n == t.summary.number)?;
            same_hash(&t.access_hash, &token_hash(key)).then(|| TicketSummary {
                href: super::ticket_href(&t.summary.number, key),
                ..t.summary
            })
        })
        .collect())
}

/// The `(number, key)` pairs in the cookie, newest first.
#[cfg(feature = "ssr")]
pub(super) fn remembered_tickets() -> Vec<(String, String)> {
    super::super::ssr::cookie(super::MY_TICKETS_COOKIE)
        .unwrap_or_default()
        .split('.')
        .filter_map(|pair| pair.split_once(':'))
        .filter_map(|(n, k)| {
            let n = crate::domain::ticket_number::normalise(n)?;
            (k.len() == 32 && k.bytes().all(|b| b.is_ascii_hexdigit())).then(|| (n, k.to_string()))
        })
        .take(super::MY_TICKETS_MAX)
        .collect()
}

/// Adds a new ticket to the cookie, dropping the oldest past the limit.
#[cfg(feature = "ssr")]
pub(super) fn remember_ticket(number: &str, key: &str) {
    let mut pairs = vec![(number.to_string(), key.to_string())];
    pairs.extend(
        remembered_tickets()
            .into_iter()
            .filter(|(n, _)| n != number),
    );
    pairs.truncate(super::MY_TICKETS_MAX);
    let value: Vec<String> = pairs.iter().map(|(n, k)| format!("{n}:{k}")).collect();
    super::super::ssr::set_cookie(super::MY_TICKETS_COOKIE, &value.join("."), 365);
}
