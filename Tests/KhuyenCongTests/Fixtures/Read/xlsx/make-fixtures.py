#!/usr/bin/env python3
"""Writes the hand-made and hostile xlsx fixtures of this folder (Python 3 standard library).

Run from this folder: python3 make-fixtures.py. The real-program fixtures (libreoffice-*,
gnumeric-*) are not made here: see SOURCES.md.
"""
import os
import struct
import unicodedata
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships"
TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"""


def root_rels(workbook="xl/workbook.xml"):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{TYPES}officeDocument" Target="{workbook}"/></Relationships>"""


def workbook(sheets, main=MAIN, rel=REL, date1904=False):
    items = "".join(
        f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"{state}/>'
        for i, (name, state) in enumerate(sheets))
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{main}" xmlns:r="{rel}">{pr}<sheets>{items}</sheets></workbook>"""


def workbook_rels(targets, extra=""):
    items = "".join(
        f'<Relationship Id="rId{i + 1}" Type="{TYPES}worksheet" Target="{t}"/>'
        for i, t in enumerate(targets))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="{PKG}">{items}{extra}</Relationships>"""


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;TRUE&quot;;&quot;TRUE&quot;;&quot;FALSE&quot;"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="4"/></cellXfs></styleSheet>"""

# Rich text runs and a phonetic guide that must not show; "Hỗ trợ" stored decomposed (NFD)
# as some Vietnamese keyboards type it, to check the reader gives NFC.
SHARED = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="{MAIN}" count="2" uniqueCount="2"><si><r><rPr><b/></rPr><t xml:space="preserve">{unicodedata.normalize("NFD", "Hỗ trợ ")}</t></r><r><t>máy móc</t></r><rPh sb="0" eb="1"><t>ホ</t></rPh></si><si><t>Đào tạo</t></si></sst>"""

EDGE_SHEET = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{MAIN}"><sheetData>
<row><c t="inlineStr"><is><t>Tiêu đề</t></is></c><c t="str"><f>A1</f><v>Tiêu đề</v></c></row>
<row><c t="e"><v>#DIV/0!</v></c><c t="d"><v>2016-10-25T08:30:00</v></c><c s="1"><v>42668</v></c></row>
<row r="5"><c r="A5" t="s"><v>0</v></c><c r="B5" s="2"><v>60</v></c><c r="C5" s="2"><v>61.75</v></c><c r="D5" s="3"><v>1</v></c><c r="E5" t="b"><v>1</v></c><c r="F5"><v>1.5E+3</v></c><c r="H5" t="s"><v>1</v></c></row>
<row r="6"><c r="A6" s="1"/><c r="B6" t="inlineStr"><is><t></t></is></c></row>
<row r="7"><c><v>7</v></c><c t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r><rPh><t>x</t></rPh></is></c></row>
<row r="8"><c r="B8" s="2"><v>42668.3526388889</v></c><c r="C8" s="2"><v>42668.999999999</v></c><c r="D8" s="4"><v>2095.3899999999999999</v></c></row>
</sheetData></worksheet>"""


def info(part, compression=zipfile.ZIP_DEFLATED):
    # A fixed time stamp, so that running this script again gives the same bytes.
    entry = zipfile.ZipInfo(part, date_time=(2017, 1, 1, 0, 0, 0))
    entry.compress_type = compression
    return entry


def write(name, parts, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(name, "w", compression) as z:
        for part, text in parts:
            z.writestr(info(part, compression), text.encode("utf-8") if isinstance(text, str) else text)


def sheet(rows):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>"""


def base(sheet_xml, rels="", **kw):
    return [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", root_rels()),
            ("xl/workbook.xml", workbook([("Sheet1", "")], **kw)),
            ("xl/_rels/workbook.xml.rels", workbook_rels(["worksheets/sheet1.xml"], rels)),
            ("xl/worksheets/sheet1.xml", sheet_xml)]


EDGE_TYPES = CONTENT_TYPES.replace("</Types>", "".join(
    f'<Override PartName="/xl/{p}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.{t}+xml"/>'
    for p, t in (("worksheets/sheet1", "worksheet"), ("styles", "styles"), ("sharedStrings", "sharedStrings")))
    + "</Types>")

# Hand-made workbook: positional rows and cells, every `t`, rich text, an absolute target.
write("edge-cases.xlsx", [
    ("[Content_Types].xml", EDGE_TYPES), ("_rels/.rels", root_rels()),
    ("xl/workbook.xml", workbook([("Biên", "")])),
    ("xl/_rels/workbook.xml.rels", workbook_rels(
        ["/xl/worksheets/sheet1.xml"],
        f'<Relationship Id="rId9" Type="{TYPES}styles" Target="styles.xml"/>'
        f'<Relationship Id="rId8" Type="{TYPES}sharedStrings" Target="sharedStrings.xml"/>')),
    ("xl/styles.xml", STYLES),
    ("xl/sharedStrings.xml", SHARED),
    ("xl/worksheets/sheet1.xml", EDGE_SHEET),
])

# The 1904 date system (old Mac Excel): serial 42668 is 2020-10-26, not 2016-10-25.
parts = base(sheet('<row r="1"><c r="A1" s="1"><v>42668</v></c></row>'), date1904=True,
             rels=f'<Relationship Id="rId9" Type="{TYPES}styles" Target="styles.xml"/>')
parts.append(("xl/styles.xml", STYLES))
write("date1904.xlsx", parts)

# Only the parts we need: no [Content_Types].xml, no _rels/.rels (both optional to us).
write("minimal-parts.xlsx", base(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>tối thiểu</t></is></c></row>'))[2:])

# Excel's "Strict Open XML Spreadsheet" namespaces.
write("strict.xlsx", [
    ("_rels/.rels", root_rels()),
    ("xl/workbook.xml", workbook([("Strict", ' state="veryHidden"')], main=STRICT_MAIN, rel=STRICT_REL)),
    ("xl/_rels/workbook.xml.rels", workbook_rels(["worksheets/sheet1.xml"])),
    ("xl/worksheets/sheet1.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="{STRICT_MAIN}"><sheetData><row r="2"><c r="C2" t="inlineStr"><is><t>nghiêm</t></is></c></row></sheetData><mergeCells><mergeCell ref="C2:D3"/></mergeCells></worksheet>"""),
])

