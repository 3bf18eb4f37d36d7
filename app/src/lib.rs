//! The IT self-service portal: pages, components, server functions and the domain they share.
// Leptos view types nest deeply; the editor pages pass the default limit in the wasm build.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod components;
pub mod csp;
pub mod domain;
pub mod i18n;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod markdown;
#[cfg(feature = "ssr")]
pub mod ports;

/// Entry point of the wasm bundle: hydrates the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
