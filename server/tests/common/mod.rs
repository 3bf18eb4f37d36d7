//! Starts the real server binary on a free port with a fresh database: a SQLite file, or, when
//! `TEST_DATABASE_URL` names a PostgreSQL server (as `scripts/test.sh` sets it for the second
//! run), a new database on it.

#![allow(dead_code)] // each test file uses a different part of the harness

pub mod databases;
pub mod flows;
pub mod kb;
pub mod live;
pub mod notify;
pub mod s3;

#[allow(unused_imports)] // each test file uses a different part of the harness
pub use databases::{fresh_database_url, postgres_admin_url, psql, venv_python};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running server; killed when dropped.
pub struct TestServer {
    child: Child,
    pub base: String,
    pub dir: tempfile::TempDir,
    env: Vec<(String, String)>,
    /// The server's `DATABASE_URL`.
    pub database_url: String,
    /// Whether dropping this server drops its PostgreSQL database (not for a second instance).
    owns_database: bool,
}

/// Runs `server serve --demo` on port 0 with its files in `dir`; waits for "listening on".
fn launch(dir: &std::path::Path, url: &str, env: &[(String, String)]) -> (Child, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_server"));
    cmd.args(["serve", "--demo", "--addr", "127.0.0.1:0"])
        .env("DATABASE_URL", url)
        .env("SEARCH_DIR", dir.join("search"))
        .env("MAIL_OUTBOX", dir.join("outbox"))
        .env("FILES_DIR", dir.join("files"))
        .env("LEPTOS_OUTPUT_NAME", "helpdesk")
        .env("MAX_BODY_BYTES", "65536")
        .env("RUST_LOG", "warn");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start the server binary");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("read the first line");
    let base = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
        .to_string();
    (child, base)
}

impl TestServer {
    /// Starts `server serve --demo` on port 0 and waits for its "listening on" line.
    pub fn start() -> TestServer {
        TestServer::start_with(&[])
    }

    /// Like [`TestServer::start`], with extra environment variables.
    pub fn start_with(env: &[(&str, &str)]) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let database_url = fresh_database_url(dir.path());
        let (child, base) = launch(dir.path(), &database_url, &env);
        TestServer {
            child,
            base,
            dir,
            env,
            database_url,
            owns_database: true,
        }
    }

    /// A second instance on `first`'s database and files folder, with its own search index and
    /// port: what a load balancer would put beside it.
    pub fn start_beside(first: &TestServer, env: &[(&str, &str)]) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        env.push((
            "FILES_DIR".into(),
            first.dir.path().join("files").display().to_string(),
        ));
        let (child, base) = launch(dir.path(), &first.database_url, &env);
        TestServer {
            child,
            base,
            dir,
            env,
            database_url: first.database_url.clone(),
            owns_database: false,
        }
    }

    /// Stops the server process (as a crash would: no clean shutdown).
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Asks the server to stop (SIGTERM), as an orchestrator does.
    pub fn terminate(&self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
    }

    /// Waits up to `limit` for the process to end; its exit code, or `None` if still running.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<i32> {
        let deadline = std::time::Instant::now() + limit;
        while std::time::Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// Starts the server again on the same files; it may get another port.
    pub fn restart(&mut self) {
        self.stop();
        let (child, base) = launch(self.dir.path(), &self.database_url, &self.env);
        self.child = child;
        self.base = base;
    }

    /// The path of the server's database file.
    pub fn db_path(&self) -> std::path::PathBuf {
        self.dir.path().join("portal.db")
    }

    /// Whether this server runs on PostgreSQL.
    pub fn is_postgres(&self) -> bool {
        self.database_url.starts_with("postgres")
    }

    /// A connection pool on the server's database, for tests that reach behind its back.
    pub async fn db(&self) -> sqlx::AnyPool {
        sqlx::any::install_default_drivers();
        sqlx::AnyPool::connect(&self.database_url)
            .await
            .expect("open the server's database")
    }

    /// Runs one SQL statement on the server's database; it must succeed.
    pub async fn sql(&self, statement: &str) {
        sqlx::query(statement)
            .execute(&self.db().await)
            .await
            .unwrap_or_else(|e| panic!("{statement}: {e}"));
    }

    /// An absolute URL on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Runs an admin command against this server's database; returns (success, stdout+stderr).
    pub fn admin(&self, args: &[&str], stdin: &str) -> (bool, String) {
        use std::io::Write;
        let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
            .args(args)
            .env("DATABASE_URL", &self.database_url)
            .env("SEARCH_DIR", self.dir.path().join("search"))
            .env("RUST_LOG", "warn")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the admin command");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin.as_bytes())
            .expect("write stdin");
        let out = child.wait_with_output().expect("admin command");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.success(), text)
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let (Some(admin), Some((_, name))) =
            (postgres_admin_url(), self.database_url.rsplit_once('/'))
        {
            if self.is_postgres() && self.owns_database {
                let _ = Command::new("psql")
                    .args([
                        &admin,
                        "-q",
                        "-c",
                        &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                    ])
                    .output();
            }
        }
    }
}

