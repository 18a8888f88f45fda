#!/usr/bin/env python3
"""Rebuild every file of samples/ from one description (plans.py + SAMPLES below).

    python3 tools/samples/make_samples.py            # writes samples/ (needs LibreOffice)
    python3 tools/samples/make_samples.py --check    # also reads the .xml/.xlsx back (ssconvert)

Python 3 standard library only. LibreOffice (`soffice`) writes the .xml (XML Spreadsheet
2003) and .xlsx samples, from a flat ODS (.fods) for the form layout and from a CSV for the
flat layout, exactly as a district's LibreOffice would. The CSV / Unicode-text samples are
written the way Excel saves them. Tests never run this script: they read the committed files.
"""

import copy
import csv
import io
import subprocess
import sys
import tempfile
import zipfile
from datetime import date
from decimal import Decimal as D
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True   # keep __pycache__ out of the repository
sys.path.insert(0, str(HERE))

from plans import (CAPS, D075, DISTRICTS, KC_CENTRE, P2016, P2017, PRIORITY_ONLY,  # noqa: E402
                   PTV, UNITS, g)
from writers import (MONEY, encode, flat_rows, form_grid, grid_to_excel_csv,  # noqa: E402
                     nfc, rows_to_excel_text, rows_to_lo_csv, write_fods)

ROOT = HERE.parent.parent
OUT = ROOT / "samples"
LO_PROFILE = "file:///tmp/lo-profile-samples"
REGISTER = HERE / "tuyen-quang-units.csv"   # copy of shared/reference (GSO data)


# ---------------------------------------------------------------- LibreOffice

