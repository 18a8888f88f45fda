"""Writers: a plan as the form grid or flat rows, and those as the bytes real programs write.

The form layout is first built as a grid of cells (values, merges, styles, formulas); the
same grid becomes a flat ODS (.fods, then LibreOffice writes .xml / .xlsx) or the CSV Excel
saves. The flat layout is a list of rows written as Excel's CSV / Unicode text.
"""

import unicodedata
from datetime import date
from decimal import Decimal as D
from xml.sax.saxutils import escape

from plans import AREAS, DISTRICTS

COLS = "ABCDEFGHIJKLMNOPQ"
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
MONEY = ["total", "national", "local", "counterpart", "other"]
SCALE = {"triệu đồng": D(1), "nghìn đồng": D(1000), "đồng": D(1000000)}

FLAT_KEYS = ["district", "plan_year", "submitted_on", "content", "activity", "implementer",
             "beneficiary", "place", "group_project", "unit", "quantity", "start", "end",
             "total", "national", "local", "counterpart", "other", "note"]
VI_HEADERS = {
    "district": "Huyện", "plan_year": "Năm kế hoạch", "submitted_on": "Ngày gửi",
    "content": "Nội dung", "activity": "Tên đề án", "implementer": "Đơn vị thực hiện",
    "beneficiary": "Đơn vị thụ hưởng", "place": "Địa điểm", "group_project": "Đề án nhóm",
    "unit": "Đơn vị tính", "quantity": "Số lượng", "start": "Thời gian bắt đầu",
    "end": "Thời gian kết thúc", "total": "Tổng kinh phí", "national": "KCQG",
    "local": "KCĐP", "counterpart": "Đối ứng", "other": "Nguồn khác", "note": "Ghi chú",
}


def col(letter):
    return COLS.index(letter)


def nfc(text):
    return unicodedata.normalize("NFC", text)


# ---------------------------------------------------------------- numbers and dates

def fmt_number(value, style, decimals=None):
    """A number as a spreadsheet shows it.

    style: "general" (Excel General, en: 75.6), "general-vi" (75,6), "en" (#,##0.0 style
    with `decimals` places: 1,250.5), "vi" (1.250,5).
    """
    value = D(value)
    if style in ("general", "general-vi"):
        text = format(value.normalize(), "f") if value != value.to_integral() else \
            str(int(value))
        return text.replace(".", ",") if style == "general-vi" else text
    places = 1 if decimals is None else decimals
    q = value.quantize(D(1).scaleb(-places)) if places else value.quantize(D(1))
    sign = "-" if q < 0 else ""
    q = abs(q)
    whole, _, frac = format(q, "f").partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    sep, dot = (",", ".") if style == "en" else (".", ",")
    return sign + sep.join(groups) + (dot + frac if frac else "")


def fmt_period(value):
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return value


def title_date(d):
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


# ---------------------------------------------------------------- the form grid

class Cell:
    def __init__(self, value, kind="s", style=None, across=0, down=0, formula=None):
        self.value, self.kind, self.style = value, kind, style
        self.across, self.down, self.formula = across, down, formula


class Grid:
    """Rows of the form layout, columns A–Q, plus where each field of each line went."""

    def __init__(self):
        self.rows = []          # list of {col index: Cell}
        self.where = {}         # ("line", i, key) / ("meta", name) / ("total", key) -> A1 ref

    def add(self, cells=None):
        self.rows.append(cells or {})
        return len(self.rows)   # 1-based row number

    def covered(self):
        """(row, col) positions covered by a merge (not its top-left cell)."""
        out = set()
        for r, row in enumerate(self.rows):
            for c, cell in row.items():
                for dr in range(cell.down + 1):
                    for dc in range(cell.across + 1):
                        if dr or dc:
                            out.add((r + dr, c + dc))
        return out


FIELD_COL = {"content": "B", "activity": "C", "implementer": "D", "beneficiary": "E",
             "place": "F", "group_project": "G", "unit": "H", "quantity": "I", "start": "J",
             "end": "K", "total": "L", "national": "M", "local": "N", "counterpart": "O",
             "other": "P", "note": "Q"}