/// A client that keeps cookies and does not follow redirects, so tests can inspect them.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(20))
        .build()
        .expect("client")
}

/// GETs `url` asking for `lang`; returns the status and the body.
pub async fn get_page(
    c: &reqwest::Client,
    url: String,
    lang: &str,
) -> (reqwest::StatusCode, String) {
    let res = c
        .get(url)
        .header("Accept-Language", lang)
        .send()
        .await
        .expect("get");
    let status = res.status();
    (status, res.text().await.expect("body"))
}

/// A valid ticket form as `(name, value)` pairs, in the encoding an HTML form posts.
pub fn ticket_fields(subject: &str) -> Vec<(String, String)> {
    [
        ("contact_name", "王芳"),
        ("contact_email", "wang.fang@example.com"),
        ("organisation", "财务部"),
        ("subject", subject),
        (
            "description",
            "打印机无法识别，设备管理器中显示黄色感叹号。",
        ),
        ("category", "hardware"),
        ("priority", "important"),
        ("impact", "local"),
    ]
    .into_iter()
    .map(|(k, v)| (format!("form[{k}]"), v.to_string()))
    .chain([("locale".to_string(), "zh".to_string())])
    .collect()
}

/// Calls a server function the way the hydrated app does (URL-encoded body, JSON answer), from
/// a page of this site.
pub async fn call(
    c: &reqwest::Client,
    server: &TestServer,
    endpoint: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    c.post(server.url(&format!("/api/{endpoint}")))
        .header("Origin", server.base.clone())
        .header("Accept-Language", "en")
        .form(fields)
        .send()
        .await
        .expect("post")
}

/// Opens a ticket through the form's server function as `who`; returns its number and the
/// access key of its private link.
pub async fn open_ticket(
    server: &TestServer,
    who: &reqwest::Client,
    subject: &str,
) -> (String, String) {
    create_ticket(server, who, ticket_fields(subject)).await
}

/// Opens a ticket from form `fields` as `who`; returns its number and access key.
pub async fn create_ticket(
    server: &TestServer,
    who: &reqwest::Client,
    fields: Vec<(String, String)>,
) -> (String, String) {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let v: serde_json::Value = call(who, server, "tickets/create", &pairs)
        .await
        .json()
        .await
        .expect("json");
    let href = v["Created"]["href"]
        .as_str()
        .unwrap_or_else(|| panic!("not created: {v}"));
    let key = href
        .split("key=")
        .nth(1)
        .and_then(|k| k.split('&').next())
        .expect("key");
    let number = v["Created"]["number"].as_str().expect("number");
    (number.to_string(), key.to_string())
}

/// Posts `fields` to a server function as a browser without JavaScript does, from a page of
/// this site; returns where the server sends the browser next.
pub async fn plain_post(
    c: &reqwest::Client,
    server: &TestServer,
    endpoint: &str,
    fields: &[(&str, &str)],
) -> String {
    let res = c
        .post(server.url(&format!("/api/{endpoint}")))
        .header("Accept", "text/html")
        .header("Origin", server.base.clone())
        .form(fields)
        .send()
        .await
        .expect("post");
    res.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_string()
}

/// A good password for tests.
pub const PASSWORD: &str = "correct horse battery staple";

