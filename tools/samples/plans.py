"""The sample plans: every district's lines, as data (one description for every sample).

Amounts are in triệu đồng (Decimal); the writers scale them to the unit a file declares.
A line is a dict with the flat-layout keys (layouts.md); `start`/`end` are text ("03/2017",
"Quý II/2017") or a datetime.date (written as a real date cell where the format has one).
"""

from datetime import date
from decimal import Decimal as D

KC_CENTRE = "Trung tâm Khuyến công và Xúc tiến thương mại"
PTV = "Đài Phát thanh và Truyền hình tỉnh Tuyên Quang"
BAO = "Báo Tuyên Quang"

# Content areas of QĐ 69/QĐ-UBND, section II (the seed).
AREAS = {
    "1": "Tổ chức đào tạo nghề, truyền nghề",
    "2": "Hỗ trợ nâng cao năng lực quản lý doanh nghiệp, nhận thức và năng lực áp dụng "
         "sản xuất sạch hơn trong công nghiệp",
    "3": "Hỗ trợ xây dựng mô hình trình diễn kỹ thuật, chuyển giao công nghệ, ứng dụng máy "
         "móc tiên tiến, tiến bộ khoa học kỹ thuật",
    "4": "Phát triển sản phẩm công nghiệp nông thôn tiêu biểu",
    "5": "Tư vấn, trợ giúp cơ sở công nghiệp nông thôn",
    "6": "Cung cấp thông tin, tuyên truyền",
    "7": "Hỗ trợ liên doanh liên kết, hợp tác kinh tế, phát triển các cụm công nghiệp và di "
         "dời cơ sở gây ô nhiễm môi trường",
    "8": "Hợp tác quốc tế về khuyến công",
    "9": "Nâng cao năng lực quản lý và tổ chức thực hiện hoạt động khuyến công",
}

# Indicator -> its unit and the other units that mean the same (layouts.md).
UNITS = {
    "1.1": ("lao động", ["người"]), "2.1": ("học viên", []), "2.2": ("học viên", []),
    "2.3": ("doanh nghiệp", []), "3.1": ("mô hình", []), "3.2": ("mô hình", []),
    "3.3": ("cơ sở", []), "4.1": ("lần", []), "4.2": ("hội chợ", []),
    "4.3": ("hội chợ", []), "4.4": ("cơ sở", []), "4.5": ("lượt cơ sở", []),
    "5.1": ("cơ sở", []), "5.2": ("cơ sở", []), "6.1": ("chuyên mục", []),
    "6.2": ("chuyên mục", []), "7.1": ("cụm", []), "7.2": ("cụm", []), "7.3": ("cơ sở", []),
    "8.1": ("đoàn", []), "9.1": ("hoạt động", []),
}

# Caps of TTLT 26/2014 Art. 6.2 as layouts.md lists them: (max % of total, max per unit).
CAPS = {
    "3.3": (D(50), D(200)), "3.1": (D(30), D(500)), "4.4": (D(50), D(35)),
    "5.1": (D(50), D(35)), "7.3": (D(30), D(300)), "7.1": (D(50), D(500)),
    "7.2": (None, D(3000)), "2.3": (None, D(10)), "4.3": (D(80), None),
}
PRIORITY_MULTIPLIER = D("1.5")
PRIORITY_ONLY = {"2.3"}