def form_grid(p, unit="triệu đồng", colnums=True, formulas=False, stt_restart=False,
              header_breaks=False, total_label_col="A", unit_cell="N", appendix=True,
              real_dates=False, total_override=None, district_upper=None):
    """The form layout of plan `p` (layouts.md). Money is scaled to `unit`."""
    d = DISTRICTS[p["district"]]
    scale = SCALE[unit]
    money_style = "money1" if unit == "triệu đồng" else "money0"
    g = Grid()
    city = d["name"]
    who = ("UBND " + d["kind"] + " " + d["name"])
    g.add({0: Cell("ỦY BAN NHÂN DÂN", style="bold-c", across=4),
           9: Cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", style="bold-c", across=7)})
    g.add({0: Cell(district_upper or d["upper"], style="bold-c", across=4),
           9: Cell("Độc lập - Tự do - Hạnh phúc", style="bold-c", across=7)})
    r = g.add({0: Cell("Số: " + p["number"], style="center", across=4),
               9: Cell(f"{city}, {title_date(p['submitted'])}", style="italic-c", across=7)})
    g.where[("meta", "date")] = f"J{r}"
    g.add()
    r = g.add({0: Cell(f"KẾ HOẠCH KHUYẾN CÔNG NĂM {p['year']}", style="title", across=16)})
    g.where[("meta", "year")] = f"A{r}"
    if appendix:
        g.add({0: Cell(f"(Kèm theo Kế hoạch số {p['number']} ngày "
                       f"{p['submitted'].strftime('%d/%m/%Y')} của {who})",
                       style="italic-c", across=16)})
    else:
        g.add()
    ucol = col(unit_cell)
    g.add({ucol: Cell(f"Đơn vị tính: {unit}", style="italic-r",
                      across=(16 - ucol) if unit_cell == "N" else 3)})

    def h(text):
        if header_breaks:
            text = text.replace("Đơn vị thực hiện", "Đơn vị\nthực hiện") \
                .replace("Địa điểm (xã, phường, thị trấn)", "Địa điểm\n(xã, phường, thị trấn)")
        return Cell(text, style="head")

    top = {0: h("STT"), 1: h("Nội dung"), 2: h("Tên đề án, hoạt động"),
           3: h("Đơn vị thực hiện"), 4: h("Đơn vị thụ hưởng"),
           5: h("Địa điểm (xã, phường, thị trấn)"), 6: h("Đề án nhóm"), 7: h("Đơn vị tính"),
           8: h("Số lượng"), 9: h("Thời gian thực hiện"), 11: h("Kinh phí"), 16: h("Ghi chú")}
    for c in list(range(0, 9)) + [16]:
        top[c].down = 1
    top[9].across = 1
    top[11].across = 4
    header_row = g.add(top)
    g.where[("header",)] = f"{header_row}:{header_row + 1}"
    g.add({9: Cell("Bắt đầu", style="head"), 10: Cell("Kết thúc", style="head"),
           11: Cell("Tổng", style="head"), 12: Cell("KCQG", style="head"),
           13: Cell("KCĐP", style="head"), 14: Cell("Đối ứng", style="head"),
           15: Cell("Nguồn khác", style="head")})
    if colnums:
        g.add({c: Cell(t, style="head-i") for c, t in
               enumerate(["A", "B"] + [str(i) for i in range(1, 16)])})

    areas = []
    for i, ln in enumerate(p["lines"]):
        a = ln["content"].split(".")[0]
        if a not in areas:
            areas.append(a)
    section_rows = []
    stt = 0
    for k, a in enumerate(areas):
        idx = [i for i, ln in enumerate(p["lines"]) if ln["content"].split(".")[0] == a]
        sec = {0: Cell(ROMAN[k], style="bold-c"), 1: Cell(a, style="bold-c"),
               2: Cell(AREAS[a], style="bold")}
        srow = g.add(sec)
        section_rows.append(srow)
        first = srow + 1
        if stt_restart:
            stt = 0
        for i in idx:
            ln = p["lines"][i]
            stt += 1
            row = {0: Cell(D(stt), kind="n", style="center"), 1: Cell(ln["content"],
                                                                     style="center")}
            for key in ("activity", "implementer", "beneficiary", "place", "unit", "note"):
                if ln[key]:
                    row[col(FIELD_COL[key])] = Cell(ln[key], style="wrap")
            if ln["group_project"]:
                row[col("G")] = Cell("x", style="center")
            row[col("I")] = Cell(ln["quantity"], kind="n", style="center")
            for key in ("start", "end"):
                v = ln[key]
                if v in ("", None):
                    continue
                if isinstance(v, date) and real_dates:
                    row[col(FIELD_COL[key])] = Cell(v, kind="d", style="date")
                else:
                    row[col(FIELD_COL[key])] = Cell(fmt_period(v), style="center")
            for key in MONEY:
                amount = ln[key] * scale
                if key != "total" and amount == 0:
                    continue
                row[col(FIELD_COL[key])] = Cell(amount, kind="n", style=money_style)
            rnum = g.add(row)
            if formulas:
                row[col("L")].formula = f"of:=SUM([.M{rnum}:.P{rnum}])"
            for key in FIELD_COL:
                g.where[("line", i, key)] = f"{FIELD_COL[key]}{rnum}"
            g.where[("line", i)] = f"{rnum}:{rnum}"
        last = len(g.rows)
        for key in MONEY:
            c = col(FIELD_COL[key])
            s = sum((p["lines"][i][key] for i in idx), D(0)) * scale
            g.rows[srow - 1][c] = Cell(s, kind="n", style=money_style + "-b",
                                       formula=(f"of:=SUM([.{FIELD_COL[key]}{first}:."
                                                f"{FIELD_COL[key]}{last}])" if formulas
                                                else None))
    if total_label_col == "A":
        trow = {0: Cell("TỔNG CỘNG", style="bold-c", across=10)}
    else:
        trow = {col(total_label_col): Cell("Tổng cộng", style="bold")}
    rnum = g.add(trow)
    g.where[("total",)] = f"{rnum}:{rnum}"
    for key in MONEY:
        c = col(FIELD_COL[key])
        s = sum((ln[key] for ln in p["lines"]), D(0)) * scale
        if total_override and key in total_override:
            s = s + total_override[key] * scale
            formula = None
        else:
            formula = ("of:=" + "+".join(f"[.{FIELD_COL[key]}{sr}]" for sr in section_rows)
                       if formulas else None)
        trow[c] = Cell(s, kind="n", style=money_style + "-b", formula=formula)
        g.where[("total", key)] = f"{FIELD_COL[key]}{rnum}"
    g.add()
    sig = [("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"), ("- Sở Công Thương;", "KT. CHỦ TỊCH"),
           ("- Trung tâm Khuyến công và XTTM;", "PHÓ CHỦ TỊCH"), ("- Lưu: VT, KT.", None),
           (None, "(Đã ký)"), (None, d["signer"])]
    for left, right in sig:
        cells = {}
        if left:
            cells[0] = Cell(left, style="italic" if left == "Nơi nhận:" else None, across=3)
        if right:
            cells[9] = Cell(right, style="bold-c", across=7)
        g.add(cells)
    return g


# ---------------------------------------------------------------- .fods (flat ODS)

FODS_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" \
xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" \
xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:meta><meta:generator>tools/samples/make_samples.py</meta:generator>\
<meta:creation-date>2016-10-20T08:00:00</meta:creation-date></office:meta>
<office:font-face-decls><style:font-face style:name="Times New Roman" \
svg:font-family="&apos;Times New Roman&apos;"/></office:font-face-decls>
<office:automatic-styles>
<number:number-style style:name="N1"><number:number number:decimal-places="1" \
number:min-decimal-places="1" number:min-integer-digits="1" number:grouping="true"/>\
</number:number-style>
<number:number-style style:name="N0"><number:number number:decimal-places="0" \
number:min-integer-digits="1" number:grouping="true"/></number:number-style>
<number:date-style style:name="ND"><number:day number:style="long"/><number:text>/</number:text>\
<number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/>\
</number:date-style>
"""

COLUMN_WIDTHS = ["1.0cm", "1.4cm", "6.5cm", "4.2cm", "4.2cm", "3.2cm", "1.4cm", "1.8cm",
                 "1.5cm", "2.2cm", "2.2cm", "2.4cm", "2.2cm", "2.2cm", "2.2cm", "2.2cm",
                 "3.0cm"]

STYLES = {
    # name: (bold, italic, align, wrap, data style, border, size)
    "bold": (True, False, None, True, None, False, "12pt"),
    "bold-c": (True, False, "center", True, None, False, "12pt"),
    "title": (True, False, "center", False, None, False, "14pt"),
    "center": (False, False, "center", True, None, True, "12pt"),
    "italic": (False, True, None, False, None, False, "12pt"),
    "italic-c": (False, True, "center", False, None, False, "12pt"),
    "italic-r": (False, True, "end", False, None, False, "12pt"),
    "head": (True, False, "center", True, None, True, "12pt"),
    "head-i": (False, True, "center", False, None, True, "11pt"),
    "wrap": (False, False, None, True, None, True, "12pt"),
    "money1": (False, False, "end", False, "N1", True, "12pt"),
    "money1-b": (True, False, "end", False, "N1", True, "12pt"),
    "money0": (False, False, "end", False, "N0", True, "12pt"),
    "money0-b": (True, False, "end", False, "N0", True, "12pt"),
    "date": (False, False, "center", False, "ND", True, "12pt"),
}


def _fods_styles():
    out = []
    for i, w in enumerate(COLUMN_WIDTHS):
        out.append(f'<style:style style:name="co{i}" style:family="table-column">'
                   f'<style:table-column-properties style:column-width="{w}"/></style:style>')
    for name, (bold, italic, align, wrap, data, border, size) in STYLES.items():
        attrs = f' style:data-style-name="{data}"' if data else ""
        cell = []
        if wrap:
            cell.append('fo:wrap-option="wrap"')
        if border:
            cell.append('fo:border="0.06pt solid #000000"')
        cell.append('style:vertical-align="middle"')
        para = f'<style:paragraph-properties fo:text-align="{align}"/>' if align else ""
        text = [f'style:font-name="Times New Roman" fo:font-size="{size}"']
        if bold:
            text.append('fo:font-weight="bold"')
        if italic:
            text.append('fo:font-style="italic"')
        out.append(f'<style:style style:name="{name}" style:family="table-cell"{attrs}>'
                   f'<style:table-cell-properties {" ".join(cell)}/>{para}'
                   f'<style:text-properties {" ".join(text)}/></style:style>')
    return "\n".join(out)


def _text_p(value):
    # A cell with a line break is one paragraph per line, as LibreOffice itself saves it.
    return "".join(f"<text:p>{escape(x)}</text:p>" for x in value.split("\n"))


def write_fods(grid, sheet):
    covered = grid.covered()
    out = [FODS_HEAD, _fods_styles(), "</office:automatic-styles>",
           "<office:body><office:spreadsheet>", f'<table:table table:name="{escape(sheet)}">']
    for i in range(len(COLUMN_WIDTHS)):
        out.append(f'<table:table-column table:style-name="co{i}"/>')
    for r, row in enumerate(grid.rows):
        out.append("<table:table-row>")
        last = max([c + cell.across for c, cell in row.items()] +
                   [c for (rr, c) in covered if rr == r] + [-1])
        for c in range(last + 1):
            cell = row.get(c)
            if cell is None:
                out.append("<table:covered-table-cell/>" if (r, c) in covered
                           else "<table:table-cell/>")
                continue
            attrs = []
            if cell.style:
                attrs.append(f'table:style-name="{cell.style}"')
            if cell.across or cell.down:
                attrs.append(f'table:number-columns-spanned="{cell.across + 1}" '
                             f'table:number-rows-spanned="{cell.down + 1}"')
            if cell.formula:
                attrs.append(f'table:formula="{escape(cell.formula)}"')
            if cell.kind == "n":
                v = format(D(cell.value).normalize(), "f")
                attrs.append(f'office:value-type="float" office:value="{v}"')
                body = f"<text:p>{v}</text:p>"
            elif cell.kind == "d":
                attrs.append(f'office:value-type="date" '
                             f'office:date-value="{cell.value.isoformat()}"')
                body = f"<text:p>{cell.value.strftime('%d/%m/%Y')}</text:p>"
            else:
                attrs.append('office:value-type="string"')
                body = _text_p(cell.value)
            out.append(f'<table:table-cell {" ".join(attrs)}>{body}</table:table-cell>')
        out.append("</table:table-row>")
    out.append("</table:table></office:spreadsheet></office:body></office:document>\n")
    return "\n".join(out)


# ---------------------------------------------------------------- CSV as Excel saves it

def excel_field(text, delim, extra_quote=""):
    if any(ch in text for ch in (delim, '"', "\n", "\r") + tuple(extra_quote)):
        return '"' + text.replace('"', '""') + '"'
    return text


def encode(text, encoding):
    """Bytes in `encoding`: "utf-8-sig", "utf-8", "utf-16" (LE with BOM) or "cp1258-excel"."""
    if encoding == "cp1258-excel":
        return cp1258_excel(text)
    if encoding == "utf-16":
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode(encoding)


TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258_excel(text):
    """Windows-1258 as Vietnamese Windows writes it: a precomposed letter where code page
    1258 has one, otherwise the base letter (with its circumflex, breve or horn) followed by
    the combining tone mark."""
    out = bytearray()
    for ch in nfc(text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base = nfc("".join(c for c in decomposed if c not in TONE_MARKS))
        tones = "".join(c for c in decomposed if c in TONE_MARKS)
        out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


def grid_text(cell, number_style):
    if cell.kind == "n":
        if cell.style and cell.style.startswith("money"):
            places = 1 if cell.style.startswith("money1") else 0
            return fmt_number(cell.value, "vi" if number_style.endswith("vi") else "en",
                              places)
        return fmt_number(cell.value, number_style)
    if cell.kind == "d":
        return cell.value.strftime("%d/%m/%Y")
    return cell.value


def grid_to_excel_csv(grid, delim=",", number_style="general"):
    """The form as Excel's "Save as CSV" writes it: a merged cell's value in its top-left
    cell, empty fields for the rest, every row as wide as the used range, CRLF."""
    width = 17
    lines = []
    for row in grid.rows:
        fields = []
        for c in range(width):
            cell = row.get(c)
            fields.append("" if cell is None else excel_field(grid_text(cell, number_style),
                                                              delim))
        lines.append(delim.join(fields))
    return "\r\n".join(lines) + "\r\n"


# ---------------------------------------------------------------- flat layout rows

def flat_rows(p, meta="columns", headers="en", order=None, number_style="general",
              decimals=None, unit=None, submitted_style="dmy", district_text=None,
              year_text=None, drop=(), group_mark="x", zeros=False):
    """Rows (lists of strings) of the flat layout, and where each field of each line went.

    meta: "columns" (district, plan_year, submitted_on columns), "labels1" (label rows,
    label and value in one cell) or "labels2" (label and value in two cells).
    """
    d = DISTRICTS[p["district"]]
    keys = list(order or FLAT_KEYS)
    if meta != "columns":
        keys = [k for k in keys if k not in ("district", "plan_year", "submitted_on")]
    keys = [k for k in keys if k not in drop]
    sub = p["submitted"]
    sub_text = sub.isoformat() if submitted_style == "iso" else sub.strftime("%d/%m/%Y")
    dist_text = district_text or (p["district"] if headers == "en" else d["name"])
    year = year_text or str(p["year"])
    rows, where = [], {}
    if meta != "columns":
        labels = [("Huyện:" if d["kind"] == "huyện" else "Đơn vị:",
                   dist_text if district_text else
                   (d["name"] if d["kind"] == "huyện" else "UBND thành phố " + d["name"])),
                  ("Năm kế hoạch:", year), ("Ngày gửi:", sub_text)]
        if unit:
            labels.append(("Đơn vị tính:", unit))
        for n, (label, value) in enumerate(labels):
            if meta == "labels1":
                rows.append([f"{label} {value}"])
                where[("meta", label)] = f"A{n + 1}"
            else:
                rows.append([label, value])
                where[("meta", label)] = f"B{n + 1}"
    header_row = len(rows) + 1
    rows.append([k if headers == "en" else VI_HEADERS[k] for k in keys])
    where[("header",)] = f"{header_row}:{header_row}"
    scale = SCALE[unit] if unit else D(1)
    for i, ln in enumerate(p["lines"]):
        r = []
        for k in keys:
            if k == "district":
                v = dist_text
            elif k == "plan_year":
                v = year
            elif k == "submitted_on":
                v = sub_text
            elif k == "group_project":
                v = group_mark if ln[k] else ""
            elif k == "quantity":
                v = fmt_number(ln[k], "general-vi" if number_style in ("vi", "general-vi")
                               else "general")
            elif k in MONEY:
                # an amount of 0 is an empty cell unless the sheet shows zeros
                v = fmt_number(ln[k] * scale, number_style, decimals) \
                    if ln[k] or k == "total" or zeros else ""
            elif k in ("start", "end"):
                v = fmt_period(ln[k])
            else:
                v = ln[k]
            r.append(v)
        rows.append(r)
        rnum = len(rows)
        for n, k in enumerate(keys):
            where[("line", i, k)] = f"{chr(65 + n)}{rnum}"
        where[("line", i)] = f"{rnum}:{rnum}"
    return rows, where


def rows_to_excel_text(rows, delim, quote_commas=False):
    """Rows as Excel writes CSV (delim `,`/`;`) or Unicode text (tab): CRLF, rows padded
    to the widest row, quotes only where needed (Unicode text also quotes commas)."""
    width = max(len(r) for r in rows)
    out = []
    for r in rows:
        r = list(r) + [""] * (width - len(r))
        out.append(delim.join(excel_field(v, delim, "," if quote_commas else "") for v in r))
    return "\r\n".join(out) + "\r\n"


def rows_to_lo_csv(rows):
    """Rows as plain RFC 4180 CSV, UTF-8, `,` (what we hand LibreOffice to import)."""
    out = []
    for r in rows:
        out.append(",".join(excel_field(v, ",") for v in r))
    return "\n".join(out) + "\n"
