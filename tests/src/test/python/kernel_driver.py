#!/usr/bin/env python3
"""Runs cells on a Jupyter kernel through the real protocol (jupyter_client), for KernelInterruptTest.

Usage: kernel_driver.py KERNEL_NAME CELLS.json RESULTS.json

CELLS.json is a list of {"code": ..., "timeout": seconds, optionally "interrupt_after": seconds}. Each cell is sent
as an execute_request; with "interrupt_after", Kernel > Interrupt is done that many seconds later the way the
notebook server does it (KernelManager.interrupt_kernel: an interrupt_request on the control channel for
interrupt_mode "message"), and the kernel's interrupt_reply is awaited on that control socket. A cell with
no execute_reply within "timeout" seconds is recorded as such and the next cell is sent anyway.

RESULTS.json gets one object per cell: status ("ok", "error", "aborted", or "no reply"), ename, evalue, traceback
(its lines joined), stdout, stderr, seconds (request to reply), interrupt_latency (interrupt to reply), interrupt_reply (whether the kernel
answered the interrupt_request), plus "foreign_replies": execute_replies whose parent was none of our requests.
"""
import json
import sys
import threading
import time

from jupyter_client.manager import KernelManager


def interrupt(km, answered):
    """Kernel > Interrupt as the notebook server does it, then waits for the kernel's interrupt_reply."""
    km.interrupt_kernel()
    # interrupt_kernel sends on the manager's own control socket and does not read the reply.
    sock = km._control_socket
    if sock.poll(10000):
        _, msg = km.session.feed_identities(sock.recv_multipart())
        if km.session.deserialize(msg)["msg_type"] == "interrupt_reply":
            answered.set()


def run_cell(km, kc, cell, mine, foreign):
    msg_id = kc.execute(cell["code"])
    mine.add(msg_id)
    out = {"code": cell["code"], "status": "no reply", "ename": None, "evalue": None, "traceback": "", "stdout": "", "stderr": "",
           "seconds": None, "interrupt_latency": None, "interrupt_reply": None}
    t0 = time.monotonic()
    t_int = None
    answered = threading.Event()
    limit = t0 + cell["timeout"]
    replied = False
    while time.monotonic() < limit and not replied:
        if cell.get("interrupt_after") is not None and t_int is None and time.monotonic() - t0 >= cell["interrupt_after"]:
            t_int = time.monotonic()
            threading.Thread(target=interrupt, args=(km, answered), daemon=True).start()
        drain_iopub(kc, msg_id, out, 0.05)
        try:
            reply = kc.get_shell_msg(timeout=0.05)
        except Exception:
            continue
        parent = reply["parent_header"].get("msg_id")
        if reply["msg_type"] != "execute_reply":
            continue
        if parent == msg_id:
            replied = True
            now = time.monotonic()
            out["status"] = reply["content"]["status"]
            out["ename"] = reply["content"].get("ename", out["ename"])
            out["evalue"] = reply["content"].get("evalue", out["evalue"])
            out["seconds"] = now - t0
            out["interrupt_latency"] = None if t_int is None else now - t_int
        elif parent not in mine:
            foreign.append({"parent": parent, "status": reply["content"].get("status")})
    # Outputs published just before the reply may still be in flight.
    end = time.monotonic() + 2
    while time.monotonic() < end:
        drain_iopub(kc, msg_id, out, 0.1)
    if t_int is not None:
        out["interrupt_reply"] = answered.wait(max(0.0, 10 - (time.monotonic() - t_int)))
    return out


def drain_iopub(kc, msg_id, out, timeout):
    try:
        msg = kc.get_iopub_msg(timeout=timeout)
    except Exception:
        return
    if msg["parent_header"].get("msg_id") != msg_id:
        return
    content = msg["content"]
    if msg["msg_type"] == "stream":
        out[content["name"]] += content["text"]
    elif msg["msg_type"] == "error":
        out["ename"] = content.get("ename")
        out["evalue"] = content.get("evalue")
        out["traceback"] = "\n".join(content.get("traceback", []))


def start(kernel):
    """A started kernel and its client; a kernel that never answers kernel_info is replaced, like lab's retry."""
    for attempt in range(3):
        km = KernelManager(kernel_name=kernel)
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=120)
            return km, kc
        except RuntimeError:
            print(f"kernel did not answer at start (attempt {attempt + 1} of 3)", file=sys.stderr, flush=True)
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    raise RuntimeError("the kernel did not answer at start in 3 attempts")


def main():
    kernel, cells_path, results_path = sys.argv[1:4]
    with open(cells_path) as f:
        cells = json.load(f)
    km, kc = start(kernel)
    try:
        mine, foreign, results = set(), [], []
        for cell in cells:
            results.append(run_cell(km, kc, cell, mine, foreign))
            print(json.dumps(results[-1]), flush=True)
        with open(results_path, "w") as f:
            json.dump({"cells": results, "foreign_replies": foreign}, f, indent=1)
        kc.stop_channels()
    finally:
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
