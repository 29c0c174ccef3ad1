#!/usr/bin/env bash
# The Spark example's end-to-end test (tests/e2e/spark.rs) needs a Java runtime and pyspark.
# Idempotent: installs only what is missing. Sourced by .ci/run.
if ! command -v java >/dev/null 2>&1; then
  apt-get update
  apt-get install -y --no-install-recommends default-jre-headless
fi
if ! python3 -c "import pyspark" >/dev/null 2>&1; then
  python3 -m pip install --quiet pyspark \
    || python3 -m pip install --quiet --break-system-packages pyspark
fi
