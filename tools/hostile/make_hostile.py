"""Writes the hostile inputs of issue 9 at full size, for measuring time and memory
(`tools/hostile/measure.sh`); the tests build small versions of the same files.

    python3 tools/hostile/make_hostile.py OUTDIR
    python3 tools/hostile/make_hostile.py --fixtures Tests/KhuyenCongTests/Fixtures/Read/xlsx

Each file is small on disk and amplifies when read: the reading budgets (`ReadBudget`) must
stop every one of them in well under a second.
"""

import os
import sys
import zipfile

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
VALID_CSV = os.path.join(REPO, "samples", "2017-072-na-hang-flat.csv")

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def xlsx(path, sheet_rows, shared_strings_xml, after_rows=""):
    """A minimal xlsx: one sheet whose rows come from the iterable `sheet_rows` (XML text),
    then `after_rows` after `</sheetData>` (merged cells)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/></Types>'))
        z.writestr("_rels/.rels", (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        z.writestr("xl/workbook.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'))
        z.writestr("xl/_rels/workbook.xml.rels", (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
            '</Relationships>'))
        with z.open("xl/sharedStrings.xml", "w") as f:
            for part in shared_strings_xml:
                f.write(part.encode())
        with z.open("xl/worksheets/sheet1.xml", "w") as f:
            f.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'.encode())
            for row in sheet_rows:
                f.write(row.encode())
            f.write(b"</sheetData>" + after_rows.encode() + b"</worksheet>")


def sst(strings):
    yield f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">'
    for s in strings:
        yield s
    yield "</sst>"


def one_long_string(rows, path):
    long = "<si><t>" + "x" * 32767 + "</t></si>"
    xlsx(path, (f'<row r="{n}"><c r="A{n}" t="s"><v>0</v></c></row>' for n in range(1, rows + 1)),
         sst([long]))


def empty_shared_strings(count, path):
    def items():
        chunk = "<si/>" * 100_000
        for _ in range(count // 100_000):
            yield chunk
    xlsx(path, iter(['<row r="1"><c r="A1" t="s"><v>0</v></c></row>']), sst(items()))


def valid_lines():
    with open(VALID_CSV, encoding="utf-8-sig") as f:
        return [line.rstrip("\r\n") for line in f]


def csv_then_rows(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for line in valid_lines():
            f.write(line + "\n")
        f.write("a\n" * rows)


def csv_wide_rows(path, rows, columns):
    """Valid lines, then rows as wide as a sheet allows: the rows handed from the reading
    thread to the checking one must be bounded by their bytes, not only by their count."""
    with open(path, "w", encoding="utf-8") as f:
        for line in valid_lines():
            f.write(line + "\n")
        row = ",".join(["ab"] * columns) + "\n"
        for _ in range(rows):
            f.write(row)


def csv_long_lines(path, lines, characters):
    """Plan lines whose activity holds `characters` characters (Excel's cell limit is 32 767):
    the lines handed from the mapping thread to the checking one must be bounded by their
    bytes, not only by their count."""
    import csv
    with open(VALID_CSV, encoding="utf-8-sig") as f:
        table = list(csv.reader(f))
    header, first = table[0], table[1]
    activity = header.index("activity")
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        for number in range(lines):
            row = list(first)
            text = f"{row[activity]} đợt {number} "
            row[activity] = (text * (characters // len(text) + 1))[:characters]
            writer.writerow(row)


def cell(text):
    return '<Cell><Data ss:Type="String">' + text.replace("&", "&amp;").replace("<", "&lt;") + "</Data></Cell>"


def spreadsheetml_then_rows(path, rows):
    import csv
    with open(VALID_CSV, encoding="utf-8-sig") as f:
        table = list(csv.reader(f))
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1"><Table>')
        for r in table:
            f.write("<Row>" + "".join(cell(v) for v in r) + "</Row>")
        row = "<Row>" + cell("a") + "</Row>"
        for _ in range(rows // 1000):
            f.write(row * 1000)
        f.write("</Table></Worksheet></Workbook>")


def xlsx_then_rows(path, rows):
    import csv
    from xml.sax.saxutils import escape
    with open(VALID_CSV, encoding="utf-8-sig") as f:
        table = list(csv.reader(f))

    def letters(c):
        s = ""
        while c:
            c, r = divmod(c - 1, 26)
            s = chr(65 + r) + s
        return s

    def sheet():
        for n, r in enumerate(table, 1):
            cells = "".join(f'<c r="{letters(i)}{n}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
                            for i, v in enumerate(r, 1) if v)
            yield f'<row r="{n}">{cells}</row>'
        for n in range(len(table) + 1, len(table) + 1 + rows):
            yield f'<row r="{n}"><c r="A{n}" t="s"><v>0</v></c></row>'
    xlsx(path, sheet(), sst(["<si><t>a</t></si>"]))


def many_attributes(path, count):
    attrs = " ".join(f'a{i}="1"' for i in range(count))
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1"><Table>'
                f'<Row><Cell {attrs}><Data ss:Type="String">x</Data></Cell></Row>'
                "</Table></Worksheet></Workbook>")


def fixtures(out):
    """The small versions the tests read (Tests/KhuyenCongTests/Fixtures/Read/xlsx/budget-*)."""
    os.makedirs(out, exist_ok=True)
    one_long_string(400, os.path.join(out, "budget-one-long-string.xlsx"))

    def empty_items():
        yield "<si/>" * 300_000
    xlsx(os.path.join(out, "budget-empty-shared-strings.xlsx"),
         iter(['<row r="1"><c r="A1" t="s"><v>0</v></c></row>']), sst(empty_items()))
    attrs = " ".join(f'a{i}="1"' for i in range(1000))
    xlsx(os.path.join(out, "budget-many-attributes.xlsx"),
         iter([f'<row r="1"><c r="A1" t="s" {attrs}><v>0</v></c></row>']),
         sst(["<si><t>x</t></si>"]))
    # 60 000 rows of one tiny cell (1.5 MB of XML in a few KB): stopped by the row budget in
    # the first pass over the sheet, before any row is delivered.
    xlsx(os.path.join(out, "budget-tiny-rows.xlsx"),
         iter(["<row><c><v>1</v></c></row>" * 60_000]), sst(["<si><t>x</t></si>"]))
    # A sheet malformed at once (an end tag that closes nothing), then 6 MB of comment: libxml2 stops at the start, and the
    # rest of the part is still inflated to check its CRC-32, which counts against the budget.
    xlsx(os.path.join(out, "budget-malformed-then-padding.xlsx"),
         iter(['<row r="1"></nope>', "<!--" + "x" * (6 << 20) + "-->"]), sst(["<si><t>x</t></si>"]))
    duplicate_entry(os.path.join(out, "duplicate-entry.xlsx"))
    xlsx(os.path.join(out, "merge-past-grid.xlsx"),
         iter(['<row r="1"><c r="A1" t="s"><v>0</v></c></row>']), sst(["<si><t>x</t></si>"]),
         '<mergeCells count="1"><mergeCell ref="A1:XFE1048577"/></mergeCells>')


def duplicate_entry(path):
    """A workbook whose worksheet part appears twice: the second copy says something else."""
    import warnings
    xlsx(path, iter(['<row r="1"><c r="A1" t="s"><v>0</v></c></row>']), sst(["<si><t>first</t></si>"]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(path, "a") as z:
            z.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{MAIN}"><sheetData/></worksheet>')


def main():
    if sys.argv[1:2] == ["--fixtures"]:
        fixtures(sys.argv[2])
        return
    out = sys.argv[1] if len(sys.argv) > 1 else "out/hostile"
    os.makedirs(out, exist_ok=True)
    one_long_string(4000, os.path.join(out, "sst-one-long-string-4000.xlsx"))
    one_long_string(20000, os.path.join(out, "sst-one-long-string-20000.xlsx"))
    csv_then_rows(os.path.join(out, "csv-then-1048560-rows.csv"), 1_048_560)
    csv_wide_rows(os.path.join(out, "csv-1000-rows-of-16384-cells.csv"), 1000, 16384)
    csv_long_lines(os.path.join(out, "csv-1200-lines-of-30000-characters.csv"), 1200, 30_000)
    xlsx_then_rows(os.path.join(out, "xlsx-then-1048500-rows.xlsx"), 1_048_500)
    spreadsheetml_then_rows(os.path.join(out, "xml-then-900000-rows.xml"), 900_000)
    many_attributes(os.path.join(out, "xml-cell-300000-attributes.xml"), 300_000)
    empty_shared_strings(41_000_000, os.path.join(out, "sst-41m-empty.xlsx"))
    for name in sorted(os.listdir(out)):
        print(f"{os.path.getsize(os.path.join(out, name)):>12}  {name}")


if __name__ == "__main__":
    main()
