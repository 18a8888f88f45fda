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

# The programme's indicators (SPEC §2): more words, to exercise the Windows-1258/TCVN3 scoring.
INDICATORS = [
    ["Mã", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu"],
    ["1.1", "Lao động được đào tạo nghề", "người", "500"],
    ["2.1", "Học viên khởi sự, quản trị doanh nghiệp", "học viên", "350"],
    ["2.2", "Học viên sản xuất sạch hơn", "học viên", "250"],
    ["2.3", "Doanh nghiệp được hỗ trợ thành lập", "doanh nghiệp", "50"],
    ["3.1", "Mô hình trình diễn kỹ thuật", "mô hình", "5"],
    ["3.3", "Cơ sở ứng dụng máy móc thiết bị", "cơ sở", "30"],
    ["4.1", "Lần bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh", "lần", "3"],
    ["4.2", "Hội chợ khu vực tổ chức", "hội chợ", "1"],
    ["4.4", "Cơ sở được hỗ trợ thương hiệu, bao bì", "cơ sở", "10"],
    ["6.1", "Chuyên mục truyền hình", "chuyên mục", "20"],
    ["7.3", "Cơ sở sửa chữa, nâng cấp xử lý ô nhiễm", "cơ sở", "5"],
    ["8.1", "Đoàn khảo sát nước ngoài", "đoàn", "1"],
]

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def text(delimiter, rows=ROWS):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
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
    "indicators-utf8.csv": text(",", INDICATORS).encode("utf-8"),
    "indicators-windows1258.csv": cp1258(text(";", INDICATORS)),
    "indicators-tcvn3.csv": tcvn3(text(";", INDICATORS)),
}
for name, data in files.items():
    with open(name, "wb") as f:
        f.write(data)
