#!/usr/bin/env python3
"""Time every NDJSON path of the release `coord` binary against its end-to-end floor.

The floor (`crates/coord-json/examples/ndjson_floor.rs`) reads the same lines, parses each into the
same type with plain serde_json and writes a small answer; the path is `coord … --ndjson --jobs 1`.
Both run one after the other on the same files; the ratio floor/path is the figure to compare
(target >= 0.5). Peak RSS of the path is reported too.

    cargo build --release -p coord-cli && cargo build --release -p coord-json --example ndjson_floor
    python3 scripts/ndjson-floor-e2e.py [LINES] [--jobs]

With `--jobs`, the rows are instead `--jobs 1` against `--jobs 2` for evaluate, report and call.
Prints a Markdown table. Inputs are written to a temporary directory and removed afterwards.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COORD = os.path.join(ROOT, "target", "release", "coord")
FLOOR = os.path.join(ROOT, "target", "release", "examples", "ndjson_floor")
AS_OF = "2026-12-01"
CALLS = ["evaluate", "report", "plan-check", "team", "referrals", "offers-match", "progress"]


def timed(argv, stdin_path, out_path):
    """Wall seconds and peak RSS (KB) of one run."""
    with open(stdin_path, "rb") as i, open(out_path, "wb") as o:
        start = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, stdin=i, stdout=o,
                           stderr=subprocess.PIPE, check=False)
        wall = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"{' '.join(argv)} exited {p.returncode}: {p.stderr.decode()[-400:]}")
    rss = int(p.stderr.decode().strip().splitlines()[-1])
    return wall, rss


def strip_ids(src, dst):
    with open(src) as i, open(dst, "w") as o:
        for line in i:
            if line.strip():
                v = json.loads(line)
                v.pop("id", None)
                o.write(json.dumps(v, separators=(",", ":")) + "\n")


def generate(n, dst, call=None):
    argv = [COORD, "generate", "--cases", str(n), "--seed", "1", "--as-of", AS_OF]
    if call:
        argv += ["--call", call]
    with open(dst, "wb") as o:
        subprocess.run(argv, stdout=o, check=True)


def requests(n, dst):
    cats = ["treatment_progress", "functional_ability", "health_status", "attendance"]
    holders = ["anne", "gp-berg", "rehab-hillerod"]
    requesters = ["mette", "lars", "employer-byg"]
    with open(dst, "w") as o:
        for i in range(n):
            o.write(json.dumps({
                "id": f"r{i}", "requester": requesters[i % 3], "citizen": "cit-jens",
                "case": "case-hillerod-1", "holder": holders[i % 3],
                "categories": [cats[i % 4], cats[(i + 1) % 4]], "action": "view",
                "purpose": "return-to-work",
                "at": f"2025-0{3 + i % 4}-1{i % 10}T09:00:00+02:00"}, separators=(",", ":")) + "\n")


def working_days(n, dst):
    with open(dst, "w") as o:
        for i in range(n):
            o.write(json.dumps({"id": f"w{i}", "from": f"2025-04-{1 + i % 28:02}",
                                "working_days": i % 30}, separators=(",", ":")) + "\n")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    jobs_mode = "--jobs" in sys.argv
    n = int(args[0]) if args else 100_000
    for exe in (COORD, FLOOR):
        if not os.path.exists(exe):
            sys.exit(f"missing {exe}: cargo build --release -p coord-cli && cargo build --release -p coord-json --example ndjson_floor")
    tmp = tempfile.mkdtemp(prefix="coord-floor-")
    try:
        case = os.path.join(tmp, "hillerod.json")
        shutil.copy(os.path.join(ROOT, "crates/coord-json/data/demo/hillerod.json"), case)
        out = os.path.join(tmp, "out.ndjson")
        rows = []  # (name, lines, input, floor argv, floor input, path argv)
        req = os.path.join(tmp, "requests.ndjson")
        requests(n, req)
        strip_ids(req, req + ".plain")
        rows.append(("`access check CASE --ndjson`", req, [FLOOR, "access-request"], req + ".plain",
                     [COORD, "access", "check", case, "--ndjson"]))
        cases = os.path.join(tmp, "cases.ndjson")
        generate(n, cases)
        rows.append(("`evaluate --ndjson`", cases, [FLOOR, "case"], cases,
                     [COORD, "evaluate", "--ndjson", "--as-of", AS_OF]))
        for call in CALLS:
            path = os.path.join(tmp, f"{call}.ndjson")
            generate(n, path, call)
            strip_ids(path, path + ".plain")
            rows.append((f"`call {call} --ndjson`", path, [FLOOR, call], path + ".plain",
                         [COORD, "call", call, "--ndjson"]))
        wd = os.path.join(tmp, "working-days.ndjson")
        working_days(n, wd)
        strip_ids(wd, wd + ".plain")
        rows.append(("`call working-days --ndjson`", wd, [FLOOR, "working-days"], wd + ".plain",
                     [COORD, "call", "working-days", "--ndjson"]))
        size = lambda p: os.path.getsize(p) / 1e6
        if jobs_mode:
            print(f"| path ({n:,} lines) | --jobs 1 | --jobs 2 | speed-up | peak RSS 1 / 2 |")
            print("|---|---|---|---|---|")
            for name, inp, _, _, path_argv in rows[1:4]:
                t1, r1 = timed(path_argv + ["--jobs", "1"], inp, out)
                t2, r2 = timed(path_argv + ["--jobs", "2"], inp, out + "2")
                same = open(out, "rb").read() == open(out + "2", "rb").read()
                print(f"| {name} | {t1:.2f} s | {t2:.2f} s | {t1 / t2:.2f}× | {r1 / 1024:.1f} / {r2 / 1024:.1f} MB{'' if same else ' **output differs**'} |")
            return
        print(f"| path ({n:,} lines) | input | floor | path (`--jobs 1`) | floor / path | path peak RSS |")
        print("|---|---|---|---|---|---|")
        for name, inp, floor_argv, floor_inp, path_argv in rows:
            tf, _ = timed(floor_argv, floor_inp, out)
            tp, rp = timed(path_argv + ["--jobs", "1"], inp, out)
            print(f"| {name} | {size(inp):.0f} MB | {tf:.2f} s | {tp:.2f} s | {tf / tp:.2f} | {rp / 1024:.1f} MB |")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
