#!/usr/bin/env python3
"""Run a coord command over an NDJSON dataset on Apache Spark.

Every partition is streamed through one `coord ... --ndjson --on-error answer` process on its
executor; the `coord` binary is shipped to the executors with SparkContext.addFile. Answers are
NDJSON lines carrying the input line's `id` (join them back to the inputs by it) and `line` (the
line number within the partition). Failed lines are failure answers, never a failed job: the
driver prints a summary of them at the end.

    spark-submit coord_job.py --binary ./coord --input cases.ndjson --output answers/ \
        --partitions 200 -- evaluate --as-of 2025-11-01

Everything after `--` is the coord command (`evaluate --as-of …`, `call report`, `access check
case.json` …); the job adds `--ndjson --on-error answer --jobs N`.
"""

import argparse
import collections
import json
import os
import stat
import subprocess
import sys
import threading


def coord_partition(binary_name, command, jobs):
    """A mapPartitions function: stream the partition's lines through one coord process."""

    def run(lines):
        from pyspark import SparkFiles

        binary = SparkFiles.get(binary_name)
        mode = os.stat(binary).st_mode
        if not mode & stat.S_IXUSR:
            os.chmod(binary, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        proc = subprocess.Popen(
            [binary, *command, "--ndjson", "--on-error", "answer", "--jobs", str(jobs)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )

        def feed():
            try:
                for line in lines:
                    proc.stdin.write(line.encode("utf-8"))
                    proc.stdin.write(b"\n")
            except BrokenPipeError:
                pass
            finally:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        for answer in proc.stdout:
            yield answer.decode("utf-8").rstrip("\n")
        writer.join()
        err = proc.stderr.read().decode("utf-8", "replace")
        if proc.wait() != 0:
            # With --on-error answer coord exits non-zero only for usage or I/O errors: fail the
            # task (Spark retries it) and say why.
            raise RuntimeError(f"coord exited {proc.returncode}: {err.strip()}")

    return run


def summarise(answers):
    """Count successes and failures, and failures by error code (on the driver)."""
    failures = answers.filter(lambda a: '"status":"failure"' in a).map(json.loads)
    by_code = (
        failures.flatMap(lambda a: [e.get("code", "?") for e in a.get("errors", [])] or ["?"])
        .countByValue()
    )
    return failures.count(), collections.Counter(by_code)


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--" not in argv:
        print("usage: coord_job.py [options] -- COORD COMMAND (see --help)", file=sys.stderr)
        return 2
    split = argv.index("--")
    own, command = argv[:split], argv[split + 1 :]
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True, help="the coord binary (Linux, for the executors)")
    parser.add_argument("--input", required=True, help="NDJSON input: a file, directory or glob Spark reads")
    parser.add_argument("--output", required=True, help="directory for the answers (must not exist)")
    parser.add_argument("--partitions", type=int, default=0, help="repartition the input into this many partitions")
    parser.add_argument("--jobs", type=int, default=1, help="coord threads per partition (match spark.task.cpus)")
    parser.add_argument("--master", default=None, help="Spark master (default: spark-submit's)")
    args = parser.parse_args(own)
    if not command:
        parser.error("give the coord command after --")

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("coord " + " ".join(command))
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.addFile(os.path.abspath(args.binary))
    binary_name = os.path.basename(args.binary)

    lines = sc.textFile(args.input)
    if args.partitions > 0:
        lines = lines.repartition(args.partitions)
    answers = lines.mapPartitions(coord_partition(binary_name, command, args.jobs)).cache()
    answers.saveAsTextFile(args.output)
    total = answers.count()
    failed, by_code = summarise(answers)
    print(f"coord on spark: {total} lines answered: {total - failed} succeeded, {failed} failed")
    for code, n in by_code.most_common():
        print(f"  {n:>8}  {code}")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
