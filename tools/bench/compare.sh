#!/usr/bin/env bash
# `make bench` (issue 7): khuyencong beside its peers on the same files, one table.
# Installs the peers where missing: frictionless, pandas and openpyxl from PyPI into a local
# virtual environment (.build-bench/venv, not committed), xmllint from Debian (libxml2-utils),
# valgrind from Debian (the instruction count). Builds the release binary once.
#
# Environment: SWIFT (default swift), BENCH_SIZES (default "1000 10000 100000"), BENCH_RUNS
# (default 3), BENCH_HISTORY_LINES (default 20000), BENCH_LARGEST (yes|no, default yes),
# BENCH_FORMATS (default "csv xml xlsx"), BENCH_KEEP=1 keeps the scratch folder, TMPDIR.
set -euo pipefail
cd "$(dirname "$0")/../.."

SWIFT=${SWIFT:-swift}
SCRATCH=.build-release
VENV=.build-bench/venv

missing=""
command -v xmllint >/dev/null || missing="$missing libxml2-utils"
command -v valgrind >/dev/null || missing="$missing valgrind"
if [ -n "$missing" ]; then
  echo "installing:$missing" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi
  $SUDO apt-get update >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y \
    --no-install-recommends $missing >&2
fi
if [ ! -x "$VENV/bin/frictionless" ] || ! "$VENV/bin/python" -c "import pandas, openpyxl" 2>/dev/null; then
  echo "installing frictionless, pandas, openpyxl into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet frictionless pandas openpyxl >&2
fi

echo "building the release binary as make install builds it ($SWIFT build -c release --static-swift-stdlib --scratch-path $SCRATCH)" >&2
"$SWIFT" build -c release --static-swift-stdlib --scratch-path "$SCRATCH" >&2
BIN="$SCRATCH/release/khuyencong"

work=$(mktemp -d "${TMPDIR:-/tmp}/khuyencong-compare.XXXXXX")
if [ "${BENCH_KEEP:-0}" = 1 ]; then
  echo "bench: keeping $work" >&2
else
  trap 'rm -rf "$work"' EXIT
fi

python3 tools/bench/compare.py --bin "$BIN" --venv "$VENV" --work "$work" --out out/bench.md \
  --sizes "${BENCH_SIZES:-1000 10000 100000}" --runs "${BENCH_RUNS:-3}" \
  --history-lines "${BENCH_HISTORY_LINES:-20000}" --largest "${BENCH_LARGEST:-yes}" \
  --formats "${BENCH_FORMATS:-csv xml xlsx}"
