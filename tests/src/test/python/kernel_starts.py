#!/usr/bin/env python3
"""Kernel start-up, measured (a benchmark, not a test): starts the kernel N times through jupyter_client, as the
notebook server does, and for each start records the seconds to "kernel ready" (kernel_info answered) and to the
first tensor (a cell that creates one with DJL), or the failure. Prints one line per start and a summary.

Usage: JUPYTER_PATH=build/jupyter kernel_starts.py KERNEL_NAME N [TIMEOUT_SECONDS]
"""
import statistics
import subprocess
import sys
import time

from jupyter_client.manager import KernelManager

FIRST_TENSOR = 'System.out.println(ai.djl.ndarray.NDManager.newBaseManager().ones(new ai.djl.ndarray.types.Shape(2)).sum().getFloat());'


def start_once(name, timeout):
    km = KernelManager(kernel_name=name)
    t0 = time.monotonic()
    try:
        km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=timeout)
        ready = time.monotonic() - t0
        msg_id = kc.execute(FIRST_TENSOR)
        stdout = ""
        while True:
            msg = kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                stdout += msg["content"]["text"]
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        tensor = time.monotonic() - t0
        kc.stop_channels()
        if stdout.strip() != "2.0":
            return None, None, f"first cell printed {stdout.strip()!r}"
        return ready, tensor, None
    except Exception as e:  # a start that fails is what this measures
        return None, None, f"{type(e).__name__}: {e}"
    finally:
        km.shutdown_kernel(now=True)


def main(name, n, timeout):
    ready, tensor, failures = [], [], []
    for i in range(n):
        r, t, err = start_once(name, timeout)
        if err:
            failures.append(err)
            print(f"start {i + 1}/{n}: FAILED ({err})", flush=True)
        else:
            ready.append(r)
            tensor.append(t)
            print(f"start {i + 1}/{n}: ready {r:.1f} s, first tensor {t:.1f} s", flush=True)
    print(f"{len(ready)} of {n} starts succeeded (timeout {timeout} s)")
    if ready:
        print(f"kernel ready: median {statistics.median(ready):.1f} s, max {max(ready):.1f} s; "
              f"first tensor: median {statistics.median(tensor):.1f} s, max {max(tensor):.1f} s")
    return 0 if not failures else 1


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: kernel_starts.py KERNEL_NAME N [TIMEOUT_SECONDS]")
    sys.exit(main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]) if len(sys.argv) == 4 else 120))