DISTRICTS = {
    "070": dict(name="Tuyên Quang", kind="thành phố", slug="tp-tuyen-quang", priority=False,
                upper="THÀNH PHỐ TUYÊN QUANG", dept="Phòng Kinh tế thành phố Tuyên Quang",
                signer="Nguyễn Mạnh Hùng"),
    "071": dict(name="Lâm Bình", kind="huyện", slug="lam-binh", priority=True,
                upper="HUYỆN LÂM BÌNH", dept="Phòng Kinh tế và Hạ tầng huyện Lâm Bình",
                signer="Hoàng Văn Thịnh"),
    "072": dict(name="Na Hang", kind="huyện", slug="na-hang", priority=True,
                upper="HUYỆN NA HANG", dept="Phòng Kinh tế và Hạ tầng huyện Na Hang",
                signer="Ma Thế Hồng"),
    "073": dict(name="Chiêm Hóa", kind="huyện", slug="chiem-hoa", priority=True,
                upper="HUYỆN CHIÊM HÓA", dept="Phòng Kinh tế và Hạ tầng huyện Chiêm Hóa",
                signer="Hà Đức Minh"),
    "074": dict(name="Hàm Yên", kind="huyện", slug="ham-yen", priority=False,
                upper="HUYỆN HÀM YÊN", dept="Phòng Kinh tế và Hạ tầng huyện Hàm Yên",
                signer="Trần Quang Lâm"),
    "075": dict(name="Yên Sơn", kind="huyện", slug="yen-son", priority=False,
                upper="HUYỆN YÊN SƠN", dept="Phòng Kinh tế và Hạ tầng huyện Yên Sơn",
                signer="Phạm Văn Tuấn"),
    "076": dict(name="Sơn Dương", kind="huyện", slug="son-duong", priority=False,
                upper="HUYỆN SƠN DƯƠNG", dept="Phòng Kinh tế và Hạ tầng huyện Sơn Dương",
                signer="Lê Đình Sơn"),
}


def line(content, activity, implementer, beneficiary, place, unit, qty, start, end, total,
         national=0, local=0, counterpart=0, other=0, group=False, note=""):
    return dict(content=content, activity=activity, implementer=implementer,
                beneficiary=beneficiary, place=place, group_project=group, unit=unit,
                quantity=D(qty), start=start, end=end, total=D(total), national=D(national),
                local=D(local), counterpart=D(counterpart), other=D(other), note=note)


def plan(district, year, submitted, number, lines):
    return dict(district=district, year=year, submitted=submitted, number=number,
                lines=lines)


def g(content, activity, implementer, unit, qty, start, end, total, **money):
    """A group project: no beneficiary and no place (Circular 36/2013 Art. 10.1.a)."""
    return line(content, activity, implementer, "", "", unit, qty, start, end, total,
                group=True, **money)


D070, D071, D072, D073, D074, D075, D076 = (DISTRICTS[c]["dept"] for c in
                                            ("070", "071", "072", "073", "074", "075", "076"))

P2017 = {}

P2017["070"] = plan("070", 2017, date(2016, 10, 25), "1856/KH-UBND", [
    line("1.1", "Đào tạo nghề mộc dân dụng và mỹ nghệ", KC_CENTRE,
         "Hợp tác xã Mộc Hưng Thành", "Phường Hưng Thành", "lao động", 35, "03/2017",
         "06/2017", "105.0", local="95.0", counterpart="10.0"),
    g("2.1", "Tập huấn nâng cao năng lực quản trị doanh nghiệp cho cơ sở công nghiệp "
      "nông thôn", D070, "học viên", 60, "Quý II/2017", "Quý II/2017", "45.5",
      local="45.5"),
    line("3.3", "Hỗ trợ ứng dụng máy chà nhám, máy soi CNC trong sản xuất đồ gỗ", KC_CENTRE,
         "Công ty TNHH Đồ gỗ Tân Hà", "Phường Tân Hà", "cơ sở", 1, "Quý II/2017",
         "Quý III/2017", "640.0", national="200.0", counterpart="440.0"),
    line("3.3", "Hỗ trợ ứng dụng dây chuyền sản xuất viên nén năng lượng từ mùn cưa",
         KC_CENTRE, "Công ty TNHH MTV Lâm sản An Khang", "Xã An Khang", "cơ sở", 1,
         "04/2017", "10/2017", "1150.0", national="200.0", counterpart="950.0"),
    line("4.4", "Hỗ trợ thiết kế mẫu mã, bao bì sản phẩm mật ong", D070,
         "Hộ kinh doanh Nguyễn Văn Hùng", "Xã Lưỡng Vượng", "cơ sở", 1, "05/2017",
         "08/2017", "60.0", local="30.0", counterpart="30.0"),
    g("6.1", "Xây dựng chuyên mục khuyến công trên sóng truyền hình", PTV, "chuyên mục", 2,
      "06/2017", "11/2017", "24.0", local="24.0"),
])

