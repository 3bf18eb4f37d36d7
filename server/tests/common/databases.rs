//! Which database a test server gets (SQLite, or PostgreSQL under `TEST_DATABASE_URL`), and
//! the Python virtualenvs of the external test servers.

use std::process::Command;

/// The PostgreSQL server the tests run against, if any.
pub fn postgres_admin_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| u.starts_with("postgres"))
}

/// A fresh database for one test: a file in `dir`, or a new PostgreSQL database.
pub fn fresh_database_url(dir: &std::path::Path) -> String {
    match postgres_admin_url() {
        None => format!("sqlite://{}", dir.join("portal.db").display()),
        Some(admin) => {
            static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
            let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let name = format!("t{}_{n}_{}", std::process::id(), rand_suffix());
            psql(&admin, &format!("CREATE DATABASE {name}"));
            let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
            format!("{base}/{name}")
        }
    }
}

fn rand_suffix() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() as u64)
        .unwrap_or(0)
}

/// Runs one statement with psql on the PostgreSQL server; it must succeed.
pub fn psql(url: &str, statement: &str) {
    let out = Command::new("psql")
        .args([url, "-v", "ON_ERROR_STOP=1", "-q", "-c", statement])
        .output()
        .expect("run psql");
    assert!(
        out.status.success(),
        "{statement}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The Python of virtualenv `target/<name>`, made and given `package` (from PyPI) on first use,
/// when `module` cannot be imported yet.
pub fn venv_python(name: &str, module: &str, package: &str) -> std::path::PathBuf {
    let venv = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../target")
        .join(name);
    let python = venv.join("bin/python");
    let ready = Command::new(&python)
        .args(["-c", &format!("import {module}")])
        .status()
        .is_ok_and(|s| s.success());
    if !ready {
        let ok = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .is_ok_and(|s| s.success())
            && Command::new(venv.join("bin/pip"))
                .args(["install", "-q", package])
                .status()
                .is_ok_and(|s| s.success());
        assert!(ok, "could not install {package} into {}", venv.display());
    }
    python
}
