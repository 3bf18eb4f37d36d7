//! Attachments over real HTTP: staged by content, attached with the message, served only to
//! those who may open the ticket, downscaled for display.

mod common;

use common::{
    call, client, create_ticket, open_ticket, staff, staged_token, ticket_fields, upload, view,
    TestServer,
};
use reqwest::StatusCode;

/// A camera-sized PNG photo.
fn photo(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("encode");
    out.into_inner()
}

/// Opens a ticket carrying staged files; returns number and key.
async fn ticket_with(server: &TestServer, c: &reqwest::Client, tokens: &str) -> (String, String) {
    let mut fields = ticket_fields("打印机照片");
    fields.push(("attachments".into(), tokens.into()));
    create_ticket(server, c, fields).await
}

#[tokio::test]
async fn a_photo_goes_with_the_ticket_and_only_its_people_see_it() {
    let server = TestServer::start();
    let guest = client();
    let original = photo(3000, 2000);
    let staged = upload(&guest, &server, vec![("IMG_0001.png", original.clone())]).await;
    assert_eq!(staged[0]["Staged"]["kind"], "png", "{staged}");
    let (number, key) = ticket_with(&server, &guest, &staged_token(&staged)).await;

    let page = view(&server, &guest, &number, &key).await;
    let file = &page["events"][0]["attachments"][0];
    assert_eq!(file["name"], "IMG_0001.png");
    assert_eq!(file["size"], original.len() as i64);
    let href = file["href"].as_str().expect("href");
    assert!(href.ends_with(&format!("?key={key}")), "{href}");

    let res = guest.get(server.url(href)).send().await.expect("get");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "image/png");
    assert_eq!(
        res.bytes().await.expect("bytes").as_ref(),
        original.as_slice()
    );

    let preview = file["preview_href"].as_str().expect("preview");
    let res = guest.get(server.url(preview)).send().await.expect("get");
    assert_eq!(res.headers()["content-type"], "image/jpeg");
    let shown = image::load_from_memory(&res.bytes().await.expect("bytes")).expect("jpeg");
    assert_eq!((shown.width(), shown.height()), (1600, 1067));

    // Without the key, with another ticket's key, or as another customer: not found.
    let bare = href.split('?').next().expect("path");
    let res = client().get(server.url(bare)).send().await.expect("get");
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let (_, other_key) = open_ticket(&server, &client(), "另一张工单").await;
    let res = client()
        .get(server.url(&format!("{bare}?key={other_key}")))
        .send()
        .await
        .expect("get");
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // A token already used attaches nothing a second time.
    let (again, again_key) = ticket_with(&server, &guest, &staged_token(&staged)).await;
    let page = view(&server, &guest, &again, &again_key).await;
    assert_eq!(page["events"][0]["attachments"], serde_json::json!([]));

    // Staff see it without a key.
    let agent = staff(&server, "agent@example.com", &["agent"]).await;
    let res = agent.get(server.url(bare)).send().await.expect("get");
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn disguised_oversize_and_wrong_files_are_refused_with_the_reason() {
    let server = TestServer::start();
    let c = client();
    let answer = upload(
        &c,
        &server,
        vec![
            (
                "holiday.jpg",
                b"MZ\x90\x00\x03\x00\x00\x00\x04\x00".to_vec(),
            ),
            ("archive.pdf", b"PK\x03\x04not a pdf".to_vec()),
            ("huge.log", vec![b'a'; 15 * 1024 * 1024 + 1]),
            ("fake.png", b"\x89PNG\r\n\x1a\nbroken".to_vec()),
            (
                "vpn.log",
                "2026-11-29 09:00 连接失败 error 809\n".as_bytes().to_vec(),
            ),
        ],
    )
    .await;
    let problems: Vec<&str> = answer
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|r| r["Refused"]["problem"].as_str())
        .collect();
    assert_eq!(
        problems,
        ["program", "unsupported", "too_large", "unsupported"]
    );
    assert_eq!(answer[4]["Staged"]["kind"], "text", "{answer}");
    assert_eq!(answer[0]["Refused"]["name"], "holiday.jpg");

    // A sixth file in one upload is over the limit.
    let many: Vec<(&str, Vec<u8>)> = (0..6).map(|_| ("a.txt", b"log line\n".to_vec())).collect();
    let answer = upload(&c, &server, many).await;
    assert_eq!(answer[5]["Refused"]["problem"], "too_many", "{answer}");

    // Not multipart at all: a clear refusal, not a crash.
    let res = call(&c, &server, "tickets/upload", &[("files", "x")]).await;
    assert_eq!(res.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test]
async fn a_reply_carries_files_to_the_customer() {
    let server = TestServer::start();
    let guest = client();
    let (number, key) = open_ticket(&server, &guest, "VPN 断开").await;
    let agent = staff(&server, "agent@example.com", &["agent"]).await;
    let log = upload(
        &agent,
        &server,
        vec![("steps.txt", b"1. reinstall\n2. reboot\n".to_vec())],
    )
    .await;
    let res = call(
        &agent,
        &server,
        "tickets/reply",
        &[
            ("number", &number),
            ("body", "请按附件步骤操作。"),
            ("attachments", &staged_token(&log)),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let page = view(&server, &guest, &number, &key).await;
    let reply = page["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["kind"] == "reply")
        .expect("reply");
    let href = reply["attachments"][0]["href"].as_str().expect("href");
    let res = guest.get(server.url(href)).send().await.expect("get");
    assert_eq!(res.headers()["content-type"], "text/plain; charset=utf-8");
    assert_eq!(res.text().await.expect("text"), "1. reinstall\n2. reboot\n");

    // Six tokens in one message are refused before anything is written.
    let six = ["0123456789abcdef0123456789abcdef"; 6].join(",");
    let res = call(
        &guest,
        &server,
        "tickets/reply",
        &[
            ("number", &number),
            ("key", &key),
            ("body", "more"),
            ("attachments", &six),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}
