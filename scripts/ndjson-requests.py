#!/usr/bin/env python3
"""Write N access requests (NDJSON) against the demo case to stdout, for the throughput measurement
in docs/PERFORMANCE.md:  python3 scripts/ndjson-requests.py 100000 > /tmp/requests.ndjson"""
import json
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
cats = ["treatment_progress", "functional_ability", "health_status", "attendance"]
holders = ["anne", "gp-berg", "rehab-hillerod"]
requesters = ["mette", "lars", "employer-byg"]
out = sys.stdout
for i in range(n):
    out.write(json.dumps({
        "requester": requesters[i % 3], "citizen": "cit-jens", "case": "case-hillerod-1",
        "holder": holders[i % 3], "categories": [cats[i % 4], cats[(i + 1) % 4]],
        "action": "view", "purpose": "return-to-work",
        "at": f"2025-0{3 + i % 4}-1{i % 10}T09:00:00+02:00",
    }, separators=(",", ":")) + "\n")
