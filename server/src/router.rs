//! The HTTP side: Leptos pages and server functions, static files, limits and error pages.

use crate::config::Config;
use crate::store::SqlStore;
use anyhow::Context;
use app::api::tickets::file::Copy;
use app::app::{shell, App};
use app::domain::rate_limit::Limits;
use app::domain::session::SessionPolicy;
use app::ports::{Search, Services};
use axum::body::Body;
use axum::extract::{Path, Query, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::sync::Arc;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

/// Builds the application router around the given services.
pub fn app(
    options: LeptosOptions,
    services: Services,
    live: Live,
    max_body_bytes: usize,
) -> Router {
    let public_url = services.public_url.clone();
    let routes = generate_route_list(App);
    let context = {
        let services = services.clone();
        move || provide_context(services.clone())
    };
    let shell_options = options.clone();
    let file_services = services.clone();
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", {
            let store = live.store.clone();
            get(move || crate::ops::readyz(store.clone()))
        })
        .route("/metrics", {
            let store = live.store.clone();
            let token = live.metrics_token.clone();
            get(move |headers| crate::ops::metrics(store.clone(), token.clone(), headers))
        })
        .route(
            "/events",
            get({
                let s = services.clone();
                move |headers, query| {
                    crate::notify::live::stream(
                        s.clone(),
                        live.hub.clone(),
                        live.store.clone(),
                        headers,
                        query,
                    )
                }
            }),
        )
        .nest("/api/v1", crate::rest::router(services.clone()))
        .route(
            "/files/{id}",
            get({
                let s = file_services.clone();
                move |path, query, headers| file(s.clone(), path, query, headers, Copy::Original)
            }),
        )
        .route(
            "/kb-images/{id}",
            get({
                let s = file_services.clone();
                move |Path(id): Path<i64>| app::api::editor::serve_kb_image(s.clone(), id)
            }),
        )
        .route(
            "/files/{id}/display",
            get(move |path, query, headers| {
                file(file_services.clone(), path, query, headers, Copy::Display)
            }),
        )
        .leptos_routes_with_context(&options, routes, context.clone(), move || {
            shell(shell_options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context(
            context, shell,
        ))
        .layer(middleware::from_fn(move |req, next| {
            limit_body(req, next, max_body_bytes)
        }))
        .layer(middleware::from_fn(move |req, next| {
            crate::security::refuse_cross_site(req, next, public_url.clone())
        }))
        .layer(middleware::from_fn(crate::security::page_policy))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&app::csp::policy(None))
                .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'")),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(CatchPanicLayer::custom(|_| server_error_page()))
        .layer(middleware::from_fn(crate::ops::count))
        .with_state(options)
}

/// What the live stream and the operations endpoints need: the hub, the store it reads missed
/// notices from, and the token `/metrics` asks for (empty: none).
#[derive(Clone)]
pub struct Live {
    pub hub: Arc<crate::notify::live::LiveHub>,
    pub store: SqlStore,
    pub metrics_token: String,
}

/// Server functions that take files, with their larger body limit.
const UPLOAD_PATHS: [&str; 2] = ["/api/tickets/upload", "/api/editor/image"];

/// Server functions that take a whole article: URL-encoded Chinese takes nine bytes a character.
const ARTICLE_PATHS: [&str; 2] = ["/api/editor/save", "/api/editor/preview"];

/// Limits request bodies (larger for uploads and articles) and answers 413 with a readable page before
/// reading a body that announces itself too large. An upload that is not multipart is
/// refused here, before the server function's decoder (which would panic) sees it.
async fn limit_body(req: Request, next: Next, max: usize) -> Response {
    let upload = UPLOAD_PATHS.contains(&req.uri().path());
    let limit = if upload {
        app::domain::attachment::MAX_MESSAGE_BYTES + 1024 * 1024
    } else if ARTICLE_PATHS.contains(&req.uri().path()) {
        (app::domain::review::MAX_BODY_BYTES * 3 + 64 * 1024).max(max)
    } else {
        max
    };
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if announced.is_some_and(|len| len > limit) {
        let kib = limit / 1024;
        let body = format!(
            "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>413</title>\
             <h1>提交的内容过大</h1><p>请求不能超过 {kib} KiB。请缩短内容后重试。</p>\
             <h1 lang=\"en\">Request too large</h1><p lang=\"en\">Requests may be at most {kib} KiB. \
             Please shorten what you sent and try again.</p></html>"
        );
        return (StatusCode::PAYLOAD_TOO_LARGE, Html(body)).into_response();
    }
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data") && v.contains("boundary="));
    if upload && !multipart {
        return (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "请以 multipart/form-data 上传文件 · Upload files as multipart/form-data",
        )
            .into_response();
    }
    let (parts, body) = req.into_parts();
    let limited = Body::new(http_body_util::Limited::new(body, limit));
    next.run(Request::from_parts(parts, limited)).await
}

/// Query of a file link: the guest's ticket key, if any.
#[derive(serde::Deserialize)]
struct FileQuery {
    #[serde(default)]
    key: String,
}