P2017["071"] = plan("071", 2017, date(2016, 10, 25), "215/KH-UBND", [
    line("1.1", "Đào tạo nghề dệt thổ cẩm", KC_CENTRE,
         "Hợp tác xã Dệt thổ cẩm Thượng Lâm", "Xã Thượng Lâm", "lao động", 30,
         date(2017, 4, 1), date(2017, 7, 31), "90.0", local="81.0", counterpart="9.0"),
    line("1.1", "Truyền nghề đan lát mây tre", D071, "Tổ hợp tác mây tre đan Khuôn Hà",
         "Xã Khuôn Hà", "người", 25, date(2017, 5, 15), date(2017, 8, 15), "62.5",
         local="56.25", counterpart="6.25"),
    g("2.3", "Hỗ trợ thành lập doanh nghiệp sản xuất công nghiệp nông thôn", D071,
      "doanh nghiệp", 2, date(2017, 3, 1), date(2017, 12, 31), "20.0", national="20.0"),
    line("3.3", "Hỗ trợ ứng dụng máy móc thiết bị chế biến chè Shan tuyết", KC_CENTRE,
         "Hợp tác xã chè Phúc Yên", "Xã Phúc Yên", "cơ sở", 1, date(2017, 4, 1),
         date(2017, 9, 30), "520.0", national="250.0", counterpart="270.0"),
    line("4.4", "Hỗ trợ xây dựng nhãn hiệu tập thể, thiết kế bao bì sản phẩm thổ cẩm "
         "Lâm Bình", KC_CENTRE, "Hợp tác xã Dệt thổ cẩm Thượng Lâm", "Xã Thượng Lâm",
         "cơ sở", 1, date(2017, 6, 1), date(2017, 10, 31), "70.0", national="35.0",
         counterpart="35.0"),
    g("6.2", "Chuyên mục khuyến công trên Báo Tuyên Quang", BAO, "chuyên mục", 2,
      date(2017, 3, 1), date(2017, 11, 30), "12.5", local="12.5"),
])

P2017["072"] = plan("072", 2017, date(2016, 10, 24), "402/KH-UBND", [
    line("1.1", "Đào tạo nghề chế biến chè Shan tuyết", KC_CENTRE,
         "HTX chè Shan tuyết Khau Mút", "Xã Thượng Giáp", "lao động", 30, "03/2017",
         "05/2017", "96.0", local="86.4", counterpart="9.6"),
    line("3.1", "Xây dựng mô hình trình diễn kỹ thuật chế biến chè Shan tuyết chất lượng cao",
         KC_CENTRE, "HTX chè Shan tuyết Khau Mút", "Xã Thượng Giáp", "mô hình", 1,
         "Quý II/2017", "Quý IV/2017", "1250.5", national="375.0", counterpart="875.5"),
    line("3.3", "Hỗ trợ ứng dụng máy móc thiết bị chưng cất rượu ngô", D072,
         "Hộ kinh doanh Hoàng Văn Tú", "Thị trấn Na Hang", "cơ sở", 1, "05/2017",
         "08/2017", "180.0", local="90.0", counterpart="90.0"),
    g("4.3", "Hỗ trợ cơ sở công nghiệp nông thôn tham gia Hội chợ hàng công nghiệp nông "
      "thôn tiêu biểu khu vực phía Bắc", KC_CENTRE, "hội chợ", 1, "09/2017", "10/2017",
      "40.0", local="32.0", counterpart="8.0"),
    g("6.1", "Phóng sự truyền hình về sản phẩm chè Shan tuyết Na Hang", PTV, "chuyên mục", 1,
      "07/2017", "07/2017", "15.0", local="15.0"),
    line("7.1", "Lập quy hoạch chi tiết cụm công nghiệp Thanh Tương",
         "Ban Quản lý dự án đầu tư xây dựng huyện Na Hang", "Cụm công nghiệp Thanh Tương",
         "Xã Thanh Tương", "cụm", 1, "Quý I/2017", "Quý III/2017", "1100.0",
         national="450.0", local="50.0", other="600.0",
         note="Nguồn khác: ngân sách huyện"),
])

