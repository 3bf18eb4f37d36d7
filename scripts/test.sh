#!/usr/bin/env bash
# Runs every check and test: formatting, clippy (server and wasm), cargo tests of all crates
# (unit and real-server integration tests, on SQLite), the server's tests again on PostgreSQL
# (a private cluster started here and stopped at the end), then the Playwright suite in headless
# Chromium against a release build, on SQLite and again on PostgreSQL. Installs whatever is
# missing first.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# CI builds from a clean clone, where incremental caches only cost disk and time.
if [ "${CI:-}" = true ]; then export CARGO_INCREMENTAL=0; fi

step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }

step "tools"
scripts/install-tools.sh

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy: server and app with the ssr feature"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy: app compiled to wasm with the hydrate feature"
cargo clippy -p app --lib --locked --target wasm32-unknown-unknown --no-default-features \
  --features hydrate -- -D warnings

step "cargo test: unit tests and integration tests against the real server"
cargo test --workspace --locked

step "cargo test: the server's storage and HTTP tests again, on PostgreSQL"
# A private cluster in a temporary folder on a free port (Debian's postgresql is installed
# first if missing); stopped and removed however the tests end.
pgdir=$(mktemp -d "${TMPDIR:-/tmp}/helpdesk-pg.XXXXXX")
chmod 755 "$pgdir"
# (Under set -e a failing command in the trap would become the script's exit status.)
trap '"$root/scripts/pg.sh" stop "$pgdir/data" >/dev/null 2>&1 || true; rm -rf "$pgdir" || true' EXIT
pg_url=$(scripts/pg.sh start "$pgdir/data")
TEST_DATABASE_URL="$pg_url" cargo test -p server --locked

step "release build (server + wasm) with cargo-leptos"
cargo leptos build --release

step "browser tests (Playwright, headless Chromium)"
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cd end2end
SERVER_BIN="$target_dir/release/server" E2E_PORT="$port" npx playwright test

step "browser tests again on PostgreSQL (desktop with JavaScript, phone without)"
psql "$pg_url" -qc "CREATE DATABASE e2e"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
E2E_DATABASE_URL="${pg_url%/*}/e2e" SERVER_BIN="$target_dir/release/server" E2E_PORT="$port" \
  npx playwright test --project desktop --project phone-no-js
