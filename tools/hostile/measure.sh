#!/usr/bin/env bash
# Time and peak memory of the hostile inputs of issue 9 at full size, one `validate` each,
# then a store holding all of them: the `run` that files them, the next `run` and `status`.
# Writes the table to out/hostile.md. Uses the release binary `make bench` builds.
#
#   bash tools/hostile/measure.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
SWIFT=${SWIFT:-swift}
SCRATCH=.build-release
# Built as `make bench` builds it (and `make install`: the standard library linked in), in the
# same folder: a build without the flag there rebuilt every target, and measured another binary.
"$SWIFT" build -c release --static-swift-stdlib --scratch-path "$SCRATCH" >&2
BIN="$SCRATCH/release/khuyencong"
work=$(mktemp -d "${TMPDIR:-/tmp}/khuyencong-hostile.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 tools/hostile/make_hostile.py "$work/inbox" >&2
mkdir -p out
measure() {  # label, command...: prints "| label | seconds | MB | exit | what it said |"
  local label=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/stdout" 2>"$work/stderr" && code=0 || code=$?
  read -r seconds kilobytes < <(tail -1 "$work/time")
  said=$(grep -oE "\[(file\.limit|file\.unreadable|report\.truncated)\][^\"]*" "$work/stdout" | head -1 | cut -c1-90 || true)
  # A refusal before reading (a FIFO) is said on stderr.
  [ -n "$said" ] || said=$(head -1 "$work/stderr" | sed "s|$work/||g" | cut -c1-90)
  printf '| %s | %s | %d | %s | %s |\n' "$label" "$seconds" $((kilobytes / 1024)) "$code" "$said"
}
{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'),"
  echo "$(free -g | awk '/Mem:/ {print $2}') GB, commit $(git rev-parse --short HEAD), with \`bash tools/hostile/measure.sh\`"
  echo "(release build; time and peak RSS from GNU time):"
  echo
  echo "| input | time (s) | peak RSS (MB) | exit | diagnostic |"
  echo "|---|---|---|---|---|"
  for file in "$work"/inbox/*; do
    measure "validate $(basename "$file") ($(($(stat -c %s "$file") / 1024)) KB)" "$BIN" validate --lang en "$file"
  done
  mkfifo "$work/fifo.csv"
  measure "validate a FIFO" timeout 10 "$BIN" validate --lang en "$work/fifo.csv"
  # As a cron job finds them: written a while ago (run lets a file modified in the last 10 s
  # wait for the next run).
  touch -d '-1 minute' "$work"/inbox/*
  measure "run: file all of them" "$BIN" run --inbox "$work/inbox" --store "$work/store" --quiet
  measure "next run (nothing new)" "$BIN" run --inbox "$work/inbox" --store "$work/store" --quiet
  measure "status" "$BIN" status --store "$work/store" --year 2017
  echo
  reports=$(find "$work/store" -name '*.report.*' -printf '%s\n' | awk '{s+=$1} END {print int(s/1024)}')
  copies=$(find "$work/store/accepted" "$work/store/rejected" -type f ! -name '*.report.*' 2>/dev/null | wc -l || true)
  echo "The store then holds $copies submissions and $reports KB of reports (text and JSON, both"
  echo "bounded: at most 1 000 diagnostics a file, values cut to 200 characters)."
} | tee out/hostile.md
