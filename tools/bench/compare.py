"""`make bench`: khuyencong beside the tools a Department's IT staff could pick instead, on the
same files in the same run, printed as ONE table (issue 7, SPEC §8).

For each format (flat CSV, XML Spreadsheet 2003, xlsx) at 1 000, 10 000, 100 000 lines and the
largest size the 50 MiB limit reads, it runs `khuyencong validate --format json FILE` and the
peers on the same file:

- CSV: `frictionless validate --trusted` (absolute paths are refused without it, and the file
  is then not read at all) with a Table Schema of the flat plan (types, required cells),
  and pandas `read_csv` (parse only);
- XML Spreadsheet 2003: `xmllint --stream --noout` (well-formedness only);
- xlsx: openpyxl in read-only mode, iterating every row's values.

Best wall time of --runs, peak RSS of the child (`ru_maxrss`), MB/s, lines/s and the ratio
(peer seconds / khuyencong seconds: above 1, khuyencong is faster). Then an instruction count
of `validate` on the 10 000-line CSV under `valgrind --tool=callgrind` (does not vary with the
machine's load), and the history row: 7 districts x 5 years x N lines in one `consolidate`.

    python3 tools/bench/compare.py --bin .build-release/release/khuyencong --venv .build-bench/venv \\
        --work DIR --out out/bench.md
"""

import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402
import gen  # noqa: E402

REPO = gen.REPO
LIMIT = 50 << 20  # ReadLimits.standard.maxFileBytes
ENTRY_LIMIT = 200 << 20  # ReadLimits.standard.maxEntryBytes (one xlsx part, inflated)

# The flat plan's Table Schema, for frictionless: the checks a peer can express.
SCHEMA = {
    "fields": [
        {"name": "district", "type": "string", "constraints": {"required": True}},
        {"name": "plan_year", "type": "integer", "constraints": {"required": True}},
        {"name": "submitted_on", "type": "date", "constraints": {"required": True}},
        {"name": "content", "type": "string", "constraints": {"required": True}},
        {"name": "activity", "type": "string", "constraints": {"required": True}},
        {"name": "implementer", "type": "string", "constraints": {"required": True}},
        {"name": "beneficiary", "type": "string"},
        {"name": "place", "type": "string"},
        {"name": "group_project", "type": "string"},
        {"name": "unit", "type": "string"},
        {"name": "quantity", "type": "integer"},
        {"name": "start", "type": "string"},
        {"name": "end", "type": "string"},
    ] + [{"name": k, "type": "number", "groupChar": ",", "constraints": {"minimum": 0}}
         for k in gen.MONEY] + [{"name": "note", "type": "string"}],
}

OPENPYXL = """
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
n = 0
for sheet in book.worksheets:
    for row in sheet.iter_rows(values_only=True):
        n += 1
print(n)
"""
PANDAS_CSV = "import sys, pandas; print(len(pandas.read_csv(sys.argv[1])))"


def log(text):
    print(text, file=sys.stderr, flush=True)


def generate(fmt, path, lines):
    """Writes a plan with gen.py in a process of its own. Generated here, the xlsx writer's
    workbook would stay in this process's memory, and Linux counts the parent's resident pages
    at `fork` into a child's `ru_maxrss`: a 260 000-line xlsx measured 113 MB under the bench
    and 76 MB under `/usr/bin/time`. This process stays small (about 15 MB, below any tool's)."""
    subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                 "gen.py"),
                    "--format", fmt, "--lines", str(lines), "--out", path],
                   check=True, stdout=subprocess.DEVNULL)


def largest_lines(fmt, work):
    """The largest round line count whose file is read under the limits, from a sample."""
    probe = os.path.join(work, f"probe.{fmt}")
    generate(fmt, probe, 10_000)
    per_line = os.path.getsize(probe) / 10_000
    fit = int(LIMIT / per_line)
    if fmt == "xlsx":  # the worksheet part, inflated, has its own limit
        with zipfile.ZipFile(probe) as book:
            inflated = max(info.file_size for info in book.infolist())
        fit = min(fit, int(ENTRY_LIMIT / (inflated / 10_000)))
    os.remove(probe)
    fit = int(fit * 0.97) // 10_000 * 10_000  # headroom for the file's head and tail
    return fit


def peers(fmt, venv, work):
    """(label, argv prefix) of each peer of `fmt`."""
    python = os.path.join(venv, "bin", "python")
    if fmt == "csv":
        schema = os.path.join(work, "plan.schema.json")
        with open(schema, "w") as out:
            json.dump(SCHEMA, out)
        return [("frictionless validate (Table Schema)",
                 [os.path.join(venv, "bin", "frictionless"), "validate", "--trusted",
                  "--schema", schema]),
                ("pandas read_csv (parse only)", [python, "-c", PANDAS_CSV])]
    if fmt == "xml":
        return [("xmllint --stream --noout", ["xmllint", "--stream", "--noout"])]
    return [("openpyxl read-only, every row", [python, "-c", OPENPYXL])]


