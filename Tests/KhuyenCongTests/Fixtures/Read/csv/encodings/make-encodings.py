#!/usr/bin/env python3
"""Writes the encoding fixtures: one Vietnamese plan fragment, saved the ways districts save it.

Run from this folder: python3 make-encodings.py. Every file must read to the same NFC cells.
Excel's CSV writer is imitated with Python's csv module (CRLF line ends, quotes only where
needed). For Windows-1258 a letter the code page lacks is written as the code page's base letter
plus a combining tone mark, as Windows' WideCharToMultiByte does for code page 1258. TCVN3 bytes
come from glibc's TCVN5712-1 converter (iconv).
"""
import csv
import io
import subprocess
import unicodedata

ROWS = [
    ["UBND HUYỆN LÂM BÌNH", "", "", "", "", ""],
    ["KẾ HOẠCH KHUYẾN CÔNG NĂM 2017", "", "", "", "", ""],
    ["Lâm Bình, ngày 25 tháng 10 năm 2016", "", "", "", "", ""],
    ["Đơn vị tính: triệu đồng", "", "", "", "", ""],
    ["STT", "Nội dung", "Tên đề án", "Địa điểm", "Đơn vị thụ hưởng", "Tổng kinh phí"],
    ["1", "1.1", "Đào tạo nghề mây tre đan", "Thượng Lâm",
     "Hợp tác xã mây tre đan Thượng Lâm", "150,5"],
    ["2", "3.3", "Hỗ trợ ứng dụng máy móc thiết bị chế biến chè\n(dây chuyền sao, sấy)",
     "Lăng Can", "Cơ sở chế biến chè \"Lăng Can\"", "200"],
    ["", "", "Tổng cộng", "", "", "350,5"],
]

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def text(delimiter):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in ROWS:
        writer.writerow([unicodedata.normalize("NFC", cell) for cell in row])
    return out.getvalue()


def cp1258(s):
    out = bytearray()
    for ch in s:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        tone = "".join(p for p in parts if p in TONES)
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in TONES))
        out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def tcvn3(s):
    return subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=s.encode(),
                          capture_output=True, check=True).stdout


files = {
    "plan-utf8.csv": text(",").encode("utf-8"),
    "plan-utf8-bom.csv": b"\xef\xbb\xbf" + text(",").encode("utf-8"),
    "plan-utf16le-bom-tab.txt": b"\xff\xfe" + text("\t").encode("utf-16-le"),
    "plan-utf16be-bom-tab.txt": b"\xfe\xff" + text("\t").encode("utf-16-be"),
    "plan-windows1258-semicolon.csv": cp1258(text(";")),
    "plan-tcvn3.csv": tcvn3(text(",")),
}
for name, data in files.items():
    with open(name, "wb") as f:
        f.write(data)
