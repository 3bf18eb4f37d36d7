//! The knowledge base as a folder of Markdown files: export, edit as in git, import back; a
//! folder with one bad file changes nothing.

mod common;

use common::{client, get_page, TestServer};
use reqwest::StatusCode;

#[tokio::test]
async fn exported_files_edited_and_imported_reach_readers_and_search() {
    let mut server = TestServer::start();
    let dir = server.dir.path().join("kb-export");
    let dir_arg = dir.display().to_string();
    let (ok, out) = server.admin(&["kb", "export", &dir_arg], "");
    assert!(ok, "{out}");
    assert!(out.contains("88 article texts"), "{out}");
    let wifi = std::fs::read_to_string(dir.join("wifi-slow.zh.md")).expect("exported file");
    assert!(
        wifi.starts_with("---\ncategory: network\nlanguage: zh\ntitle: 无线网络"),
        "{wifi}"
    );
    assert!(std::fs::read_to_string(dir.join("categories.txt"))
        .expect("categories")
        .contains("printers | 1 | 打印与扫描"));

    // Edited in git: one text changed, one article added in a new sub-category.
    std::fs::write(
        dir.join("wifi-slow.zh.md"),
        wifi.replace("靠近无线路由器", "先靠近无线路由器（AP）"),
    )
    .expect("edit");
    let mut categories = std::fs::read_to_string(dir.join("categories.txt")).expect("read");
    categories.push_str("badges | 9 | 门禁与考勤 | 门禁卡和考勤机。 | Badges | Door badges and time clocks. | hardware\n");
    std::fs::write(dir.join("categories.txt"), categories).expect("write");
    std::fs::write(
        dir.join("badge-reader.zh.md"),
        "---\ncategory: badges\nlanguage: zh\ntitle: 考勤机不识别工卡\nsummary: 先擦拭工卡芯片。\ntags: 考勤, 工卡\n---\n## 操作步骤\n1. 擦拭工卡芯片区域后重新刷卡。\n2. 仍不识别时到前台补办工卡。\n",
    )
    .expect("new file");

    // One bad file refuses the whole folder, naming it.
    std::fs::write(dir.join("broken.zh.md"), "no front matter").expect("bad file");
    let (ok, out) = server.admin(&["kb", "import", &dir_arg], "");
    assert!(!ok);
    assert!(
        out.contains("broken.zh.md: missing front matter") && out.contains("nothing imported"),
        "{out}"
    );
    std::fs::remove_file(dir.join("broken.zh.md")).expect("remove");

    let (ok, out) = server.admin(&["kb", "import", &dir_arg], "");
    assert!(ok, "{out}");
    assert!(out.contains("2 texts published, 87 unchanged"), "{out}");
    server.restart();
    let c = client();
    let (status, page) = get_page(&c, server.url("/articles/badge-reader"), "zh").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("补办工卡") && page.contains("门禁与考勤"));
    let (_, page) = get_page(&c, server.url("/articles/wifi-slow"), "zh").await;
    assert!(page.contains("先靠近无线路由器"));
    let (_, results) = get_page(&c, server.url("/search?q=考勤机不识别"), "zh").await;
    assert!(results.contains("考勤机不识别工卡"));

    // Importing the same folder again publishes nothing new.
    let (ok, out) = server.admin(&["kb", "import", &dir_arg], "");
    assert!(
        ok && out.contains("0 texts published, 89 unchanged"),
        "{out}"
    );
}
