/// The default programme: Tuyên Quang 2016–2020 (Decision 69/QĐ-UBND), embedded in the binary.
///
/// SPEC §2: the binary must run with no file beside it, so the definition is compiled in as
/// the same JSON text a user would pass with `--program` (`khuyencong program` prints it; edit
/// a copy for another period or province). Figures come from the seed decision
/// (`shared/seed/`), the caps from TTLT 26/2014/TTLT-BTC-BCT Art. 6.2
/// (`shared/reference/khuyen-cong-regulations.md` §3.1), the commune register row for row from
/// `shared/reference/tuyen-quang-units.csv` (GSO), whose 7 district rows are the districts.
extension Programme {
  /// The embedded default programme definition, as JSON text (`schemas/programme.schema.json`).
  public static let defaultJSON: String = #"""
    {
      "formatVersion": 1,
      "id": "tuyen-quang-2016-2020",
      "title": "Chương trình khuyến công tỉnh Tuyên Quang giai đoạn 2016 - 2020",
      "basis": "Quyết định số 69/QĐ-UBND ngày 10/3/2016 của UBND tỉnh Tuyên Quang",
      "province": {"code": "08", "name": "Tuyên Quang"},
      "period": {"firstYear": 2016, "lastYear": 2020, "basis": "Quyết định số 69/QĐ-UBND, Điều 1 (giai đoạn 2016 - 2020)"},
      "districts": [
        {
          "code": "070",
          "name": "Tuyên Quang",
          "kind": "thành phố",
          "aliases": [
            "Thành phố Tuyên Quang",
            "TP Tuyên Quang",
            "TP. Tuyên Quang",
            "Tp. Tuyên Quang",
            "Thanh pho Tuyen Quang",
            "TP Tuyen Quang",
            "TP. Tuyen Quang",
            "Tuyen Quang",
            "Tuyen Quang city",
            "Tuyên Quang city",
            "Tuyen Quang City"
          ],
          "priority": false
        },
        {
          "code": "071",
          "name": "Lâm Bình",
          "kind": "huyện",
          "aliases": ["Lam Binh", "Huyện Lâm Bình", "Huyen Lam Binh", "Lam Binh district"],
          "priority": true,
          "priorityBasis": "Quyết định số 69/QĐ-UBND, mục I.2 (Phương hướng – Về địa bàn)"
        },
        {
          "code": "072",
          "name": "Na Hang",
          "kind": "huyện",
          "aliases": ["Nà Hang", "Huyện Na Hang", "Huyện Nà Hang", "Huyen Na Hang", "Na Hang district"],
          "priority": true,
          "priorityBasis": "Quyết định số 69/QĐ-UBND, mục I.2 (Phương hướng – Về địa bàn)"
        },
        {
          "code": "073",
          "name": "Chiêm Hóa",
          "kind": "huyện",
          "aliases": [
            "Chiêm Hoá",
            "Chiem Hoa",
            "Huyện Chiêm Hóa",
            "Huyện Chiêm Hoá",
            "Huyen Chiem Hoa",
            "Chiem Hoa district"
          ],
          "priority": true,
          "priorityBasis": "Quyết định số 69/QĐ-UBND, mục I.2 (Phương hướng – Về địa bàn)"
        },
        {
          "code": "074",
          "name": "Hàm Yên",
          "kind": "huyện",
          "aliases": ["Ham Yen", "Huyện Hàm Yên", "Huyen Ham Yen", "Ham Yen district"],
          "priority": false
        },
        {
          "code": "075",
          "name": "Yên Sơn",
          "kind": "huyện",
          "aliases": ["Yen Son", "Huyện Yên Sơn", "Huyen Yen Son", "Yen Son district"],
          "priority": false
        },
        {
          "code": "076",
          "name": "Sơn Dương",
          "kind": "huyện",
          "aliases": ["Son Duong", "Huyện Sơn Dương", "Huyen Son Duong", "Son Duong district"],
          "priority": false
        }
      ],
      "deadline": {
        "day": 30,
        "month": 10,
        "yearOffset": -1,
        "inclusive": true,
        "latePolicy": "reject",
        "extensions": [],
        "firstPlanYear": 2017,
        "basis": "Quyết định số 69/QĐ-UBND, mục V.4 (“gửi Sở Công Thương trước ngày 30/10 năm trước”)"
      },
      "contentAreas": [
        {
          "code": "1",
          "name": "Tổ chức đào tạo nghề, truyền nghề",
          "aliases": ["KC1"],
          "basis": "Quyết định số 69/QĐ-UBND, mục II.1",
          "indicators": [
            {
              "code": "1.1",
              "name": "lao động được đào tạo nghề",
              "unit": "lao động",
              "unitAliases": ["người", "học viên"],
              "target": "500",
              "basis": "Quyết định số 69/QĐ-UBND, mục II.1.2"
            }
          ]
        },
        {
          "code": "2",
          "name": "Hỗ trợ nâng cao năng lực quản lý doanh nghiệp, nhận thức và năng lực áp dụng sản xuất sạch hơn trong công nghiệp",
          "aliases": ["KC2"],
          "activities": ["Tổ chức các đoàn khảo sát, học tập, trao đổi kinh nghiệm cho cán bộ quản lý, các cơ sở công nghiệp nông thôn, làng nghề của tỉnh (mục II.2.1)", "Hỗ trợ cơ sở công nghiệp nông thôn mở rộng thị trường tiêu thụ, xuất khẩu sản phẩm qua hội thảo, diễn đàn, hội chợ, triển lãm tại nước ngoài, quảng bá thông tin trên internet (mục II.2.1)"],
          "basis": "Quyết định số 69/QĐ-UBND, mục II.2",
          "indicators": [
            {
              "code": "2.1",
              "name": "học viên khởi sự / quản trị doanh nghiệp",
              "unit": "học viên",
              "unitAliases": ["người", "lượt người"],
              "target": "350",
              "basis": "Quyết định số 69/QĐ-UBND, mục II.2.2"
            },
            {
              "code": "2.2",
              "name": "học viên sản xuất sạch hơn",
              "unit": "học viên",
              "unitAliases": ["người"],
              "target": "250",
              "basis": "Quyết định số 69/QĐ-UBND, mục II.2.2"
            },
            {
              "code": "2.3",
              "name": "doanh nghiệp được hỗ trợ thành lập",
              "unit": "doanh nghiệp",
              "unitAliases": ["DN"],
              "target": "50",
              "basis": "Quyết định số 69/QĐ-UBND, mục II.2.2"
            }
          ]
        },
        {
          "code": "3",
          "name": "Hỗ trợ xây dựng mô hình trình diễn kỹ thuật, chuyển giao công nghệ, ứng dụng máy móc tiên tiến, tiến bộ khoa học kỹ thuật",
          "aliases": ["KC3"],
          "basis": "Quyết định số 69/QĐ-UBND, mục II.3",
          "indicators": [
            {
              "code": "3.1",
              "name": "mô hình trình diễn kỹ thuật",
              "unit": "mô hình",
              "unitAliases": [],
              "target": "5",
              "basis": "Quyết định số 69/QĐ-UBND, mục II.3.2"
            },
            {
              "code": "3.2",
              "name": "mô hình thí điểm sản xuất sạch hơn",
              "unit": "mô hình",
              "unitAliases": [],
              "target": "5",
              "basis": "Quyết định số 69/QĐ-UBND, mục II.3.2"
            },
            {
              "code": "3.3",
              "name": "cơ sở ứng dụng máy móc thiết bị",
              "unit": "cơ sở",
              "unitAliases": ["cơ sở CNNT"],
              "target": "30",
              "basis": "Quyết định số 69/QĐ-UBND, mục II.3.2"
            }
          ]
        },
        {
          "code": "4",
          "name": "Phát triển sản phẩm công nghiệp nông thôn tiêu biểu",
          "aliases": ["KC4"],
          "activities": ["Hỗ trợ sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh tham gia bình chọn cấp khu vực, quốc gia (mục II.4.1)"],
          "basis": "Quyết định số 69/QĐ-UBND, mục II.4",
          "indicators": [
            {
              "code": "4.1",
              "name": "lần bình chọn sản phẩm CNNT tiêu biểu cấp tỉnh",
              "unit": "lần",
              "unitAliases": ["cuộc"],
              "target": "3",
              "basis": "Quyết định số 69/QĐ-UBND, mục II.4.2"
            },
            {
              "code": "4.2",
              "name": "hội chợ khu vực tổ chức",
              "measures": [
                {"name": "hội chợ khu vực phía Bắc tổ chức tại tỉnh", "unit": "hội chợ", "unitAliases": ["hội chợ triển lãm"], "target": "1"},
                {"name": "gian hàng của hội chợ khu vực", "unit": "gian hàng", "unitAliases": ["gian"], "target": "300"}
              ],
              "basis": "Quyết định số 69/QĐ-UBND, mục II.4.2 (“Tổ chức 1 hội chợ triển lãm hàng công nghiệp nông thôn tiêu biểu khu vực phía Bắc với 300 gian hàng”)"
            },
            {
              "code": "4.3",
              "name": "hội chợ tham gia",
              "measures": [
                {"name": "hội chợ tham gia", "unit": "hội chợ", "unitAliases": ["lần", "hội chợ triển lãm"], "target": "10"},
                {"name": "lượt cơ sở tham gia hội chợ", "unit": "lượt cơ sở", "unitAliases": ["lượt", "lượt cơ sở CNNT"], "target": "100"}
              ],
              "basis": "Quyết định số 69/QĐ-UBND, mục II.4.2 (“tổ chức tham gia 10 hội chợ triển lãm và hỗ trợ, tạo điều kiện giới thiệu tham gia hội chợ triển lãm cho khoảng 100 lượt cơ sở công nghiệp nông thôn”)"
            },
            {
              "code": "4.4",
              "name": "cơ sở được hỗ trợ thương hiệu, bao bì",
              "unit": "cơ sở",
              "unitAliases": [],
              "target": "10",
              "basis": "Quyết định số 69/QĐ-UBND, mục II.4.2"
            }
          ]
        },
        {
          "code": "5",
          "name": "Tư vấn, trợ giúp cơ sở công nghiệp nông thôn",
          "aliases": ["KC5"],
          "basis": "Quyết định số 69/QĐ-UBND, mục II.5",
          "indicators": [
            {
              "code": "5.1",
              "name": "cơ sở được tư vấn",
              "unit": "cơ sở",
              "unitAliases": [],
              "target": "20",
              "basis": "Quyết định số 69/QĐ-UBND, mục II.5.2"
            },
            {
              "code": "5.2",
              "name": "cơ sở kiểm toán năng lượng / đánh giá SXSH",
              "unit": "cơ sở",
              "unitAliases": [],
              "target": "5",
              "basis": "Quyết định số 69/QĐ-UBND, mục II.5.2"
            }
          ]
        },
        {
          "code": "6",
          "name": "Cung cấp thông tin, tuyên truyền",
          "aliases": ["KC6"],
          "activities": ["Duy trì, phát triển cơ sở dữ liệu công nghiệp nông thôn; chương trình thông tin tuyên truyền trên các phương tiện thông tin đại chúng (mục II.6.2)"],
          "basis": "Quyết định số 69/QĐ-UBND, mục II.6",
          "indicators": [
            {
              "code": "6.1",
              "name": "chuyên mục truyền hình",
              "unit": "chuyên mục",
              "unitAliases": ["số"],
              "target": "20",
              "basis": "Quyết định số 69/QĐ-UBND, mục II.6.2"
            },
            {
              "code": "6.2",
              "name": "chuyên mục báo",
              "unit": "chuyên mục",
              "unitAliases": ["số", "bài"],
              "target": "20",
              "basis": "Quyết định số 69/QĐ-UBND, mục II.6.2"
            }
          ]
        },
        {
          "code": "7",
          "name": "Hỗ trợ liên doanh liên kết, hợp tác kinh tế, phát triển các cụm công nghiệp và di dời cơ sở gây ô nhiễm môi trường",
          "aliases": ["KC7"],
          "activities": ["Hỗ trợ thành lập hội, hiệp hội ngành nghề cấp tỉnh (mục II.7.1)"],
          "basis": "Quyết định số 69/QĐ-UBND, mục II.7",
          "indicators": [
            {
              "code": "7.1",
              "name": "cụm công nghiệp lập quy hoạch chi tiết",
              "unit": "cụm",
              "unitAliases": [],
              "target": "2",
              "basis": "Quyết định số 69/QĐ-UBND, mục II.7.2"
            },
            {
              "code": "7.2",
              "name": "cụm công nghiệp đầu tư hạ tầng",
              "unit": "cụm",
              "unitAliases": [],
              "target": "2",
              "basis": "Quyết định số 69/QĐ-UBND, mục II.7.2"
            },
            {
              "code": "7.3",
              "name": "cơ sở sửa chữa, nâng cấp xử lý ô nhiễm",
              "unit": "cơ sở",
              "unitAliases": [],
              "target": "5",
              "basis": "Quyết định số 69/QĐ-UBND, mục II.7.2"
            },
            {
              "code": "7.4",
              "name": "cụm công nghiệp sửa chữa, nâng cấp hệ thống xử lý chất thải chung",
              "unit": "cụm",
              "unitAliases": ["cụm công nghiệp", "CCN"],
              "target": "2",
              "basis": "Quyết định số 69/QĐ-UBND, mục I.1.2 (“hỗ trợ lập quy hoạch chi tiết và sửa chữa, nâng cấp hệ thống xử lý chất thải chung cho các cụm công nghiệp trên địa bàn các huyện (02 cụm)”)"
            }
          ]
        },
        {
          "code": "8",
          "name": "Hợp tác quốc tế về khuyến công",
          "aliases": ["KC8"],
          "activities": ["Tham gia thực hiện hoạt động khuyến công, sản xuất sạch hơn trong các chương trình, đề án, dự án hợp tác quốc tế (mục II.8.1)"],
          "basis": "Quyết định số 69/QĐ-UBND, mục II.8",
          "indicators": [
            {
              "code": "8.1",
              "name": "đoàn khảo sát nước ngoài",
              "unit": "đoàn",
              "unitAliases": [],
              "target": "1",
              "basis": "Quyết định số 69/QĐ-UBND, mục II.8.2"
            }
          ]
        },
        {
          "code": "9",
          "name": "Nâng cao năng lực quản lý và tổ chức thực hiện hoạt động khuyến công",
          "aliases": ["KC9"],
          "basis": "Quyết định số 69/QĐ-UBND, mục II.9",
          "indicators": [
            {
              "code": "9.1",
              "name": "nâng cao năng lực quản lý và tổ chức thực hiện",
              "unit": "hoạt động",
              "unitAliases": ["lớp", "hội nghị", "cuộc"],
              "target": null,
              "basis": "Quyết định số 69/QĐ-UBND, mục II.9.2 (không có chỉ tiêu định lượng)"
            }
          ]
        }
      ],
      "unitSynonyms": [["cơ sở", "cơ sở CNNT"]],
      "budget": {
        "total": {"amount": "27.377", "unit": "tỷ đồng"},
        "activities": {"amount": "18.877", "unit": "tỷ đồng"},
        "national": {"amount": "15.935", "unit": "tỷ đồng"},
        "local": {"amount": "2.942", "unit": "tỷ đồng"},
        "premises": {"amount": "8.5", "unit": "tỷ đồng"},
        "annualEnvelopes": [],
        "basis": "Quyết định số 69/QĐ-UBND, mục IV.1"
      },
      "priorityMultiplier": {
        "value": "1.5",
        "basis": "điểm t khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT (tối đa 1,5 lần mức hỗ trợ cho địa bàn, ngành nghề ưu tiên, do Bộ Công Thương xem xét phê duyệt)"
      },
      "capPeriods": [
        {
          "fromYear": 2016,
          "toYear": 2018,
          "basis": "Thông tư liên tịch số 26/2014/TTLT-BTC-BCT",
          "capsGiven": true,
          "reason": "Kế hoạch các năm 2016 - 2018 được lập trước ngày Thông tư số 28/2018/TT-BTC ngày 28/3/2018 ban hành, nên áp dụng mức hỗ trợ của Thông tư liên tịch số 26/2014/TTLT-BTC-BCT"
        },
        {
          "fromYear": 2019,
          "toYear": 2020,
          "basis": "Thông tư số 28/2018/TT-BTC ngày 28/3/2018 của Bộ Tài chính",
          "capsGiven": false,
          "reason": "Thông tư số 28/2018/TT-BTC thay thế mức hỗ trợ của Thông tư liên tịch số 26/2014/TTLT-BTC-BCT; chương trình chưa ghi các mức của Thông tư này"
        }
      ],
      "rules": [
        {
          "kind": "cap",
          "indicator": "2.3",
          "fund": "national",
          "maxAmountPerUnit": {"amount": "10", "unit": "triệu đồng"},
          "per": "doanh nghiệp",
          "raisedInPriorityDistricts": true,
          "fromYear": 2016,
          "toYear": 2018,
          "basis": "điểm a khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT"
        },
        {
          "kind": "priorityOnly",
          "indicator": "2.3",
          "fromYear": 2016,
          "toYear": 2018,
          "basis": "điểm a khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT (chỉ hỗ trợ thành lập doanh nghiệp tại địa bàn có điều kiện kinh tế - xã hội khó khăn và đặc biệt khó khăn)"
        },
        {
          "kind": "cap",
          "indicator": "3.1",
          "fund": "national",
          "maxPercent": "30",
          "maxAmountPerUnit": {"amount": "500", "unit": "triệu đồng"},
          "per": "mô hình",
          "raisedInPriorityDistricts": true,
          "fromYear": 2016,
          "toYear": 2018,
          "basis": "điểm b khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT"
        },
        {
          "kind": "cap",
          "indicator": "3.1",
          "fund": "national",
          "maxAmountPerUnit": {"amount": "100", "unit": "triệu đồng"},
          "per": "mô hình",
          "markers": ["cơ sở đang hoạt động", "mô hình tại cơ sở"],
          "raisedInPriorityDistricts": true,
          "fromYear": 2016,
          "toYear": 2018,
          "basis": "điểm b khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT (mô hình trình diễn tại cơ sở đang hoạt động có hiệu quả)"
        },
        {
          "kind": "cap",
          "indicator": "3.3",
          "fund": "national",
          "maxPercent": "50",
          "maxAmountPerUnit": {"amount": "200", "unit": "triệu đồng"},
          "per": "cơ sở",
          "raisedInPriorityDistricts": true,
          "fromYear": 2016,
          "toYear": 2018,
          "basis": "điểm c khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT"
        },
        {
          "kind": "cap",
          "indicator": "4.4",
          "fund": "national",
          "maxPercent": "50",
          "maxAmountPerUnit": {"amount": "35", "unit": "triệu đồng"},
          "per": "thương hiệu",
          "raisedInPriorityDistricts": true,
          "fromYear": 2016,
          "toYear": 2018,
          "basis": "điểm h khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT"
        },
        {
          "kind": "cap",
          "indicator": "5.1",
          "fund": "national",
          "maxPercent": "50",
          "maxAmountPerUnit": {"amount": "35", "unit": "triệu đồng"},
          "per": "cơ sở",
          "raisedInPriorityDistricts": true,
          "fromYear": 2016,
          "toYear": 2018,
          "basis": "điểm i khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT"
        },
        {
          "kind": "cap",
          "indicator": "7.3",
          "fund": "national",
          "maxPercent": "30",
          "maxAmountPerUnit": {"amount": "300", "unit": "triệu đồng"},
          "per": "cơ sở",
          "raisedInPriorityDistricts": true,
          "fromYear": 2016,
          "toYear": 2018,
          "basis": "điểm o khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT"
        },
        {
          "kind": "cap",
          "indicator": "7.4",
          "fund": "national",
          "maxPercent": "30",
          "maxAmountPerUnit": {"amount": "1500", "unit": "triệu đồng"},
          "per": "cụm công nghiệp",
          "raisedInPriorityDistricts": true,
          "fromYear": 2016,
          "toYear": 2018,
          "basis": "điểm p khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT"
        },
        {
          "kind": "cap",
          "indicator": "7.1",
          "fund": "national",
          "maxPercent": "50",
          "maxAmountPerUnit": {"amount": "500", "unit": "triệu đồng"},
          "per": "cụm công nghiệp",
          "raisedInPriorityDistricts": true,
          "fromYear": 2016,
          "toYear": 2018,
          "basis": "điểm q khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT"
        },
        {
          "kind": "cap",
          "indicator": "7.2",
          "fund": "national",
          "maxAmountPerUnit": {"amount": "3000", "unit": "triệu đồng"},
          "per": "cụm công nghiệp",
          "raisedInPriorityDistricts": true,
          "fromYear": 2016,
          "toYear": 2018,
          "basis": "điểm r khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT"
        },
        {
          "kind": "unchecked",
          "indicator": "4.3",
          "what": "80 % giá thuê gian hàng khi cơ sở tham gia hội chợ trong nước",
          "why": "biểu mẫu không có cột giá thuê gian hàng",
          "fromYear": 2016,
          "toYear": 2018,
          "basis": "điểm d khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT"
        },
        {
          "kind": "unchecked",
          "area": "7",
          "what": "hỗ trợ thành lập hội, hiệp hội ngành nghề: tối đa 30 %, không quá 70 triệu đồng (cấp vùng) hoặc 100 triệu đồng (cấp quốc gia)",
          "why": "biểu mẫu không ghi cấp của hội, hiệp hội",
          "fromYear": 2016,
          "toYear": 2018,
          "basis": "điểm l khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT"
        },
        {
          "kind": "unchecked",
          "area": "7",
          "what": "hỗ trợ lãi suất di dời cơ sở gây ô nhiễm: tối đa 50 % lãi suất trong 2 năm đầu, không quá 500 triệu đồng một cơ sở",
          "why": "biểu mẫu không có khoản vay và lãi suất",
          "fromYear": 2016,
          "toYear": 2018,
          "basis": "điểm n khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT"
        },
        {
          "kind": "unchecked",
          "what": "chi phí quản lý của đơn vị thực hiện đề án: không quá 2,5 % dự toán đề án",
          "why": "biểu mẫu không tách chi phí quản lý",
          "fromYear": 2016,
          "toYear": 2018,
          "basis": "điểm s khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT"
        }
      ],
      "communes": [
        {"code": "02200", "name": "Phan Thiết", "kind": "phường", "district": "070", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02203", "name": "Minh Xuân", "kind": "phường", "district": "070", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02206", "name": "Tân Quang", "kind": "phường", "district": "070", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02209", "name": "Tràng Đà", "kind": "xã", "district": "070", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02212", "name": "Nông Tiến", "kind": "phường", "district": "070", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02215", "name": "Ỷ La", "kind": "phường", "district": "070", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02216", "name": "Tân Hà", "kind": "phường", "district": "070", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02218", "name": "Hưng Thành", "kind": "phường", "district": "070", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02221", "name": "Na Hang", "kind": "thị trấn", "district": "072", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02227", "name": "Sinh Long", "kind": "xã", "district": "072", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02230", "name": "Thượng Giáp", "kind": "xã", "district": "072", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02233", "name": "Phúc Yên", "kind": "xã", "district": "071", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02239", "name": "Thượng Nông", "kind": "xã", "district": "072", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02242", "name": "Xuân Lập", "kind": "xã", "district": "071", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02245", "name": "Côn Lôn", "kind": "xã", "district": "072", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02248", "name": "Yên Hoa", "kind": "xã", "district": "072", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02251", "name": "Khuôn Hà", "kind": "xã", "district": "071", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02254", "name": "Hồng Thái", "kind": "xã", "district": "072", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02260", "name": "Đà Vị", "kind": "xã", "district": "072", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02263", "name": "Khau Tinh", "kind": "xã", "district": "072", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02266", "name": "Lăng Can", "kind": "xã", "district": "071", "validFrom": null, "validTo": "2021-06-30", "successor": null},
        {"code": "02266", "name": "Lăng Can", "kind": "thị trấn", "district": "071", "validFrom": "2021-07-01", "validTo": null, "successor": null},
        {"code": "02269", "name": "Thượng Lâm", "kind": "xã", "district": "071", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02275", "name": "Sơn Phú", "kind": "xã", "district": "072", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02281", "name": "Năng Khả", "kind": "xã", "district": "072", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02284", "name": "Thanh Tương", "kind": "xã", "district": "072", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02287", "name": "Vĩnh Lộc", "kind": "thị trấn", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02290", "name": "Bình An", "kind": "xã", "district": "071", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02293", "name": "Hồng Quang", "kind": "xã", "district": "071", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02296", "name": "Thổ Bình", "kind": "xã", "district": "071", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02299", "name": "Phúc Sơn", "kind": "xã", "district": "073", "validFrom": null, "validTo": "2021-06-30", "successor": null},
        {"code": "02299", "name": "Phúc Sơn", "kind": "xã", "district": "071", "validFrom": "2021-07-01", "validTo": null, "successor": null},
        {"code": "02302", "name": "Minh Quang", "kind": "xã", "district": "073", "validFrom": null, "validTo": "2021-06-30", "successor": null},
        {"code": "02302", "name": "Minh Quang", "kind": "xã", "district": "071", "validFrom": "2021-07-01", "validTo": null, "successor": null},
        {"code": "02305", "name": "Trung Hà", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02308", "name": "Tân Mỹ", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02311", "name": "Hà Lang", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02314", "name": "Hùng Mỹ", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02317", "name": "Yên Lập", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02320", "name": "Tân An", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02323", "name": "Bình Phú", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02326", "name": "Xuân Quang", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02329", "name": "Ngọc Hội", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02332", "name": "Phú Bình", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02335", "name": "Hòa Phú", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02338", "name": "Phúc Thịnh", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02341", "name": "Kiên Đài", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02344", "name": "Tân Thịnh", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02347", "name": "Trung Hòa", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02350", "name": "Kim Bình", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02353", "name": "Hòa An", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02356", "name": "Vinh Quang", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02359", "name": "Tri Phú", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02362", "name": "Nhân Lý", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02365", "name": "Yên Nguyên", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02368", "name": "Linh Phú", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02371", "name": "Bình Nhân", "kind": "xã", "district": "073", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02374", "name": "Tân Yên", "kind": "thị trấn", "district": "074", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02377", "name": "Yên Thuận", "kind": "xã", "district": "074", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02380", "name": "Bạch Xa", "kind": "xã", "district": "074", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02383", "name": "Minh Khương", "kind": "xã", "district": "074", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02386", "name": "Yên Lâm", "kind": "xã", "district": "074", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02389", "name": "Minh Dân", "kind": "xã", "district": "074", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02392", "name": "Phù Lưu", "kind": "xã", "district": "074", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02395", "name": "Minh Hương", "kind": "xã", "district": "074", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02398", "name": "Yên Phú", "kind": "xã", "district": "074", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02401", "name": "Tân Thành", "kind": "xã", "district": "074", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02404", "name": "Bình Xa", "kind": "xã", "district": "074", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02407", "name": "Thái Sơn", "kind": "xã", "district": "074", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02410", "name": "Nhân Mục", "kind": "xã", "district": "074", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02413", "name": "Thành Long", "kind": "xã", "district": "074", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02416", "name": "Bằng Cốc", "kind": "xã", "district": "074", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02419", "name": "Thái Hòa", "kind": "xã", "district": "074", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02422", "name": "Đức Ninh", "kind": "xã", "district": "074", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02425", "name": "Hùng Đức", "kind": "xã", "district": "074", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02428", "name": "Tân Bình", "kind": "thị trấn", "district": "075", "validFrom": null, "validTo": "2019-12-31", "successor": "02524"},
        {"code": "02431", "name": "Quí Quân", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02434", "name": "Lực Hành", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02437", "name": "Kiến Thiết", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02440", "name": "Trung Minh", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02443", "name": "Chiêu Yên", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02446", "name": "Trung Trực", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02449", "name": "Xuân Vân", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02452", "name": "Phúc Ninh", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02455", "name": "Hùng Lợi", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02458", "name": "Trung Sơn", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02461", "name": "Tân Tiến", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02464", "name": "Tứ Quận", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02467", "name": "Đạo Viện", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02470", "name": "Tân Long", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02473", "name": "Thắng Quân", "kind": "xã", "district": "075", "validFrom": null, "validTo": "2021-06-30", "successor": null},
        {"code": "02473", "name": "Yên Sơn", "kind": "thị trấn", "district": "075", "validFrom": "2021-07-01", "validTo": null, "successor": null},
        {"code": "02476", "name": "Kim Quan", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02479", "name": "Lang Quán", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02482", "name": "Phú Thịnh", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02485", "name": "Công Đa", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02488", "name": "Trung Môn", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02491", "name": "Chân Sơn", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02494", "name": "Thái Bình", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02497", "name": "Kim Phú", "kind": "xã", "district": "075", "validFrom": null, "validTo": "2019-12-31", "successor": null},
        {"code": "02497", "name": "Kim Phú", "kind": "xã", "district": "070", "validFrom": "2020-01-01", "validTo": null, "successor": null},
        {"code": "02500", "name": "Tiến Bộ", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02503", "name": "An Khang", "kind": "xã", "district": "070", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02506", "name": "Mỹ Bằng", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02509", "name": "Phú Lâm", "kind": "xã", "district": "075", "validFrom": null, "validTo": "2019-12-31", "successor": null},
        {"code": "02509", "name": "Mỹ Lâm", "kind": "phường", "district": "070", "validFrom": "2020-01-01", "validTo": null, "successor": null},
        {"code": "02512", "name": "An Tường", "kind": "xã", "district": "070", "validFrom": null, "validTo": "2019-12-31", "successor": null},
        {"code": "02512", "name": "An Tường", "kind": "phường", "district": "070", "validFrom": "2020-01-01", "validTo": null, "successor": null},
        {"code": "02515", "name": "Lưỡng Vượng", "kind": "xã", "district": "070", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02518", "name": "Hoàng Khai", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02521", "name": "Thái Long", "kind": "xã", "district": "070", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02524", "name": "Đội Cấn", "kind": "xã", "district": "070", "validFrom": null, "validTo": "2019-12-31", "successor": null},
        {"code": "02524", "name": "Đội Cấn", "kind": "phường", "district": "070", "validFrom": "2020-01-01", "validTo": null, "successor": null},
        {"code": "02527", "name": "Nhữ Hán", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02530", "name": "Nhữ Khê", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02533", "name": "Đội Bình", "kind": "xã", "district": "075", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02536", "name": "Sơn Dương", "kind": "thị trấn", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02539", "name": "Trung Yên", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02542", "name": "Minh Thanh", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02545", "name": "Tân Trào", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02548", "name": "Vĩnh Lợi", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02551", "name": "Thượng Ấm", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02554", "name": "Bình Yên", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02557", "name": "Lương Thiện", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02560", "name": "Tú Thịnh", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02563", "name": "Cấp Tiến", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02566", "name": "Hợp Thành", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02569", "name": "Phúc Ứng", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02572", "name": "Đông Thọ", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02575", "name": "Kháng Nhật", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02578", "name": "Hợp Hòa", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02581", "name": "Thanh Phát", "kind": "xã", "district": "076", "validFrom": null, "validTo": "2019-12-31", "successor": "02590"},
        {"code": "02584", "name": "Quyết Thắng", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02587", "name": "Đồng Quý", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02590", "name": "Tuân Lộ", "kind": "xã", "district": "076", "validFrom": null, "validTo": "2019-12-31", "successor": null},
        {"code": "02590", "name": "Tân Thanh", "kind": "xã", "district": "076", "validFrom": "2020-01-01", "validTo": null, "successor": null},
        {"code": "02593", "name": "Vân Sơn", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02596", "name": "Văn Phú", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02599", "name": "Chi Thiết", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02602", "name": "Đông Lợi", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02605", "name": "Thiện Kế", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02608", "name": "Hồng Lạc", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02611", "name": "Phú Lương", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02614", "name": "Ninh Lai", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02617", "name": "Đại Phú", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02620", "name": "Sơn Nam", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02623", "name": "Hào Phú", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02626", "name": "Tam Đa", "kind": "xã", "district": "076", "validFrom": null, "validTo": null, "successor": null},
        {"code": "02629", "name": "Sầm Dương", "kind": "xã", "district": "076", "validFrom": null, "validTo": "2019-12-31", "successor": "02632"},
        {"code": "02632", "name": "Lâm Xuyên", "kind": "xã", "district": "076", "validFrom": null, "validTo": "2019-12-31", "successor": null},
        {"code": "02632", "name": "Trường Sinh", "kind": "xã", "district": "076", "validFrom": "2020-01-01", "validTo": null, "successor": null}
      ]
    }
    """#

  /// The name errors in the embedded definition would carry.
  public static let defaultFileName = "<embedded default programme>"

  /// Decodes the embedded default programme.
  ///
  /// Decoded on each call, not cached: no global state (STYLE §7); callers keep the value.
  public static func embeddedDefault() -> Programme {
    do {
      return try load(json: Array(defaultJSON.utf8), file: defaultFileName)
    } catch {
      // Not input: compiled-in text that a test decodes on every run
      // (ProgrammeDefaultTests), so this cannot happen in a built binary that passed its tests.
      fatalError("the embedded default programme does not load: \(error)")
    }
  }
}
