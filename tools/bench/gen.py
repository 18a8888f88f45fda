"""Writes large, valid flat-layout plans of one district (072 Na Hang, plan year 2017) for the
benchmark: the same N lines as CSV, XML Spreadsheet 2003 and xlsx.

The lines repeat the six line patterns of samples/2017-072-na-hang-flat.csv (same indicators,
units, amounts, caps respected) with a unique activity per line (so no `line.duplicate`), the
place and beneficiary cycling through Na Hang's twelve communes (so the commune register is
looked up for real) and months varying inside 2017. Every generated file is an accepted
submission. The XML and xlsx files take their head and tail (styles, columns, workbook parts)
from the LibreOffice-written samples, so only the rows are ours.

A `--headerless` file is the same file without its header row: the mapper never finds the
plan table and keeps at most its title rows, so `inspect --summary` on it measures the reader
alone (and validate ends in `header.missing`).

Streams: memory stays small whatever N (the xlsx shared-string table is the exception: it is
held until the sheet is written, as a spreadsheet program does).

    python3 tools/bench/gen.py --format csv --lines 100000 --out /tmp/plan.csv [--headerless]
"""

import argparse
import csv
import os
import sys
import zipfile
from datetime import date
from xml.sax.saxutils import escape

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
XML_TEMPLATE = os.path.join(REPO, "samples", "2017-075-yen-son-flat.xml")
XLSX_TEMPLATE = os.path.join(REPO, "samples", "2016-074-ham-yen-flat.xlsx")

DISTRICT = "072"
PLAN_YEAR = 2017
SUBMITTED = date(2016, 10, 24)
KC_CENTRE = "Trung tâm Khuyến công và Xúc tiến thương mại"
D072 = "Phòng Kinh tế và Hạ tầng huyện Na Hang"
PTV = "Đài Phát thanh và Truyền hình tỉnh Tuyên Quang"
BQL = "Ban Quản lý dự án đầu tư xây dựng huyện Na Hang"
# Na Hang's communes in force on 1 January 2017 (tools/samples/tuyen-quang-units.csv).
COMMUNES = ["Thị trấn Na Hang", "Xã Sinh Long", "Xã Thượng Giáp", "Xã Thượng Nông",
            "Xã Côn Lôn", "Xã Yên Hoa", "Xã Hồng Thái", "Xã Đà Vị", "Xã Khau Tinh",
            "Xã Sơn Phú", "Xã Năng Khả", "Xã Thanh Tương"]
HOUSEHOLDS = ["Hoàng Văn Tú", "Ma Thị Hoa", "Nông Văn Bình", "Lý Thị Mai", "Triệu Văn Sơn",
              "Hà Thị Lan", "Quan Văn Dũng", "Bàn Thị Thu"]

KEYS = ["district", "plan_year", "submitted_on", "content", "activity", "implementer",
        "beneficiary", "place", "group_project", "unit", "quantity", "start", "end",
        "total", "national", "local", "counterpart", "other", "note"]
MONEY = ["total", "national", "local", "counterpart", "other"]
VI_HEADERS = {
    "content": "Nội dung", "activity": "Tên đề án", "implementer": "Đơn vị thực hiện",
    "beneficiary": "Đơn vị thụ hưởng", "place": "Địa điểm", "group_project": "Đề án nhóm",
    "unit": "Đơn vị tính", "quantity": "Số lượng", "start": "Thời gian bắt đầu",
    "end": "Thời gian kết thúc", "total": "Tổng kinh phí", "national": "KCQG",
    "local": "KCĐP", "counterpart": "Đối ứng", "other": "Nguồn khác", "note": "Ghi chú",
}
# The six lines of samples/2017-072-na-hang-flat.csv: content, activity, implementer, kind of
# beneficiary (None: group project), unit, quantity, period (None: months vary), amounts in
# triệu đồng (total, national, local, counterpart, other), note. Amounts are kept as in the
# sample, so every line stays within the TTLT 26/2014 caps.
PATTERNS = [
    ("1.1", "Đào tạo nghề chế biến chè Shan tuyết", KC_CENTRE, "htx", "lao động", 30, None,
     ("96.0", "0.0", "86.4", "9.6", "0.0"), ""),
    ("3.1", "Xây dựng mô hình trình diễn kỹ thuật chế biến chè Shan tuyết chất lượng cao",
     KC_CENTRE, "htx", "mô hình", 1, ("Quý II/2017", "Quý IV/2017"),
     ("1250.5", "375.0", "0.0", "875.5", "0.0"), ""),
    ("3.3", "Hỗ trợ ứng dụng máy móc thiết bị chưng cất rượu ngô", D072, "household", "cơ sở", 1,
     None, ("180.0", "0.0", "90.0", "90.0", "0.0"), ""),
    ("4.3", "Hỗ trợ cơ sở công nghiệp nông thôn tham gia Hội chợ hàng công nghiệp nông thôn "
     "tiêu biểu khu vực phía Bắc", KC_CENTRE, None, "hội chợ", 1, ("09/2017", "10/2017"),
     ("40.0", "0.0", "32.0", "8.0", "0.0"), ""),
    ("6.1", "Phóng sự truyền hình về sản phẩm chè Shan tuyết Na Hang", PTV, None, "chuyên mục",
     1, None, ("15.0", "0.0", "15.0", "0.0", "0.0"), ""),
    ("7.1", "Lập quy hoạch chi tiết cụm công nghiệp", BQL, "cluster", "cụm", 1,
     ("Quý I/2017", "Quý III/2017"), ("1100.0", "450.0", "50.0", "0.0", "600.0"),
     "Nguồn khác: ngân sách huyện"),
]


