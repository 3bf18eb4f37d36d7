//! Staff landing page (sign-in arrives with the accounts issue).

use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;

/// Explains what the staff area will hold.
#[component]
pub fn StaffPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(|s| s.staff_title) />
        <h1>{i18n.t(|s| s.staff_title)}</h1>
        <p>{i18n.t(|s| s.staff_intro)}</p>
    }
}
