# A flat ODS with a two-row header: A-I merged down over 2 rows, "Thời gian" across J-K over
# "Bắt đầu"/"Kết thúc", "Kinh phí" across L-P over Tổng/KCQG/KCĐP/Đối ứng/Nguồn khác.
import unicodedata
def cell(text, across=1, down=1, typ="string"):
    attrs = ''
    if across > 1: attrs += f' table:number-columns-spanned="{across}"'
    if down > 1: attrs += f' table:number-rows-spanned="{down}"'
    if text == "": return '<table:table-cell/>'
    if typ == "float":
        return f'<table:table-cell office:value-type="float" office:value="{text}"{attrs}><text:p>{text}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"{attrs}><text:p>{text}</text:p></table:table-cell>'
def covered(n=1):
    return '<table:covered-table-cell/>' * n
h1 = ["STT","Tên đề án","Nội dung","Địa điểm","Đơn vị thực hiện","Đơn vị tính","Số lượng","Cơ quan chủ trì","Ghi chú"]
row1 = ''.join(cell(t, down=2) for t in h1) + cell("Thời gian", across=2) + covered(1) + cell("Kinh phí", across=5) + covered(4)
row2 = covered(9) + cell("Bắt đầu") + cell("Kết thúc") + ''.join(cell(t) for t in ["Tổng","KCQG","KCĐP","Đối ứng","Nguồn khác"])
row3 = cell("1", typ="float") + ''.join(cell(t) for t in ["Hỗ trợ máy móc chế biến chè","Ứng dụng máy móc tiên tiến","Xã Thượng Lâm","Hợp tác xã chè Thượng Lâm","Mô hình","1","Trung tâm Khuyến công","","01/2017","06/2017"]) + ''.join(cell(v, typ="float") for v in ["350","150","50","150","0"])
doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet>
<table:table table:name="Kế hoạch 2017">
<table:table-column table:number-columns-repeated="16"/>
<table:table-row>{row1}</table:table-row>
<table:table-row>{row2}</table:table-row>
<table:table-row>{row3}</table:table-row>
</table:table>
<table:table table:name="Trang 2">
<table:table-row>{cell("Trang thứ hai")}</table:table-row>
</table:table>
</office:spreadsheet></office:body></office:document>
'''
doc = unicodedata.normalize("NFC", doc)
open("form-layout-two-row-header.fods","w",encoding="utf-8").write(doc)
