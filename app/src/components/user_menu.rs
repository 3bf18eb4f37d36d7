//! The header's account corner: log in and register, or the person's name and log out.

use crate::api::auth::current_user;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Shows who is signed in. Log out is a plain form post, so it works without JavaScript and
/// the page reloads without the session.
#[component]
pub fn UserMenu() -> impl IntoView {
    let i18n = use_i18n();
    let me = Resource::new(|| (), |_| current_user());
    view! {
        <div class="user-menu">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let a = i18n.locale().strings().account;
                    match me.await {
                        Ok(Some(v)) => view! {
                            <a href="/account" class="user-name" title=a.signed_in_as>{v.display_name}</a>
                            <form method="post" action="/api/auth/logout" class="logout-form">
                                <button type="submit" class="link-button">{a.logout}</button>
                            </form>
                        }
                            .into_any(),
                        _ => view! {
                            <a href="/login">{a.login}</a>
                            <a href="/register">{a.register}</a>
                        }
                            .into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// Leaves the page for `href` with a full load, so every part of it sees the new session.
pub fn reload_to(href: &str) {
    let _ = window().location().set_href(href);
}
