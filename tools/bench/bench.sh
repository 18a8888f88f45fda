#!/usr/bin/env bash
# `make bench` (SPEC §8, "Speed: measured in a benchmark"): builds the release binary once,
# generates large plans in a scratch folder (deleted afterwards, never committed), measures
# them and writes the table to out/bench.md. Bash and Python 3 standard library only.
#
# Environment: SWIFT (default swift), BENCH_SIZES (default "1000 10000 100000"),
# BENCH_RUNS (default 3), BENCH_KEEP=1 keeps the scratch folder, TMPDIR.
set -euo pipefail
cd "$(dirname "$0")/../.."

SWIFT=${SWIFT:-swift}
SCRATCH=.build-release
echo "building the release binary as make install builds it ($SWIFT build -c release --static-swift-stdlib --scratch-path $SCRATCH)" >&2
# The build log goes to stderr so that stdout is only the table.
"$SWIFT" build -c release --static-swift-stdlib --scratch-path "$SCRATCH" >&2
BIN="$SCRATCH/release/khuyencong"
[ -x "$BIN" ] || { echo "bench: $BIN was not built" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/khuyencong-bench.XXXXXX")
if [ "${BENCH_KEEP:-0}" = 1 ]; then
  echo "bench: keeping $work" >&2
else
  trap 'rm -rf "$work"' EXIT
fi

python3 tools/bench/bench.py --bin "$BIN" --work "$work" --out out/bench.md \
  --sizes "${BENCH_SIZES:-1000 10000 100000}" --runs "${BENCH_RUNS:-3}"
