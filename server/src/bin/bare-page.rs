//! Benchmark baseline: a bare axum handler that returns fixed bytes, to compare SSR against.
//! Usage: bare-page FILE ADDR

use axum::response::Html;
use axum::routing::get;
use axum::Router;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(file), Some(addr)) = (args.next(), args.next()) else {
        anyhow::bail!("usage: bare-page FILE ADDR");
    };
    let body: &'static str = Box::leak(std::fs::read_to_string(file)?.into_boxed_str());
    let app = Router::new().fallback(get(move || async move { Html(body) }));
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app).await?;
    Ok(())
}
