#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets (fuzz/build.sh), then runs each for a bounded time
# with a per-input time ceiling and a memory ceiling that would catch the amplifications of
# issue 9 (28.9 s, 286 MB to 1.08 GB per small file before the reading budgets).
#
#   FUZZ_SECONDS=600 make fuzz            # seconds per target (default 60)
#   FUZZ_TARGETS="csv xlsx" make fuzz     # a subset
#   FUZZ_NO_BUILD=1 bash fuzz/run.sh      # without rebuilding
#   FUZZ_RUNS=1000000 FUZZ_SECONDS=1800 make fuzz   # stop at a number of executions
#   FUZZ_MAX_LEN=2048 make fuzz           # shorter inputs (more executions a second)
#
# Seeds: samples/, the test fixtures, and fuzz/seeds/ (what ../shared/corpus had that the
# repository lacked). New inputs go to .build-fuzz/corpus/<target>/, findings (crash, timeout,
# out of memory) to .build-fuzz/artifacts/; each finding becomes a fixture and a test.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-"csv spreadsheetml xlsx pipeline"}
# FUZZ_NO_BUILD=1 reuses the targets already in .build-fuzz/.
[ "${FUZZ_NO_BUILD:-0}" = 1 ] || bash fuzz/build.sh
FIXTURES=Tests/KhuyenCongTests/Fixtures
status=0
for target in $TARGETS; do
  case $target in
    # Longer inputs cost more per run and find little more; an xlsx needs its whole zip.
    csv) seeds=(fuzz/seeds/csv "$FIXTURES/Read/csv" "$FIXTURES/Validate" samples); max_len=16384 ;;
    spreadsheetml) seeds=(fuzz/seeds/spreadsheetml "$FIXTURES/Read/spreadsheetml" samples); max_len=16384 ;;
    xlsx) seeds=("$FIXTURES/Read/xlsx" samples); max_len=65536 ;;
    pipeline) seeds=(fuzz/seeds "$FIXTURES/Read" "$FIXTURES/Validate" samples); max_len=65536 ;;
    *) echo "unknown fuzz target $target" >&2; exit 2 ;;
  esac
  max_len=${FUZZ_MAX_LEN:-$max_len}
  mkdir -p ".build-fuzz/corpus/$target" .build-fuzz/artifacts
  echo "fuzz: $target for ${SECONDS_PER_TARGET}s"
  if ! ".build-fuzz/fuzz-$target" ".build-fuzz/corpus/$target" "${seeds[@]}" \
    -max_total_time="$SECONDS_PER_TARGET" -runs="${FUZZ_RUNS:--1}" -timeout=2 -rss_limit_mb=512 -malloc_limit_mb=256 \
    -max_len="$max_len" -print_final_stats=1 \
    -artifact_prefix=".build-fuzz/artifacts/$target-" 2>&1 | tee ".build-fuzz/$target.log" \
    | grep -E "^#[0-9]+ +(DONE|INITED)|stat::number_of_executed_units|ERROR|SUMMARY|Test unit written"; then
    :
  fi
  if grep -q "Test unit written" ".build-fuzz/$target.log"; then status=1; fi
done
exit $status
