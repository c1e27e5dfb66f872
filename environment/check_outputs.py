"""Fails (exit 1) when an executed notebook holds an error output or an error on stderr."""
import json
import sys

nb = json.load(open(sys.argv[1]))
bad = []
for i, cell in enumerate(nb.get("cells", [])):
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            bad.append(f"cell {i}: {out.get('ename')}: {out.get('evalue')}")
        elif out.get("output_type") == "stream" and out.get("name") == "stderr":
            text = "".join(out.get("text", []))
            if "Exception" in text or "ERROR" in text:
                bad.append(f"cell {i} wrote an error to stderr: {text[:500]}")
if bad:
    print("check_outputs: " + sys.argv[1] + " has error outputs:\n" + "\n".join(bad))
    sys.exit(1)