def callgrind(binary, path):
    """Instructions executed by `validate --format json path` (callgrind's `Collected`), or
    the reason there is no count.

    valgrind 3.19 cannot read the DWARF 5 of Swift 6.3's release build ("Possibly corrupted
    debuginfo file"): it runs a copy made by `strip --strip-debug`, the same machine code."""
    with tempfile.TemporaryDirectory() as scratch:
        stripped = os.path.join(scratch, "khuyencong")
        shutil.copy2(binary, stripped)
        strip = subprocess.run(["strip", "--strip-debug", stripped], capture_output=True, text=True)
        if strip.returncode != 0:
            return None, "strip --strip-debug failed: " + strip.stderr.strip()
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
             stripped, "validate", "--format", "json", path],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found:
        return int(found.group(1)), None
    last = done.stderr.strip().splitlines()[-1:] or ["no output"]
    return None, "valgrind gave no count: " + last[0]


# ------------------------------------------------------------------ history

def district_communes():
    """District code → (name, communes in force on 1 January 2016…2020)."""
    units = os.path.join(REPO, "tools", "samples", "tuyen-quang-units.csv")
    districts, communes = {}, {}
    with open(units, encoding="utf-8") as source:
        for unit in csv.DictReader(source):
            if unit["code"] == unit["district_code"]:
                districts[unit["code"]] = unit["name"]
            elif not unit["valid_to"] or unit["valid_to"] >= "2020-12-31":
                if not unit["valid_from"] or unit["valid_from"] <= "2016-01-01":
                    prefix = {"xã": "Xã", "phường": "Phường", "thị trấn": "Thị trấn"}[unit["type"]]
                    communes.setdefault(unit["district_code"], []).append(
                        f'{prefix} {unit["name"]}')
    return {code: (name, communes.get(code, [])) for code, name in districts.items()}


