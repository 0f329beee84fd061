#!/usr/bin/env python3
"""The benchmark suite's runner (scripts/bench.sh; docs/benchmarks.md).

Runs every benchmark of benchmarks.txt on the host in isolation `none`,
`mprotect`, `pkeys` (where the CPU has protection keys) and `trusted` (none
with the direct gate), the scaling systems,
and the host baselines, in interleaved rounds (each round runs every one of them once), then the target images
(QEMU icount instructions; cycles from a VeeR model with --veer-model) and,
with --callgrind, instruction counts of the host runs. Prints a table,
writes BUILD/bench-results/results.json and PNG plots (plots.py).

Every pwk figure is a difference of two runs of the same benchmark built
for two iteration counts, divided by the difference of the counts (and by
the round trips one iteration makes): boot and shutdown cancel.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import plots  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.path.dirname(os.path.dirname(HERE))
def host_has_pkeys():
    """Whether the CPU and kernel offer protection keys (isolation pkeys)."""
    try:
        with open("/proc/cpuinfo") as f:
            flags = next((line.split(":", 1)[1].split() for line in f
                          if line.startswith("flags")), [])
    except OSError:
        return False
    return "pku" in flags and "ospke" in flags


# pkeys only where the host has protection keys (pwsim refuses it elsewhere).
ISOLATIONS = ("none", "mprotect") + (("pkeys",) if host_has_pkeys() else ()) + ("trusted",)
SCALING = {"threads": [1, 8, 32, 126], "processes": [4, 16, 30]}  # as meson.build
COUNTS = {"full": (100, 20100), "quick": (100, 1100), "callgrind": (100, 1100),
          "target": (10, 110)}
BASELINE_ITERATIONS = {"full": 20000, "quick": 2000}


def read_benchmarks():
    """[(name, round trips per iteration)] in benchmarks.txt order."""
    out = []
    with open(os.path.join(HERE, "benchmarks.txt")) as f:
        for line in f:
            fields = line.split()
            if len(fields) == 5 and not fields[0].startswith("#"):
                out.append((fields[0], int(fields[3])))
    return out


# Isolation pkeys gives each process a protection key and the gates one; Linux has 15.
PKEYS_PROCESSES_MAX = 14


def isolations_of(name):
    """The modes `name` runs in: a scaling system of more processes than
    isolation pkeys has keys for runs in the others only."""
    for n, kind, size in scaling_benchmarks():
        if n == name and kind == "processes" and size + 2 > PKEYS_PROCESSES_MAX:
            return tuple(i for i in ISOLATIONS if i != "pkeys")
    return ISOLATIONS


def scaling_benchmarks():
    """[(name, kind, size)]: the base (no sleepers) and every scaling system."""
    out = [("transact_8_deadline", "base", 0)]
    for kind, sizes in SCALING.items():
        out += [(f"scale_{kind}_{n}", kind, n) for n in sizes]
    return out


def spread(samples):
    """Median and spread of a list of figures."""
    s = sorted(samples)
    q = statistics.quantiles(s, n=4) if len(s) >= 2 else [s[0], s[0], s[0]]
    return {"samples": samples, "median": statistics.median(s), "min": s[0], "max": s[-1],
            "q1": q[0], "q3": q[2]}


class Suite:
    def __init__(self, a):
        self.a = a
        self.mode = "quick" if a.quick else "full"
        self.suite_dir = os.path.join(a.build_dir, "bench", "suite")
        self.cpu = a.cpu if a.cpu is not None else max(os.sched_getaffinity(0))

    def scenario(self, name, count):
        return os.path.join(self.suite_dir, f"bench-{name}-n{count}.scenario.json5")

    def pinned(self):
        os.sched_setaffinity(0, {self.cpu})

    def host_pair(self, name, isolation, counts):
        """Per-iteration (cpu_ns, wall_ns) of one small/big pair, and the digests."""
        cmd = [os.path.join(self.suite_dir, "bench-host-run"), isolation] + \
            [self.scenario(name, n) for n in counts]
        p = subprocess.run(cmd, capture_output=True, text=True, preexec_fn=self.pinned)
        if p.returncode != 0:
            sys.exit(f"bench: {' '.join(cmd)} failed:\n{p.stderr}")
        rows = [line.split() for line in p.stdout.splitlines()]
        diff = counts[1] - counts[0]
        cpu = (int(rows[1][2]) - int(rows[0][2])) / diff
        wall = (int(rows[1][1]) - int(rows[0][1])) / diff
        return cpu, wall, [r[5] for r in rows]

    def baselines(self):
        cmd = [os.path.join(self.suite_dir, "bench-baselines"),
               str(BASELINE_ITERATIONS[self.mode]), str(self.cpu)]
        p = subprocess.run(cmd, capture_output=True, text=True, check=True)
        return [(n, label, float(v)) for n, label, v in
                (line.split() for line in p.stdout.splitlines())]

    def run_rounds(self, benchmarks, scaling):
        """Interleaved rounds: {(name, isolation): {"cpu": [...], "wall": [...]}}."""
        counts = COUNTS[self.mode]
        host = {}
        base = {}
        names = [b[0] for b in benchmarks]
        names += [s[0] for s in scaling if s[0] not in names]
        for r in range(self.a.rounds):
            print(f"bench: round {r + 1}/{self.a.rounds}", file=sys.stderr, flush=True)
            for name in names:
                for iso in isolations_of(name):
                    cpu, wall, digests = self.host_pair(name, iso, counts)
                    e = host.setdefault((name, iso), {"cpu": [], "wall": [], "digests": digests})
                    e["cpu"].append(cpu)
                    e["wall"].append(wall)
            for n, label, v in self.baselines():
                base.setdefault((n, label), []).append(v)
        return host, base

    def callgrind(self, name):
        """Instructions per iteration under callgrind (isolation none)."""
        counts = COUNTS["callgrind"]
        totals = []
        for n in counts:
            out = os.path.join(self.a.out, f"callgrind.{name}.n{n}.out")
            cmd = ["valgrind", "--tool=callgrind", "--dump-instr=no", f"--callgrind-out-file={out}",
                   os.path.join(self.suite_dir, "bench-host-run"), "--cold", "none",
                   self.scenario(name, n)]
            p = subprocess.run(cmd, capture_output=True, text=True)
            if p.returncode != 0:
                sys.exit(f"bench: {' '.join(cmd)} failed:\n{p.stderr[-2000:]}")
            with open(out) as f:
                m = re.search(r"^(?:summary|totals):\s*(\d+)", f.read(), re.M)
            totals.append(int(m.group(1)))
            os.remove(out)
        return (totals[1] - totals[0]) / (counts[1] - counts[0])

    def target_image(self, name, count, board):
        return os.path.join(self.a.rv32_dir, "scenarios", f"bench-{name}-n{count}.{board}.elf")

    def qemu(self, name):
        """Instructions per iteration on qemu-virt (-icount shift=0: 1 ns = 1 instruction)."""
        counts = COUNTS["target"]
        times = []
        for n in counts:
            cmd = [os.path.join(self.a.build_dir, "sim", "pwsim"), "run",
                   self.scenario(name, COUNTS["quick"][0]), "--board", "qemu-virt",
                   "--image", self.target_image(name, n, "qemu-virt")]
            p = subprocess.run(cmd, capture_output=True, text=True)
            m = re.search(r"shut down with status 0 at virtual time ([0-9.]+)", p.stderr)
            if p.returncode != 0 or m is None:
                sys.exit(f"bench: {' '.join(cmd)} failed:\n{p.stdout[-2000:]}{p.stderr[-2000:]}")
            times.append(float(m.group(1)))
        return (times[1] - times[0]) * 1e9 / (counts[1] - counts[0])

    def veer(self, name):
        """Cycles per iteration from the user's VeeR model (docs/benchmarks.md)."""
        counts = COUNTS["target"]
        figures = []
        source = None
        def failed(why, image, text):
            # One benchmark's model run failing (a cycle limit, say) costs
            # that figure, not the other benchmarks' (a run takes minutes).
            print(f"bench: {why} on {image}; no VeeR figure for {name}:\n{text[-2000:]}",
                  file=sys.stderr)
            return {"per_iteration": None, "source": None, "error": f"{why} on {image}"}
        for n in counts:
            image = self.target_image(name, n, "veer-el2")
            try:
                p = subprocess.run(self.a.veer_model + " " + shlex.quote(image), shell=True,
                                   capture_output=True, text=True,
                                   timeout=self.a.veer_timeout)
            except subprocess.TimeoutExpired:
                return failed(f"the VeeR model ran past --veer-timeout {self.a.veer_timeout} s",
                              image, "")
            text = p.stdout + p.stderr
            if p.returncode != 0:
                return failed(f"the VeeR model failed ({p.returncode})", image, text)
            model = re.findall(r"\b(?:mcycle|cycles?)\s*[=:]\s*(\d+)", text, re.I)
            ticks = re.findall(r"bench: iterations=\d+ ticks=(\d+)", text)
            if model:
                figures.append(int(model[-1]))
                source = "model report (mcycle/cycles)"
            elif ticks:
                figures.append(int(ticks[-1]))
                source = "image (pwk_now ticks of the loop)"
            else:
                return failed("the VeeR model printed no cycle count", image, text)
        return {"per_iteration": (figures[1] - figures[0]) / (counts[1] - counts[0]),
                "source": source}


