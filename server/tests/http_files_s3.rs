//! Attachments in an S3-compatible bucket (FILES_S3_BUCKET): stored there, served back whole,
//! nothing written to the local files folder.

mod common;

use common::s3::S3;
use common::{client, create_ticket, staged_token, ticket_fields, upload, view, TestServer};
use reqwest::StatusCode;

#[tokio::test]
async fn a_photo_is_kept_in_the_bucket_and_served_from_it() {
    let s3 = S3::start("helpdesk-files").await;
    let env = s3.env();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let server = TestServer::start_with(&env);
    let guest = client();
    let mut png = std::io::Cursor::new(Vec::new());
    image::RgbImage::from_fn(800, 600, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    })
    .write_to(&mut png, image::ImageFormat::Png)
    .expect("encode");
    let original = png.into_inner();
    let staged = upload(&guest, &server, vec![("IMG_0002.png", original.clone())]).await;
    let mut fields = ticket_fields("投影仪无信号");
    fields.push(("attachments".into(), staged_token(&staged)));
    let (number, key) = create_ticket(&server, &guest, fields).await;

    let keys = s3.keys().await;
    assert_eq!(keys.len(), 2, "the photo and its display copy: {keys:?}");
    assert!(keys.iter().any(|k| k.ends_with("-d")), "{keys:?}");
    assert!(
        !server.dir.path().join("files").exists(),
        "nothing in the local folder"
    );

    let page = view(&server, &guest, &number, &key).await;
    let href = page["events"][0]["attachments"][0]["href"]
        .as_str()
        .expect("href")
        .to_string();
    let res = guest.get(server.url(&href)).send().await.expect("get");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.bytes().await.expect("bytes").as_ref(),
        original.as_slice()
    );
    let preview = page["events"][0]["attachments"][0]["preview_href"]
        .as_str()
        .expect("preview");
    let res = guest.get(server.url(preview)).send().await.expect("get");
    assert_eq!(res.headers()["content-type"], "image/jpeg");
}