def write_history_plan(path, code, communes, year, count):
    """A valid flat plan of district `code` for `year` (gen.py's six line patterns)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(gen.KEYS)
        for index, line in enumerate(gen.plan_lines(count)):
            commune = communes[(index // len(gen.PATTERNS)) % len(communes)]
            line["district"] = code
            line["plan_year"] = str(year)
            line["submitted_on"] = f"{year - 1}-10-20"
            for key in ("start", "end"):
                line[key] = line[key].replace(str(gen.PLAN_YEAR), str(year))
            if line["place"]:
                old = line["place"]
                line["place"] = commune
                line["activity"] = line["activity"].replace(old, commune)
            line["activity"] += f" ({code}/{year})"
            writer.writerow([gen.en_number(line[k]) if k in gen.MONEY else line[k]
                             for k in gen.KEYS])


# ------------------------------------------------------------------ table

def fmt_row(fmt, lines, size, tool, wall, cpu, peak, ratio):
    rate = f"{size / 1e6 / wall:.1f}" if wall > 0 else "—"
    per_s = f"{lines / wall:,.0f}" if wall > 0 else "—"
    return (f"| {fmt} | {lines:,} | {size / 1e6:.2f} | {tool} | {wall:.3f} | {cpu:.2f} | {rate} "
            f"| {per_s} | {peak / 1e6:.0f} | {ratio} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", required=True)
    parser.add_argument("--venv", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--sizes", default="1000 10000 100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--history-lines", type=int, default=20_000)
    parser.add_argument("--formats", default="csv xml xlsx")
    parser.add_argument("--largest", default="yes", help="'no' skips the largest size")
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    sizes = [int(s) for s in args.sizes.split()]
    header = bench.machine()
    started = time.perf_counter()
    lines_out = ["| format | lines | file MB | tool | wall s (best) | CPU s | MB/s | lines/s "
                 "| peak RSS MB | peer / khuyencong: wall (CPU) |",
                 "|---|---|---|---|---|---|---|---|---|---|"]
    notes = []

    def measure(argv):
        wall, cpu, peak, code, output, _ = bench.measure(argv, args.runs, args.timeout)
        return wall, cpu, peak, code, output

    # Start-up: a one-line CSV, subtracted for the linearity figure.
    one = os.path.join(args.work, "one.csv")
    generate("csv", one, 1)
    startup, startup_cpu, _, _, _ = measure([binary, "validate", "--format", "json", one])
    linear = {}
    for fmt in args.formats.split():
        label = bench.LABELS[fmt]
        fmt_sizes = [s for s in sizes]
        if args.largest == "yes":
            largest = largest_lines(fmt, args.work)
            fmt_sizes = [s for s in fmt_sizes if s < largest] + [largest]
        for lines in fmt_sizes:
            path = os.path.join(args.work, f"2017-072-na-hang-{lines}.{fmt}")
            generate(fmt, path, lines)
            size = os.path.getsize(path)
            wall, cpu, peak, code, output = measure([binary, "validate", "--format", "json", path])
            result = bench.validate_result(code, output)
            if not result.startswith("accepted"):
                notes.append(f"{label} {lines:,}: khuyencong says {result}")
            log(f"{fmt} {lines:>7} khuyencong {wall:7.3f} s {peak / 1e6:5.0f} MB {result}")
            lines_out.append(
                fmt_row(label, lines, size, "**khuyencong validate**", wall, cpu, peak, ""))
            linear.setdefault(fmt, []).append((lines, wall - startup, cpu - startup_cpu))
            for tool, argv in peers(fmt, args.venv, args.work):
                p_wall, p_cpu, p_peak, p_code, _ = measure(argv + [path])
                if p_code != 0:  # frictionless exits 1 on an invalid (or unread) file
                    notes.append(f"{label} {lines:,}: {tool} exit {p_code}")
                ratio = f"{p_wall / wall:.2f}× ({p_cpu / cpu:.2f}×)" if wall > 0 and cpu > 0 else "—"
                log(f"{fmt} {lines:>7} {tool:<40} {p_wall:7.3f} s {p_peak / 1e6:5.0f} MB {ratio}")
                lines_out.append(fmt_row(label, lines, size, tool, p_wall, p_cpu, p_peak, ratio))
            if fmt == "csv" and lines == 10_000:
                count, problem = callgrind(binary, path)
                if count:
                    notes.append(f"callgrind, `validate --format json` on the 10 000-line CSV "
                                 f"(a `strip --strip-debug` copy): {count:,} instructions")
                    log(f"callgrind: {count:,}")
                else:
                    notes.append(f"callgrind: {problem}")
                    log(f"callgrind: {problem}")
            os.remove(path)

    # History: 7 districts x 5 years in one consolidate call.
    history = os.path.join(args.work, "history")
    os.makedirs(history, exist_ok=True)
    files = []
    for code, (name, communes) in sorted(district_communes().items()):
        for year in range(2016, 2021):
            path = os.path.join(history, f"{year}-{code}.csv")
            write_history_plan(path, code, communes, year, args.history_lines)
            files.append(path)
    size = sum(os.path.getsize(f) for f in files)
    total = len(files) * args.history_lines
    argv = [binary, "consolidate", "--year", "2020", "--out", os.path.join(args.work, "plan")]
    wall, cpu, peak, code, output = measure(argv + files)
    first = output.decode("utf-8", "replace").splitlines()[:1]
    log(f"history {total:,} lines {wall:.3f} s {peak / 1e6:.0f} MB exit {code}: {first}")
    lines_out.append(fmt_row(f"history: {len(files)} CSV plans (7 districts × 5 years)", total,
                             size, "**khuyencong consolidate --year 2020**", wall, cpu, peak,
                             f"{peak / total:.0f} B/line"))
    if code not in (0, 1):
        notes.append(f"history consolidate: exit {code}")
    for fmt, points in linear.items():
        small, large = points[0], points[-1]
        if small[1] > 0 and large[1] > 0 and small[2] > 0 and large[2] > 0:
            notes.append(f"{bench.LABELS[fmt]}: lines/s after start-up ({startup:.3f} s wall, "
                         f"{startup_cpu:.2f} s CPU) at {small[0]:,} lines {small[0] / small[1]:,.0f} "
                         f"wall, {small[0] / small[2]:,.0f} CPU; at {large[0]:,} lines "
                         f"{large[0] / large[1]:,.0f} wall, {large[0] / large[2]:,.0f} CPU")
    elapsed = time.perf_counter() - started
    body = "\n".join(lines_out)
    text = (f"# khuyencong beside its peers (`make bench`)\n\n{header}\n"
            f"- best of {args.runs} runs; CPU s = user + system of the child; peak RSS = "
            f"`ru_maxrss`; MB = 10⁶ bytes; "
            f"whole benchmark {elapsed:.0f} s\n\n{body}\n\n"
            + "".join(f"- {n}\n" for n in notes))
    print(body)
    for note in notes:
        print(f"- {note}")
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(text)
    log(f"written to {args.out}")


if __name__ == "__main__":
    main()