P2017["073"] = plan("073", 2017, date(2016, 10, 26), "533/KH-UBND", [
    line("1.1", "Đào tạo nghề mây tre đan xuất khẩu", KC_CENTRE,
         "Hợp tác xã mây tre đan Phúc Thịnh", "Xã Phúc Thịnh", "lao động", 35, "05/2017",
         "08/2017", "122.5", local="110.0", counterpart="12.5"),
    line("3.3", "Hỗ trợ ứng dụng máy móc thiết bị sản xuất viên nén năng lượng", KC_CENTRE,
         "Công ty TNHH Lâm sản Hòa Phú", "Xã Hòa Phú", "cơ sở", 1, "Quý II/2017",
         "Quý IV/2017", "1350.0", national="300.0", counterpart="1050.0"),
    line("3.3", "Hỗ trợ ứng dụng máy xẻ, máy bào trong chế biến đồ gỗ", D073,
         "Hộ kinh doanh Ma Văn Thắng", "Thị trấn Vĩnh Lộc", "cơ sở", 1, "04/2017",
         "07/2017", "240.0", local="100.0", counterpart="140.0"),
    line("4.4", "Hỗ trợ đăng ký nhãn hiệu, thiết kế bao bì sản phẩm bánh gai Chiêm Hóa",
         D073, "Hộ kinh doanh Nguyễn Thị Hoa", "Thị trấn Vĩnh Lộc", "cơ sở", 1, "06/2017",
         "09/2017", "45.0", local="22.5", counterpart="22.5"),
    line("5.1", "Tư vấn lập dự án đầu tư xưởng chế biến gỗ rừng trồng", KC_CENTRE,
         "Công ty TNHH Lâm sản Hòa Phú", "Xã Hòa Phú", "cơ sở", 1, "03/2017", "04/2017",
         "30.0", local="15.0", counterpart="15.0"),
    g("6.2", "Chuyên mục khuyến công trên Báo Tuyên Quang", BAO, "chuyên mục", 2, "04/2017",
      "10/2017", "14.0", local="14.0"),
])


def ham_yen(version):
    v2 = version == 2
    lines = [
        line("1.1", "Đào tạo nghề dệt thổ cẩm", KC_CENTRE, "Tổ hợp tác dệt thổ cẩm Yên Thuận",
             "Xã Yên Thuận", "lao động", 30, "04/2017", "06/2017", "84.0", local="75.6",
             counterpart="8.4"),
        line("3.3", "Hỗ trợ ứng dụng máy sao, máy vò chè trong chế biến chè xanh", KC_CENTRE,
             "HTX chè Vĩnh Tân", "Xã Tân Thành", "cơ sở", 1, "Quý II/2017", "Quý III/2017",
             "420.0" if v2 else "380.0", national="180.0",
             counterpart="240.0" if v2 else "200.0"),
        line("4.4", "Hỗ trợ đăng ký nhãn hiệu tập thể và thiết kế bao bì chè Vĩnh Tân",
             KC_CENTRE, "HTX chè Vĩnh Tân", "Xã Tân Thành", "cơ sở", 1, "05/2017",
             "09/2017", "68.0", national="34.0", counterpart="34.0"),
        g("6.1", "Xây dựng chuyên mục truyền hình giới thiệu làng nghề chè Vĩnh Tân", PTV,
          "chuyên mục", 2, "06/2017", "10/2017", "30.0", local="30.0"),
        line("7.2", "Hỗ trợ đầu tư xây dựng hạ tầng cụm công nghiệp Tân Thành",
             "Ban Quản lý dự án đầu tư xây dựng huyện Hàm Yên", "Cụm công nghiệp Tân Thành",
             "Xã Tân Thành", "cụm", 1, "Quý II/2017", "Quý IV/2017", "4500.0",
             national="2800.0" if v2 else "2500.0", other="1700.0" if v2 else "2000.0",
             note="Nguồn khác: ngân sách tỉnh"),
    ]
    if v2:
        lines.insert(1, line("1.1", "Đào tạo nghề chế biến gỗ rừng trồng", D074,
                             "Công ty TNHH Chế biến lâm sản Đức Ninh", "Xã Đức Ninh",
                             "lao động", 25, "07/2017", "09/2017", "75.0", local="67.5",
                             counterpart="7.5"))
    if v2:
        return plan("074", 2017, date(2016, 10, 28), "312/KH-UBND", lines)
    return plan("074", 2017, date(2016, 10, 20), "298/KH-UBND", lines)


