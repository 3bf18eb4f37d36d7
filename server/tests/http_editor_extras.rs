//! Article images and related articles over real HTTP, and readers' comments for editors.

mod common;

use common::kb::{open_version, review, submit};
use common::{call, client, get_page, staff, TestServer};
use reqwest::StatusCode;
use serde_json::Value;

/// Uploads one image for an article as `who`; returns the status and the body.
async fn upload_image(
    server: &TestServer,
    who: &reqwest::Client,
    name: &str,
    bytes: Vec<u8>,
) -> (StatusCode, String) {
    let form = reqwest::multipart::Form::new().part(
        "image",
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
    );
    let res = who
        .post(server.url("/api/editor/image"))
        .header("Origin", server.base.clone())
        .header("Accept-Language", "en")
        .multipart(form)
        .send()
        .await
        .expect("upload");
    (res.status(), res.text().await.expect("body"))
}

#[tokio::test]
async fn editors_put_images_in_articles_and_see_what_readers_said() {
    let server = TestServer::start();
    let author = staff(&server, "author@example.com", &["editor"]).await;
    let img = image::RgbImage::from_fn(2400, 1200, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut png = std::io::Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png)
        .expect("encode");
    let png = png.into_inner();

    let (status, _) = upload_image(&server, &client(), "panel.png", png.clone()).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "only editors upload");
    let (status, body) =
        upload_image(&server, &author, "setup.exe", b"MZ\x90\x00program".to_vec()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("Only JPEG, PNG, GIF and WebP"), "{body}");
    let mut huge = png.clone();
    huge.resize(5 * 1024 * 1024 + 1, 0);
    let (status, body) = upload_image(&server, &author, "huge.png", huge).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("larger than 5 MB"), "{body}");

    let (status, body) = upload_image(&server, &author, "打印机面板.png", png).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let markdown: String = serde_json::from_str(&body).expect("json");
    let id = markdown
        .split("/kb-images/")
        .nth(1)
        .and_then(|rest| rest.strip_suffix(')'))
        .expect("image link");
    assert!(
        markdown.starts_with("![打印机面板](/kb-images/"),
        "{markdown}"
    );
    // Anyone can load it (it is public once an article shows it): a display copy, re-encoded.
    let res = client()
        .get(server.url(&format!("/kb-images/{id}")))
        .send()
        .await
        .expect("get");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "image/jpeg");
    let shown = image::load_from_memory(&res.bytes().await.expect("bytes")).expect("decodes");
    assert_eq!((shown.width(), shown.height()), (1600, 800));
    let preview = call(&author, &server, "editor/preview", &[("body", &markdown)]).await;
    let html: String = preview.json().await.expect("json");
    assert!(
        html.contains(&format!("<img src=\"/kb-images/{id}\"")),
        "{html}"
    );

    // Readers' comments reach the editors.
    call(
        &client(),
        &server,
        "kb/feedback",
        &[
            ("slug", "wifi-slow"),
            ("locale", "zh"),
            ("helpful", "false"),
            ("comment", "5 GHz 网络找不到"),
        ],
    )
    .await;
    let (_, page) = get_page(
        &author,
        server.url("/staff/kb/history?slug=wifi-slow&lang=zh"),
        "zh",
    )
    .await;
    assert!(
        page.contains("读者反馈") && page.contains("5 GHz 网络找不到"),
        "{page}"
    );
}

#[tokio::test]
async fn editors_choose_related_articles_that_must_exist() {
    let server = TestServer::start();
    let author = staff(&server, "author@example.com", &["editor"]).await;
    let reviewer = staff(&server, "reviewer@example.com", &["editor"]).await;
    let save_with = |related: &'static str| {
        let (author, server) = (author.clone(), &server);
        async move {
            call(
                &author,
                server,
                "editor/save",
                &[
                    ("form[slug]", "badge-reader"),
                    ("form[new]", "false"),
                    ("form[locale]", "zh"),
                    ("form[category]", "hardware"),
                    ("form[related]", related),
                    ("form[title]", "考勤机不识别工卡"),
                    ("form[body]", "擦拭工卡芯片后重新刷卡。"),
                ],
            )
            .await
        }
    };
    let res = save_with("wifi-slow, no-such-article").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res.text().await.expect("body").contains("existing article"));
    assert_eq!(
        save_with("blue-screen, wifi-slow").await.status(),
        StatusCode::OK
    );
    let open = open_version(&server, &author, "badge-reader").await;
    let v = open["version"].as_i64().expect("version");
    submit(&server, &author, "badge-reader", v).await;
    review(&server, &reviewer, "badge-reader", v, true, "").await;
    let res = call(
        &client(),
        &server,
        "kb/article",
        &[("slug", "badge-reader"), ("locale", "zh")],
    )
    .await;
    let article: Value = res.json().await.expect("json");
    let related: Vec<&str> = article["extras"]["related"]
        .as_array()
        .expect("related")
        .iter()
        .filter_map(|r| r["slug"].as_str())
        .collect();
    assert_eq!(
        &related[..2],
        ["blue-screen", "wifi-slow"],
        "chosen ones first, in order"
    );
    let res = call(
        &author,
        &server,
        "editor/form",
        &[("slug", "badge-reader"), ("locale", "zh")],
    )
    .await;
    let form: Value = res.json().await.expect("json");
    assert_eq!(form["related"], "blue-screen, wifi-slow");
}
