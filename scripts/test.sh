#!/usr/bin/env bash
# README test command: build the host tree (build/) and the RV32 cross tree
# (build-rv32/, every scenario for every board), then run every test: unit,
# config, loader, scenarios end to end in the simulator, the same scenarios
# under QEMU (build-rv32's own tests and the simulator-vs-QEMU differential
# test in build/). Ends with one "N passed, M failed" line.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/build.sh"
"$here/scripts/build-target.sh"
cd "$here"
status=0
# Criterion names a skipped case only at verbosity 1 (its synthesis line
# leaves skips out of "Tested"), and the closing line counts them.
export CRITERION_VERBOSITY_LEVEL=1
meson test -C build --num-processes "$(nproc)" --print-errorlogs "$@" || status=$?
meson test -C build-rv32 --num-processes "$(nproc)" --print-errorlogs || status=$?
python3 - build/meson-logs/testlog.json build-rv32/meson-logs/testlog.json <<'PY'
# One closing line counting test cases: each Criterion executable reports
# its own cases ("Synthesis: Tested: N | Passing: P | Failing: F | Crashing: C");
# any other test counts as one case. A skipped case is a "[SKIP] suite::name"
# line (verbosity 1, above).
import json, re, sys
passed = failed = skipped = 0
skip = re.compile(r"^\[SKIP\] \S+::\S+", re.M)
synth = re.compile(r"Synthesis: Tested: (\d+) \| Passing: (\d+) \| Failing: (\d+) \| Crashing: (\d+)")
lines = [line for path in sys.argv[1:] for line in open(path)]
for line in lines:
    r = json.loads(line)
    out = (r.get("stdout") or "") + (r.get("stderr") or "")
    out = re.sub(r"\x1b\[[0-9;]*m", "", out)
    m = synth.search(out)
    ok = r["result"] in ("OK", "EXPECTEDFAIL")
    if r["result"] == "SKIP":
        skipped += 1
    elif m:
        tested, passing, failing, crashing = map(int, m.groups())
        passed += passing
        skipped += len(skip.findall(out))
        failed += failing + crashing
        if not ok and failing + crashing == 0:
            failed += 1  # failed outside its test cases (e.g. a sanitizer report)
    elif ok:
        passed += 1
    else:
        failed += 1
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
