//! Request-level defences: cross-site request refusal and the default security headers.

use axum::extract::Request;
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

/// Refuses state-changing requests that a browser sent from another site: `Sec-Fetch-Site`,
/// then `Origin`, then `Referer` must name this host. Requests with none of them come from
/// programs, not from a victim's browser, and carry no ambient session to abuse.
pub async fn refuse_cross_site(req: Request, next: Next, public_url: String) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    if is_cross_site(req.headers(), &public_url) {
        tracing::warn!(path = %req.uri().path(), "refused a cross-site request");
        let body = "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>403</title>\
                    <h1>请求被拒绝</h1><p>该请求来自其他网站，已被拒绝。请在本站页面上重新操作。</p>\
                    <h1 lang=\"en\">Request refused</h1><p lang=\"en\">This request came from another \
                    site and was refused. Please try again from this site's own pages.</p></html>";
        return (StatusCode::FORBIDDEN, Html(body)).into_response();
    }
    next.run(req).await
}

/// Largest page the policy middleware reads to find its nonce.
const MAX_PAGE_BYTES: usize = 8 * 1024 * 1024;

/// Sets the Content-Security-Policy of every HTML page from the nonce its own inline scripts
/// carry. Reading the nonce from the body keeps header and page in agreement even when the
/// render could not reach its response options (seen under load: pages whose header lacked the
/// nonce, so the browser refused the hydration scripts).
pub async fn page_policy(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    if !html {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "could not read a page to set its policy");
            return (StatusCode::INTERNAL_SERVER_ERROR, "").into_response();
        }
    };
    let policy = app::csp::policy(page_nonce(&bytes));
    if let Ok(v) = header::HeaderValue::from_str(&policy) {
        parts.headers.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// The nonce of the first inline script of a page, if it has a well-formed one.
fn page_nonce(html: &[u8]) -> Option<&str> {
    const MARK: &[u8] = b" nonce=\"";
    let start = html.windows(MARK.len()).position(|w| w == MARK)? + MARK.len();
    let len = html[start..].iter().position(|b| *b == b'"')?;
    let nonce = std::str::from_utf8(&html[start..start + len]).ok()?;
    let valid = (16..=64).contains(&nonce.len())
        && nonce
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_+/=".contains(&b));
    valid.then_some(nonce)
}

/// True when the headers show the request was made by a page of another site.
pub fn is_cross_site(headers: &HeaderMap, public_url: &str) -> bool {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = get("sec-fetch-site") {
        if site == "cross-site" || site == "same-site" {
            return true;
        }
    }
    let host = get(header::HOST.as_str()).unwrap_or_default();
    let allowed = |url: &str| {
        let h = authority(url);
        !h.is_empty() && (h == host || (!public_url.is_empty() && h == authority(public_url)))
    };
    if let Some(origin) = get(header::ORIGIN.as_str()) {
        return !allowed(origin);
    }
    if let Some(referer) = get(header::REFERER.as_str()) {
        return !allowed(referer);
    }
    false
}

/// The `host:port` of a URL, or "" when it has none (e.g. `null`).
fn authority(url: &str) -> &str {
    url.split_once("://")
        .map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or_default())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn only_pages_of_this_site_may_post() {
        let own = [
            ("host", "help.example.com"),
            ("origin", "https://help.example.com"),
        ];
        assert!(!is_cross_site(&headers(&own), ""));
        let evil = [
            ("host", "help.example.com"),
            ("origin", "https://evil.example"),
        ];
        assert!(is_cross_site(&headers(&evil), ""));
        let null = [("host", "help.example.com"), ("origin", "null")];
        assert!(is_cross_site(&headers(&null), ""));
        let referer = [("host", "a:3000"), ("referer", "http://b:3000/x")];
        assert!(is_cross_site(&headers(&referer), ""));
        let fetch = [("host", "a"), ("sec-fetch-site", "cross-site")];
        assert!(is_cross_site(&headers(&fetch), ""));
        let proxied = [
            ("host", "10.0.0.5:3000"),
            ("origin", "https://help.example.com"),
        ];
        assert!(!is_cross_site(
            &headers(&proxied),
            "https://help.example.com"
        ));
        assert!(!is_cross_site(&headers(&[("host", "a")]), ""));
    }

    #[test]
    fn the_first_well_formed_nonce_is_found() {
        let page = br#"<head><script type="module" nonce="1sO3HHfbcAm2a6Bu31W3Mw">x</script>"#;
        assert_eq!(super::page_nonce(page), Some("1sO3HHfbcAm2a6Bu31W3Mw"));
        assert_eq!(super::page_nonce(b"<p>no scripts</p>"), None);
        assert_eq!(
            super::page_nonce(br#"<script nonce="a'; script-src *">"#),
            None
        );
    }
}
