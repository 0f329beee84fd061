"""PNG plots of the suite's results with gnuplot (run_suite.py).

Each plot shows the median of the interleaved rounds with a bar from the
lowest to the highest round: a long bar is a noisy figure, not a slow one.
"""
import os
import subprocess

HEADER = """set terminal pngcairo size 1200,600 noenhanced font ",10"
set output "{png}"
set title "{title}"
set grid ytics
set key top left
set logscale y
"""


def _gnuplot(out, stem, title, body, data):
    dat = os.path.join(out, stem + ".dat")
    with open(dat, "w") as f:
        f.write(data)
    png = os.path.join(out, stem + ".png")
    script = HEADER.format(png=png, title=title) + body.replace("DAT", f'"{dat}"')
    with open(os.path.join(out, stem + ".gp"), "w") as f:
        f.write(script)
    subprocess.run(["gnuplot"], input=script, text=True, check=True)
    return png


def _row(label, s, colour=0):
    return f'"{label}" {s["median"]} {s["min"]} {s["max"]} {colour}\n'


def _bench(r, name):
    return next(e for e in r["benchmarks"] + r["scaling"] if e["name"] == name)


def _isolations(r):
    """The isolation modes every benchmark has, in the table's order (a
    scaling system of more processes than isolation pkeys has keys for
    lacks pkeys: the scaling plot draws the points it has)."""
    entries = r["benchmarks"]
    return [iso for iso in ("none", "mprotect", "pkeys", "trusted")
            if entries and all(iso in e["host"] for e in entries)]


def _curves(titles):
    """gnuplot's plot arguments: one line with error bars per data block."""
    return ", \\\n     ".join(f'DAT index {i} using 1:2:3:4 with yerrorlines title "{t}"'
                                for i, t in enumerate(titles))


def versus_baselines(r, out):
    rows = ""
    for name in ("debug_nop", "wait_poll", "transact_8", "switch_threads", "switch_processes"):
        for iso in _isolations(r):
            rows += _row(f"pwk {name} ({iso})", _bench(r, name)["host"][iso]["cpu_ns"])
    for b in r["baselines"]:
        rows += _row(f"host {b['name']} ({b['pinning']})", b["ns"], 1)
    body = """set ylabel "ns per iteration (pwk: simulator CPU ns; host: wall ns)"
set style fill solid 0.5
set boxwidth 0.6
set xtics rotate by -40 scale 0
set bmargin 12
set rmargin 14
unset key
plot DAT using 0:2:($5 == 0 ? 0x4477aa : 0xcc6677):xtic(1) with boxes lc rgb variable, \\
     DAT using 0:2:3:4 with yerrorbars lc rgb "black" pt 0, \\
     DAT using 0:4:(sprintf("%.0f", $2)) with labels offset 0,0.7 font ",8"
"""
    return _gnuplot(out, "pwk_vs_baselines",
                    "pwk (blue) against host baselines (red), measured in the same run", body, rows)


def _series(r, names, x_of, iso, metric="cpu_ns"):
    rows = ""
    for name in names:
        s = _bench(r, name)["host"][iso][metric]
        rows += f'{x_of(name)} {s["median"]} {s["min"]} {s["max"]}\n'
    return rows


def _per_isolation(r, out, stem, title, xlabel, names, x_of, extra=""):
    isolations = _isolations(r)
    data = "\n\n".join(_series(r, names, x_of, iso) for iso in isolations)
    body = f"""set xlabel "{xlabel}"
set ylabel "simulator CPU ns per round trip"
{extra}plot {_curves(f"isolation {iso}" for iso in isolations)}
"""
    return _gnuplot(out, stem, title, body, data)


def _bytes_x(name):
    """A message size as a log-scale x: 0 bytes sits at 0.5, labelled 0."""
    return max(int(name.split("_")[1]), 0.5)


def message_size(r, out):
    names = ["transact_0", "transact_8", "transact_64", "transact_256", "transact_1024"]
    return _per_isolation(r, out, "cost_vs_message_size", "channel_transact round trip against "
                          "message size (bytes each way)", "bytes each way", names,
                          _bytes_x, "set logscale x 2\nset xrange [0.35:2048]\n"
                          "set xtics (\"0\" 0.5, 8, 64, 256, 1024)\n")


def clients(r, out):
    names = ["fanin_1", "fanin_4", "fanin_16"]
    return _per_isolation(r, out, "cost_vs_clients", "wait-group fan-in: cost per round trip "
                          "against client count", "clients (threads, one channel each)", names,
                          lambda n: n.split("_")[1], "set logscale x 2\n")


def scaling(r, out):
    data = ""
    titles = []
    for kind in ("threads", "processes"):
        for iso in _isolations(r):
            titles.append(f"{kind}, {iso}")
            entries = [e for e in r["scaling"]
                       if e["kind"] in ("base", kind) and iso in e["host"]]
            for e in entries:
                s = e["host"][iso]["cpu_ns"]
                data += f'{e["sleepers"]} {s["median"]} {s["min"]} {s["max"]}\n'
            data += "\n\n"
    body = """set key bottom right opaque box
set xlabel "sleeping threads (one process) / sleeping processes (one thread each)"
set ylabel "simulator CPU ns per round trip (a deadline on each)"
plot """ + _curves(titles) + "\n"
    if all("callgrind_instructions" in e for e in r["scaling"]):
        # Instructions do not move with load: the flattest evidence there is.
        for kind in ("threads", "processes"):
            for e in r["scaling"]:
                if e["kind"] in ("base", kind):
                    data += f'{e["sleepers"]} {e["callgrind_instructions"]}\n'
            data += "\n\n"
        n = len(titles)
        body = ("set y2label \"callgrind instructions per round trip (isolation none)\"\n"
                "set y2range [0:*]\nset y2tics\n" + body.rstrip("\n") +
                f', \\\n     DAT index {n} using 1:2 axes x1y2 with linespoints dt 2 title '
                f'"threads, instructions", \\\n     DAT index {n + 1} using 1:2 axes x1y2 with '
                'linespoints dt 2 title "processes, instructions"')
    body += "\n"
    return _gnuplot(out, "scaling", "round trip against sleeping threads and processes "
                    "(flat = no cost growing with them)", body, data)


NEEDS = {
    versus_baselines: ("debug_nop", "wait_poll", "transact_8", "switch_threads",
                       "switch_processes"),
    message_size: ("transact_0", "transact_8", "transact_64", "transact_256", "transact_1024"),
    clients: ("fanin_1", "fanin_4", "fanin_16"),
    scaling: (),  # any scaling point: r["scaling"] is empty without one
}


def draw(r, out):
    """Draws into `out` every plot whose benchmarks ran (all of them unless
    run_suite.py --only left some out); returns the PNG paths."""
    present = {e["name"] for e in r["benchmarks"] + r["scaling"]}
    return [plot(r, out) for plot, names in NEEDS.items()
            if present.issuperset(names) and (plot is not scaling or r["scaling"])]
