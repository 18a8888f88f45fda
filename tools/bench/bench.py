"""Runs the benchmark behind `make bench` (SPEC §8: "Speed: measured in a benchmark").

Generates flat plans of N lines (tools/bench/gen.py) as CSV, XML Spreadsheet 2003 and xlsx in
a scratch folder, then runs the release binary on each: `validate --format json FILE` and
`inspect --summary FILE`, best wall time of several runs, peak resident memory of the child
(`ru_maxrss` from wait4, the number `/usr/bin/time -v` prints as "Maximum resident set size"),
and `consolidate` over samples/. Prints a Markdown table and writes it to --out.

Extra rows, to read the memory column:
- "no header": the same file without its header row; the mapper never finds a plan table and
  keeps nothing, so `inspect --summary` on it measures the reader (plus header sniffing) alone.
- a file over the 50 MiB limit (`ReadLimits.standard`; SpreadsheetML at 100 000 lines) is
  refused, as it should be; then the largest round size under the limit is measured too.

    python3 tools/bench/bench.py --bin .build-release/release/khuyencong --work DIR --out out/bench.md
"""

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone

sys.dont_write_bytecode = True  # no __pycache__ left in the work tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

REPO = gen.REPO
FORMATS = ["csv", "xml", "xlsx"]
LABELS = {"csv": "CSV (UTF-8, `,`)", "xml": "XML Spreadsheet 2003", "xlsx": "xlsx"}
FILE_LIMIT = 50 << 20  # ReadLimits.standard.maxFileBytes


def measure(argv, runs, timeout):
    """Runs `argv` `runs` times; returns (best wall s, its CPU s, peak RSS bytes, exit code,
    stdout of the first run, runs done). A run over `timeout` seconds is killed."""
    best = None
    peak = 0
    first_out = b""
    code = None
    done = 0
    for index in range(runs):
        with open(os.devnull, "wb") as devnull:
            started = time.perf_counter()
            proc = subprocess.Popen(argv, stdout=subprocess.PIPE if index == 0 else devnull,
                                    stderr=subprocess.DEVNULL, cwd=REPO)
            timer = threading.Timer(timeout, proc.kill)
            timer.start()
            output = b""
            if index == 0:
                output = proc.stdout.read()
                proc.stdout.close()
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - started
            timer.cancel()
            proc.returncode = os.waitstatus_to_exitcode(status)
        if index == 0:
            first_out = output
            code = proc.returncode
        done += 1
        peak = max(peak, usage.ru_maxrss * 1024)  # Linux reports kilobytes
        cpu = usage.ru_utime + usage.ru_stime
        if best is None or wall < best[0]:
            best = (wall, cpu)
        if proc.returncode < 0:  # killed by the timer
            code = "timeout"
            break
    return best[0], best[1], peak, code, first_out, done


def validate_result(code, output):
    if code == "timeout":
        return "timeout"
    try:
        submission = json.loads(output)["submissions"][0]
    except (ValueError, KeyError, IndexError):
        return f"exit {code}, unreadable output"
    codes = {}
    for diagnostic in submission["diagnostics"]:
        codes[diagnostic["code"]] = codes.get(diagnostic["code"], 0) + 1
    text = f'{submission["status"]}, {submission["lines"]} lines'
    if codes:
        text += " (" + ", ".join(f"{c} ×{n}" if n > 1 else c for c, n in sorted(codes.items())) + ")"
    return text


def inspect_result(code, output):
    if code == "timeout":
        return "timeout"
    text = output.decode("utf-8", "replace")
    parts = []
    found = re.search(r"^lines: (\d+)", text, re.M)
    if found:
        parts.append(f"{found.group(1)} lines")
    if re.search(r"^plan sheet: none found", text, re.M):
        rows = re.search(r"(\d+) rows with values", text)
        parts.append(f"no plan table, {rows.group(1) if rows else '?'} rows read")
    for problem in re.findall(r"^read problem: (\S+)", text, re.M):
        parts.append(problem)
    return ", ".join(parts) or f"exit {code}"


