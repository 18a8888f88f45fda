#!/usr/bin/env bash
# make load-test (issue 10): 50 concurrent clients checking the samples for 30 s against
# `khuyencong serve` on loopback only (127.0.0.1), with wrk from Debian (installed when
# missing). Builds the release binary as `make install` does. Prints requests/s, p50/p99
# latency, errors and the server's peak RSS, and writes them to out/load-test.md.
#
# Environment: SWIFT (default swift), LOAD_CONNECTIONS (50), LOAD_SECONDS (30).
set -euo pipefail
cd "$(dirname "$0")/../.."
SWIFT=${SWIFT:-swift}
connections=${LOAD_CONNECTIONS:-50}
seconds=${LOAD_SECONDS:-30}

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing: wrk"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo=sudo; fi
  $sudo apt-get update >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends wrk >/dev/null
fi

echo "building the release binary ($SWIFT build -c release --static-swift-stdlib --scratch-path .build-install)" >&2
"$SWIFT" build -c release --static-swift-stdlib --scratch-path .build-install >&2
bin=.build-install/release/khuyencong

work=$(mktemp -d "${TMPDIR:-/tmp}/khuyencong-load.XXXXXX")
server=""
sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/store" "$work/inbox"
"$bin" serve --store "$work/store" --inbox "$work/inbox" --host 127.0.0.1 --port 0 >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  grep -q "listening on" "$work/serve.log" 2>/dev/null && break
  sleep 0.1
done
url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" | head -1)
[ -n "$url" ] || { echo "load-test: serve did not start"; cat "$work/serve.log"; exit 2; }
case "$url" in http://127.0.0.1:*) ;; *) echo "load-test: refusing a non-loopback target $url"; exit 2 ;; esac

# The server's resident memory, sampled every 0.2 s while the load runs.
( peak=0; while kill -0 "$server" 2>/dev/null; do
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$server/status" 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$peak" ] && peak=$rss && echo "$peak" >"$work/peak-rss"
    sleep 0.2
  done ) &
sampler=$!
idle=$(awk '/^VmRSS/ {print $2}' "/proc/$server/status")

samples=$(ls samples/* | grep -v README.md)
# shellcheck disable=SC2086
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency -s tools/load-test/check.lua "$url" -- $samples \
  | tee "$work/wrk.txt"
hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$server/status")
peak=$(cat "$work/peak-rss" 2>/dev/null || echo "$hwm")

rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.txt")
p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
total=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
non2xx=$(awk '/Non-2xx or 3xx responses/ {print $5}' "$work/wrk.txt")
socket=$(awk '/Socket errors/ {print $0}' "$work/wrk.txt")
mkdir -p out
{
  echo "| clients | seconds | requests | requests/s | p50 | p99 | non-2xx | socket errors | RSS idle | peak RSS |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  echo "| $connections | $seconds | $total | $rps | $p50 | $p99 | ${non2xx:-0} | ${socket:-none} | $((idle / 1024)) MiB | $((peak / 1024)) MiB |"
} | tee out/load-test.md
echo "cores: $(nproc); samples: $(echo "$samples" | wc -w) files cycled; target $url (loopback)"