/// Registers `email` in a fresh client, which stays signed in.
pub async fn registered(server: &TestServer, email: &str, name: &str) -> reqwest::Client {
    let c = client();
    let res = call(
        &c,
        server,
        "auth/register",
        &[
            ("form[display_name]", name),
            ("form[email]", email),
            ("form[password]", PASSWORD),
            ("form[password_confirm]", PASSWORD),
            ("locale", "en"),
        ],
    )
    .await;
    assert_eq!(res.status(), reqwest::StatusCode::OK);
    let body: serde_json::Value = res.json().await.expect("json");
    assert!(body.get("Done").is_some(), "{body}");
    c
}

/// Signs `email` in with [`PASSWORD`] in a fresh client.
pub async fn signed_in(server: &TestServer, email: &str) -> reqwest::Client {
    signed_in_maybe(server, email)
        .await
        .unwrap_or_else(|| panic!("login of {email} failed"))
}

/// Creates a staff member holding `roles` (through the admin command and the staff page's
/// server function) and returns a client signed in as them.
pub async fn staff(server: &TestServer, email: &str, roles: &[&str]) -> reqwest::Client {
    let admin_email = "root@example.com";
    if signed_in_maybe(server, admin_email).await.is_none() {
        let (ok, out) = server.admin(
            &[
                "admin",
                "create",
                "--email",
                admin_email,
                "--name",
                "Root",
                "--password-stdin",
            ],
            &format!("{PASSWORD}\n"),
        );
        assert!(ok, "{out}");
    }
    if email == admin_email {
        return signed_in(server, email).await;
    }
    registered(server, email, "Staff").await;
    let admin = signed_in(server, admin_email).await;
    let mut fields = vec![("form[email]", email)];
    let keys: Vec<String> = roles.iter().map(|r| format!("form[{r}]")).collect();
    for k in &keys {
        fields.push((k.as_str(), "on"));
    }
    let res = call(&admin, server, "staff/set-roles", &fields).await;
    assert_eq!(res.status(), reqwest::StatusCode::OK);
    signed_in(server, email).await
}

async fn signed_in_maybe(server: &TestServer, email: &str) -> Option<reqwest::Client> {
    let c = client();
    let res = call(
        &c,
        server,
        "auth/login",
        &[("form[email]", email), ("form[password]", PASSWORD)],
    )
    .await;
    let body: serde_json::Value = res.json().await.ok()?;
    body.get("Done").map(|_| c)
}

/// Uploads `files` as `(name, bytes)` to the picker's server function; returns its JSON answer.
pub async fn upload(
    c: &reqwest::Client,
    server: &TestServer,
    files: Vec<(&str, Vec<u8>)>,
) -> serde_json::Value {
    let mut form = reqwest::multipart::Form::new();
    for (name, bytes) in files {
        form = form.part(
            "files",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
        );
    }
    let res = c
        .post(server.url("/api/tickets/upload"))
        .header("Origin", server.base.clone())
        .header("Accept-Language", "en")
        .multipart(form)
        .send()
        .await
        .expect("upload");
    assert_eq!(res.status(), reqwest::StatusCode::OK);
    res.json().await.expect("json")
}

/// The token of the one file an upload staged.
pub fn staged_token(answer: &serde_json::Value) -> String {
    answer[0]["Staged"]["token"]
        .as_str()
        .unwrap_or_else(|| panic!("not staged: {answer}"))
        .to_string()
}

/// The ticket page's data as `who` sees it.
pub async fn view(
    server: &TestServer,
    who: &reqwest::Client,
    number: &str,
    key: &str,
) -> serde_json::Value {
    let res = call(
        who,
        server,
        "tickets/view",
        &[("number", number), ("key", key)],
    )
    .await;
    assert_eq!(res.status(), reqwest::StatusCode::OK);
    res.json().await.expect("json")
}

pub fn revision(v: &serde_json::Value) -> String {
    v["ticket"]["work"]["revision"]
        .as_i64()
        .expect("revision")
        .to_string()
}

/// Posts a lifecycle step; returns the status and the body.
pub async fn act(
    server: &TestServer,
    who: &reqwest::Client,
    number: &str,
    key: &str,
    action: &str,
    revision: &str,
) -> (reqwest::StatusCode, String) {
    let res = call(
        who,
        server,
        "tickets/act",
        &[
            ("form[number]", number),
            ("form[key]", key),
            ("form[action]", action),
            ("form[revision]", revision),
        ],
    )
    .await;
    let status = res.status();
    (status, res.text().await.expect("body"))
}
