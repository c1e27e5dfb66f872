#!/usr/bin/env python3
"""Aggregates one notebook's runs over seeds (`environment/lab reproduce --seeds`): per headline number the mean,
the sample standard deviation and a 95% confidence interval of the mean (Student's t), and per thesis claim in
how many seeds it held, with the two numbers it compares (from a run's tables/claims.csv). Usage: aggregate.py OUT_DIR
SUMMARY_JSON... Writes OUT_DIR/aggregate.json, numbers.csv and claims.csv."""
import csv
import json
import math
import os
import re
import sys

# Claim.comparison(): "subject > reference + margin", "subject < 0.04", "subject >= 0.8 × reference"
COMPARED = re.compile(r"(\w+) ([<>]=?) (?:([\d.]+) × )?(\S+)(?: ([+-]) ([\d.]+))?$")

# two-sided 95% quantiles of Student's t for 1..30 degrees of freedom (beyond: the normal 1.96)
T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
PROVENANCE = {"notebook", "scale", "seed", "device", "cpu_kernels", "git_commit", "started", "java", "engine", "djl"}


def stats(values):
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return {"n": n, "mean": mean, "sd": None, "ci95": None}
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    t = T975[n - 2] if n - 1 <= len(T975) else 1.96
    return {"n": n, "mean": mean, "sd": sd, "ci95": [mean - t * sd / math.sqrt(n), mean + t * sd / math.sqrt(n)]}


def comparisons(claims_csv):
    """claim id -> {subject, relation, reference, share, margin} from a run's tables/claims.csv; rows in claim order."""
    out = []
    with open(claims_csv) as f:
        for row in csv.DictReader(f):
            m = COMPARED.match(row["compared"])
            if m:
                subject, relation, share, ref, sign, margin = m.groups()
                out.append({"subject": subject, "relation": relation, "reference": ref, "share": share,
                            "margin": f" {sign} {margin}" if sign else ""})
            else:
                out.append(None)
    return out


def main(out, paths):
    runs = [json.load(open(p)) for p in paths]
    runs.sort(key=lambda r: r.get("seed", 0))
    numbers, claims = {}, {}
    for r in runs:
        for k, v in r.items():
            if k in PROVENANCE or isinstance(v, (dict, list, bool)):
                continue
            if isinstance(v, (int, float)) and math.isfinite(v):
                numbers.setdefault(k, []).append(float(v))
        for cid, verdict in (r.get("claims") or {}).items():
            claims.setdefault(cid, []).append(verdict)
    first = runs[0]
    agg = {
        "notebook": first.get("notebook"), "scale": first.get("scale"), "seeds": [r.get("seed") for r in runs],
        "git_commits": sorted({r.get("git_commit") for r in runs}), "cpu_kernels": first.get("cpu_kernels"),
        "device": first.get("device"),
        "numbers": {k: stats(v) for k, v in numbers.items()},
        "claims": {c: {"holds": v.count("holds"), "does_not_hold": v.count("does not hold"), "seeds": len(v)}
                   for c, v in claims.items()},
    }
    tables = [os.path.join(os.path.dirname(p), "tables", "claims.csv") for p in paths]
    tables = [t for t in tables if os.path.exists(t)]
    if tables:
        for cid, parts in zip(list((runs[0].get("claims") or {}).keys()), comparisons(tables[0])):
            if parts and cid in agg["claims"]:
                agg["claims"][cid].update(parts)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "aggregate.json"), "w") as f:
        json.dump(agg, f, indent=2)
        f.write("\n")
    with open(os.path.join(out, "numbers.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["number", "seeds", "mean", "sd", "ci95_low", "ci95_high"])
        for k, s in agg["numbers"].items():
            ci = s["ci95"] or [None, None]
            w.writerow([k, s["n"], s["mean"], s["sd"], ci[0], ci[1]])
    with open(os.path.join(out, "claims.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["claim", "holds in", "of seeds"])
        for c, s in agg["claims"].items():
            w.writerow([c, s["holds"], s["seeds"]])
    held = ", ".join(f"{c} {s['holds']}/{s['seeds']}" for c, s in agg["claims"].items())
    print(f"{agg['notebook']}: {len(runs)} seeds aggregated -> {out}/aggregate.json" + (f"; claims held: {held}" if held else ""))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: aggregate.py OUT_DIR SUMMARY_JSON...")
    main(sys.argv[1], sys.argv[2:])