P2017["074v1"] = ham_yen(1)
P2017["074v2"] = ham_yen(2)

P2017["075"] = plan("075", 2017, date(2016, 10, 27), "1120/KH-UBND", [
    line("1.1", "Đào tạo nghề chế biến chè", KC_CENTRE, "HTX chè Mỹ Bằng", "Xã Mỹ Bằng",
         "lao động", 30, "03/2017", "05/2017", "78.0", local="70.2", counterpart="7.8"),
    line("1.1", "Truyền nghề mây tre đan", D075, "Tổ hợp tác mây tre đan Trung Môn",
         "Xã Trung Môn", "lao động", 25, "06/2017", "08/2017", "70.0", local="63.0",
         counterpart="7.0"),
    line("3.3", "Hỗ trợ ứng dụng máy móc thiết bị chế biến chè xanh", KC_CENTRE,
         "HTX chè Mỹ Bằng", "Xã Mỹ Bằng", "cơ sở", 1, "Quý II/2017", "Quý III/2017",
         "420.0", national="200.0", counterpart="220.0"),
    g("3.3", "Hỗ trợ ứng dụng máy móc thiết bị sản xuất đồ gỗ cho các cơ sở công nghiệp "
      "nông thôn", KC_CENTRE, "cơ sở", 2, "Quý III/2017", "Quý IV/2017", "600.0",
      national="280.0", counterpart="320.0"),
    line("5.1", "Tư vấn xây dựng kế hoạch kinh doanh, tiếp cận vốn vay", D075,
         "Hộ kinh doanh Lê Văn Bình", "Xã Kim Phú", "cơ sở", 1, "04/2017", "05/2017",
         "20.0", local="10.0", counterpart="10.0"),
    g("6.1", "Chuyên mục truyền hình về hoạt động khuyến công huyện Yên Sơn", PTV,
      "chuyên mục", 2, "05/2017", "11/2017", "24.0", local="24.0"),
    line("7.3", "Hỗ trợ sửa chữa, nâng cấp hệ thống xử lý nước thải", KC_CENTRE,
         "Công ty TNHH Chế biến nông sản Lang Quán", "Xã Lang Quán", "cơ sở", 1,
         "Quý II/2017", "Quý IV/2017", "450.0", national="135.0", counterpart="315.0"),
])

P2017["076"] = plan("076", 2017, date(2016, 11, 2), "687/KH-UBND", [
    line("1.1", "Đào tạo nghề sản xuất miến dong", KC_CENTRE, "HTX miến dong Hợp Thành",
         "Xã Hợp Thành", "lao động", 30, "03/2017", "05/2017", "75.0", local="67.5",
         counterpart="7.5"),
    line("3.1", "Mô hình trình diễn kỹ thuật chế biến chè xanh chất lượng cao", KC_CENTRE,
         "HTX chè Tân Trào", "Xã Tân Trào", "mô hình", 1, "Quý II/2017", "Quý IV/2017",
         "650.0", national="190.0", counterpart="460.0"),
    line("3.3", "Hỗ trợ ứng dụng dây chuyền sản xuất viên nén mùn cưa", KC_CENTRE,
         "Công ty TNHH Viên nén Sơn Nam", "Xã Sơn Nam", "cơ sở", 1, "04/2017", "09/2017",
         "900.0", national="200.0", counterpart="700.0"),
    line("4.4", "Hỗ trợ xây dựng thương hiệu, thiết kế bao bì sản phẩm miến dong Hợp Thành",
         KC_CENTRE, "HTX miến dong Hợp Thành", "Xã Hợp Thành", "cơ sở", 1, "06/2017",
         "10/2017", "64.0", national="32.0", counterpart="32.0"),
    g("6.1", "Chuyên mục truyền hình giới thiệu sản phẩm miến dong Sơn Dương", PTV,
      "chuyên mục", 2, "05/2017", "10/2017", "26.0", local="26.0"),
    line("7.1", "Lập quy hoạch chi tiết cụm công nghiệp Sơn Nam",
         "Ban Quản lý dự án đầu tư xây dựng huyện Sơn Dương", "Cụm công nghiệp Sơn Nam",
         "Xã Sơn Nam", "cụm", 1, "Quý I/2017", "Quý III/2017", "800.0", national="400.0",
         other="400.0", note="Nguồn khác: ngân sách huyện"),
])