def machine_facts(a):
    def cmd(*c):
        try:
            return subprocess.run(c, capture_output=True, text=True, cwd=SOURCE_ROOT).stdout.strip()
        except OSError:
            return None
    model = None
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/loadavg") as f:
        load = f.read().split()[:3]
    return {
        "cpu_model": model,
        "nproc": os.cpu_count(),
        "cpus_allowed": len(os.sched_getaffinity(0)),
        "kernel": platform.release(),
        "os": cmd("sh", "-c", ". /etc/os-release && echo $PRETTY_NAME"),
        "loadavg_at_start": [float(x) for x in load],
        "pwk_commit": cmd("git", "rev-parse", "HEAD"),
        "pwk_dirty": bool(cmd("git", "status", "--porcelain", "--untracked-files=no")),
        "compiler": cmd("cc", "--version").splitlines()[0],
        "build_dir": os.path.abspath(a.build_dir),
        "date_utc": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    }


def per_round_trip(samples, factor):
    return [v / factor for v in samples]


def collect(suite, benchmarks, scaling):
    a = suite.a
    host, base = suite.run_rounds(benchmarks, scaling)
    results = {"schema": "pwk-bench/1", "machine": machine_facts(a), "config": {
        "mode": suite.mode, "rounds": a.rounds, "host_counts": COUNTS[suite.mode],
        "callgrind_counts": COUNTS["callgrind"] if a.callgrind else None,
        "target_counts": COUNTS["target"], "pinned_cpu": suite.cpu,
        "baseline_iterations": BASELINE_ITERATIONS[suite.mode],
        "veer_model": a.veer_model, "units": {
            "cpu_ns": "CPU ns of the simulator (one thread) per iteration "
                      "(per round trip for fan-in)",
            "wall_ns": "wall ns per iteration",
            "callgrind_instructions": "host instructions per round trip (valgrind callgrind)",
            "qemu_instructions": "RV32 instructions per round trip (QEMU -icount shift=0)",
            "veer_cycles": "cycles per round trip from the VeeR model"}},
        "benchmarks": [], "scaling": [], "baselines": []}
    for name, factor in benchmarks:
        print(f"bench: target/instruction figures of {name}", file=sys.stderr, flush=True)
        results["benchmarks"].append(figures(suite, host, name, factor, target=not a.no_target))
    for name, kind, size in scaling:
        entry = figures(suite, host, name, 1, target=False)
        entry.update({"kind": kind, "sleepers": size})
        results["scaling"].append(entry)
    for (name, label), samples in base.items():
        results["baselines"].append({"name": name, "pinning": label, "ns": spread(samples)})
    with open("/proc/loadavg") as f:
        results["machine"]["loadavg_at_end"] = [float(x) for x in f.read().split()[:3]]
    return results


