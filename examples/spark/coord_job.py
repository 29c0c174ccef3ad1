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

The statistics job (`--stats-by DIM[,DIM…]`, the command `summarise --as-of …`): map — each
partition's case files through `coord summarise --ndjson` into `coord stats partial --by DIMS`,
one partial aggregate per partition; reduce — `coord stats merge` of the partials. Merging is
exact, associative and commutative, so the merged partial (written to OUTPUT/partial.json) equals
the single-process `coord summarise --ndjson | coord stats partial` result byte for byte.

    spark-submit coord_job.py --binary ./coord --input cases.ndjson --output stats/ \
        --stats-by municipality,target_group -- summarise --as-of 2026-12-01
"""

import argparse
import collections
import json
import os
import re
import stat
import subprocess
import sys
import tempfile
import threading


def shipped_binary(binary_name):
    """The coord binary shipped with addFile, executable (on an executor or the driver)."""
    from pyspark import SparkFiles

    binary = SparkFiles.get(binary_name)
    mode = os.stat(binary).st_mode
    if not mode & stat.S_IXUSR:
        os.chmod(binary, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return binary


def coord_partition(binary_name, command, jobs):
    """A mapPartitions function: stream the partition's lines through one coord process."""

    def run(lines):
        binary = shipped_binary(binary_name)
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


def stats_partition(binary_name, command, jobs, by):
    """A mapPartitions function for the statistics job: the partition's case files through
    `coord summarise --ndjson`, piped into `coord stats partial --by BY` (rows are counted as they
    stream, never held); yields one (partial JSON, lines counted, failed answers skipped)."""

    def run(lines):
        binary = shipped_binary(binary_name)
        rows = subprocess.Popen(
            [binary, *command, "--ndjson", "--on-error", "answer", "--jobs", str(jobs)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        count = subprocess.Popen(
            [binary, "stats", "partial", "--by", by],
            stdin=rows.stdout,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        rows.stdout.close()  # the partial process holds the pipe now

        def feed():
            try:
                for line in lines:
                    rows.stdin.write(line.encode("utf-8"))
                    rows.stdin.write(b"\n")
            except BrokenPipeError:
                pass
            finally:
                try:
                    rows.stdin.close()
                except BrokenPipeError:
                    pass

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        partial, said = count.communicate()
        writer.join()
        rows_err = rows.stderr.read().decode("utf-8", "replace")
        if rows.wait() != 0:
            raise RuntimeError(f"coord summarise exited {rows.returncode}: {rows_err.strip()}")
        said = said.decode("utf-8", "replace")
        if count.returncode != 0:
            raise RuntimeError(f"coord stats partial exited {count.returncode}: {said.strip()}")
        found = re.search(r"(\d+) lines counted, (\d+) failed answers skipped", said)
        if found is None:
            raise RuntimeError(f"coord stats partial did not say what it counted: {said.strip()}")
        counted, skipped = int(found.group(1)), int(found.group(2))
        yield (partial.decode("utf-8"), counted + skipped, skipped)

    return run


def merge_partials(binary_name):
    """A reduce function: `coord stats merge` of two partials (with their line counts)."""

    def merge(a, b):
        binary = shipped_binary(binary_name)
        with tempfile.TemporaryDirectory() as tmp:
            paths = []
            for i, (text, _, _) in enumerate((a, b)):
                path = os.path.join(tmp, f"part-{i}.json")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                paths.append(path)
            proc = subprocess.run([binary, "stats", "merge", *paths], capture_output=True)
        if proc.returncode != 0:
            raise RuntimeError(
                f"coord stats merge exited {proc.returncode}: "
                + proc.stderr.decode("utf-8", "replace").strip()
            )
        return (proc.stdout.decode("utf-8"), a[1] + b[1], a[2] + b[2])

    return merge


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
    parser.add_argument(
        "--stats-by",
        default=None,
        metavar="DIM,DIM",
        help="the statistics job: summarise + stats partial per partition, merged (command: summarise …)",
    )
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
    if args.stats_by is not None:
        if command[0] != "summarise":
            parser.error("--stats-by runs `summarise …`: give that command after --")
        partials = lines.mapPartitions(stats_partition(binary_name, command, args.jobs, args.stats_by))
        merged, total, failed = partials.reduce(merge_partials(binary_name))
        os.makedirs(args.output, exist_ok=False)
        with open(os.path.join(args.output, "partial.json"), "w", encoding="utf-8") as f:
            f.write(merged)
        print(
            f"coord on spark: {total} lines summarised into {partials.getNumPartitions()} partials, "
            f"{failed} failed answers skipped"
        )
        spark.stop()
        return 0
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
