//! The document shell, the root component and the routes.

use crate::components::{footer::Footer, header::Header, incident_banner::IncidentBanner};
use crate::i18n::{provide_i18n, Locale};
use crate::pages::{
    account::{AccountPage, ForgotPage, LoginPage, RegisterPage, ResetPage, VerifyPage},
    article::ArticlePage,
    audit::AuditPage,
    canned::CannedPage,
    complaints::ComplaintsPage,
    console::ConsolePage,
    diagnosis::{DiagnosisPage, FlowIntroPage},
    diagnosis_run::FlowRunPage,
    drafts::DraftsPage,
    editor::{EditorHomePage, EditorPage, HistoryPage, ReviewPage},
    flows::{FlowEditorPage, FlowListPage, FlowStatsPage},
    home::HomePage,
    incidents::IncidentsPage,
    kb::KbIndexPage,
    kb_category::KbCategoryPage,
    my_tickets::MyTicketsPage,
    new_ticket::NewTicketPage,
    not_found::NotFound,
    notifications::NotificationsPage,
    rate::RatePage,
    search::SearchPage,
    search_insights::SearchInsightsPage,
    settings::SettingsPage,
    staff::StaffPage,
    teams::TeamsPage,
    ticket::TicketPage,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Link, Meta, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

/// The HTML document around the app, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The language of the first render: from the request on the server, from the page in the browser.
fn initial_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        use crate::api::ssr::{cookie, header};
        let accept = header(axum::http::header::ACCEPT_LANGUAGE);
        Locale::negotiate(
            cookie(crate::i18n::LOCALE_COOKIE).as_deref(),
            accept.as_deref(),
        )
    }
    #[cfg(not(feature = "ssr"))]
    {
        leptos::prelude::document()
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|l| Locale::parse(&l))
            .unwrap_or_default()
    }
}

/// The root component: language, metadata, layout and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let first_locale = initial_locale();
    let i18n = provide_i18n(first_locale);

    // Tests (and people debugging) can tell when the page has become interactive.
    Effect::new(move |_| {
        if let Some(body) = leptos::prelude::document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });

    view! {
        <Html {..} lang=move || i18n.locale().tag() />
        <Title formatter=move |page: String| {
            // The server formats the title after the page's reactive owner is gone, so it must
            // not read signals there; its language cannot change during one render anyway.
            #[cfg(feature = "ssr")]
            let locale = first_locale;
            #[cfg(not(feature = "ssr"))]
            let locale = i18n.locale();
            let app = locale.strings().app_name;
            if page.is_empty() { app.to_string() } else { format!("{page} · {app}") }
        } />
        <Meta name="description" content=i18n.t(|s| s.app_tagline) />
        <Meta name="theme-color" content="#0b57a4" />
        <Link rel="manifest" href="/manifest.webmanifest" />
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml" />
        <Link rel="apple-touch-icon" href="/icons/icon-192.png" />
        <Stylesheet id="leptos" href="/pkg/helpdesk.css" />
        <Router>
            <a class="skip-link" href="#main">{i18n.t(|s| s.skip_to_content)}</a>
            <Header />
            <IncidentBanner />
            <main id="main" class="container" tabindex="-1">
                // Pages that load data render whole before sending (SsrMode::Async), so they work
                // without JavaScript and can answer 404.
                <Routes fallback=NotFound>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/kb") view=KbIndexPage ssr=SsrMode::Async />
                    <Route path=path!("/kb/:slug") view=KbCategoryPage ssr=SsrMode::Async />
                    <Route path=path!("/articles/:slug") view=ArticlePage ssr=SsrMode::Async />
                    <Route path=path!("/search") view=SearchPage ssr=SsrMode::Async />
                    <Route path=path!("/diagnosis") view=DiagnosisPage ssr=SsrMode::Async />
                    <Route path=path!("/diagnosis/:slug") view=FlowIntroPage ssr=SsrMode::Async />
                    <Route path=path!("/diagnosis/run/:token") view=FlowRunPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/flows") view=FlowListPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/flows/edit") view=FlowEditorPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/flows/stats") view=FlowStatsPage ssr=SsrMode::Async />
                    <Route path=path!("/tickets/new") view=NewTicketPage ssr=SsrMode::Async />
                    <Route path=path!("/tickets/:number") view=TicketPage ssr=SsrMode::Async />
                    <Route path=path!("/tickets/:number/rate") view=RatePage ssr=SsrMode::Async />
                    <Route path=path!("/tickets") view=MyTicketsPage ssr=SsrMode::Async />
                    <Route path=path!("/staff") view=StaffPage ssr=SsrMode::Async />
                    <Route path=path!("/console") view=ConsolePage ssr=SsrMode::Async />
                    <Route path=path!("/staff/audit") view=AuditPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/settings") view=SettingsPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/complaints") view=ComplaintsPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/canned") view=CannedPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/teams") view=TeamsPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/incidents") view=IncidentsPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/notifications") view=NotificationsPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/drafts") view=DraftsPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/search") view=SearchInsightsPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/kb") view=EditorHomePage ssr=SsrMode::Async />
                    <Route path=path!("/staff/kb/edit") view=EditorPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/kb/review") view=ReviewPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/kb/history") view=HistoryPage ssr=SsrMode::Async />
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/register") view=RegisterPage ssr=SsrMode::Async />
                    <Route path=path!("/forgot") view=ForgotPage ssr=SsrMode::Async />
                    <Route path=path!("/reset") view=ResetPage ssr=SsrMode::Async />
                    <Route path=path!("/verify") view=VerifyPage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}