def figures(suite, host, name, factor, target):
    a = suite.a
    entry = {"name": name, "round_trips_per_iteration": factor, "host": {}}
    for iso in isolations_of(name):
        e = host[(name, iso)]
        entry["host"][iso] = {"cpu_ns": spread(per_round_trip(e["cpu"], factor)),
                              "wall_ns": spread(per_round_trip(e["wall"], factor)),
                              "trace_digests": e["digests"]}
    if a.callgrind:
        entry["callgrind_instructions"] = suite.callgrind(name) / factor
    if target:
        entry["qemu_instructions"] = suite.qemu(name) / factor
        if a.veer_model:
            v = suite.veer(name)
            per = v["per_iteration"]
            entry["veer_cycles"] = {"per_round_trip": per / factor if per is not None else None,
                                    "source": v["source"]}
            if "error" in v:
                entry["veer_cycles"]["error"] = v["error"]
    return entry


def fmt(x, width=9):
    if x is None:
        return "-".rjust(width)
    return (f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.1f}").rjust(width)


def fmt_time(x, width=9):
    """A time per iteration is the difference of a long and a short run's
    times: on a busy machine it can come out at or below zero, which is no
    figure at all (the JSON keeps the raw value)."""
    if x is not None and x <= 0:
        return "noise".rjust(width)
    return fmt(x, width)


