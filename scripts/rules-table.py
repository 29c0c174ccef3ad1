#!/usr/bin/env python3
"""Prints the table of every rule of every shipped pack (docs/rules.md, "Every shipped rule")."""
import json, glob
packs = sorted((json.load(open(f)) for f in glob.glob("crates/coord-json/data/packs/*.json")), key=lambda p: p["valid"]["from"])
print("| pack | rule | valid | source | verified |")
print("|---|---|---|---|---|")
for p in packs:
    for r in p["rules"]:
        v = r.get("valid") or p["valid"]
        period = "%s – %s" % (v["from"], v.get("to", ""))
        src = r["source"]
        kind = src["kind"].replace("_", " ")
        cit = src["citation"].replace("|", "/")
        if len(cit) > 110:
            cit = cit[:107] + "…"
        print("| %s | `%s` | %s | %s: %s | %s |" % (p["id"].replace("dk-sickness-benefit-", ""), r["id"], period, kind, cit, "yes" if src.get("verified", True) else "**no**"))