# A worksheet part that is not well-formed XML (cut inside a tag).
write("sheet-malformed-xml.xlsx", base(
    f'<?xml version="1.0"?>\n<worksheet xmlns="{MAIN}"><sheetData>\n<row r="1"><c r="A1"><v>1</v></c></row>\n<row r="2"><c r="A2"'))

# Rows out of order and a cell reference that is not one.
write("rows-out-of-order.xlsx", base(sheet(
    '<row r="3"><c r="A3"><v>3</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>'
    '<row r="4"><c r="4A"><v>4</v></c></row>')))

# Zip bombs: 300 MB of zeros as the worksheet. The first declares its size honestly; the
# second's directory and local header claim 1000 bytes, so only counting while inflating
# catches it.
def bomb(name, size, lie):
    parts = base("")[:-1]
    zeros = bytes(1 << 20)
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        for part, text in parts:
            z.writestr(info(part), text)
        with z.open(info("xl/worksheets/sheet1.xml"), "w", force_zip64=False) as entry:
            for _ in range(size >> 20):
                entry.write(zeros)
    if lie:
        data = bytearray(open(name, "rb").read())
        for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
            start = 0
            while (at := data.find(signature, start)) >= 0:
                name_length = struct.unpack_from("<H", data, at + (28 if signature == b"PK\x01\x02" else 26))[0]
                name_start = at + (46 if signature == b"PK\x01\x02" else 30)
                if data[name_start:name_start + name_length] == b"xl/worksheets/sheet1.xml":
                    struct.pack_into("<I", data, at + offset, 1000)
                start = at + 4
        open(name, "wb").write(data)


bomb("zip-bomb.xlsx", 300 << 20, lie=False)
bomb("zip-bomb-lying-size.xlsx", 50 << 20, lie=True)

# A zip that is not a workbook.
write("no-workbook.zip", [("readme.txt", "Kế hoạch khuyến công năm 2017\n")])

# "PK\3\4" and then noise.
import random
rng = random.Random(2017)
open("random-after-pk-header.xlsx", "wb").write(b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(4000)))

