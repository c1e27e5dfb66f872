#!/usr/bin/env python3
"""Compares the numbers of two reproductions: every NOTEBOOK/summary.json under RESULTS_A against the same file
under RESULTS_B (e.g. two `environment/lab reproduce` runs, or build/results/seeds/seed-0 of a seeds run).

Times, dates and versions are left out (keys with seconds, per_second, ms_per, _ms, time_ratio, and the provenance
keys started, git_commit, java, djl, engine, device, cpu_kernels); everything else, the configuration included, must
be equal to the last bit. Verdicts ("claims") are listed when they differ but do not fail the comparison, since a
claim about speed follows the timings. Exit status 0 when every notebook's numbers are identical, 1 otherwise.

Usage: compare_results.py RESULTS_A RESULTS_B
"""
import json
import pathlib
import re
import sys

TIMING = re.compile(r"seconds|per_second|ms_per|_ms$|_ms_|time_ratio")
PROVENANCE = {"started", "git_commit", "java", "djl", "engine", "device", "cpu_kernels"}


def numbers(summary):
    return {k: v for k, v in summary.items() if k != "claims" and k not in PROVENANCE and not TIMING.search(k)}


def compare(a_dir, b_dir):
    # a notebook still running (or stopped) writes into a hidden .NAME.partial folder: not a result yet
    names = sorted(p.parent.name for p in a_dir.glob("*/summary.json") if not p.parent.name.startswith("."))
    if not names:
        print(f"no NOTEBOOK/summary.json under {a_dir}")
        return False
    all_same = True
    for name in names:
        b_file = b_dir / name / "summary.json"
        if not b_file.is_file():
            print(f"{name}: missing in {b_dir}")
            all_same = False
            continue
        a = json.loads((a_dir / name / "summary.json").read_text())
        b = json.loads(b_file.read_text())
        na, nb = numbers(a), numbers(b)
        differ = [k for k in sorted(set(na) & set(nb)) if na[k] != nb[k]]
        only_a, only_b = sorted(set(na) - set(nb)), sorted(set(nb) - set(na))
        same = len(set(na) & set(nb)) - len(differ)
        line = f"{name}: {same} identical, {len(differ)} differ"
        if only_a or only_b:
            line += f"; only in A: {only_a}; only in B: {only_b}"
        print(line)
        for k in differ:
            print(f"  {k}: {json.dumps(na[k])[:120]}  vs  {json.dumps(nb[k])[:120]}")
        ca, cb = a.get("claims", {}), b.get("claims", {})
        for k in sorted(set(ca) | set(cb)):
            if ca.get(k) != cb.get(k):
                print(f"  verdict {k}: {ca.get(k)} vs {cb.get(k)} (not counted: it may follow the timings)")
        all_same &= not differ and not only_a and not only_b
    return all_same


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(0 if compare(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])) else 1)