/// Serves an attachment to whoever may open its ticket.
async fn file(
    services: Services,
    Path(id): Path<i64>,
    Query(q): Query<FileQuery>,
    headers: axum::http::HeaderMap,
    copy: Copy,
) -> Response {
    app::api::tickets::file::serve_file(services, headers, id, copy, q.key).await
}

/// A bilingual error page that says nothing about the cause (which is logged).
fn server_error_page() -> Response<Body> {
    tracing::error!("a request handler panicked");
    let body = "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>500</title>\
                <h1>出错了</h1><p>服务器出现错误，请稍后再试。</p>\
                <h1 lang=\"en\">Something went wrong</h1><p lang=\"en\">An error occurred on our side. \
                Please try again in a moment.</p><p><a href=\"/\">首页 · Home</a></p></html>";
    (StatusCode::INTERNAL_SERVER_ERROR, Html(body)).into_response()
}

/// Serves the portal until Ctrl-C or SIGTERM, finishing requests in flight.
pub async fn serve(
    config: Config,
    store: SqlStore,
    addr: Option<std::net::SocketAddr>,
) -> anyhow::Result<()> {
    let conf = get_configuration(None).context("cannot read the Leptos configuration")?;
    let mut options = conf.leptos_options;
    if let Some(addr) = addr {
        options.site_addr = addr;
    }
    let started = std::time::Instant::now();
    let dir = config
        .search_dir
        .clone()
        .unwrap_or_else(|| crate::search::default_dir(&config.database_url));
    let (search, indexed) = crate::search::SearchIndex::open(&dir, store.clone())
        .await
        .with_context(|| format!("cannot open the search index in {}", dir.display()))?;
    if indexed > 0 {
        tracing::info!(
            "search index rebuilt: {indexed} texts in {} ms",
            started.elapsed().as_millis()
        );
    }
    let search = Arc::new(search);
    if store.backend() == crate::store::Backend::Postgres {
        // Other instances may change the knowledge base; follow them.
        search.clone().follow(std::time::Duration::from_secs(1));
    }
    let services = services(&config, store.clone(), search)?;
    let listener = tokio::net::TcpListener::bind(options.site_addr)
        .await
        .with_context(|| format!("cannot listen on {}", options.site_addr))?;
    let local = listener.local_addr()?;
    store.listen_for_notices();
    start_notifications(&config, &store, local).await?;
    let live = Live {
        hub: crate::notify::live::LiveHub::start(store.clone())
            .await
            .context("cannot start the live event hub")?,
        store,
        metrics_token: config.metrics_token.clone(),
    };
    crate::jobs::spawn(
        services.store.clone(),
        services.files.clone(),
        std::time::Duration::from_secs(config.sweep_seconds.max(1)),
    );
    let hub = live.hub.clone();
    let router = app(options, services, live, config.max_body_bytes);
    // Tests and scripts read this line to find the port.
    println!("listening on http://{local}");
    tracing::info!("listening on http://{local}");
    let make = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, make)
        .with_graceful_shutdown(async move {
            shutdown_signal().await;
            tracing::info!("shutting down: finishing requests in flight");
            hub.close();
        })
        .await
        .context("server error")
}

/// Starts the outbox worker with the configured mail transport.
async fn start_notifications(
    config: &Config,
    store: &SqlStore,
    local: std::net::SocketAddr,
) -> anyhow::Result<()> {
    use crate::notify::mail::{MailTransport, SmtpSettings};
    let smtp = SmtpSettings {
        host: config.smtp_host.clone(),
        port: config.smtp_port,
        tls: config.smtp_tls,
        user: config.smtp_user.clone(),
        password: config.smtp_password.clone(),
    };
    let transport = MailTransport::new(&smtp, config.mail_outbox.clone())
        .context("cannot set up the SMTP transport")?;
    let base_url = if config.public_url.is_empty() {
        format!("http://{local}")
    } else {
        config.public_url.trim_end_matches('/').to_string()
    };
    let notify = crate::notify::NotifyConfig {
        base_url,
        from: config.mail_from.clone(),
        retry_base_ms: config.notify_retry_ms.max(1),
        lease_ms: config.notify_lease_seconds.max(1) * 1000,
        transport,
    };
    crate::notify::spawn(store.clone(), Arc::new(notify));
    Ok(())
}

/// The services every request gets, from the configuration.
pub fn services(
    config: &Config,
    store: SqlStore,
    search: Arc<dyn Search>,
) -> anyhow::Result<Services> {
    let files = if config.files_s3_bucket.is_empty() {
        crate::files::FileStore::new(&config.files_dir)
    } else {
        crate::files::FileStore::s3(&config.files_s3_bucket)
            .map_err(|e| anyhow::anyhow!("cannot use the files bucket: {e}"))?
    };
    Ok(Services {
        store: Arc::new(store),
        search,
        files: Arc::new(files),
        sessions: SessionPolicy {
            idle: chrono::Duration::minutes(config.session_idle_minutes.max(1)),
            absolute: chrono::Duration::hours(config.session_absolute_hours.max(1)),
        },
        limits: Limits::scaled(config.rate_limit_factor),
        limiter: Default::default(),
        secure_cookies: config.secure_cookies,
        trust_proxy: config.trust_proxy,
        public_url: config.public_url.clone(),
    })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
