//! The store on a real database (a SQLite file, or PostgreSQL under `TEST_DATABASE_URL`):
//! migrations, the append-only timeline, start-up failures.

mod common;

use app::domain::ticket::{Category, Impact, NewTicket, Priority};
use app::i18n::Locale;
use app::ports::{Store, TicketInsert, TicketStore};
use server::store::SqlStore;

fn insert(subject: &str) -> TicketInsert {
    let now = chrono::Utc::now();
    TicketInsert {
        ticket: NewTicket {
            contact_name: "Ada".into(),
            contact_email: "ada@example.com".into(),
            contact_phone: None,
            organisation: None,
            subject: subject.into(),
            description: "The network drive is unreachable since 9:00.".into(),
            started: Some("09:00".into()),
            device: None,
            software_version: None,
            category: Category::Network,
            priority: Priority::Urgent,
            impact: Impact::Global,
        },
        locale: Locale::En,
        access_hash: "ab".repeat(32),
        link: String::new(),
        requester_id: None,
        created_at: now,
        first_response_due: now + chrono::Duration::minutes(30),
        resolve_due: now + chrono::Duration::hours(8),
        targets: app::domain::sla::Targets {
            respond_minutes: 30,
            resolve_minutes: 480,
        },
        files: Vec::new(),
    }
}

async fn fresh_store(dir: &tempfile::TempDir) -> SqlStore {
    let url = common::fresh_database_url(dir.path());
    let store = SqlStore::open(&url).await.expect("open");
    store.migrate().await.expect("migrate");
    store
}

#[tokio::test]
async fn migrations_are_idempotent_and_sqlite_runs_in_wal_mode() {
    let dir = tempfile::tempdir().expect("dir");
    let store = fresh_store(&dir).await;
    store.migrate().await.expect("second run is a no-op");
    if store.backend() == server::store::Backend::Postgres {
        return;
    }
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(store.pool())
        .await
        .expect("pragma");
    assert_eq!(mode, "wal");
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(store.pool())
        .await
        .expect("pragma");
    assert_eq!(fk, 1);
}

#[tokio::test]
async fn a_ticket_is_stored_with_its_first_event_and_the_timeline_cannot_be_rewritten() {
    let dir = tempfile::tempdir().expect("dir");
    let store = fresh_store(&dir).await;
    let number = store
        .create_ticket(insert("Network drive down"))
        .await
        .expect("create");
    let stored = store.ticket(&number).await.expect("read").expect("present");
    assert_eq!(stored.view.subject, "Network drive down");
    assert_eq!(stored.view.impact, Impact::Global);

    let events: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ticket_events")
        .fetch_one(store.pool())
        .await
        .expect("count");
    assert_eq!(events, 1);
    let edit = sqlx::query("UPDATE ticket_events SET body = 'forged'")
        .execute(store.pool())
        .await;
    assert!(edit
        .expect_err("update refused")
        .to_string()
        .contains("append-only"));
    let delete = sqlx::query("DELETE FROM ticket_events")
        .execute(store.pool())
        .await;
    assert!(delete
        .expect_err("delete refused")
        .to_string()
        .contains("append-only"));
}

#[tokio::test]
async fn a_database_that_cannot_be_migrated_stops_the_server_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("broken.db");
    std::fs::write(
        &path,
        b"this is not an SQLite database, just text that is long enough to be read",
    )
    .expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env("DATABASE_URL", format!("sqlite://{}", path.display()))
        .env("LEPTOS_OUTPUT_NAME", "helpdesk")
        .output()
        .expect("run");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("error:"), "{stderr}");
    assert!(
        stderr.contains("the database could not be brought up to date")
            || stderr.contains("cannot open the database"),
        "{stderr}"
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).is_empty(),
        "never started listening"
    );
}

#[tokio::test]
async fn drafts_expire() {
    let dir = tempfile::tempdir().expect("dir");
    let store = fresh_store(&dir).await;
    let now = chrono::Utc::now();
    store
        .save_draft(
            "a".repeat(32).as_str(),
            "{}",
            now + chrono::Duration::hours(1),
        )
        .await
        .expect("save");
    assert!(store
        .draft(&"a".repeat(32), now)
        .await
        .expect("read")
        .is_some());
    assert!(store
        .draft(&"a".repeat(32), now + chrono::Duration::hours(2))
        .await
        .expect("read")
        .is_none());
}

#[tokio::test]
async fn a_change_on_a_stale_revision_writes_nothing() {
    use app::domain::ticket::{EventChange, EventKind, Status};
    use app::ports::{ChangeOutcome, NewTicketEvent, TicketChange};
    let dir = tempfile::tempdir().expect("tempdir");
    let store = fresh_store(&dir).await;
    let number = store
        .create_ticket(insert("Printer"))
        .await
        .expect("create");
    let t = store
        .ticket(&number)
        .await
        .expect("read")
        .expect("exists")
        .view;
    assert_eq!(t.work.revision, 1);
    let change = |to: Status| TicketChange {
        number: number.clone(),
        revision: 1,
        step: Some(app::domain::work::Step {
            status: to,
            resolve_due: t.resolve_due,
            paused_at: None,
            first_responded_at: Some(chrono::Utc::now()),
            resolved_at: None,
            closed_at: None,
        }),
        assignee: None,
        events: vec![NewTicketEvent {
            number: number.clone(),
            kind: EventKind::Status,
            actor_id: None,
            actor_name: "Agent".into(),
            public: true,
            body: String::new(),
            at: chrono::Utc::now(),
            change: Some(EventChange::Status {
                from: Status::New,
                to,
            }),
            files: Vec::new(),
        }],
        others: Vec::new(),
    };
    let first = store
        .change_ticket(change(Status::Acknowledged))
        .await
        .expect("first");
    assert_eq!(first, ChangeOutcome::Done { revision: 2 });
    let second = store
        .change_ticket(change(Status::Resolved))
        .await
        .expect("second");
    assert_eq!(second, ChangeOutcome::Conflict);
    let after = store
        .ticket(&number)
        .await
        .expect("read")
        .expect("exists")
        .view;
    assert_eq!(after.status, Status::Acknowledged);
    let events = store.ticket_events(&number, true).await.expect("events");
    let changes: Vec<_> = events.iter().filter_map(|e| e.change.clone()).collect();
    assert_eq!(
        changes,
        vec![EventChange::Status {
            from: Status::New,
            to: Status::Acknowledged
        }],
        "the refused change left no event"
    );
}
