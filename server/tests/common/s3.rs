//! An S3-compatible object store for tests: moto's server (PyPI), in a virtualenv made on first
//! use, on a free port.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running S3 endpoint with one bucket; stopped when dropped.
pub struct S3 {
    child: Child,
    pub endpoint: String,
    pub bucket: String,
}

impl S3 {
    /// Starts the server and creates `bucket`.
    pub async fn start(bucket: &str) -> S3 {
        let python = super::venv_python("test-venv-s3", "moto.server", "moto[server]==5.1.22");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let child = Command::new(python)
            .args([
                "-m",
                "moto.server",
                "-H",
                "127.0.0.1",
                "-p",
                &port.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start moto");
        let endpoint = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        let mut created = false;
        for _ in 0..100 {
            if let Ok(r) = http.put(format!("{endpoint}/{bucket}")).send().await {
                created = r.status().is_success();
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(created, "could not create the bucket");
        S3 {
            child,
            endpoint,
            bucket: bucket.to_string(),
        }
    }

    /// The server's environment for this bucket.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("FILES_S3_BUCKET", self.bucket.clone()),
            ("AWS_ENDPOINT", self.endpoint.clone()),
            ("AWS_ALLOW_HTTP", "true".into()),
            ("AWS_REGION", "us-east-1".into()),
            ("AWS_ACCESS_KEY_ID", "test".into()),
            ("AWS_SECRET_ACCESS_KEY", "test".into()),
        ]
    }

    /// The keys of every object in the bucket (its list answer, parsed for `<Key>`).
    pub async fn keys(&self) -> Vec<String> {
        let xml = reqwest::get(format!("{}/{}?list-type=2", self.endpoint, self.bucket))
            .await
            .expect("list")
            .text()
            .await
            .expect("text");
        xml.split("<Key>")
            .skip(1)
            .filter_map(|s| s.split("</Key>").next().map(str::to_string))
            .collect()
    }
}

impl Drop for S3 {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
