//! The audit trail: what gets recorded, who may browse it, and `audit verify` catching edits.

mod common;

use common::{call, client, get_page, registered, staff, TestServer};
use serde_json::Value;

#[tokio::test]
async fn security_events_are_recorded_browsable_by_admins_and_tamper_evident() {
    let server = TestServer::start();
    let admin = staff(&server, "root@example.com", &["admin"]).await;
    staff(&server, "agent@example.com", &["agent"]).await;
    let failed = call(
        &client(),
        &server,
        "auth/login",
        &[
            ("form[email]", "agent@example.com"),
            ("form[password]", "a wrong password"),
        ],
    )
    .await;
    assert_eq!(failed.status(), 200);

    let res = call(&admin, &server, "staff/audit", &[]).await;
    let records: Vec<Value> = res.json().await.expect("json");
    let actions: Vec<&str> = records
        .iter()
        .filter_map(|r| r["entry"]["action"].as_str())
        .collect();
    for expected in [
        "staff.admin_created",
        "auth.register",
        "staff.roles",
        "auth.login",
        "auth.login_failed",
    ] {
        assert!(actions.contains(&expected), "{expected} in {actions:?}");
    }
    let roles = records
        .iter()
        .find(|r| r["entry"]["action"] == "staff.roles")
        .expect("role change");
    assert_eq!(roles["entry"]["actor_label"], "root@example.com");
    assert_eq!(roles["entry"]["target"], "agent@example.com");
    assert_eq!(roles["entry"]["detail"], " -> agent");
    assert_eq!(roles["entry"]["source_ip"], "127.0.0.1");

    // Filtering by action prefix and actor.
    let res = call(
        &admin,
        &server,
        "staff/audit",
        &[("action", "auth.login_failed")],
    )
    .await;
    let only: Vec<Value> = res.json().await.expect("json");
    assert!(
        !only.is_empty()
            && only
                .iter()
                .all(|r| r["entry"]["action"] == "auth.login_failed")
    );
    let (status, page) = get_page(&admin, server.url("/staff/audit?action=staff."), "en").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("staff.roles") && !page.contains("auth.login_failed"),
        "{page}"
    );
    let customer = registered(&server, "nosy@example.com", "Nosy").await;
    let (_, page) = get_page(&customer, server.url("/staff/audit"), "en").await;
    assert!(page.contains("You do not have permission") && !page.contains("staff.roles"));

    let (ok, out) = server.admin(&["audit", "verify"], "");
    assert!(ok, "{out}");
    assert!(out.contains("audit trail intact"), "{out}");

    // The database refuses edits; someone who drops the guard and edits a row is caught.
    let pool = server.db().await;
    let refused = sqlx::query("UPDATE audit_log SET actor_label = 'x' WHERE id = 2")
        .execute(&pool)
        .await;
    assert!(refused.is_err(), "the append-only trigger refuses edits");
    server.sql(drop_guard(&server, "audit_log_no_update")).await;
    server
        .sql("UPDATE audit_log SET actor_label = 'someone.else@example.com' WHERE id = 3")
        .await;
    let (ok, out) = server.admin(&["audit", "verify"], "");
    assert!(!ok, "{out}");
    assert!(out.contains("broken at record 3"), "{out}");
}

#[tokio::test]
async fn removing_a_record_breaks_the_chain_at_the_next_one() {
    let server = TestServer::start();
    for i in 0..3 {
        registered(&server, &format!("p{i}@example.com"), "P").await;
    }
    server.sql(drop_guard(&server, "audit_log_no_delete")).await;
    server.sql("DELETE FROM audit_log WHERE id = 2").await;
    let (ok, out) = server.admin(&["audit", "verify"], "");
    assert!(!ok && out.contains("broken at record 3"), "{out}");
}

#[tokio::test]
async fn admin_create_refuses_weak_passwords_and_duplicates() {
    let server = TestServer::start();
    let args = [
        "admin",
        "create",
        "--email",
        "boss@example.com",
        "--name",
        "Boss",
        "--password-stdin",
    ];
    let (ok, out) = server.admin(&args, "1234567890\n");
    assert!(!ok && out.contains("password was refused"), "{out}");
    let (ok, out) = server.admin(
        &[
            "admin",
            "create",
            "--email",
            "boss@example.com",
            "--name",
            "Boss",
        ],
        "",
    );
    assert!(ok, "{out}");
    let generated = out
        .lines()
        .find_map(|l| l.strip_prefix("password (shown once, change it after logging in): "))
        .expect("a generated password")
        .to_string();
    assert_eq!(generated.len(), 20);
    let res = call(
        &client(),
        &server,
        "auth/login",
        &[
            ("form[email]", "boss@example.com"),
            ("form[password]", &generated),
        ],
    )
    .await;
    let v: Value = res.json().await.expect("json");
    assert_eq!(v["Done"]["next"], "/staff", "admins land in the staff area");
    let (ok, out) = server.admin(&args, "another long password\n");
    assert!(!ok && out.contains("already exists"), "{out}");
}

/// The statement that removes the audit log's append-only guard on this server's database.
fn drop_guard(server: &TestServer, sqlite_trigger: &'static str) -> &'static str {
    if server.is_postgres() {
        "DROP TRIGGER audit_log_append_only ON audit_log"
    } else {
        match sqlite_trigger {
            "audit_log_no_update" => "DROP TRIGGER audit_log_no_update",
            _ => "DROP TRIGGER audit_log_no_delete",
        }
    }
}