def print_table(r):
    def host_cols(e, iso):
        if iso not in e["host"]:
            return "-"
        c = e["host"][iso]["cpu_ns"]
        wall = e["host"][iso]["wall_ns"]["median"]
        return (f"{fmt_time(c['median'])} [{fmt_time(c['min'], 0)}-{fmt_time(c['max'], 0)}]"
                f"{fmt_time(wall)}")
    print(f"\npwk benchmarks per round trip (host: median [min-max] of {r['config']['rounds']} "
          f"interleaved rounds, CPU ns, then wall ns; machine load at start "
          f"{r['machine']['loadavg_at_start'][0]})")
    pkeys = "pkeys" in ISOLATIONS
    pkeys_head = f" {'pkeys cpu ns [min-max]':>31}{'wall':>9}" if pkeys else ""
    print(f"{'benchmark':22} {'none cpu ns [min-max]':>30}{'wall':>9} "
          f"{'mprotect cpu ns [min-max]':>32}{'wall':>9}{pkeys_head} "
          f"{'trusted cpu ns [min-max]':>31}"
          f"{'wall':>9}{'callgrind':>10}{'qemu ins':>10}{'veer cyc':>10}")
    rows = r["benchmarks"] + [{"name": "scaling:"}] + r["scaling"]
    for e in rows:
        if "host" not in e:
            print(f"{e['name']} (transact_8_deadline next to N sleeping threads or processes)")
            continue
        veer = e.get("veer_cycles", {}).get("per_round_trip") if e.get("veer_cycles") else None
        pkeys_col = f" {host_cols(e, 'pkeys'):>40}" if pkeys else ""
        print(f"{e['name']:22} {host_cols(e, 'none'):>39} {host_cols(e, 'mprotect'):>41}"
              f"{pkeys_col} {host_cols(e, 'trusted'):>40}"
              f"{fmt(e.get('callgrind_instructions'), 10)}{fmt(e.get('qemu_instructions'), 10)}"
              f"{fmt(veer, 10)}")
    if any(fmt_time(v).strip() == "noise" for e in rows if "host" in e
           for iso in e["host"]
           for v in (e["host"][iso]["cpu_ns"]["median"], e["host"][iso]["wall_ns"]["median"])):
        print("noise: the long run took no longer than the short one (a busy machine); "
              "run again on a quieter one, or with more --rounds")
    print("\nhost baselines (wall ns per iteration, median [min-max])")
    for b in r["baselines"]:
        s = b["ns"]
        print(f"{b['name'] + ' ' + b['pinning']:22} {fmt(s['median'])} [{fmt(s['min'], 0)}-"
              f"{fmt(s['max'], 0)}]")
    print("\nratios (pwk median CPU ns / baseline median, pinned)")
    for name, iso, base in ratio_pairs(r):
        print(f"  {name} ({iso}) / {base}: {ratio(r, name, iso, base):.2f}")