def soffice(src, target, outdir, infilter=None):
    cmd = ["soffice", f"-env:UserInstallation={LO_PROFILE}", "--headless", "--convert-to",
           target]
    if infilter:
        cmd.append(f"--infilter={infilter}")
    cmd += ["--outdir", str(outdir), str(src)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


TARGETS = {".xml": "xml:MS Excel 2003 XML", ".xlsx": "xlsx:Calc MS Excel 2007 XML"}


def fixed_zip_times(data, when):
    """The same xlsx with every entry stamped `when` (LibreOffice stamps the current time),
    so that regenerating gives identical bytes. Entries, order and compression are kept."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            copy_info = zipfile.ZipInfo(info.filename, date_time=when)
            copy_info.compress_type = info.compress_type
            copy_info.external_attr = info.external_attr
            dst.writestr(copy_info, src.read(info.filename))
    return out.getvalue()


def lo_from_fods(grid, sheet, ext, work):
    src = work / f"{sheet}.fods"
    src.write_text(write_fods(grid, sheet), encoding="utf-8")
    soffice(src, TARGETS[ext], work)
    return (work / f"{sheet}{ext}").read_bytes()


def lo_from_csv(rows, stem, ext, work, text_cols=None):
    """LibreOffice importing a UTF-8 CSV (sheet named after the file, as LO does) with
    per-column formats: 2 = text, 1 = standard, 4 = DD/MM/YY date."""
    src = work / f"{stem}.csv"
    src.write_text(rows_to_lo_csv(rows), encoding="utf-8")
    formats = "/".join(f"{i + 1}/{f}" for i, f in enumerate(text_cols))
    soffice(src, TARGETS[ext], work, infilter=f"CSV:44,34,76,1,{formats}")
    return (work / f"{stem}{ext}").read_bytes()


def column_formats(rows, header_index):
    header = rows[header_index]
    numeric = {"quantity", "total", "national", "local", "counterpart", "other", "plan_year",
               "Số lượng", "Tổng kinh phí", "KCQG", "KCĐP", "Đối ứng", "Nguồn khác",
               "Năm kế hoạch"}
    dates = {"submitted_on", "Ngày gửi"}
    width = max(len(r) for r in rows)
    out = []
    for i in range(width):
        name = header[i] if i < len(header) else ""
        out.append(1 if name in numeric else 4 if name in dates else 2)
    return out


# ---------------------------------------------------------------- the samples

class Sample:
    def __init__(self, name, district, year, fmt, layout, build, outcome="accepted",
                 code=None, where=None, why="", plan=None, sheet="Sheet1", note=""):
        self.name, self.district, self.year, self.fmt, self.layout = (name, district, year,
                                                                      fmt, layout)
        self.build, self.outcome, self.code, self.where, self.why = (build, outcome, code,
                                                                     where, why)
        self.plan, self.sheet, self.note = plan, sheet, note
        self.cell = ""          # filled in by build (the A1 reference of `where`)
        self.grid = None        # the intended form grid, for --check
        self.rows = None        # the intended flat rows, for --check


def dated(p, day, **changes):
    q = copy.deepcopy(p)
    q["submitted"] = day
    q.update(changes)
    return q


def set_line(p, i, **changes):
    q = copy.deepcopy(p)
    for k, v in changes.items():
        q["lines"][i][k] = D(v) if k in MONEY else v
    return q


def ref(sample, where_map):
    if sample.where is None:
        return ""
    cell = where_map[sample.where]
    sheet = sample.sheet
    if sample.name.endswith((".csv", ".txt")):
        # Excel (and khuyencong) name a CSV's only sheet after the file, cut to 31 characters.
        sheet = Path(sample.name).stem[:31]
    return f"{sheet}!{cell}"


def build_form(sample, ext, work, **opts):
    grid = form_grid(sample.plan, **opts)
    sample.grid = grid
    sample.cell = ref(sample, grid.where)
    return lo_from_fods(grid, sample.sheet, ext, work)


def build_form_csv(sample, delim, encoding, number_style, **opts):
    grid = form_grid(sample.plan, **opts)
    sample.grid = grid
    sample.cell = ref(sample, grid.where)
    return encode(grid_to_excel_csv(grid, delim, number_style), encoding)


def build_flat_text(sample, delim, encoding, quote_commas=False, **opts):
    rows, where = flat_rows(sample.plan, **opts)
    sample.rows = rows
    sample.cell = ref(sample, where)
    return encode(rows_to_excel_text(rows, delim, quote_commas), encoding)


def build_flat_lo(sample, ext, work, **opts):
    rows, where = flat_rows(sample.plan, **opts)
    sample.rows = rows
    sample.sheet = Path(sample.name).stem
    sample.cell = ref(sample, where)
    header_index = int(where[("header",)].split(":")[0]) - 1
    return lo_from_csv(rows, sample.sheet, ext, work, column_formats(rows, header_index))


def samples():
    S = []
    p070, p071, p072, p073 = P2017["070"], P2017["071"], P2017["072"], P2017["073"]
    p074v1, p074v2, p075, p076 = P2017["074v1"], P2017["074v2"], P2017["075"], P2017["076"]

    # ------------------------------------------------------------ accepted, plan year 2017
    S.append(Sample("2017-070-tp-tuyen-quang-form.xml", "070", 2017,
                    "XML Spreadsheet 2003 (LibreOffice 7.4), UTF-8", "form", plan=p070,
                    sheet="KH2017", note="SUM formulas with cached values (LibreOffice "
                    "writes them in ODF syntax, `of:=SUM([.M12:.P12])`); header cells with line breaks (D8, F8); "
                    "column-number row; money in triệu đồng",
                    build=lambda s, w: build_form(s, ".xml", w, formulas=True,
                                                  header_breaks=True)))
    S.append(Sample("2017-071-lam-binh-form.xlsx", "071", 2017, "xlsx (LibreOffice 7.4)",
                    "form", plan=p071, sheet="KH2017",
                    note="money in nghìn đồng; start/end as real date cells; STT restarts "
                    "in each section; unit in A7; no column-number row; header cells with "
                    "line breaks (D8 \"Đơn vị↵thực hiện\", F8)",
                    build=lambda s, w: build_form(s, ".xlsx", w, unit="nghìn đồng",
                                                  header_breaks=True,
                                                  real_dates=True, formulas=True,
                                                  stt_restart=True, colnums=False,
                                                  total_label_col="C", unit_cell="A")))
    S.append(Sample("2017-072-na-hang-flat.csv", "072", 2017,
                    "CSV, UTF-8 with BOM, `,`", "flat", plan=p072,
                    note="English headers; numbers `1,234.5` (#,##0.0, quoted); "
                    "submitted_on 2016-10-24; district as code 072",
                    build=lambda s, w: build_flat_text(s, ",", "utf-8-sig", number_style="en",
                                                       decimals=1, submitted_style="iso",
                                                       zeros=True)))
    order073 = ["district", "plan_year", "submitted_on", "content", "activity", "place",
                "beneficiary", "implementer", "group_project", "unit", "quantity", "start",
                "end", "national", "local", "counterpart", "other", "total", "note"]
    S.append(Sample("2017-073-chiem-hoa-flat.csv", "073", 2017,
                    "CSV, Windows-1258 (tone marks as combining characters), `;`", "flat",
                    plan=p073, note="Vietnamese headers in another column order; numbers "
                    "`1.234,5`",
                    build=lambda s, w: build_flat_text(s, ";", "cp1258-excel", headers="vi",
                                                       order=order073, number_style="vi",
                                                       decimals=1, zeros=True)))
    S.append(Sample("2017-074-ham-yen-form-v1.csv", "074", 2017,
                    "CSV, UTF-8 with BOM, `,` (Excel \"CSV UTF-8\" of the form)", "form",
                    plan=p074v1, outcome="accepted, superseded",
                    code="submission.superseded (info)",
                    why="earlier version (20/10/2016); 2017-074-ham-yen-form-v2.xml "
                    "(28/10/2016) replaces it",
                    note="merged cells as value + empty fields; header cells with line "
                    "breaks (quoted, multi-line records); column-number row",
                    build=lambda s, w: build_form_csv(s, ",", "utf-8-sig", "general",
                                                      header_breaks=True,
                                                      total_label_col="C")))
    S.append(Sample("2017-074-ham-yen-form-v2.xml", "074", 2017,
                    "XML Spreadsheet 2003 (LibreOffice 7.4), UTF-8", "form", plan=p074v2,
                    sheet="KH2017", note="money in đồng; no column-number row; supersedes v1",
                    build=lambda s, w: build_form(s, ".xml", w, unit="đồng", colnums=False)))
    S.append(Sample("2017-075-yen-son-flat.xml", "075", 2017,
                    "XML Spreadsheet 2003 (LibreOffice 7.4 from CSV), UTF-8", "flat",
                    plan=p075, note="label rows above the header (label and value in two "
                    "cells); Vietnamese headers; sheet named after the CSV",
                    build=lambda s, w: build_flat_lo(s, ".xml", w, meta="labels2",
                                                     headers="vi", unit="triệu đồng")))

    # ------------------------------------------------------------ accepted, plan year 2016
    S.append(Sample("2016-071-lam-binh-flat.txt", "071", 2016,
                    "Unicode text: UTF-16LE with BOM, tab", "flat", plan=P2016["071"],
                    note="label rows above the header (\"Huyện: Lâm Bình\" in one cell); "
                    "fields with commas quoted as Excel does",
                    build=lambda s, w: build_flat_text(s, "\t", "utf-16", quote_commas=True,
                                                       meta="labels1", headers="vi")))
    S.append(Sample("2016-074-ham-yen-flat.xlsx", "074", 2016,
                    "xlsx (LibreOffice 7.4 from CSV)", "flat", plan=P2016["074"],
                    note="English headers; submitted_on a date cell",
                    build=lambda s, w: build_flat_lo(s, ".xlsx", w)))
    S.append(Sample("2016-076-son-duong-form.csv", "076", 2016,
                    "CSV, Windows-1258, `;` (Excel \"CSV\" of the form on Vietnamese Windows)",
                    "form", plan=P2016["076"], note="numbers `78,0`",
                    build=lambda s, w: build_form_csv(s, ";", "cp1258-excel", "general-vi")))

    # ------------------------------------------------------------ rejected, one cause each
    def rej(code, district, ext, fmt, layout, plan, where, why, build, year=2017, slug=None,
            sheet="Sheet1"):
        d = DISTRICTS.get(district)
        name = (f"rejected-{code.replace('.', '_')}-{year}-{district}-"
                f"{slug or d['slug']}{ext}")
        S.append(Sample(name, district, year, fmt, layout, build, outcome="rejected",
                        code=code, where=where, why=why, plan=plan, sheet=sheet))

    rej("deadline.late", "076", ".xlsx", "xlsx (LibreOffice 7.4)", "form", p076,
        ("meta", "date"), "dated 02/11/2016, after the deadline 30/10/2016 for plan year 2017 "
        "(Sơn Dương's only 2017 plan)", sheet="KH2017",
        build=lambda s, w: build_form(s, ".xlsx", w, formulas=True))
    rej("budget.sum", "074", ".csv", "CSV, UTF-8 with BOM, `,`", "flat",
        set_line(dated(p074v1, date(2016, 10, 18)), 1, total="390.0"), ("line", 1, "total"),
        "Tổng kinh phí 390 ≠ KCQG 180 + Đối ứng 200 = 380",
        build=lambda s, w: build_flat_text(s, ",", "utf-8-sig", headers="vi"))
    rej("budget.cap", "075", ".csv", "CSV, UTF-8 with BOM, `,`", "flat",
        set_line(dated(p075, date(2016, 10, 19)), 2, total="520.0", national="250.0",
                 counterpart="270.0"), ("line", 2, "national"),
        "3.3 machinery: KCQG 250 > 200 triệu per cơ sở × 1 (Yên Sơn is not a priority "
        "district; 48 % of the total is within the 50 % cap)",
        build=lambda s, w: build_flat_text(s, ",", "utf-8-sig"))
    p_prio = dated(p075, date(2016, 10, 17))
    p_prio["lines"].insert(2, g("2.3", "Hỗ trợ thành lập doanh nghiệp chế biến chè", D075,
                                "doanh nghiệp", 2, "03/2017", "12/2017", "20.0",
                                national="20.0"))
    rej("budget.priority-only", "075", ".csv", "CSV, UTF-8 with BOM, `,`", "flat", p_prio,
        ("line", 2, "national"), "2.3 enterprise set-up (KCQG 20 for 2 doanh nghiệp, within "
        "10 triệu each) is supported only in Lâm Bình, Na Hang, Chiêm Hóa",
        build=lambda s, w: build_flat_text(s, ",", "utf-8-sig", headers="vi"))
    rej("place.other-district", "074", ".csv", "CSV, UTF-8 with BOM, `,`", "flat",
        set_line(dated(p074v1, date(2016, 10, 16)), 0, place="Xã Mỹ Bằng"),
        ("line", 0, "place"), "Xã Mỹ Bằng is a commune of Yên Sơn, not Hàm Yên",
        build=lambda s, w: build_flat_text(s, ",", "utf-8-sig", headers="vi"))
    rej("place.unknown", "073", ".csv", "CSV, Windows-1258, `;`", "flat",
        set_line(dated(p073, date(2016, 10, 19)), 2, place="Xã Tân Lập"),
        ("line", 2, "place"), "no commune Tân Lập in Tuyên Quang",
        build=lambda s, w: build_flat_text(s, ";", "cp1258-excel", headers="vi",
                                           number_style="vi", decimals=1))
    rej("content.unknown", "072", ".csv", "CSV, UTF-8 with BOM, `,`", "flat",
        set_line(dated(p072, date(2016, 10, 18)), 4, content="10.1"),
        ("line", 4, "content"), "no content area 10 (the programme has 1–9)",
        build=lambda s, w: build_flat_text(s, ",", "utf-8-sig"))
    rej("content.unit", "072", ".csv", "CSV, UTF-8 with BOM, `,`", "flat",
        set_line(dated(p072, date(2016, 10, 20)), 2, unit="lớp"), ("line", 2, "unit"),
        "3.3 counts cơ sở, not lớp",
        build=lambda s, w: build_flat_text(s, ",", "utf-8-sig", headers="vi"))
    rej("cell.required", "071", ".xml", "XML Spreadsheet 2003 (LibreOffice 7.4), UTF-8",
        "form", set_line(dated(p071, date(2016, 10, 20)), 1, implementer=""),
        ("line", 1, "implementer"), "Đơn vị thực hiện is empty", sheet="KH2017",
        build=lambda s, w: build_form(s, ".xml", w, unit="nghìn đồng", real_dates=True,
                                      formulas=True))
    rej("period.outside", "070", ".csv", "CSV, UTF-8 with BOM, `,`", "flat",
        set_line(dated(p070, date(2016, 10, 20)), 5, end="Quý I/2018"), ("line", 5, "end"),
        "ends in Quý I/2018, outside plan year 2017",
        build=lambda s, w: build_flat_text(s, ",", "utf-8-sig", headers="vi"))
    tm_total = sum((ln["total"] for ln in p073["lines"]), D(0))
    tm_local = sum((ln["local"] for ln in p073["lines"]), D(0))
    rej("total.mismatch", "073", ".xlsx", "xlsx (LibreOffice 7.4)", "form",
        dated(p073, date(2016, 10, 21)), ("total", "total"),
        f"Tổng cộng typed as {fmt_tr(tm_total + 10)} (KCĐP {fmt_tr(tm_local + 10)}) but the "
        f"lines sum to {fmt_tr(tm_total)} (KCĐP {fmt_tr(tm_local)}); the total row is "
        "consistent in itself (L = M+N+O+P) and the section subtotals are right",
        sheet="KH2017",
        build=lambda s, w: build_form(s, ".xlsx", w, formulas=True,
                                      total_override={"total": D(10), "local": D(10)}))
    p_bq = dated(p074v1, date(2016, 10, 25))
    p_bq["lines"] = [
        g("1.1", "Đào tạo nghề chế biến chè", KC_CENTRE, "lao động", 30, "04/2017", "06/2017",
          "80.0", local="72.0", counterpart="8.0"),
        g("4.3", "Tham gia hội chợ hàng công nghiệp nông thôn tiêu biểu", KC_CENTRE,
          "hội chợ", 1, "09/2017", "09/2017", "30.0", local="24.0", counterpart="6.0"),
        g("6.1", "Chuyên mục truyền hình về khuyến công", PTV, "chuyên mục", 2, "05/2017",
          "10/2017", "20.0", local="20.0"),
    ]
    rej("meta.district", "000", ".csv", "CSV, UTF-8 with BOM, `,`", "flat (label rows)",
        p_bq, ("meta", "Huyện:"), "\"Huyện: Bắc Quang\" is not a district of Tuyên Quang "
        "(a Hà Giang district); every line is a group project, so no place is checked",
        slug="bac-quang",
        build=lambda s, w: build_flat_text(s, ",", "utf-8-sig", meta="labels1", headers="vi",
                                           district_text="Bắc Quang"))
    p_2022 = dated(p072, date(2021, 10, 25), year=2022)
    for ln in p_2022["lines"]:
        ln["start"] = ln["end"] = ""
    rej("meta.year", "072", ".csv", "CSV, UTF-8 with BOM, `,`", "flat (label rows)", p_2022,
        ("meta", "Năm kế hoạch:"), "plan year 2022 is outside the programme 2016–2020 "
        "(dated 25/10/2021, so on time; no start/end filled in)", year=2022,
        build=lambda s, w: build_flat_text(s, ",", "utf-8-sig", meta="labels2", headers="vi"))
    rej("header.missing", "070", ".csv", "CSV, UTF-8 with BOM, `,`", "flat",
        dated(p070, date(2016, 10, 19)), ("header",), "no Tổng kinh phí column",
        build=lambda s, w: build_flat_text(s, ",", "utf-8-sig", headers="vi",
                                           drop=("total",)))
    p_dup = dated(p071, date(2016, 10, 18))
    p_dup["lines"].insert(1, copy.deepcopy(p_dup["lines"][0]))
    rej("line.duplicate", "071", ".csv", "CSV, UTF-8 with BOM, `,`", "flat", p_dup,
        ("line", 1), "row 3 repeats row 2 (Đào tạo nghề dệt thổ cẩm, HTX Dệt thổ cẩm "
        "Thượng Lâm)",
        build=lambda s, w: build_flat_text(s, ",", "utf-8-sig", headers="vi"))
    rej("csv.malformed", "074", ".csv", "CSV, UTF-8 with BOM, `,`", "flat",
        dated(p074v1, date(2016, 10, 17)), ("line", 4, "note"),
        "the last field opens a quote that is never closed (\"Nguồn khác: ngân sách tỉnh…)",
        build=build_unterminated)
    rej("xml.malformed", "075", ".xml", "XML Spreadsheet 2003 (LibreOffice 7.4), truncated",
        "flat", dated(p075, date(2016, 10, 16)), None,
        "LibreOffice's file cut off at 60 % of its bytes (a transfer stopped half-way), "
        "inside the worksheet table: not well-formed XML (the error is at the end of "
        "line 2, where LibreOffice writes the whole document)", build=build_truncated)
    rej("file.encoding", "073", ".csv", "CSV, UTF-8 with BOM, `,` + 3 Windows-1258 bytes",
        "flat", dated(p073, date(2016, 10, 18)), ("line", 3, "beneficiary"),
        "\"Nguyễn\" pasted as Windows-1258 bytes (4E 67 75 79 EA DE 6E): EA DE is not UTF-8",
        build=build_bad_bytes)
    rej("file.unreadable", "072", ".csv", "empty file (0 bytes)", "—",
        dated(p072, date(2016, 10, 17)), None, "the file is empty",
        build=lambda s, w: b"")
    return S


def build_unterminated(sample, work):
    data = build_flat_text(sample, ",", "utf-8-sig", headers="vi")
    text = data.decode("utf-8-sig")
    lines = text.split("\r\n")
    last = lines[-2]
    assert last.endswith(",Nguồn khác: ngân sách tỉnh"), last
    lines[-2] = last[: -len("Nguồn khác: ngân sách tỉnh")] + '"Nguồn khác: ngân sách tỉnh'
    return ("\r\n".join(lines)).encode("utf-8-sig")


def build_truncated(sample, work):
    data = build_flat_lo(sample, ".xml", work, meta="labels2", headers="vi",
                         unit="triệu đồng")
    cut = int(len(data) * 0.6)
    return data[:cut]


def build_bad_bytes(sample, work):
    data = build_flat_text(sample, ",", "utf-8-sig", headers="vi")
    good = "Hộ kinh doanh Nguyễn Thị Hoa".encode("utf-8")
    bad = "Hộ kinh doanh ".encode("utf-8") + encode("Nguyễn", "cp1258-excel") + \
        " Thị Hoa".encode("utf-8")
    assert data.count(good) == 1
    return data.replace(good, bad)


# ---------------------------------------------------------------- self-check of the plans

def load_register(year):
    """Communes in force on 1 January of `year`, per district (GSO register, see README)."""
    day = f"{year}-01-01"
    out = {}
    with open(REGISTER, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["code"] == row["district_code"]:
                continue
            if (row["valid_from"] or day) <= day <= (row["valid_to"] or day):
                out.setdefault(row["district_code"], set()).add(
                    row["type"].capitalize() + " " + row["name"])
    return out


def period_key(value, year):
    """(year, first month) of a start/end value."""
    if isinstance(value, date):
        return value.year, value.month
    text = value.strip()
    if text.startswith("Quý"):
        q, y = text[4:].split("/")
        return int(y), {"I": 1, "II": 4, "III": 7, "IV": 10}[q] + 2
    m, y = text.split("/")[-2:]
    return int(y), int(m)


def check_plan(p, label, on_time=True):
    """The rule codes (layouts.md) plan `p` breaks, as "<code> <where>" strings."""
    d = DISTRICTS[p["district"]]
    communes = load_register(p["year"])[p["district"]]
    problems = []
    deadline = date(p["year"] - 1, 10, 30)
    if on_time and p["submitted"] > deadline:
        problems.append("deadline.late")
    seen = set()
    for i, ln in enumerate(p["lines"]):
        where = f"{label} line {i}"
        for k in ("content", "activity", "implementer"):
            if ln[k] in ("", None):
                problems.append(f"cell.required {where} {k}")
        if ln["total"] != ln["national"] + ln["local"] + ln["counterpart"] + ln["other"]:
            problems.append(f"budget.sum {where}")
        code = ln["content"]
        if code not in UNITS:
            problems.append(f"content.unknown {where}")
            continue
        unit, aliases = UNITS[code]
        if ln["unit"] not in [unit] + aliases:
            problems.append(f"content.unit {where}")
        if code in CAPS:
            pct, per_unit = CAPS[code]
            support = ln["national"] + ln["local"]
            if pct is not None and support * 100 > pct * ln["total"]:
                problems.append(f"budget.cap {where} %")
            if per_unit is not None:
                limit = per_unit * ln["quantity"]
                if d["priority"] and code == "3.3":
                    limit *= D("1.5")
                if support > limit:
                    problems.append(f"budget.cap {where} amount")
        if code in PRIORITY_ONLY and not d["priority"]:
            problems.append(f"budget.priority-only {where}")
        if ln["group_project"]:
            if ln["place"] or ln["beneficiary"]:
                problems.append(f"group-with-place {where}")
        elif ln["place"] not in communes:
            other = [c for c, names in load_register(p["year"]).items() if ln["place"] in names]
            problems.append(f"{'place.other-district' if other else 'place.unknown'} {where}")
        if ln["start"] and ln["end"]:
            s, e = period_key(ln["start"], p["year"]), period_key(ln["end"], p["year"])
            if s[0] != p["year"] or e[0] != p["year"] or e < s:
                problems.append(f"period.outside {where}")
        key = (code, ln["activity"], ln["beneficiary"], ln["place"])
        if key in seen:
            problems.append(f"line.duplicate {where}")
        seen.add(key)
    return problems


def check_all_plans():
    problems = []
    for key, p in list(P2017.items()) + [("2016-" + k, v) for k, v in P2016.items()]:
        problems += check_plan(p, key, on_time=key != "076")
    if check_plan(P2017["076"], "076") != ["deadline.late"]:
        problems.append("076 must be late and nothing else")
    # cross.duplicate: the same beneficiary and indicator in two districts, same year
    for plans in (P2017, P2016):
        owner = {}
        for key, p in plans.items():
            for ln in p["lines"]:
                if ln["beneficiary"]:
                    k = (ln["beneficiary"], ln["content"])
                    if k in owner and owner[k] != p["district"]:
                        problems.append(f"cross duplicate {k}")
                    owner[k] = p["district"]
    return problems


PLAN_LEVEL = {"deadline.late", "budget.sum", "budget.cap", "budget.priority-only",
              "place.other-district", "place.unknown", "content.unknown", "content.unit",
              "cell.required", "period.outside", "line.duplicate"}


def check_rejected(all_samples):
    """Each rejected plan breaks exactly its own rule once (or none, when the cause is in
    the file rather than the plan: meta, header, bytes, total row)."""
    problems = []
    for s in all_samples:
        if s.outcome != "rejected" or s.plan is None:
            continue
        found = [x.split(" ")[0] for x in check_plan(s.plan, s.name)]
        want = [s.code] if s.code in PLAN_LEVEL else []
        if found != want:
            problems.append(f"{s.name}: plan breaks {found}, expected {want}")
    return problems


# ---------------------------------------------------------------- README

def money_total(p):
    return sum((ln["total"] for ln in p["lines"]), D(0))


def fmt_tr(value):
    return format(value.normalize(), "f") if value != value.to_integral() else str(int(value))


def readme(all_samples):
    out = ["# Sample district submissions",
           "",
           "Realistic plans of the seven districts of Tuyên Quang for plan year **2017** (and "
           "three for 2016), written the way the real programs write them. Generated by "
           "`python3 tools/samples/make_samples.py` from one description "
           "(`tools/samples/plans.py`); do not edit these files by hand.",
           "",
           "- The deadline for plan year N is 30/10 of N−1 (QĐ 69/QĐ-UBND, mục V.4).",
           "- Every **accepted** file is valid: each line's Tổng = KCQG + KCĐP + Đối ứng + "
           "Nguồn khác exactly, section subtotals and Tổng cộng are exact, national *and* "
           "local support stay within the TTLT 26/2014 caps (only 3.3 in Lâm Bình and Chiêm "
           "Hóa goes above the base cap, within the ×1,5 of a priority district: a "
           "`budget.cap` warning naming the approval needed), places are communes of the "
           "district in force on 1 January of the plan year, group projects (Đề án nhóm "
           "= x) have no place or beneficiary, no beneficiary + indicator appears in two "
           "districts of the same year.",
           "- Every **rejected** file has exactly one cause, named in the file name "
           "(`rejected-<code with . as _>-<year>-<district>-<slug>`); apart from it the "
           "file is a valid plan. Rejected files of a district are dated before its "
           "accepted file.",
           "- Cells are given as a spreadsheet shows them: a CSV/text file's sheet is named "
           "after the file (cut to 31 characters, as Excel does), the worksheet name "
           "otherwise. Amounts below are in triệu đồng whatever unit the file uses.",
           "",
           "## Files",
           "",
           "| File | District | Year | Format / encoding | Layout | Outcome | Diagnostic | "
           "Cell | Why / what is special |",
           "|---|---|---|---|---|---|---|---|---|"]
    for s in all_samples:
        d = DISTRICTS.get(s.district)
        dist = f"{s.district} {d['name']}" if d else f"{s.district} (Bắc Quang, unknown)"
        code = f"`{s.code}`" if s.code else ""
        cell = f"`{s.cell}`" if s.cell else ""
        why = s.why or s.note
        if s.outcome.startswith("accepted"):
            p = s.plan
            extra = f"{len(p['lines'])} lines, total {fmt_tr(money_total(p))} triệu đồng"
            why = f"{extra}; {why}" if why else extra
            if s.note and s.why:
                why += f"; {s.note}"
        out.append(f"| `{s.name}` | {dist} | {s.year} | {s.fmt} | {s.layout} | {s.outcome} | "
                   f"{code} | {cell} | {why} |")
    out += ["",
            "## Consolidated 2017 plan these samples should give",
            "",
            "| District | Status | Accepted file | Lines | Total (triệu đồng) | KCQG | KCĐP | "
            "Đối ứng | Nguồn khác |",
            "|---|---|---|---|---|---|---|---|---|"]
    final = {"070": "2017-070-tp-tuyen-quang-form.xml", "071": "2017-071-lam-binh-form.xlsx",
             "072": "2017-072-na-hang-flat.csv", "073": "2017-073-chiem-hoa-flat.csv",
             "074": "2017-074-ham-yen-form-v2.xml", "075": "2017-075-yen-son-flat.xml"}
    keys = {"070": "070", "071": "071", "072": "072", "073": "073", "074": "074v2",
            "075": "075"}
    grand = [D(0)] * 5
    for code in sorted(DISTRICTS):
        d = DISTRICTS[code]
        if code not in final:
            out.append(f"| {code} {d['name']} | rejected (`deadline.late`) | — | 0 | 0 | 0 | 0 "
                       f"| 0 | 0 |")
            continue
        p = P2017[keys[code]]
        sums = [sum((ln[k] for ln in p["lines"]), D(0)) for k in MONEY]
        grand = [a + b for a, b in zip(grand, sums)]
        out.append(f"| {code} {d['name']} | accepted | `{final[code]}` | {len(p['lines'])} | " +
                   " | ".join(fmt_tr(x) for x in sums) + " |")
    out.append("| **Tỉnh** | | | " + str(sum(len(P2017[keys[c]]["lines"]) for c in final)) +
               " | " + " | ".join(f"**{fmt_tr(x)}**" for x in grand) + " |")
    out += ["",
            "2016 plans (accepted): " + ", ".join(
                f"{c} {DISTRICTS[c]['name']} {len(P2016[c]['lines'])} lines, "
                f"{fmt_tr(money_total(P2016[c]))} triệu đồng" for c in sorted(P2016)) + ".",
            ""]
    return "\n".join(out)


# ---------------------------------------------------------------- main

def main():
    problems = check_all_plans()
    if problems:
        sys.exit("plan problems:\n  " + "\n  ".join(problems))
    all_samples = samples()
    problems = check_rejected(all_samples)
    if problems:
        sys.exit("rejected samples:\n  " + "\n  ".join(problems))
    names = [s.name for s in all_samples]
    assert len(names) == len(set(names))
    OUT.mkdir(exist_ok=True)
    for f in OUT.iterdir():
        if f.is_file() and not f.name.startswith("."):
            f.unlink()
    with tempfile.TemporaryDirectory(prefix="samples-") as tmp:
        for s in all_samples:
            work = Path(tmp) / Path(s.name).stem
            work.mkdir()
            data = s.build(s, work)
            if s.name.endswith(".xlsx"):
                sub = s.plan["submitted"]
                data = fixed_zip_times(data, (sub.year, sub.month, sub.day, 8, 0, 0))
            (OUT / s.name).write_bytes(data)
            print(f"{s.name:58} {len(data):7} bytes  {s.outcome}")
    (OUT / "README.md").write_text(readme(all_samples), encoding="utf-8")
    if "--check" in sys.argv:
        import check_samples
        sys.exit(check_samples.check(all_samples, OUT))


if __name__ == "__main__":
    main()
