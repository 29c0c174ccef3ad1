#!/usr/bin/env python3
"""Run a command and report its wall time and the peak of the summed resident memory of its whole
process tree (the command and every descendant alive at a sample), sampled from /proc.

`/usr/bin/time -v` reports the largest single process it waited for; a Spark job in local mode is
a JVM, Python workers and coord processes at once, so their sum is the figure that matters.

    python3 scripts/tree-peak-rss.py [--every 0.2] [--out FILE] -- COMMAND ARG...

Prints (to standard error, or FILE) `wall S s, peak tree RSS N MB (largest single process M MB),
exit E`. Linux only (reads /proc).
"""

import argparse
import os
import subprocess
import sys
import time


def children_map():
    """pid -> list of child pids, and pid -> RSS in kB, from /proc."""
    kids, rss = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="ascii", errors="replace") as f:
                ppid, kb = None, 0
                for line in f:
                    if line.startswith("PPid:"):
                        ppid = int(line.split()[1])
                    elif line.startswith("VmRSS:"):
                        kb = int(line.split()[1])
        except OSError:
            continue
        pid = int(entry)
        rss[pid] = kb
        if ppid is not None:
            kids.setdefault(ppid, []).append(pid)
    return kids, rss


def tree_rss(root):
    """Summed RSS (kB) of root and its descendants, and the largest single one."""
    kids, rss = children_map()
    total, largest, todo = 0, 0, [root]
    while todo:
        pid = todo.pop()
        kb = rss.get(pid, 0)
        total += kb
        largest = max(largest, kb)
        todo.extend(kids.get(pid, []))
    return total, largest


def main():
    argv = sys.argv[1:]
    if "--" not in argv:
        print(__doc__, file=sys.stderr)
        return 2
    split = argv.index("--")
    parser = argparse.ArgumentParser()
    parser.add_argument("--every", type=float, default=0.2, help="seconds between samples")
    parser.add_argument("--out", default=None, help="write the figures here, not to stderr")
    args = parser.parse_args(argv[:split])
    command = argv[split + 1 :]
    start = time.monotonic()
    proc = subprocess.Popen(command)
    peak, peak_single = 0, 0
    while proc.poll() is None:
        total, largest = tree_rss(proc.pid)
        peak, peak_single = max(peak, total), max(peak_single, largest)
        time.sleep(args.every)
    wall = time.monotonic() - start
    said = (
        f"wall {wall:.1f} s, peak tree RSS {peak / 1024:.1f} MB "
        f"(largest single process {peak_single / 1024:.1f} MB), exit {proc.returncode}\n"
    )
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(said)
    else:
        sys.stderr.write(said)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