def ratio_pairs(r):
    present = {e["name"] for e in r["benchmarks"]}
    return [p for p in ALL_RATIO_PAIRS if p[0] in present and p[1] in ISOLATIONS]


ALL_RATIO_PAIRS = [("debug_nop", "none", "syscall"), ("switch_threads", "none", "swapcontext"),
            ("switch_threads", "none", "semaphore"), ("transact_8", "none", "pipe"),
            ("transact_8", "mprotect", "pipe"), ("transact_8", "pkeys", "pipe"),
            ("transact_8", "trusted", "pipe"),
            ("switch_processes", "none", "pipe"),
            ("switch_processes", "mprotect", "pipe"), ("switch_processes", "pkeys", "pipe")]


def ratio(r, name, iso, base):
    e = next(x for x in r["benchmarks"] if x["name"] == name)
    b = next(x for x in r["baselines"] if x["name"] == base and x["pinning"] == "pinned")
    return e["host"][iso]["cpu_ns"]["median"] / b["ns"]["median"]


def select(benchmarks, scaling, only):
    """The benchmarks and scaling points --only names (all without it)."""
    if only is None:
        return benchmarks, scaling
    names = set(only.split(","))
    known = {b[0] for b in benchmarks} | {s[0] for s in scaling}
    if names - known:
        sys.exit(f"bench: --only: no benchmark {', '.join(sorted(names - known))} "
                 f"(see bench/suite/benchmarks.txt)")
    points = [s for s in scaling if s[0] in names and s[1] != "base"]
    if points:
        points.insert(0, scaling[0])  # the scaling plot's zero
    return [b for b in benchmarks if b[0] in names], points


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build-dir", default=os.path.join(SOURCE_ROOT, "build-bench"))
    ap.add_argument("--rv32-dir", default=os.path.join(SOURCE_ROOT, "build-rv32"))
    ap.add_argument("--out", help="results folder (default BUILD/bench-results)")
    ap.add_argument("--quick", action="store_true",
                    help="a fast smoke run: 1 round, few iterations")
    ap.add_argument("--rounds", type=int, help="interleaved rounds (default 5, --quick 1)")
    ap.add_argument("--callgrind", action="store_true", help="add instructions per round trip")
    ap.add_argument("--no-target", action="store_true", help="skip the RV32 images")
    ap.add_argument("--veer-model", metavar="CMD", help="runs a veer-el2 ELF: CMD IMAGE")
    ap.add_argument("--veer-timeout", type=int, default=3600)
    ap.add_argument("--cpu", type=int, help="the CPU pwk runs and pinned baselines use")
    ap.add_argument("--only", metavar="NAME,...",
                    help="these benchmarks (and scale_* points) only; "
                    "plots lacking one are left out")
    a = ap.parse_args()
    a.rounds = a.rounds or (1 if a.quick else 5)
    a.out = a.out or os.path.join(a.build_dir, "bench-results")
    os.makedirs(a.out, exist_ok=True)
    suite = Suite(a)
    benchmarks, scaling = select(read_benchmarks(), scaling_benchmarks(), a.only)
    r = collect(suite, benchmarks, scaling)
    r["ratios"] = [{"benchmark": n, "isolation": i, "baseline": b, "pinned": True,
                    "ratio": ratio(r, n, i, b)} for n, i, b in ratio_pairs(r)]
    r["plots"] = plots.draw(r, a.out)
    path = os.path.join(a.out, "results.json")
    with open(path, "w") as f:
        json.dump(r, f, indent=1)
    print_table(r)
    print(f"\nbench: {path}; plots: {', '.join(r['plots'])}")


if __name__ == "__main__":
    main()
