//! Tickets opened from this browser.

use super::not_found::ServerErrorNotice;
use crate::api::tickets::my_tickets;
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::components::ticket_list::TicketLines;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Lists the tickets this browser remembers.
#[component]
pub fn MyTicketsPage() -> impl IntoView {
    let i18n = use_i18n();
    let tickets = Resource::new(|| (), |_| my_tickets());
    view! {
        <PageTitle pick=|s| s.my_tickets_title />
        <h1>{i18n.t(|s| s.my_tickets_title)}</h1>
        <p>{i18n.t(|s| s.my_tickets_intro)}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let locale = i18n.locale();
                let s = locale.strings();
                match tickets.await {
                    Ok(list) if list.is_empty() => view! {
                        <p>{s.my_tickets_none}</p>
                        <a class="button" href="/tickets/new">{s.nav_new_ticket}</a>
                    }
                        .into_any(),
                    Ok(list) => view! { <TicketLines list /> }.into_any(),
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