def plan_lines(count):
    """The plan's lines as dicts of KEYS → text (money as in the sample: 1250.5)."""
    for index in range(count):
        content, activity, implementer, kind, unit, quantity, period, amounts, note = \
            PATTERNS[index % len(PATTERNS)]
        round_ = index // len(PATTERNS) + 1
        commune = COMMUNES[round_ % len(COMMUNES)]
        short = commune.replace("Thị trấn ", "").replace("Xã ", "")
        if period is None:
            first = 1 + round_ % 10
            last = min(12, first + round_ % 3)
            period = (f"{first:02d}/{PLAN_YEAR}", f"{last:02d}/{PLAN_YEAR}")
        line = dict.fromkeys(KEYS, "")
        line.update(district=DISTRICT, plan_year=str(PLAN_YEAR),
                    submitted_on=SUBMITTED.isoformat(), content=content,
                    implementer=implementer, unit=unit, quantity=str(quantity),
                    start=period[0], end=period[1], note=note)
        if kind is None:
            line["activity"] = f"{activity}, đợt {round_}"
            line["group_project"] = "x"
        else:
            line["activity"] = f"{activity} tại {commune}, đợt {round_}"
            line["place"] = commune
            line["beneficiary"] = {
                "htx": f"HTX chè Shan tuyết {short}",
                "household": f"Hộ kinh doanh {HOUSEHOLDS[round_ % len(HOUSEHOLDS)]}",
                "cluster": f"Cụm công nghiệp {short}",
            }[kind]
        for key, value in zip(MONEY, amounts):
            line[key] = value
        yield line


def en_number(text):
    """`1250.5` as the sample's CSV shows it (#,##0.0): `1,250.5`."""
    whole, _, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return ",".join(groups) + "." + (frac or "0")


def general_number(text):
    """`96.0` as LibreOffice writes a General number: `96`."""
    return text[:-2] if text.endswith(".0") else text


# ---------------------------------------------------------------- CSV

def write_csv(path, count, headerless):
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        if not headerless:
            writer.writerow(KEYS)
        for line in plan_lines(count):
            writer.writerow([en_number(line[k]) if k in MONEY else line[k] for k in KEYS])


# ---------------------------------------------------------------- XML Spreadsheet 2003

def xml_row(cells):
    """One `<Row>` in LibreOffice's shape: empty cells skipped with `ss:Index`."""
    parts = ['<Row ss:Height="12.816">']
    expected = 1
    for column, (kind, value) in enumerate(cells, start=1):
        if value == "":
            continue
        index = "" if column == expected else f' ss:Index="{column}"'
        parts.append(f'<Cell{index}><Data ss:Type="{kind}">{escape(value)}</Data></Cell>')
        expected = column + 1
    if expected <= len(cells):
        parts.append(f'<Cell ss:Index="{len(cells)}"/>')
    parts.append("</Row>")
    return "".join(parts)


def write_xml(path, count, headerless):
    with open(XML_TEMPLATE, encoding="utf-8") as template:
        sample = template.read()
    head = sample[:sample.index("<Row")].replace(
        "2017-075-yen-son-flat", os.path.splitext(os.path.basename(path))[0])
    tail = sample[sample.index("</Table>"):]
    keys = list(VI_HEADERS)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(head)
        labels = [("Huyện:", "Na Hang"), ("Năm kế hoạch:", str(PLAN_YEAR)),
                  ("Ngày gửi:", SUBMITTED.strftime("%d/%m/%Y")), ("Đơn vị tính:", "triệu đồng")]
        for label, value in labels:
            out.write(xml_row([("String", label), ("String", value)] + [("String", "")] * 14))
        if not headerless:
            out.write(xml_row([("String", VI_HEADERS[k]) for k in keys]))
        batch = []
        for line in plan_lines(count):
            cells = []
            for key in keys:
                if key in MONEY or key == "quantity":
                    value = general_number(line[key])
                    cells.append(("Number", "" if value == "0" else value))
                else:
                    cells.append(("String", line[key]))
            batch.append(xml_row(cells))
            if len(batch) == 1000:
                out.write("".join(batch))
                batch = []
        out.write("".join(batch))
        out.write(tail)


