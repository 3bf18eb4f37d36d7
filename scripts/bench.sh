#!/usr/bin/env bash
# Prints the portal's size and speed figures (no assertions; figures vary by machine):
#   1. release wasm and JS, raw / gzip -9 / brotli -q 11;
#   2. SSR throughput of an article page versus a bare axum handler returning the same bytes,
#      measured with wrk (Debian) on loopback, and their ratio;
#   3. the same page for a signed-in customer (one session lookup per request);
#   4. login latency (argon2id verification on the blocking pool), median of 20 sequential logins;
#   5. ticket creation over HTTP with durable commits (SQLite WAL, synchronous=FULL) at 16 and
#      64 concurrent clients, next to a bare SQLite insert loop (the ceiling), and their ratio;
#   6. every console queue's query time with 1,000,000 tickets in the database;
#   7. knowledge-base search on 100,000 generated articles (half Chinese, half English): index
#      build time, p50/p99 in-process and over HTTP, against SQLite FTS5 (trigram) as baseline;
#   8. diagnosis flows: validation and layout time for 50/200/500-node flows, and starting,
#      answering and reading a run over HTTP (p50/p99);
#   9. notifications: live-event latency to 1/100/1,000 streams, e-mails per second;
#  10. scale: ticket creation and article pages on SQLite, PostgreSQL with one instance and with
#      two (a private cluster from scripts/pg.sh), and live events across instances (p50/p99).
# Usage: scripts/bench.sh [seconds per load run, default 10]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
secs=${1:-10}

scripts/install-tools.sh >/dev/null
for tool in wrk brotli; do
  command -v "$tool" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null; }
done
cargo leptos build --release >/dev/null 2>&1
cargo build --release --bin bare-page --locked >/dev/null 2>&1
cargo build --release --example ticket_bench --locked >/dev/null 2>&1
cargo build --release --example kb_bench --locked >/dev/null 2>&1
cargo build --release --example flow_bench --locked >/dev/null 2>&1
cargo build --release --example notify_bench --locked >/dev/null 2>&1
cargo build --release --example scale_bench --locked >/dev/null 2>&1
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')

echo "== Release front end (target/site/pkg)"
printf '%-22s %10s %10s %10s\n' file raw gzip brotli
total=(0 0 0)
for f in target/site/pkg/*.wasm target/site/pkg/*.js; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c); br=$(brotli -q 11 -c "$f" | wc -c)
  printf '%-22s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
  total=($((total[0] + raw)) $((total[1] + gz)) $((total[2] + br)))
done
printf '%-22s %10d %10d %10d\n' "wasm + js" "${total[@]}"

work=$(mktemp -d)
cleanup() { kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"; }
pids=()
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 100); do curl -fs "$1" >/dev/null 2>&1 && return; sleep 0.1; done; echo "server did not start" >&2; exit 1; }

ssr_port=$(free_port)
DATABASE_URL="sqlite://$work/bench.db" MAIL_OUTBOX="$work/outbox" RATE_LIMIT_FACTOR=1000 RUST_LOG=warn "$target_dir/release/server" serve --demo --addr "127.0.0.1:$ssr_port" >/dev/null &
pids+=($!)
page="http://127.0.0.1:$ssr_port/articles/blue-screen"
wait_up "http://127.0.0.1:$ssr_port/healthz"
curl -fs -H 'Accept-Language: zh-CN' "$page" >"$work/page.html"
bare_port=$(free_port)
"$target_dir/release/bare-page" "$work/page.html" "127.0.0.1:$bare_port" >/dev/null &
pids+=($!)
wait_up "http://127.0.0.1:$bare_port/"

run() { wrk -t2 -c32 -d"${secs}s" -H 'Accept-Language: zh-CN' "$1" | awk '/Requests\/sec/ {print $2} /Latency/ {print $2 > "/dev/stderr"}'; }
echo
echo "== SSR throughput ($(stat -c %s "$work/page.html") byte article page, wrk 2 threads, 32 connections, ${secs}s each)"
run "$page" >/dev/null 2>&1 # warm-up
ssr=$(run "$page" 2>"$work/ssr_lat")
bare=$(run "http://127.0.0.1:$bare_port/articles/blue-screen" 2>"$work/bare_lat")
printf '%-28s %12s req/s   mean latency %s\n' "Leptos SSR article page" "$ssr" "$(cat "$work/ssr_lat")"
printf '%-28s %12s req/s   mean latency %s\n' "bare axum, same bytes" "$bare" "$(cat "$work/bare_lat")"
python3 -c "print(f'SSR / bare ratio: {float(\"$ssr\") / float(\"$bare\"):.3f}')"

base="http://127.0.0.1:$ssr_port"
password='a long benchmark password'
sid=$(curl -fs -o /dev/null -D - -H "Origin: $base" "$base/api/auth/register" \
  --data-urlencode 'form[display_name]=Bench' --data-urlencode 'form[email]=bench@example.com' \
  --data-urlencode "form[password]=$password" --data-urlencode "form[password_confirm]=$password" \
  --data-urlencode 'locale=zh' | sed -n 's/^set-cookie: sid=\([0-9a-f]*\);.*/\1/ip')
