//! The Content-Security-Policy: scripts only from this site or with this response's nonce, wasm
//! allowed to compile, no framing, no plug-ins.

/// The policy header value; `nonce` admits the page's inline hydration scripts.
pub fn policy(nonce: Option<&str>) -> String {
    let nonce = nonce.map(|n| format!(" 'nonce-{n}'")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{nonce}; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Puts the policy with this render's nonce on the page response (server only).
#[cfg(feature = "ssr")]
pub fn set_page_policy() {
    use axum::http::{header, HeaderValue};
    let nonce = leptos::nonce::use_nonce();
    let value = policy(nonce.as_deref());
    if let (Some(res), Ok(v)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(&value),
    ) {
        res.insert_header(header::CONTENT_SECURITY_POLICY, v);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn inline_scripts_need_the_nonce() {
        let p = super::policy(Some("abc"));
        assert!(p.contains("script-src 'self' 'wasm-unsafe-eval' 'nonce-abc';"));
        assert!(!p.contains("unsafe-inline"));
        assert!(p.contains("frame-ancestors 'none'"));
    }
}
