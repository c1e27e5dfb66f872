#!/usr/bin/env python3
"""Executes a notebook headlessly through a Jupyter kernel (what `environment/lab reproduce` runs), saying what it is
doing (on stderr, or on THESISLAB_PROGRESS_FD): each code cell as it starts (its index of the total, its first line, the time so far) and the
progress bars the library shows (core.Progress), in place on a terminal (THESISLAB_PROGRESS=inplace), otherwise as
plain lines at most every 30 s, for logs. Cell errors go to stdout. The executed notebook is written to OUTPUT,
also when a cell fails (then with the outputs up to the failing cell).
Usage: execute.py NOTEBOOK OUTPUT KERNEL_NAME LABEL. Exit status 1 when a cell fails or the kernel does not start."""
import html
import os
import re
import signal
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

PROGRESS = re.compile(r'<div style="font-family:monospace">(.*?) <progress value="(\d+)" max="(\d+)"[^>]*></progress>'
                      r' \d+/\d+ (.*?) <span')
TAG = re.compile(r"<[^>]+>")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
PLAIN_EVERY = 30.0


def clock(seconds):
    m, s = divmod(int(seconds), 60)
    return f"{m}m{s:02d}s" if m else f"{s}s"


class ReportingClient(NotebookClient):
    """nbclient's executor (the one nbconvert --execute uses) that reports cells and progress bars as they run."""

    def __init__(self, nb, label, inplace, progress, **kw):
        super().__init__(nb, **kw)
        self.label = label
        self.progress = progress
        self.inplace = inplace
        self.started = time.monotonic()
        self.code_cells = sum(1 for c in nb.cells if c.cell_type == "code")
        self.code_index = 0
        self.last_plain = 0.0
        self.last_text = ""
        self.failed_cell = None
        self.on_cell_start = self.cell_started

    def say(self, text, transient=False):
        line = f"[lab] {self.label} · {clock(time.monotonic() - self.started)} · {text}"
        if self.inplace:
            self.progress.write("\r\033[K" + line[:160] + ("" if transient else "\n"))
        else:
            self.progress.write(line + "\n")
        self.progress.flush()

    def cell_started(self, cell, cell_index, **_):
        if cell.cell_type != "code":
            return
        self.failed_cell = cell
        self.code_index += 1
        first = next((l.strip() for l in cell.source.splitlines() if l.strip()), "")
        self.say(f"cell {self.code_index}/{self.code_cells}: {first[:80]}", transient=True)
        self.last_plain = time.monotonic()

    def process_message(self, msg, cell, cell_index):
        out = super().process_message(msg, cell, cell_index)
        content = msg.get("content", {})
        page = (content.get("data") or {}).get("text/html")
        if page and msg.get("msg_type") in ("display_data", "update_display_data"):
            m = PROGRESS.search(page)
            if m:
                title, done, total, status = m.groups()
                now = time.monotonic()
                finished = done == total
                text = f"{html.unescape(title)} {done}/{total} {html.unescape(TAG.sub('', status)).strip()}"
                if text != self.last_text and (self.inplace or finished or now - self.last_plain >= PLAIN_EVERY):
                    self.say(f"cell {self.code_index}/{self.code_cells}: {text}", transient=not finished)
                    self.last_plain = now
                    self.last_text = text
        return out


def error_text(cell):
    """The error a cell shows (the kernel's traceback, without colour codes), or None."""
    for out in (cell or {}).get("outputs", []):
        if out.get("output_type") == "error":
            return ANSI.sub("", "\n".join(out.get("traceback") or [f"{out.get('ename')}: {out.get('evalue')}"]))
    return None


def main(source, output, kernel, label):
    nb = nbformat.read(source, as_version=4)
    inplace = os.environ.get("THESISLAB_PROGRESS") == "inplace"
    progress = os.fdopen(int(os.environ.get("THESISLAB_PROGRESS_FD", "2")), "w", buffering=1, closefd=False)
    client = ReportingClient(nb, label, inplace, progress, kernel_name=kernel, timeout=None, startup_timeout=120,
                             resources={"metadata": {"path": os.path.dirname(os.path.abspath(source))}})
    status = 0
    try:
        client.execute()
    except CellExecutionError as e:
        # the exception first: the cell's source that follows can be long
        print(f"ERROR in {label}, code cell {client.code_index} of {client.code_cells}: {e.ename}: {e.evalue}")
        print(error_text(client.failed_cell) or str(e))
        status = 1
    except RuntimeError as e:
        # e.g. "Kernel didn't respond in 120 seconds": environment/lab retries with a fresh kernel
        print(f"{type(e).__name__}: {e}")
        status = 1
    finally:
        if inplace:
            progress.write("\r\033[K")
        nbformat.write(nb, output)
    return status


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit("usage: execute.py NOTEBOOK OUTPUT KERNEL_NAME LABEL")
    # Stopped from outside (kill, a CI timeout): unwind like Ctrl-C, so that nbclient shuts the kernel down
    # instead of leaving it running, and the partial notebook is still written.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    sys.exit(main(*sys.argv[1:]))
