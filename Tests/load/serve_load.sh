#!/usr/bin/env bash
# Loopback load test of `diskret serve` with wrk: 2 KB notes (text/plain) to POST /v1/filter at concurrency 8.
# Prints wrk's throughput and latency percentiles per round and the server's RSS after each round and at its
# peak (VmHWM), so that a flat memory line over all rounds is visible.
# Usage: Tests/load/serve_load.sh [BINARY] [ROUNDS] [SECONDS]   (default .build/release/diskret 5 30)
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${1:-.build/release/diskret}
rounds=${2:-5}
seconds=${3:-30}
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

# A 2 KB note: the sample police notice and the start of the next fixture note, cut at 2048 bytes (and back to
# whole UTF-8 characters).
head -c 2048 <(cat Fixtures/notes/*.txt) | iconv -f utf-8 -t utf-8 -c > "$work/note.txt" || true
cat > "$work/post.lua" <<LUA
local f = io.open("$work/note.txt", "rb")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "text/plain; charset=utf-8"
done = function(summary, latency, requests)
  io.write(string.format("errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
end
LUA

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$binary" serve --port "$port" --registry "$work/registry.sqlite" 2>"$work/serve.log" &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
echo "note: $(wc -c < "$work/note.txt") bytes; server pid $server on port $port; $(nproc) cores"
rss() { awk '/^VmRSS/ {r=$2} /^VmHWM/ {h=$2} END {printf "RSS %.1f MB, peak %.1f MB\n", r/1024, h/1024}' "/proc/$server/status"; }
echo "after start: $(rss)"
total=0
for round in $(seq "$rounds"); do
  out=$(wrk -t2 -c8 -d"${seconds}s" --latency -s "$work/post.lua" "http://127.0.0.1:$port/v1/filter")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  total=$((total + requests))
  echo "round $round: $(awk '/Requests\/sec/ {print $2 " req/s"}' <<<"$out"), p50 $(awk '$1=="50%" {print $2}' <<<"$out"), p99 $(awk '$1=="99%" {print $2}' <<<"$out"), $(grep '^errors' <<<"$out"), non-2xx: $(awk '/Non-2xx/ {print $4}' <<<"$out" | grep . || echo 0); total $total requests; $(rss)"
done
kill -TERM "$server"; wait "$server" || true
echo "log lines: $(grep -c 'request' "$work/serve.log")"