P2016 = {}

P2016["071"] = plan("071", 2016, date(2015, 10, 28), "198/KH-UBND", [
    line("1.1", "Đào tạo nghề dệt thổ cẩm", KC_CENTRE, "Tổ hợp tác dệt thổ cẩm Nà Chang",
         "Xã Thượng Lâm", "lao động", 25, "04/2016", "06/2016", "72.0", local="64.8",
         counterpart="7.2"),
    g("2.1", "Tập huấn khởi sự doanh nghiệp", D071, "học viên", 40, "Quý II/2016",
      "Quý II/2016", "30.0", local="30.0"),
    line("3.3", "Hỗ trợ ứng dụng máy móc thiết bị sản xuất đồ mộc", D071,
         "Hộ kinh doanh Ma Thị Lan", "Xã Lăng Can", "cơ sở", 1, "05/2016", "08/2016",
         "160.0", local="80.0", counterpart="80.0"),
    g("6.1", "Phóng sự truyền hình về nghề dệt thổ cẩm Lâm Bình", PTV, "chuyên mục", 1,
      "09/2016", "09/2016", "12.0", local="12.0"),
])

P2016["074"] = plan("074", 2016, date(2015, 10, 22), "276/KH-UBND", [
    line("1.1", "Đào tạo nghề chế biến chè xanh", KC_CENTRE, "HTX chè Vĩnh Tân",
         "Xã Tân Thành", "lao động", 30, "03/2016", "05/2016", "81.0", local="72.9",
         counterpart="8.1"),
    line("3.3", "Hỗ trợ ứng dụng máy móc thiết bị chế biến gỗ", KC_CENTRE,
         "Hộ kinh doanh Trần Văn Minh", "Xã Thái Hòa", "cơ sở", 1, "Quý II/2016",
         "Quý III/2016", "300.0", national="150.0", counterpart="150.0"),
    g("4.3", "Tổ chức cho cơ sở công nghiệp nông thôn tham gia hội chợ triển lãm", D074,
      "hội chợ", 1, "10/2016", "10/2016", "30.0", local="24.0", counterpart="6.0"),
    g("6.2", "Chuyên mục khuyến công trên Báo Tuyên Quang", BAO, "chuyên mục", 2, "04/2016",
      "10/2016", "12.0", local="12.0"),
])

P2016["076"] = plan("076", 2016, date(2015, 10, 27), "655/KH-UBND", [
    line("1.1", "Đào tạo nghề chế biến chè", KC_CENTRE, "HTX chè Tân Trào", "Xã Tân Trào",
         "lao động", 30, "03/2016", "05/2016", "78.0", local="70.2", counterpart="7.8"),
    line("3.3", "Hỗ trợ ứng dụng máy móc thiết bị sản xuất đồ gỗ", KC_CENTRE,
         "Cơ sở sản xuất đồ gỗ Lâm Xuyên", "Xã Lâm Xuyên", "cơ sở", 1, "Quý II/2016",
         "Quý III/2016", "250.0", national="120.0", counterpart="130.0"),
    g("6.1", "Chuyên mục truyền hình về hoạt động khuyến công huyện Sơn Dương", PTV,
      "chuyên mục", 2, "05/2016", "10/2016", "24.0", local="24.0"),
    line("7.1", "Lập quy hoạch chi tiết cụm công nghiệp Thượng Ấm",
         "Ban Quản lý dự án đầu tư xây dựng huyện Sơn Dương", "Cụm công nghiệp Thượng Ấm",
         "Xã Thượng Ấm", "cụm", 1, "Quý I/2016", "Quý III/2016", "600.0", national="300.0",
         other="300.0", note="Nguồn khác: ngân sách huyện"),
])
