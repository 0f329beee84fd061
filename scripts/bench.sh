#!/usr/bin/env bash
# The benchmark suite (docs/benchmarks.md). Builds the unsanitized release
# tree build-bench/ and, unless --no-target, the RV32 images (build-rv32/,
# scripts/build-target.sh), then runs bench/suite/run_suite.py: every
# benchmark on the host in isolation none and mprotect, the scaling run and
# the host baselines in interleaved rounds, and the target images under
# QEMU. Results: a table here, build-bench/bench-results/results.json and
# PNG plots beside it. Sanitized builds (build/) are for tests, not timing.
#   scripts/bench.sh                    # the full suite (5 rounds)
#   scripts/bench.sh --quick            # a fast smoke run (1 round, few iterations)
#   scripts/bench.sh --callgrind        # also instructions per round trip (valgrind)
#   scripts/bench.sh --veer-model CMD   # also cycles: CMD IMAGE.elf runs a verilated VeeR EL2
#   scripts/bench.sh --rounds N --cpu C --no-target --only NAME,... --out DIR
#   scripts/bench.sh --meson [ARGS]     # the older meson benchmarks (meson test --benchmark)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/build.sh" build-bench -Dsanitize=none -Dbuildtype=release -Dtests=disabled
cd "$here"
if [ "${1:-}" = --meson ]; then
  shift
  "$here/scripts/build-target.sh"
  exec meson test -C build-bench --benchmark --verbose "$@"
fi
target=1
for arg in "$@"; do
  [ "$arg" = --no-target ] && target=0
done
if ((target)); then
  "$here/scripts/build-target.sh"
fi
exec python3 "$here/bench/suite/run_suite.py" --build-dir "$here/build-bench" \
  --rv32-dir "$here/build-rv32" "$@"
