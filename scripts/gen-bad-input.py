#!/usr/bin/env python3
"""Generate tests/bad-input/: hostile files across every command and call, and manifest.json.

Each manifest row: the file, the command line ({file} is the file, {out} an output path that must
not exist afterwards, {case} a valid case file), the expected exit code, and the text the error must
contain (the place it names). Every file plants the marker ZqX9MARKqZ where the input is rejected;
the test asserts it never appears on stdout or stderr. Run: python3 scripts/gen-bad-input.py
"""
import json, os, copy, shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "bad-input")
DATA = os.path.join(ROOT, "crates", "coord-json", "data")
M = "ZqX9MARKqZ"

def load(p):
    return json.load(open(os.path.join(DATA, p)))

case = load("demo/hillerod.json")
plan_case = load("demo/plan-example.json")
pack = load("packs/dk-2025.json")
request = load("demo/hillerod-requests.json")[0]["request"]
rows = []
shutil.rmtree(OUT, ignore_errors=True)
os.makedirs(OUT)

def write(name, data):
    path = os.path.join(OUT, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return name

def dumps(v):
    return json.dumps(v, ensure_ascii=False)

def at(doc, ptr):
    cur = doc
    for p in [x for x in ptr.split("/") if x]:
        cur = cur[int(p)] if isinstance(cur, list) else cur[p]
    return cur

def setp(doc, ptr, value):
    parts = [x for x in ptr.split("/") if x]
    cur = doc
    for p in parts[:-1]:
        cur = cur[int(p)] if isinstance(cur, list) else cur[p]
    last = parts[-1]
    if isinstance(cur, list):
        cur[int(last)] = value
    else:
        cur[last] = value

def case_mutations(base, prefix):
    """(name, bytes, exit, place) for a document; prefix names pointers inside a call."""
    out = []
    def mut(name, f, place, code=3):
        d = copy.deepcopy(base)
        f(d)
        out.append((name, dumps(d), code, place))
    objects = [p for p in ["", "/citizen", "/actors/0", "/consents/0", "/consents/0/scope"] if p == "" or _has(base, p)]
    for p in objects:
        tag = p.strip("/").replace("/", "-") or "root"
        mut(f"unknown-key-{tag}", lambda d, p=p: (at(d, p) if p else d).__setitem__(M, 1), f"{prefix}{p}: unknown field")
        mut(f"unknown-key-huge-{tag}", lambda d, p=p: (at(d, p) if p else d).__setitem__(M * 3, M * 2000), f"{prefix}{p}: unknown field")
        if p:
            mut(f"array-for-object-{tag}", lambda d, p=p: setp(d, p, [M, at(d, p)]), f"{prefix}{p}: expected an object, found an array")
            mut(f"string-for-object-{tag}", lambda d, p=p: setp(d, p, M), f"{prefix}{p}: expected an object, found a string")
            # duplicate key: written into the text
            text = dumps(base)
    # duplicate keys at the root and in the citizen
    t = dumps(base)
    out.append(("duplicate-key-root", '{"id":"' + M + '",' + t[1:], 3, "the same key appears twice"))
    if "citizen" in base:
        c = dumps(base["citizen"])
        d = copy.deepcopy(base); d["citizen"] = "__C__"
        out.append(("duplicate-key-citizen", dumps(d).replace('"__C__"', '{"name":"' + M + '",' + c[1:]), 3, f"{prefix}/citizen: the same key appears twice"))
    # dates
    date_paths = [p for p in ["/consents/0/valid_from", "/consents/0/valid_to"] if _has(base, p)]
    inst_paths = [p for p in ["/consents/0/given_at"] if _has(base, p)]
    bad_dates = {"5-digit-year": "12025-01-01", "signed-year": "+2025-01-01", "leading-space": " 2025-01-01",
                 "trailing-marker": "2025-01-01" + M, "year-1800": "1800-01-01", "year-2300": "2300-01-01",
                 "not-padded": "2025-1-01", "feb-30": "2025-02-30", "marker": M, "number": 20250101}
    for p in date_paths[:1]:
        for k, v in bad_dates.items():
            place = f"{prefix}{p}: expected a date" if k != "number" else f"{prefix}{p}: expected a date"
            mut(f"date-{k}", lambda d, p=p, v=v: setp(d, p, v), place)
    bad_instants = {"leap-second": "2025-03-01T23:59:60+01:00", "no-offset": "2025-03-01T10:00:00",
                    "5-digit-year": "12025-03-01T10:00:00Z", "space": "2025-03-01 10:00:00Z",
                    "leading-space": " 2025-03-01T10:00:00Z", "hour-24": "2025-03-01T24:00:00Z",
                    "marker": "2025-03-01T10:00:00Z" + M, "year-1899": "1899-12-31T10:00:00Z"}
    for p in inst_paths:
        for k, v in bad_instants.items():
            mut(f"instant-{k}", lambda d, p=p, v=v: setp(d, p, v), f"{prefix}{p}: expected a date and time")
    # unknown enum words and wrong types
    for p in ["/actors/0/kind", "/actors/0/sector", "/actors/0/role", "/consents/0/form"]:
        if _has(base, p):
            tag = p.strip("/").replace("/", "-")
            if p != "/actors/0/role":
                mut(f"enum-{tag}", lambda d, p=p: setp(d, p, M), f"{prefix}{p}: unknown value (allowed: ")
            mut(f"type-{tag}", lambda d, p=p: setp(d, p, 12345678901), f"{prefix}{p}: expected")
    # codes of the vocabularies (roles, purposes): an undeclared code is named by its place
    for p, kind in [("/actors/0/role", "roles"), ("/consents/0/scope/purposes/0", "purposes")]:
        if _has(base, p):
            tag = p.strip("/").replace("/", "-")
            # like a dangling id: consent validate reports it as a finding of its answer (exit 1)
            mut(f"vocab-{tag}", lambda d, p=p: setp(d, p, M), f"{prefix}{p}: not a declared {kind} code; declared codes: ", code="dangling")
    for p in ["/id", "/citizen/id", "/actors/0/id"]:
        if _has(base, p):
            tag = p.strip("/").replace("/", "-")
            mut(f"type-{tag}", lambda d, p=p: setp(d, p, {M: M}), f"{prefix}{p}: expected")
    # dangling ids
    for p in ["/consents/0/recorded_by", "/consents/0/scope/holders/0/actor"]:
        if _has(base, p):
            tag = p.strip("/").replace("/", "-")
            mut(f"dangling-{tag}", lambda d, p=p: setp(d, p, M), f"{prefix}{p}: unknown actor", code="dangling")
    # syntax and encoding
    t = dumps(base)
    out.append(("truncated", t[: len(t) // 2] + M, 3, "not valid JSON"))
    out.append(("trailing", t + M, 3, "not valid JSON"))
    out.append(("empty", "", 3, "not valid JSON"))
    out.append(("nul", t[:10] + "\u0000" + M + t[10:], 3, "not valid JSON"))
    out.append(("deep-nesting", "[" * 5000 + M, 3, "expected an object, found an array"))
    out.append(("top-level-array", dumps([base, M]), 3, "expected an object, found an array"))
    out.append(("top-level-string", dumps(M), 3, "expected an object, found a string"))
    raw = t.encode()
    out.append(("invalid-utf8", raw[:40] + b"\xff\xfe" + M.encode() + raw[40:], 3, "not valid UTF-8: invalid byte at line 1, byte offset 40"))
    out.append(("invalid-utf8-line2", b"{\n  " + b"\xc3\x28" + M.encode() + b"\n}", 3, "line 2, byte offset 4"))
    out.append(("bom", b"\xef\xbb\xbf" + raw, 3, "not valid JSON"))
    return out

def _has(d, p):
    try:
        at(d, p); return True
    except Exception:
        return False

CASE_CMDS = {
    "consent-validate": ["consent", "validate", "{file}"],
    "access-check": ["access", "check", "{file}", "--requester", "mette", "--holder", "anne", "--category", "health_status", "--action", "view", "--purpose", "return-to-work", "--at", "2025-04-01T09:00:00+02:00"],
    "report": ["report", "{file}", "--as-of", "2025-05-01", "--out", "{out}"],
    "report-svg": ["report", "{file}", "--as-of", "2025-05-01", "--out", "{out}", "--svg", "{out}.svg"],
    "team": ["team", "{file}", "--as-of", "2025-05-01"],
    "referrals": ["referrals", "{file}", "--as-of", "2025-05-01"],
    "plan-check": ["plan", "check", "{file}", "--as-of", "2025-05-01"],
    "progress": ["progress", "{file}", "--as-of", "2025-05-01"],
    "evaluate": ["evaluate", "{file}", "--as-of", "2025-05-01"],
    "offers-match": ["offers", "match", "{file}", "--as-of", "2025-05-01"],
    "handover-export": ["handover", "export", "{file}", "--to", "0270", "--from", "lars", "--as-of", "2025-05-01", "--out", "{out}"],
}
muts = case_mutations(case, "")
for cmd, args in CASE_CMDS.items():
    # every command gets a share of the case mutations, the first commands all of them
    chosen = muts if cmd in ("consent-validate", "report-svg", "access-check") else muts[::3]
    for name, data, code, place in chosen:
        if code == "dangling":
            # consent validate reports a dangling id as a finding of its answer (exit 1)
            code = 1 if cmd == "consent-validate" else 3
        f = write(f"case-{cmd}-{name}.json", data)
        rows.append({"file": f, "args": args, "exit": code, "place": place})

# call documents through `coord call NAME`
calls = {
    "access-check": {"case": case, "request": request},
    "consent-validate": {"case": case},
    "report": {"case": case, "as_of": "2025-05-01"},
    "team": {"case": case, "as_of": "2025-05-01"},
    "plan-check": {"case": plan_case, "as_of": "2025-05-01"},
    "evaluate": {"case": case, "as_of": "2025-05-01"},
    "minimise": {"case": case, "release": {}},
    "consent-gaps": {"case": case, "flow": {}},
    "instrument-score": {"instrument": "who5", "answers": [3, 3, 3, 3, 3]},
    "progress": {"case": plan_case, "as_of": "2025-05-01"},
    "rules-check": {"packs": [pack]},
    "rules-test": {"pack": pack, "seed": 1, "cases": 2},
    "referrals": {"case": case, "as_of": "2025-05-01"},
    "referral-transition": {"case": case, "referral": "r1", "transition": {}},
    "offers-list": {},
    "offers-match": {"case": case, "as_of": "2025-05-01"},
    "attendance": {"case": case, "question": {}},
    "working-days": {"from": "2025-05-01", "working_days": 10},
    "audit-verify": {"log": ""},
    "handover-export": {"case": case, "handover": {"to": {"code": "0270"}, "moved_on": "2025-05-01", "from": "lars"}},
}
for name, doc in calls.items():
    cm = []
    d = copy.deepcopy(doc); d[M] = 1
    cm.append(("unknown-key", dumps(d), 3, "unknown field (allowed: "))
    cm.append(("array", dumps([doc, M]), 3, "expected an object, found an array"))
    key = next(iter(doc), "reference")
    body = dumps(doc)[:-1] + ("," if doc else "")
    cm.append(("duplicate", body + '"' + key + '":"' + M + '"}' if doc else '{"reference":{},"reference":"' + M + '"}', 3, "the same key appears twice"))
    cm.append(("truncated", dumps(doc)[:3] + M, 3, "not valid JSON"))
    if "case" in doc:
        d = copy.deepcopy(doc); d["case"]["consents"][0]["given_at"] = "2025-03-01T23:59:60Z" if "consents" in d["case"] and d["case"]["consents"] else M
        if d["case"].get("consents"):
            cm.append(("leap-second", dumps(d), 3, "/case/consents/0/given_at: expected a date and time"))
        d = copy.deepcopy(doc); d["case"]["citizen"] = [M]
        cm.append(("case-citizen-array", dumps(d), 3, "/case/citizen: expected an object, found an array"))
    if "as_of" in doc:
        d = copy.deepcopy(doc); d["as_of"] = " 2025-05-01" + M
        cm.append(("as-of-bad", dumps(d), 3, "/as_of: expected a date"))
    for k in ("working_days", "seed", "cases"):
        if k in doc:
            d = copy.deepcopy(doc); d[k] = M
            cm.append((f"{k}-string", dumps(d), 3, f"/{k}: expected"))
    for mname, data, code, place in cm:
        if name in ("minimise", "consent-gaps", "referral-transition", "attendance") and mname in ("unknown-key", "duplicate"):
            # these bases lack required parts, which may be named first: any invalid-input error
            place = "json.invalid"
        f = write(f"call-{name}-{mname}.json", data)
        rows.append({"file": f, "args": ["call", name, "--input", "{file}"], "exit": code, "place": place, "stdout_json": True})

# rule packs: rules check, rules test, report --pack, evaluate --pack
pm = []
d = copy.deepcopy(pack); d[M] = 1
pm.append(("unknown-key", dumps(d), "unknown field (allowed: "))
d = copy.deepcopy(pack); d["rules"][0] = [M]
pm.append(("rule-array", dumps(d), "/rules/0: expected an object, found an array"))
d = copy.deepcopy(pack); d["valid"]["from"] = "02025-01-01"
pm.append(("valid-from-5-digits", dumps(d), "/valid/from: expected a date"))
pm.append(("duplicate", '{"id":"' + M + '",' + dumps(pack)[1:], "the same key appears twice"))
pm.append(("array", dumps([pack]), "expected an object, found an array"))
for mname, data, place in pm:
    for cmd, args, code in [
        ("rules-check", ["rules", "check", "{file}"], 3),
        ("rules-test", ["rules", "test", "{file}", "--seed", "1", "--cases", "2"], 3),
        ("report-pack", ["report", "{case}", "--as-of", "2025-05-01", "--pack", "{file}", "--out", "{out}"], 3),
        ("evaluate-pack", ["evaluate", "{case}", "--as-of", "2025-05-01", "--pack", "{file}"], 3),
    ]:
        f = write(f"pack-{cmd}-{mname}.json", data)
        rows.append({"file": f, "args": args, "exit": code, "place": place, "file_named": True})

# rule-pack findings (exit 1, on stdout) in both languages: a pack's values never quoted
for mname, mutate, place in [
    ("type-mismatch", lambda r: r.update({"when": {"fact": "employed", "eq": M}}), "/rules/0/when/eq: "),
    ("unknown-fact", lambda r: r.update({"when": {"fact": "x" + M.lower() + "X", "eq": True}}), "/rules/0/when/fact: "),
    ("undeclared-code", lambda r: r.update({"when": {"fact": "target_group", "eq": M}}), "/rules/0/when/eq: "),
]:
    d = copy.deepcopy(pack); mutate(d["rules"][0])
    f = write(f"pack-finding-{mname}.json", dumps(d))
    for lang in ("en", "da"):
        rows.append({"file": f, "args": ["rules", "check", "{file}", "--lang", lang], "exit": 1, "place": place, "stdout_place": True, "name": f"pack-finding-{mname}-{lang}"})

# reference overrides
rm = [("unknown-key", '{"' + M + '":1}', "unknown field (allowed: "),
      ("array", '[{"' + M + '":1}]', "expected an object, found an array"),
      ("duplicate", '{"calendar":{},"calendar":"' + M + '"}', "the same key appears twice")]
for mname, data, place in rm:
    for cmd, args in [("offers-list", ["offers", "list", "--reference", "{file}"]),
                      ("report", ["report", "{case}", "--as-of", "2025-05-01", "--reference", "{file}", "--out", "{out}"]),
                      ("consent-validate", ["consent", "validate", "{case}", "--reference", "{file}"])]:
        f = write(f"reference-{cmd}-{mname}.json", data)
        rows.append({"file": f, "args": args, "exit": 3, "place": place, "file_named": True})

# limits on counts (issue 11 §2 "Ranges"): the place and the limit, never the count
big = dumps({"consent_policy": {"max_validity_months": 987654321}, "calendar": {"closed_by_agreement": [], "local_closing_days": []}})
for cmd, args in [("consent-validate", ["consent", "validate", "{case}", "--reference", "{file}"]),
                  ("evaluate", ["evaluate", "{case}", "--as-of", "2025-05-01", "--reference", "{file}"]),
                  ("team", ["team", "{case}", "--as-of", "2025-05-01", "--reference", "{file}"]),
                  ("working-days", ["calendar", "add-working-days", "2025-05-01", "3", "--reference", "{file}"])]:
    f = write(f"limit-validity-months-{cmd}.json", big)
    rows.append({"file": f, "args": args, "exit": 3, "place": "/consent_policy/max_validity_months: too large: at most 1200 months", "file_named": True})
many = copy.deepcopy(plan_case)
many.setdefault("plan", {})["evaluation_dates"] = ["2025-03-01"] * 10000 + [M]
for cmd, args in [("plan-check", ["plan", "check", "{file}", "--as-of", "2025-05-01"]),
                  ("report", ["report", "{file}", "--as-of", "2025-05-01", "--out", "{out}"])]:
    f = write(f"limit-array-items-{cmd}.json", dumps(many))
    rows.append({"file": f, "args": args, "exit": 3, "place": "/plan/evaluation_dates: too many items in this array (at most 10000", "file_named": True})
rows.append({"file": None, "args": ["calendar", "add-working-days", "2025-05-01", "987654321"], "exit": 3, "place": "<N>: too large: at most 100000 working days", "name": "limit-working-days"})
f = write("limit-test-cases-pack.json", dumps(pack))
rows.append({"file": f, "args": ["rules", "test", "{file}", "--cases", "987654321", "--seed", "1"], "exit": 3, "place": "--cases: too large: at most 1000000 cases"})

# found by the fuzzer: a multi-byte character across the tenth byte of a date and time
fz = copy.deepcopy(case)
fz["consents"][0]["given_at"] = "2025-03-0\u032b10:00:00+01:00" + M
f = write("fuzz-instant-multibyte.json", dumps(fz))
rows.append({"file": f, "args": ["consent", "validate", "{file}"], "exit": 3, "place": "/consents/0/given_at: expected a date and time", "file_named": True})

# NDJSON streams: one bad line among good ones; every line answered, exit 3
good = dumps(request)
lines = {
    "unknown-key": dumps(dict(request, **{M: 1})),
    "array": dumps([M]),
    "bad-instant": dumps(dict(request, at="2025-04-01T09:00:60+02:00" + M)),
    "enum": dumps(dict(request, action=M)),
    "dangling": dumps(dict(request, holder=M)),
    "undeclared-purpose": dumps(dict(request, purpose=M)),
    "truncated": good[:20] + M,
    "duplicate": '{"action":"' + M + '",' + good[1:],
}
for mname, bad in lines.items():
    f = write(f"ndjson-access-check-{mname}.ndjson", good + "\n" + bad + "\n" + good + "\n")
    rows.append({"file": f, "args": ["access", "check", "{case}", "--ndjson", "--input", "{file}"], "exit": 3, "place": '"line":2', "ndjson": True})
    f = write(f"ndjson-call-{mname}.ndjson", dumps({"case": case, "request": request}) + "\n" + bad + "\n")
    rows.append({"file": f, "args": ["call", "access-check", "--ndjson", "--input", "{file}"], "exit": 3, "place": '"line":2', "ndjson": True})
f = write("ndjson-invalid-utf8.ndjson", (good + "\n").encode() + b"\xff" + M.encode() + b"\n")
rows.append({"file": f, "args": ["access", "check", "{case}", "--ndjson", "--input", "{file}"], "exit": 3, "place": '"line":2', "ndjson": True})

# audit logs
log = write("audit-not-a-log.ndjson", M + "\n")
rows.append({"file": log, "args": ["audit", "verify", "{file}"], "exit": 1, "place": ":1: the chain is broken", "stdout_place": True})
log = write("audit-invalid-utf8.ndjson", b"\xff" + M.encode())
rows.append({"file": log, "args": ["audit", "verify", "{file}"], "exit": 3, "place": "not valid UTF-8"})

# an access request for an undeclared purpose: refused (exit 3), naming the flag and the declared purposes
rows.append({"args": ["access", "check", "{case}", "--requester", "mette", "--holder", "anne", "--category", "health_status", "--action", "view", "--purpose", M, "--at", "2025-04-01T09:00:00+02:00"], "exit": 3, "place": "--purpose: not a declared purpose; declared codes: ", "name": "access-check-undeclared-purpose"})

# every request that names a purpose checks it against the purpose vocabulary (issue 8 §2): the
# place and the declared codes, never the purpose given
for name, args in [
    ("consent-gaps", ["consent", "gaps", "{case}", "--holder", "anne", "--recipient", "mette", "--category", "attendance", "--action", "disclose", "--purpose", M, "--at", "2025-04-01T09:00:00+02:00"]),
    ("attendance", ["attendance", "{case}", "--offer", "laer-at-tackle-kronisk", "--holder", "anne", "--recipient", "mette", "--purpose", M, "--at", "2025-04-01T09:00:00+02:00"]),
    ("handover-export", ["handover", "export", "{case}", "--to", "0270", "--from", "lars", "--purpose", M, "--as-of", "2025-05-01", "--out", "{out}"]),
]:
    rows.append({"args": args, "exit": 3, "place": "not a declared purpose; declared codes: ", "name": f"{name}-undeclared-purpose"})
release = {"requester": "mette", "citizen": "cit-jens", "case": "case-hillerod-1", "action": "view", "purpose": M,
           "at": "2025-04-01T09:00:00+02:00", "record": {"holder": "anne", "sections": [{"id": "s1", "category": "treatment_progress", "title": "t", "content": "c"}]}}
f = write("minimise-undeclared-purpose.json", dumps(release))
rows.append({"file": f, "args": ["consent", "minimise", "{case}", "--release", "{file}"], "exit": 3, "place": "/purpose: not a declared purpose; declared codes: "})
# a legal rule in the reference data naming an undeclared purpose could never match: refused
legal = {"legal_rules": [{"id": "b", "effect": "permit", "title_da": "t", "title_en": "t", "source": "s", "purposes": ["current-treatment", M]}]}
for cmd, args in [("consent-validate", ["consent", "validate", "{case}", "--reference", "{file}"]),
                  ("report", ["report", "{case}", "--as-of", "2025-05-01", "--reference", "{file}", "--out", "{out}"])]:
    f = write(f"reference-legal-rule-undeclared-purpose-{cmd}.json", dumps(legal))
    rows.append({"file": f, "args": args, "exit": 3, "place": "/legal_rules/0/purposes/1: not a declared purposes code; declared codes: ", "file_named": True})

# flags: the value must not be echoed
flags = [
    (["report", "{case}", "--as-of", M], "--as-of: expected a date"),
    (["report", "{case}", "--as-of", "2025-05-01", "--format", M], "invalid value for --format"),
    (["access", "check", "{case}", "--requester", "a", "--holder", "b", "--category", M, "--action", "view", "--purpose", "p", "--at", "2025-04-01T09:00:00Z"], "--category: unknown value (allowed: "),
    (["access", "check", "{case}", "--requester", "a", "--holder", "b", "--category", "health_status", "--action", M, "--purpose", "p", "--at", "2025-04-01T09:00:00Z"], "--action: unknown value (allowed: "),
    (["access", "check", "{case}", "--requester", "a", "--holder", "b", "--category", "health_status", "--action", "view", "--purpose", "p", "--at", "2025-04-01T09:00:60Z" + M], "--at: expected a date and time"),
    (["consent", "validate", "{case}", "--" + M], "unknown argument"),
    (["consent", M], "unknown command"),
    (["call", M, "--input", "{case}"], "no call by that name"),
    (["schema", M], "no schema by that name"),
    (["instruments", "show", M], "unknown instrument"),
    (["instruments", "score", "who5", "--answers", "3,3," + M + ",3,3"], "--answers: answer 3 is not a whole number"),
    (["team", "{case}", "--as-of", "1899-12-31"], "--as-of: expected a date"),
    (["evaluate", "{case}", "--as-of", "2025-05-01", "--jurisdiction", M], "no rule pack for the jurisdiction asked"),
]
# ids given as flags that name nothing in the case file or the reference data: exit 3, never echoed
T = "2025-04-01T09:00:00+02:00"
id_flags = [
    (["referral", "transition", "{case}", "--referral", M, "--to", "accepted_by_citizen", "--by", "mette", "--at", T], "--referral: unknown referral"),
    (["access", "check", "{case}", "--requester", M, "--holder", "anne", "--category", "health_status", "--action", "view", "--purpose", "return-to-work", "--at", T], "--requester: unknown actor"),
    (["access", "check", "{case}", "--requester", "mette", "--holder", M, "--category", "health_status", "--action", "view", "--purpose", "return-to-work", "--at", T], "--holder: unknown actor"),
    (["consent", "gaps", "{case}", "--holder", "anne", "--recipient", M, "--category", "attendance", "--action", "disclose", "--purpose", "return-to-work", "--at", T], "--recipient: unknown actor"),
    (["attendance", "{case}", "--offer", M, "--holder", "anne", "--recipient", "mette", "--purpose", "return-to-work", "--at", T], "--offer: "),
    (["attendance", "{case}", "--offer", "laer-at-tackle-kronisk", "--holder", M, "--recipient", "mette", "--purpose", "return-to-work", "--at", T], "--holder: unknown actor"),
    (["evaluate", "{case}", "--as-of", "2025-05-01", "--pack", M], "no rule pack with the id given"),
    (["report", "{case}", "--as-of", "2025-05-01", "--pack", M], "no rule pack with the id given"),
    (["instruments", "score", M, "--answers", "1,2"], "unknown instrument"),
    (["handover", "export", "{case}", "--to", "0270", "--from", M, "--as-of", "2025-05-01", "--out", "{out}"], "--from: unknown actor"),
    (["handover", "export", "{case}", "--to", "0270", "--from", "lars", "--receiving-unit", M, "--as-of", "2025-05-01", "--out", "{out}"], "--receiving-unit: unknown actor"),
    (["handover", "export", "{case}", "--to", "0270", "--as-of", "2025-05-01", "--out", "{out}"], "--from: no sending unit"),
]
for i, (args, place) in enumerate(flags):
    code = 3 if args[0] in ("instruments",) and args[1] == "show" else 2
    if args[0] == "evaluate":
        code = 3
    rows.append({"file": None, "args": args, "exit": code, "place": place, "name": f"flag-{i}"})
for i, (args, place) in enumerate(id_flags):
    rows.append({"file": None, "args": args, "exit": 3, "place": place, "name": f"id-flag-{i}"})

# outputs that are not regular files: never followed nor replaced
rows.append({"file": None, "args": ["report", "{case}", "--as-of", "2025-05-01", "--out", "{symlink}"], "exit": 4, "place": "is not a regular file", "name": "out-symlink"})
rows.append({"file": None, "args": ["report", "{case}", "--as-of", "2025-05-01", "--out", "{dir}"], "exit": 4, "place": "is not a regular file", "name": "out-directory"})
rows.append({"file": None, "args": ["report", "{case}", "--as-of", "2025-05-01", "--out", "{out}", "--svg", "{symlink}"], "exit": 4, "place": "is not a regular file", "name": "svg-symlink-all-or-none"})

# identifiers (issue 14): a planted CPR number (or an identifier carrying the marker) in a bad
# identifier; neither the CPR nor the marker may appear on stdout or stderr ("secret" per row).
CPR = "0108589995"  # DK Core's example patient's CPR: a valid form, so only its place may betray it
ident_cases = [
    ("cpr-not-ten-digits", "/citizen/identifiers/0/value", {"system": "cpr", "value": CPR + "1"}, CPR),
    ("cpr-no-date", "/citizen/identifiers/0/value", {"system": "cpr", "value": "3213" + CPR[4:]}, "3213" + CPR[4:]),
    ("cpr-dash", "/citizen/identifiers/0/value", {"system": "cpr", "value": CPR[:6] + "-" + CPR[6:]}, CPR[6:]),
    ("cpr-marker", "/citizen/identifiers/0/value", {"system": "cpr", "value": "0108" + M}, M),
    ("cpr-on-organisation", "/actors/0/identifiers/0/system", {"system": "cpr", "value": CPR}, CPR),
    ("cvr-check", "/actors/0/identifiers/0/value", {"system": "cvr", "value": "25450443"}, "25450443"),
    ("gln-check", "/actors/0/identifiers/0/value", {"system": "gln", "value": "5790000121527"}, "5790000121527"),
    ("other-not-uri", "/citizen/identifiers/0/system", {"system": {"other": M + " " + CPR}, "value": CPR}, CPR),
    ("unknown-system", "/citizen/identifiers/0/system", {"system": M, "value": CPR}, CPR),
    ("unknown-key", "/citizen/identifiers/0", {"system": "cpr", "value": CPR, M: CPR}, CPR),
]
for name, place, ident, secret in ident_cases:
    d = copy.deepcopy(case)
    target = d["actors"][0] if place.startswith("/actors/0") else d["citizen"]
    if name == "cpr-on-organisation":
        d["actors"][0]["kind"] = "organisation"
    target["identifiers"] = [ident]
    f = write(f"case-identifier-{name}.json", dumps(d))
    # consent validate reports a case-file problem as a finding (exit 1), a parse error exits 3
    parse_error = name in ("unknown-system", "unknown-key")
    rows.append({"file": f, "args": ["consent", "validate", "{file}"], "exit": 3 if parse_error else 1, "place": place, "secret": secret})
    rows.append({"file": f, "args": ["report", "{file}", "--as-of", "2025-05-01", "--out", "{out}"], "exit": 3, "place": place, "secret": secret, "name": f"report-identifier-{name}"})
    f = write(f"call-report-identifier-{name}.json", dumps({"case": d, "as_of": "2025-05-01"}))
    rows.append({"file": f, "args": ["call", "report", "--input", "{file}"], "exit": 3, "place": "/case" + place, "secret": secret, "stdout_json": True})

# handover (issue 14 §4): identifiers in the case file never in an error of the export or the
# import; a bundle whose case file carries a bad CPR is refused with the place inside the bundle.
import base64
d = copy.deepcopy(case)
d["citizen"]["identifiers"] = [{"system": "cpr", "value": CPR}]
f = write("case-handover-valid-cpr.json", dumps(d))
rows.append({"file": f, "args": ["handover", "export", "{file}", "--to", "0270", "--from", M, "--as-of", "2025-05-01", "--out", "{out}"], "exit": 3, "place": "--from: unknown actor", "secret": CPR, "name": "handover-export-cpr-unknown-from"})
rows.append({"file": f, "args": ["handover", "export", "{file}", "--to", "0270", "--from", "lars", "--as-of", "1899-12-31", "--out", "{out}"], "exit": 2, "place": "--as-of: expected a date", "secret": CPR, "name": "handover-export-cpr-bad-date"})
# fhir export (issue 14): the release of identifiers names actors and a purpose; an unknown
# recipient (its value a CPR-like string), an unknown disclosing unit and an undeclared purpose are
# refused at their flag (or the call's pointer), never echoing the value nor the case's CPR.
CPR_LIKE = "2512489996"
fhir_release = [
    ("fhir-export-recipient-cpr-like", ["--recipient", CPR_LIKE], "--recipient: unknown actor", CPR_LIKE),
    ("fhir-export-unknown-from", ["--recipient", "lars", "--from", M], "--from: unknown actor", CPR),
    ("fhir-export-undeclared-purpose", ["--recipient", "lars", "--from", "lars", "--purpose", M], "--purpose: not a declared purpose; declared codes: ", CPR),
]
for name, extra, place, secret in fhir_release:
    rows.append({"file": f, "args": ["fhir", "export", "{file}", "--as-of", "2025-05-01", "--out", "{out}"] + extra, "exit": 3, "place": place, "secret": secret, "name": name})
for name, release, place, secret in [
    ("recipient-cpr-like", {"recipient": CPR_LIKE}, "/release/recipient: unknown actor", CPR_LIKE),
    ("unknown-from", {"recipient": "lars", "from": M}, "/release/from: unknown actor", CPR),
    ("undeclared-purpose", {"recipient": "lars", "from": "lars", "purpose": M}, "/release/purpose: not a declared purpose", CPR),
]:
    g = write(f"call-fhir-export-release-{name}.json", dumps({"case": d, "as_of": "2025-05-01", "release": release}))
    rows.append({"file": g, "args": ["call", "fhir-export", "--input", "{file}"], "exit": 3, "place": place, "secret": secret, "stdout_json": True, "name": f"call-fhir-export-release-{name}"})
def b64(v):
    return base64.b64encode(dumps(v).encode()).decode()
note = {"to": {"code": "0270"}, "from_case": case["id"], "sender": "lars", "receiver": "lars",
        "purpose": "municipality-handover", "moved_on": "2025-04-10", "released": [], "withheld": [], "actors_left_out": 0}
def bundle(case_doc, note_doc):
    return {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Binary", "meta": {"tag": [{"system": "urn:coord:case-file", "code": "case-file"}]}, "contentType": "application/json", "data": b64(case_doc)}},
        {"resource": {"resourceType": "Binary", "meta": {"tag": [{"system": "urn:coord:handover", "code": "handover-note"}]}, "contentType": "application/json", "data": b64(note_doc)}}]}
for name, place, ident, secret in ident_cases[:4]:
    d = copy.deepcopy(case)
    d["citizen"]["identifiers"] = [ident]
    f = write(f"bundle-handover-identifier-{name}.json", dumps(bundle(d, note)))
    rows.append({"file": f, "args": ["handover", "import", "{file}", "--out", "{out}"], "exit": 3, "place": "/entry/0/resource/data" + place, "secret": secret, "name": f"handover-import-identifier-{name}"})
d = copy.deepcopy(note); d["receiver"] = [CPR]
f = write("bundle-handover-note-bad.json", dumps(bundle(case, d)))
rows.append({"file": f, "args": ["handover", "import", "{file}", "--out", "{out}"], "exit": 3, "place": "/entry/1/resource/data/receiver: expected", "secret": CPR, "name": "handover-import-note-bad"})
f = write("bundle-handover-no-note.json", dumps({"resourceType": "Bundle", "type": "collection", "entry": bundle(case, note)["entry"][:1]}))
rows.append({"file": f, "args": ["handover", "import", "{file}", "--out", "{out}"], "exit": 3, "place": "no handover note", "name": "handover-import-no-note"})

# foreign bundles (issue 14): a bundle of standard resources without coord's case-file Binary,
# with a planted CPR in a bad identifier. A malformed CPR or a CPR on an organisation is refused
# at its entry (exit 3); an identifier of the wrong shape is left out with a warning (exit 0).
# Neither the CPR nor the marker may appear on stdout or stderr.
foreign = load(os.path.join(ROOT, "tests", "fixtures", "fhir", "foreign-bundle.json"))
CPR_OID = "urn:oid:1.2.208.176.1.2"
foreign_cases = [
    ("cpr-not-ten-digits", 0, [{"system": CPR_OID, "value": CPR + "1"}], 3, "/entry/0/resource: invalid identifier", CPR),
    ("cpr-no-date", 0, [{"system": CPR_OID, "value": "3213" + CPR[4:]}], 3, "/entry/0/resource: invalid identifier", "3213" + CPR[4:]),
    ("cpr-marker", 0, [{"system": CPR_OID, "value": "0108" + M}], 3, "/entry/0/resource: invalid identifier", M),
    ("cpr-on-organisation", 1, [{"system": CPR_OID, "value": CPR}], 3, "/entry/1/resource: invalid identifier", CPR),
    ("cpr-value-number", 0, [{"system": CPR_OID, "value": int(CPR)}], 0, "/entry/0/resource/identifier/0:", CPR),
    ("identifier-not-array", 0, {"system": CPR_OID, "value": CPR}, 0, "/entry/0/resource/identifier:", CPR),
]
for name, entry, ident, code, place, secret in foreign_cases:
    d = copy.deepcopy(foreign)
    d["entry"][entry]["resource"]["identifier"] = ident
    f = write(f"bundle-foreign-identifier-{name}.json", dumps(d))
    rows.append({"file": f, "args": ["fhir", "import", "{file}"], "exit": code, "place": place, "secret": secret, "name": f"fhir-import-foreign-{name}"})

json.dump({"marker": M, "cases": rows}, open(os.path.join(OUT, "manifest.json"), "w"), indent=1)
print(len(rows), "cases,", len(os.listdir(OUT)) - 1, "files")
