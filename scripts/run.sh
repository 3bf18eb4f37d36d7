#!/usr/bin/env bash
# Installs whatever is missing, builds the portal in release mode and serves it at
# http://127.0.0.1:3000 on the embedded SQLite file data/helpdesk.db, loading the bilingual demo
# content when the database has no articles yet.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

scripts/install-tools.sh
cargo leptos build --release
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
echo "Serving the portal at http://127.0.0.1:3000 (Ctrl-C stops it)"
exec "$target_dir/release/server" serve --demo "$@"