# ---------------------------------------------------------------- xlsx

COLUMNS = "ABCDEFGHIJKLMNOPQRS"
ROW_ATTRS = ('customFormat="false" ht="12.8" hidden="false" customHeight="false" '
             'outlineLevel="0" collapsed="false"')


class SharedStrings:
    """The shared-string table, in first-use order, as LibreOffice writes it."""

    def __init__(self):
        self.index = {}
        self.uses = 0

    def get(self, text):
        self.uses += 1
        found = self.index.get(text)
        if found is None:
            found = self.index[text] = len(self.index)
        return found

    def xml(self):
        yield ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               f'count="{self.uses}" uniqueCount="{len(self.index)}">')
        for text in self.index:  # dicts keep insertion order
            yield f'<si><t xml:space="preserve">{escape(text)}</t></si>'
        yield "</sst>"


def xlsx_row(number, cells, strings):
    parts = [f'<row r="{number}" {ROW_ATTRS}>']
    for letter, (style, kind, value) in zip(COLUMNS, cells):
        if value == "":
            continue
        if kind == "s":
            value = strings.get(value)
        parts.append(f'<c r="{letter}{number}" s="{style}" t="{kind}"><v>{value}</v></c>')
    parts.append("</row>")
    return "".join(parts)


def write_xlsx(path, count, headerless):
    stamp = (SUBMITTED.year, SUBMITTED.month, SUBMITTED.day, 8, 0, 0)
    serial = (SUBMITTED - date(1899, 12, 30)).days
    sheet_name = os.path.splitext(os.path.basename(path))[0]
    strings = SharedStrings()
    with zipfile.ZipFile(XLSX_TEMPLATE) as template, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        def copy(name, data):
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, data)

        for item in template.infolist():
            name = item.filename
            data = template.read(name)
            if name == "xl/workbook.xml":
                data = data.replace(b"2016-074-ham-yen-flat", sheet_name.encode("utf-8"))
            if name == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                start = text.index("<sheetData>") + len("<sheetData>")
                end = text.index("</sheetData>")
                last_row = count + (0 if headerless else 1)
                head = text[:start].replace('<dimension ref="A1:S5"/>',
                                            f'<dimension ref="A1:S{last_row}"/>')
                info = zipfile.ZipInfo(name, stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                with out.open(info, "w", force_zip64=True) as sheet:
                    sheet.write(head.encode("utf-8"))
                    number = 1
                    if not headerless:
                        row = xlsx_row(1, [("0", "s", k) for k in KEYS], strings)
                        sheet.write(row.encode("utf-8"))
                        number = 2
                    batch = []
                    for line in plan_lines(count):
                        cells = []
                        for key in KEYS:
                            value = line[key]
                            if key == "plan_year" or key == "quantity" or key in MONEY:
                                cells.append(("0", "n", general_number(value)))
                            elif key == "submitted_on":
                                cells.append(("2", "n", str(serial)))
                            elif key in ("district", "content"):
                                cells.append(("1", "s", value))
                            else:
                                cells.append(("0", "s", value))
                        batch.append(xlsx_row(number, cells, strings))
                        number += 1
                        if len(batch) == 1000:
                            sheet.write("".join(batch).encode("utf-8"))
                            batch = []
                    sheet.write("".join(batch).encode("utf-8"))
                    sheet.write(text[end:].encode("utf-8"))
                continue
            if name == "xl/sharedStrings.xml":
                info = zipfile.ZipInfo(name, stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                with out.open(info, "w", force_zip64=True) as part:
                    for chunk in strings.xml():
                        part.write(chunk.encode("utf-8"))
                continue
            copy(name, data)


WRITERS = {"csv": write_csv, "xml": write_xml, "xlsx": write_xlsx}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--format", choices=sorted(WRITERS), required=True)
    parser.add_argument("--lines", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--headerless", action="store_true",
                        help="leave out the header row (measures the reader alone)")
    args = parser.parse_args()
    WRITERS[args.format](args.out, args.lines, args.headerless)
    print(f"{args.out}: {os.path.getsize(args.out) / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
