#!/usr/bin/env python3
"""Medians and spread of run.sh's measured runs, each figure next to its limit."""
import statistics, sys


def spread(values, fmt):
    return f"{fmt.format(statistics.median(values))} [{fmt.format(min(values))}–{fmt.format(max(values))}]"


def verdict(ok):
    return "meets" if ok else "MISSES"


def reads(path):
    runs = {}
    for line in open(path):
        page, clients, kind, *figures = line.split()
        runs.setdefault((page, int(clients), kind), []).append(
            {k: float(v) for k, v in (f.split("=") for f in figures)})
    names = {"authors": "keyset authors page (size 50)", "commits": "an author's commits page (size 100)"}
    print(f"\n{'page':36} {'clients':>7}  {'HTTP req/s':>24}  {'SQL tps (pgbench)':>24}  {'ratio':>6}  "
          f"{'HTTP p50 ms':>20}  {'HTTP p99 ms':>20}  {'SQL mean ms':>20}  {'HTTP mean ms':>20}  limit")
    for (page, clients, kind), http in sorted(runs.items(), key=lambda i: (i[0][0], -i[0][1])):
        if kind != "http":
            continue
        sql = runs[(page, clients, "sql")]
        ratio = statistics.median(r["rps"] for r in http) / statistics.median(r["tps"] for r in sql)
        p99 = [r["p99_ms"] for r in http]
        over = statistics.median(r["mean_ms"] for r in http) - statistics.median(r["mean_ms"] for r in sql)
        if clients > 1:
            limit = (f"ratio ≥ 50 %: {verdict(ratio >= 0.5)}; p99 ≤ 20 ms: "
                     f"{verdict(statistics.median(p99) <= 20)}")
        else:
            limit = f"HTTP mean − SQL mean = {over:+.2f} ms ≤ +0.5 ms: {verdict(over <= 0.5)}"
        errors = sum(r["errors"] for r in http)
        print(f"{names[page]:36} {clients:>7}  {spread([r['rps'] for r in http], '{:.0f}'):>24}  "
              f"{spread([r['tps'] for r in sql], '{:.0f}'):>24}  {ratio:>6.1%}  "
              f"{spread([r['p50_ms'] for r in http], '{:.2f}'):>20}  {spread(p99, '{:.2f}'):>20}  "
              f"{spread([r['mean_ms'] for r in sql], '{:.3f}'):>20}  "
              f"{spread([r['mean_ms'] for r in http], '{:.3f}'):>20}  {limit}"
              + (f"  ({errors:.0f} errors)" if errors else ""))
    print(f"({len(next(iter(runs.values())))} measured runs per row: median [min–max])")


def grouped():
    rows = [list(map(float, line.split())) for line in sys.stdin if line.strip()]
    first = [r[0] * 1000 for r in rows]
    print(f"  first byte {spread(first, '{:.1f}')} ms (limit ≤ 50 ms: {verdict(statistics.median(first) <= 50)}); "
          f"whole answer {spread([r[1] * 1000 for r in rows], '{:.0f}')} ms; {rows[0][2]:.0f} bytes")


def heap(path, label):
    header, *samples = [line.split() for line in open(path) if line.strip()]
    rows = [dict((h, float(v)) for h, v in zip(header, s) if v != "-") for s in samples if s[0] != header[0]]
    kept = [r["S0U"] + r["S1U"] + r["OU"] for r in rows]
    used = [r["S0U"] + r["S1U"] + r["EU"] + r["OU"] for r in rows]
    print(f"  {label}: heap kept past young GCs (survivors + old) peak {max(kept) / 1024:.1f} MB "
          f"(from {kept[0] / 1024:.1f}); heap used peak {max(used) / 1024:.1f} MB; "
          f"{rows[-1]['YGC'] - rows[0]['YGC']:.0f} young GCs, {rows[-1]['FGC'] - rows[0]['FGC']:.0f} full")


if __name__ == "__main__":
    if sys.argv[1] == "--grouped":
        grouped()
    elif sys.argv[1] == "--heap":
        heap(sys.argv[2], sys.argv[3])
    else:
        reads(sys.argv[1])
