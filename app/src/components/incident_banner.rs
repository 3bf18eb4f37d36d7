//! The banner of major incidents in progress, on every page.

use crate::api::notify::active_incidents;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Says which known problems are being worked on, so customers need not report them.
#[component]
pub fn IncidentBanner() -> impl IntoView {
    let i18n = use_i18n();
    let incidents = Resource::new(|| (), |_| active_incidents());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let list = incidents.await.unwrap_or_default();
                let n = i18n.locale().strings().notify;
                (!list.is_empty()).then(|| {
                    let items = list
                        .into_iter()
                        .map(|inc| {
                            let locale = i18n.locale();
                            view! {
                                <li>
                                    <strong>{n.banner_known}{inc.title(locale).to_string()}</strong>
                                    " — " {n.banner_affects}{inc.services(locale).to_string()}
                                    ". " {n.banner_no_report}
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <section class="incident-banner" role="region" aria-label=n.banner_label>
                            <ul>{items}</ul>
                        </section>
                    }
                })
            })}
        </Suspense>
    }
}
