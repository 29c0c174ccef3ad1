#!/usr/bin/env python3
"""Write the seed corpora of the fuzz targets: fuzz/seeds/calls and fuzz/seeds/ndjson.

calls: one valid document per coord-json call (first byte = the call's index in CALL_NAMES), and
every call-* file of tests/bad-input/ for its call. ndjson: the demo access requests (first byte
0) and the demo case files one per line (first byte 1), and the ndjson-* files of the corpus.
"""
import json, os, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "crates/coord-json/data"
BAD = ROOT / "tests/bad-input"
CALLS = ("access-check consent-validate minimise consent-gaps plan-check instrument-score progress "
         "rules-check rules-test evaluate team referrals referral-transition offers-list offers-match "
         "attendance working-days report instruments-list instrument-show citizen-report audit-verify "
         "generate").split()

def load(p):
    return json.loads((DATA / p).read_text())

case = load("demo/hillerod.json")
requests = load("demo/hillerod-requests.json")
plan = load("demo/plan-example.json")
small_pack = {"id": "p", "title": "t", "valid": {"from": "2025-01-01"}, "rules": []}
as_of = "2025-05-01"
bases = {
    "access-check": {"case": case, "request": requests[0]["request"]},
    "consent-validate": {"case": case},
    "minimise": {"case": case, "release": {}},
    "consent-gaps": {"case": case, "flow": {}},
    "plan-check": {"case": plan, "as_of": as_of},
    "instrument-score": {"instrument": "who5", "answers": [3, 3, 3, 3, 3]},
    "progress": {"case": plan, "as_of": as_of},
    "rules-check": {"packs": [small_pack]},
    "rules-test": {"pack": small_pack, "seed": 1, "cases": 3},
    "evaluate": {"case": case, "as_of": as_of},
    "team": {"case": case, "as_of": as_of},
    "referrals": {"case": case, "as_of": as_of},
    "referral-transition": {"case": case, "referral": "r1", "transition": {}},
    "offers-list": {},
    "offers-match": {"case": case, "as_of": as_of},
    "attendance": {"case": case, "question": {}},
    "working-days": {"from": "2025-05-01", "working_days": 10},
    "report": {"case": case, "as_of": as_of},
    "instruments-list": {},
    "instrument-show": {"instrument": "who5"},
    "citizen-report": {"case": case, "as_of": as_of},
    "audit-verify": {"log": "{\"seq\":1,\"prev\":\"0\",\"entry\":{}}\n"},
    "generate": {"cases": 2, "seed": 1, "first": 0, "as_of": as_of},
}
assert set(bases) == set(CALLS)

out = ROOT / "fuzz/seeds/calls"
out.mkdir(parents=True, exist_ok=True)
for i, name in enumerate(CALLS):
    (out / f"{name}.json").write_bytes(bytes([i]) + json.dumps(bases[name]).encode())
for f in sorted(BAD.glob("call-*")):
    for i, name in enumerate(CALLS):
        if f.name.startswith(f"call-{name}-"):
            (out / f.name).write_bytes(bytes([i]) + f.read_bytes()[:8192])

out = ROOT / "fuzz/seeds/ndjson"
out.mkdir(parents=True, exist_ok=True)
lines = "\n".join(json.dumps(r["request"]) for r in requests) + "\n"
(out / "requests.ndjson").write_bytes(b"\0" + lines.encode())
cases = [load(f"demo/{n}") for n in ("rules-cancer.json", "rules-fracture.json", "hillerod.json")]
(out / "cases.ndjson").write_bytes(b"\1" + "\n".join(json.dumps(c) for c in cases).encode() + b"\n")
for f in sorted(BAD.glob("ndjson-*")):
    (out / f.name).write_bytes(b"\0" + f.read_bytes()[:8192])
print(len(list((ROOT / "fuzz/seeds/calls").iterdir())), "calls seeds,",
      len(list(out.iterdir())), "ndjson seeds")