# A real xlsx cut in half (as a failed upload leaves it).
full = open("libreoffice-plan-merged.xlsx", "rb").read()
open("truncated.xlsx", "wb").write(full[: len(full) // 2])

open("empty.xlsx", "wb").write(b"")


# A deflate stream that never ends: a non-final stored block whose length runs past the
# end of the file. ZIPFoundation 0.9.20's Linux inflater would wait for more input forever.
def never_ending():
    parts = base("")[:-1]
    write("deflate-never-ends.xlsx", parts + [("xl/worksheets/sheet1.xml", "x" * 10)], zipfile.ZIP_STORED)
    data = bytearray(open("deflate-never-ends.xlsx", "rb").read())
    for signature, method_at in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            name_length_at = 26 if signature == b"PK\x03\x04" else 28
            name_start = at + (30 if signature == b"PK\x03\x04" else 46)
            name_length = struct.unpack_from("<H", data, at + name_length_at)[0]
            if data[name_start:name_start + name_length] == b"xl/worksheets/sheet1.xml":
                struct.pack_into("<H", data, at + method_at, 8)
                if signature == b"PK\x03\x04":
                    extra = struct.unpack_from("<H", data, at + 28)[0]
                    body = name_start + name_length + extra
                    # BFINAL=0, BTYPE=00 (stored), LEN=0xFFFF, NLEN=0x0000, then 5 bytes.
                    data[body:body + 10] = b"\x00\xff\xff\x00\x00" + b"abcde"
            start = at + 4
    open("deflate-never-ends.xlsx", "wb").write(data)


never_ending()


# A directory whose local-header offset points past the end of the file.
def offset_outside():
    write("offset-outside.xlsx", base(sheet('<row r="1"><c r="A1"><v>1</v></c></row>')))
    data = bytearray(open("offset-outside.xlsx", "rb").read())
    at = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, at + 42, 0x7FFF0000)
    open("offset-outside.xlsx", "wb").write(data)


offset_outside()


# A stored worksheet whose bytes no longer match the CRC-32 the directory records.
def crc_mismatch():
    write("crc-mismatch.xlsx", base(sheet('<row r="1"><c r="A1"><v>1</v></c></row>')), zipfile.ZIP_STORED)
    data = bytearray(open("crc-mismatch.xlsx", "rb").read())
    at = data.find(b'<v>1</v>')
    data[at + 3] = ord("7")
    open("crc-mismatch.xlsx", "wb").write(data)


crc_mismatch()

# Values that do not fit their type (kept as text, cell.type), and a shared-string index
# with no shared-string table (xml.malformed).
write("cell-type-mismatch.xlsx", base(sheet(
    '<row r="1"><c r="A1"><v>abc</v></c><c r="B1" t="b"><v>có</v></c><c r="C1" t="s"><v>5</v></c>'
    '<c r="D1"><v>12</v></c></row>')))


# Streaming (parts are inflated or sliced 64 KiB at a time, straight into the XML reader).
# 1500 rows with a shared string each and a merge after the cells: about 140 KB of worksheet,
# so several chunks. The same workbook stored (method 0) and deflated must read the same.
def many_rows(count=1500):
    strings = "".join(f"<si><t>dòng {n}</t></si>" for n in range(1, count + 1))
    shared = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="{MAIN}" count="{count}" uniqueCount="{count}">{strings}</sst>"""
    rows = "".join(
        f'<row r="{n}"><c r="A{n}"><v>{n}</v></c><c r="B{n}" t="s"><v>{n - 1}</v></c></row>'
        for n in range(1, count + 1))
    worksheet = f"""<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData><mergeCells count="1"><mergeCell ref="B1:C1"/></mergeCells></worksheet>"""
    parts = base(worksheet, rels=f'<Relationship Id="rId8" Type="{TYPES}sharedStrings" Target="sharedStrings.xml"/>')
    return parts + [("xl/sharedStrings.xml", shared)]


write("many-rows-stored.xlsx", many_rows(), zipfile.ZIP_STORED)
write("many-rows-deflated.xlsx", many_rows())


# A deflated worksheet whose recorded CRC-32 is wrong: the damage shows only after the last
# byte has been inflated, when every row has already been parsed once.
def crc_mismatch_deflated():
    write("crc-mismatch-deflated.xlsx", many_rows())
    data = bytearray(open("crc-mismatch-deflated.xlsx", "rb").read())
    for signature, crc_at, name_length_at, name_at in ((b"PK\x03\x04", 14, 26, 30), (b"PK\x01\x02", 16, 28, 46)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            name_length = struct.unpack_from("<H", data, at + name_length_at)[0]
            if data[at + name_at:at + name_at + name_length] == b"xl/worksheets/sheet1.xml":
                crc = struct.unpack_from("<I", data, at + crc_at)[0]
                struct.pack_into("<I", data, at + crc_at, crc ^ 1)
            start = at + 4
    open("crc-mismatch-deflated.xlsx", "wb").write(data)


crc_mismatch_deflated()


# Rows, then a comment that takes the worksheet past 10 MB (as the hostile-input tests
# limit a part): well-formed XML until the limit, declared size honest.
def padded_sheet(first_row, padding):
    rows = f'<row r="1"><c r="A1" t="inlineStr"><is><t>{first_row}</t></is></c></row>'
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="{MAIN}"><sheetData>{rows}<!--{"x" * padding}--></sheetData></worksheet>"""


write("limit-after-rows.xlsx", base(padded_sheet("trước giới hạn", 11 << 20)))

# Two worksheets of 6 MB each (a row and a comment): together over 10 MB, under 13 MB.
write("two-6mb-sheets.xlsx", [
    ("_rels/.rels", root_rels()),
    ("xl/workbook.xml", workbook([("Sheet1", ""), ("Sheet2", "")])),
    ("xl/_rels/workbook.xml.rels", workbook_rels(["worksheets/sheet1.xml", "worksheets/sheet2.xml"])),
    ("xl/worksheets/sheet1.xml", padded_sheet("một", 6 << 20)),
    ("xl/worksheets/sheet2.xml", padded_sheet("hai", 6 << 20)),
])

# A `>` inside an attribute value and inside a comment: well-formed, read cleanly, but the
# markup scan run beside the inflating is not certain of it (issue 7), so pass one is read
# again on one thread. Merged cells, so that pass one's result shows.
write("markup-close-in-value.xlsx", base(f"""<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="{MAIN}"><sheetPr codeName="a>b"/><sheetData><!-- 1 > 0 -->
<row r="1"><c r="A1" t="inlineStr"><is><t>tiêu đề</t></is></c></row>
<row r="2"><c r="A2"><v>2</v></c><c r="B2" t="inlineStr"><is><t>x &gt; y</t></is></c></row>
</sheetData><mergeCells><mergeCell ref="A1:C1"/></mergeCells></worksheet>"""))