signed=$(wrk -t2 -c32 -d"${secs}s" -H 'Accept-Language: zh-CN' -H "Cookie: sid=$sid" "$page" | awk '/Requests\/sec/ {print $2}')
printf '%-28s %12s req/s\n' "same page, signed in" "$signed"

echo
echo "== Login (argon2id, 19 MiB, 2 passes), 20 sequential logins"
for _ in $(seq 20); do
  curl -fs -o /dev/null -w '%{time_total}\n' -H "Origin: $base" "$base/api/auth/login" \
    --data-urlencode 'form[email]=bench@example.com' --data-urlencode "form[password]=$password"
done | sort -n | awk '{t[NR]=$1} END {printf "median %.1f ms, slowest %.1f ms\n", t[int((NR+1)/2)]*1000, t[NR]*1000}'

echo
echo "== Ticket creation over HTTP (form endpoint, durable commits), ${secs}s per run"
bench="$target_dir/release/examples/ticket_bench"
create_port=$(free_port)
mkdir -p "$work/create"
DATABASE_URL="sqlite://$work/create/portal.db" MAIL_OUTBOX="$work/create/outbox" FILES_DIR="$work/create/files" \
  RATE_LIMIT_FACTOR=1000000 RUST_LOG=warn "$target_dir/release/server" serve --addr "127.0.0.1:$create_port" >/dev/null &
pids+=($!)
wait_up "http://127.0.0.1:$create_port/healthz"
"$bench" create "http://127.0.0.1:$create_port" 2 8 >/dev/null # warm-up
c16=$("$bench" create "http://127.0.0.1:$create_port" "$secs" 16 | tee /dev/stderr)
c64=$("$bench" create "http://127.0.0.1:$create_port" "$secs" 64 | tee /dev/stderr)
bare_rows=$("$bench" bare "$work" "$secs" | tee /dev/stderr)
python3 - "$c16" "$c64" "$bare_rows" <<'PY'
import sys
rate = lambda line: float(line.split(':')[1].split()[0])
bare = rate(sys.argv[3])
for line in sys.argv[1:3]:
    clients = line.split(',')[1].split()[0]
    print(f"HTTP / bare ratio at {clients} clients: {rate(line) / bare:.3f}")
PY

echo
echo "== Console queues with 1,000,000 tickets (50 lines each, median of 20)"
"$bench" queue "$work" 1000000

echo
echo "== Knowledge-base search, 100,000 articles (tantivy + jieba vs SQLite FTS5 trigram)"
"$target_dir/release/examples/kb_bench" "$work" 100000 "$target_dir/release/server"

echo
echo "== Diagnosis flows: validation and layout by size, runs over HTTP"
"$target_dir/release/examples/flow_bench" "$work" "$target_dir/release/server"

echo
echo "== Notifications: live events to 1/100/1,000 SSE clients, e-mail through local SMTP"
venv="$target_dir/test-venv"
if ! "$venv/bin/python" -c 'import aiosmtpd' 2>/dev/null; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q aiosmtpd==1.4.6
fi
"$target_dir/release/examples/notify_bench" "$work" "$target_dir/release/server" \
  "$venv/bin/python" "$root/server/tests/support/smtp_sink.py"

echo
echo "== Scale: one instance versus two on PostgreSQL, and SQLite; 32 clients, ${secs}s per run"
chmod 755 "$work"
pg_url=$(scripts/pg.sh start "$work/pg")
trap '"$root/scripts/pg.sh" stop "$work/pg" >/dev/null 2>&1 || true; cleanup' EXIT
"$target_dir/release/examples/scale_bench" "$work" "$target_dir/release/server" "$secs" "$pg_url"