def consolidate_result(code, output):
    """(result text, lines in the consolidated plan)."""
    if code == "timeout":
        return "timeout", 0
    first = output.decode("utf-8", "replace").splitlines()[:1]
    found = re.search(r"(\d+) lines", first[0]) if first else None
    lines = int(found.group(1)) if found else 0
    return f"exit {code} (a rejected sample), plan of {lines} lines written", lines


def mb(value):
    return value / 1e6


def row(fmt, lines, size, command, wall, cpu, peak, runs, result, ok):
    return {
        "format": fmt, "lines": lines, "size": size, "command": command, "wall": wall,
        "cpu": cpu, "peak": peak, "runs": runs, "result": result, "ok": ok,
    }


def table(rows):
    head = ("| format | lines | file MB | command | seconds (best) | CPU s | MB/s | lines/s "
            "| peak RSS MB | runs | result |")
    out = [head, "|" + "|".join(["---"] * 11) + "|"]
    for r in rows:
        rate = lines_rate = "—"
        if r["ok"] and r["size"] and r["wall"] > 0:
            rate = f'{mb(r["size"]) / r["wall"]:.1f}'
            lines_rate = f'{r["lines"] / r["wall"]:,.0f}'
        out.append(
            f'| {r["format"]} | {r["lines"]:,} | {mb(r["size"]):.2f} | {r["command"]} '
            f'| {r["wall"]:.3f} | {r["cpu"]:.2f} | {rate} | {lines_rate} '
            f'| {mb(r["peak"]):.0f} | {r["runs"]} | {r["result"]} |')
    return "\n".join(out)


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                            capture_output=True, text=True).stdout.strip() or "?"
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                           cwd=REPO, capture_output=True, text=True).stdout.strip()
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True)
    swift_line = (swift.stdout or swift.stderr).splitlines()[0] if swift.returncode == 0 else "?"
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"- date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; commit {commit}"
            f"{' (with uncommitted changes)' if dirty else ''}\n"
            f"- machine: {cpu}, {os.cpu_count()} cores, {platform.system()} "
            f"{platform.release()}; load average at start {load}\n"
            f"- toolchain: {swift_line}; binary built with `-c release --static-swift-stdlib`")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", required=True)
    parser.add_argument("--work", required=True, help="scratch folder for generated files")
    parser.add_argument("--out", required=True, help="Markdown file to write")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=180.0)
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    sizes = sorted({int(s) for s in args.sizes.replace(",", " ").split()})
    header = machine()
    started = time.perf_counter()
    rows = []

    def log(text):
        print(text, file=sys.stderr, flush=True)

    def generate(fmt, lines, headerless=False):
        suffix = "-noheader" if headerless else ""
        path = os.path.join(args.work, f"2017-072-na-hang-{lines}{suffix}.{fmt}")
        # In a process of its own: a child's ru_maxrss counts this process's pages at fork, and
        # the xlsx writer holds its whole workbook (see compare.py, `generate`).
        subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                     "gen.py"),
                        "--format", fmt, "--lines", str(lines), "--out", path]
                       + (["--headerless"] if headerless else []),
                       check=True, stdout=subprocess.DEVNULL)
        return path

    def run_file(fmt, lines, path, commands):
        size = os.path.getsize(path)
        for label, argv, judge in commands:
            wall, cpu, peak, code, output, done = measure(argv + [path], args.runs, args.timeout)
            result = judge(code, output)
            ok = code != "timeout" and "file.unreadable" not in result
            rows.append(row(LABELS[fmt], lines, size, label, wall, cpu, peak, done, result, ok))
            log(f"  {fmt} {lines:>7} {label:<32} {wall:7.3f} s {mb(peak):6.0f} MB  {result}")

    both = [("`validate --format json`", [binary, "validate", "--format", "json"], validate_result),
            ("`inspect --summary`", [binary, "inspect", "--summary"], inspect_result)]
    reader_only = [("`inspect --summary`, no header row", [binary, "inspect", "--summary"],
                    inspect_result)]
    for fmt in FORMATS:
        fmt_sizes = list(sizes)
        readable = {}  # lines → bytes, for files under the size limit
        index = 0
        while index < len(fmt_sizes):
            lines = fmt_sizes[index]
            index += 1
            log(f"{fmt}: {lines} lines")
            path = generate(fmt, lines)
            size = os.path.getsize(path)
            run_file(fmt, lines, path, both)
            os.remove(path)
            if size <= FILE_LIMIT:
                readable[lines] = size
            elif index == len(fmt_sizes):
                # Over the limit (SpreadsheetML at 100 000 lines): also measure the largest
                # round size that is read, to see how memory goes with size.
                fit = FILE_LIMIT * lines // size // 10_000 * 10_000
                if fit > max(readable, default=0):
                    fmt_sizes.append(fit)
        # The reader alone, at the largest size this format is read at.
        if readable:
            lines = max(readable)
            path = generate(fmt, lines, headerless=True)
            run_file(fmt, lines, path, reader_only)
            os.remove(path)

    # consolidate: the samples as they are, then with Na Hang's plan as a 10 000-line CSV.
    samples = sorted(os.path.join(REPO, "samples", f)
                     for f in os.listdir(os.path.join(REPO, "samples"))
                     if f != "README.md" and not f.startswith("."))
    big = generate("csv", 10_000)
    mixed = [f for f in samples if not f.endswith("2017-072-na-hang-flat.csv")] + [big]
    consolidate = [binary, "consolidate", "--year", "2017", "--out",
                   os.path.join(args.work, "plan")]
    for label, files in [(f"samples/ ({len(samples)} files)", samples),
                         ("samples/, Na Hang's plan as a 10 000-line CSV", mixed)]:
        log(f"consolidate: {label}")
        wall, cpu, peak, code, output, done = measure(consolidate + files, args.runs,
                                                      args.timeout)
        result, lines = consolidate_result(code, output)
        size = sum(os.path.getsize(f) for f in files)
        rows.append(row(label, lines, size, "`consolidate --year 2017`", wall, cpu, peak, done,
                        result, code != "timeout"))
        log(f"  {wall:7.3f} s {mb(peak):6.0f} MB  {result}")
    os.remove(big)

    elapsed = time.perf_counter() - started
    order = {LABELS[f]: i for i, f in enumerate(FORMATS)}
    # By format, then size (the size added for the limit comes last when measured);
    # consolidate rows keep their order at the end.
    rows.sort(key=lambda r: (order.get(r["format"], len(order)),
                             r["lines"] if r["format"] in order else 0,
                             "no header" in r["command"]))
    body = table(rows)
    text = (
        "# khuyencong benchmark (`make bench`)\n\n"
        f"{header}\n"
        f"- runs: best wall time of {args.runs} (page cache warm); peak RSS is the largest "
        "`ru_maxrss` of the runs (what `/usr/bin/time -v` calls Maximum resident set size); "
        "CPU s is user + system time of the best run\n"
        "- inputs: a valid flat plan of 072 Na Hang for 2017 (the six line patterns of "
        "`samples/2017-072-na-hang-flat.csv`, each line unique), generated by "
        "`tools/bench/gen.py`; MB = 10⁶ bytes; lines/s counts the plan's lines\n"
        "- \"no header row\": the same file without its header, so the mapper keeps nothing: "
        "the reader's own memory and time (plus header sniffing on every row)\n"
        f"- whole benchmark (generation included): {elapsed:.0f} s\n\n"
        f"{body}\n")
    print(body)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(text)
    log(f"written to {args.out}")


if __name__ == "__main__":
    main()
