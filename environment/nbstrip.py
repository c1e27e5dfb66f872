#!/usr/bin/env python3
"""Git clean filter for notebooks/*.ipynb: what is committed never carries outputs or execution counts, whatever
was saved from Jupyter. Reads a notebook on stdin, writes it on stdout in the file's own JSON style (indent 1,
escaped or raw non-ASCII as the input had it). Installed by `environment/lab setup` (.gitattributes names it);
input that is not a notebook passes through unchanged."""
import json
import sys

raw = sys.stdin.read()
try:
    nb = json.loads(raw)
    cells = nb["cells"]
except (ValueError, KeyError, TypeError):
    sys.stdout.write(raw)
    sys.exit(0)
for cell in cells:
    if cell.get("cell_type") == "code":
        cell["outputs"] = []
        cell["execution_count"] = None
ascii_only = "\\u" in raw or all(ord(c) < 128 for c in raw)
out = json.dumps(nb, indent=1, ensure_ascii=ascii_only)
sys.stdout.write(out + ("\n" if raw.endswith("\n") else ""))
