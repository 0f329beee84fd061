#!/usr/bin/env python3
"""CI smoke test of the benchmark suite (meson test 'bench suite smoke').

Runs run_suite.py --quick --no-target on the given build tree into a fresh
folder and checks what it produced: a results.json of the documented shape
(every benchmark in every isolation, every baseline pinned and unpinned,
every scaling point, numeric medians and spreads, the machine facts) and
valid PNG files. It never looks at how large a figure is: timing is not a
pass/fail matter.

usage: smoke_test.py BUILD_DIR
"""
import json
import numbers
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import run_suite  # noqa: E402

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SPREAD_KEYS = ("samples", "median", "min", "max", "q1", "q3")


def check(cond, what):
    if not cond:
        sys.exit(f"bench smoke: {what}")


def check_spread(s, where, rounds):
    for k in SPREAD_KEYS:
        check(k in s, f"{where}: no '{k}'")
    check(len(s["samples"]) == rounds, f"{where}: {len(s['samples'])} samples, {rounds} rounds")
    for k in SPREAD_KEYS[1:]:
        check(isinstance(s[k], numbers.Real), f"{where}: '{k}' is not a number")
    check(s["min"] <= s["median"] <= s["max"], f"{where}: median outside [min, max]")


def check_host(e, rounds):
    for iso in run_suite.isolations_of(e["name"]):
        check(iso in e["host"], f"{e['name']}: no isolation {iso}")
        for metric in ("cpu_ns", "wall_ns"):
            check_spread(e["host"][iso][metric], f"{e['name']} {iso} {metric}", rounds)


def main():
    build = sys.argv[1]
    with tempfile.TemporaryDirectory() as out:
        p = subprocess.run([sys.executable, os.path.join(HERE, "run_suite.py"), "--quick",
                            "--no-target", "--build-dir", build, "--out", out],
                           capture_output=True, text=True)
        check(p.returncode == 0, f"run_suite.py failed ({p.returncode}):\n{p.stdout}{p.stderr}")
        check("ratios" in p.stdout, "no table printed")
        with open(os.path.join(out, "results.json")) as f:
            r = json.load(f)
        check(r["schema"] == "pwk-bench/1", "unknown schema")
        for k in ("cpu_model", "nproc", "kernel", "pwk_commit", "loadavg_at_start"):
            check(k in r["machine"], f"machine facts lack '{k}'")
        rounds = r["config"]["rounds"]
        names = [n for n, _ in run_suite.read_benchmarks()]
        check([e["name"] for e in r["benchmarks"]] == names, "benchmarks missing or reordered")
        for e in r["benchmarks"]:
            check_host(e, rounds)
        scaling = [n for n, _, _ in run_suite.scaling_benchmarks()]
        check([e["name"] for e in r["scaling"]] == scaling, "scaling points missing")
        for e in r["scaling"]:
            check_host(e, rounds)
        pairs = {(b["name"], b["pinning"]) for b in r["baselines"]}
        for name in ("syscall", "swapcontext", "semaphore", "pipe"):
            for label in ("pinned", "unpinned"):
                check((name, label) in pairs, f"baseline {name} {label} missing")
        for b in r["baselines"]:
            check_spread(b["ns"], f"baseline {b['name']} {b['pinning']}", rounds)
        check(len(r["plots"]) == 4, "expected 4 plots")
        for png in r["plots"]:
            with open(png, "rb") as f:
                check(f.read(8) == PNG_MAGIC, f"{png} is not a PNG")
            check(os.path.getsize(png) > 1000, f"{png} is empty")
    print("bench smoke: results.json and the plots have the documented shape")


if __name__ == "__main__":
    main()
