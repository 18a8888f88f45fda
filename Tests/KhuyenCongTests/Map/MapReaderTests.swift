import Testing
@testable import KhuyenCong

@Suite("Map: numbers, dates, names")
struct MapReaderTests {
  @Test(
    "numbers in either convention are read exactly, ambiguous ones are flagged",
    arguments: [
      ("1.234,5", "1234.5", NumberConvention.vietnamese),
      ("1,234.5", "1234.5", .english),
      ("0,5", "0.5", .vietnamese),
      ("12.5", "12.5", .english),
      ("1.234.567", "1234567", .vietnamese),
      ("1,234,567", "1234567", .english),
      ("1 234,5", "1234.5", .vietnamese),
    ])
  func unambiguous(text: String, expected: String, convention: NumberConvention) {
    guard case .value(let value, let evidence) = NumberReader.read(text) else {
      Issue.record("\(text) not read")
      return
    }
    #expect(value.description == expected)
    #expect(evidence == convention)
  }

  @Test("27,377 means 27.377 or 27 377: reported as ambiguous, never guessed")
  func ambiguous() {
    #expect(
      NumberReader.read("27,377")
        == .ambiguous(
          vietnamese: ExactDecimal(units: 27_377, scale: 3), english: ExactDecimal(units: 27_377)))
    #expect(NumberReader.read("150") == .value(ExactDecimal(units: 150), evidence: nil))
    #expect(NumberReader.read("ba mươi") == .invalid)
    #expect(NumberReader.read("1,2,3") == .invalid)
  }

  @Test(
    "plan times as officials write them",
    arguments: [
      ("03/2017", PlanTime.month(year: 2017, month: 3)),
      ("Tháng 3/2017", .month(year: 2017, month: 3)),
      ("T3/2017", .month(year: 2017, month: 3)),
      ("Quý II/2017", .quarter(year: 2017, quarter: 2)),
      ("Quý 4/2017", .quarter(year: 2017, quarter: 4)),
      ("Q3/2017", .quarter(year: 2017, quarter: 3)),
      ("15/03/2017", .day(CivilDate(year: 2017, month: 3, day: 15))),
      ("2017-03-15", .day(CivilDate(year: 2017, month: 3, day: 15))),
      ("2017-03", .month(year: 2017, month: 3)),
    ])
  func planTimes(text: String, expected: PlanTime) {
    #expect(DateReader.planTime(from: .text(text)) == expected)
  }

  @Test("a month or quarter without its year is taken in the plan year")
  func defaultYear() {
    #expect(DateReader.planTime(from: .text("Quý II"), defaultYear: 2017) == .quarter(year: 2017, quarter: 2))
    #expect(DateReader.planTime(from: .text("Tháng 3"), defaultYear: 2017) == .month(year: 2017, month: 3))
    #expect(DateReader.planTime(from: .text("Quý II")) == nil)
    let period = DateReader.period(from: "Quý II - Quý IV/2017")
    #expect(period?.start == .quarter(year: 2017, quarter: 2))
    #expect(period?.end == .quarter(year: 2017, quarter: 4))
  }

  @Test(
    "submission dates in every form",
    arguments: [
      "25/10/2016", "25-10-2016", "2016-10-25", "ngày 25 tháng 10 năm 2016",
      "Lâm Bình, ngày 25 tháng 10 năm 2016",
    ])
  func dates(text: String) {
    #expect(DateReader.day(from: text) == CivilDate(year: 2016, month: 10, day: 25))
  }

  @Test("31/02/2017 is not a day")
  func impossibleDay() {
    #expect(DateReader.day(from: "31/02/2017") == nil)
  }

  @Test("district names match with or without diacritics and prefixes; the province is not the city")
  func districts() {
    let matcher = DistrictMatcher(programme: Programme.embeddedDefault())
    #expect(matcher.exact("071") == DistrictCode(rawValue: "071"))
    #expect(matcher.exact("huyen lam binh") == DistrictCode(rawValue: "071"))
    #expect(matcher.exact("UBND huyện Lâm Bình") == DistrictCode(rawValue: "071"))
    #expect(matcher.exact("Nà Hang") == DistrictCode(rawValue: "072"))
    #expect(matcher.exact("Chiêm Hoá") == DistrictCode(rawValue: "073"))
    #expect(matcher.exact("TP. Tuyên Quang") == DistrictCode(rawValue: "070"))
    #expect(matcher.exact("UBND tỉnh Tuyên Quang") == nil)
    #expect(matcher.mentioned(in: "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG") == nil)
    #expect(matcher.mentioned(in: "ỦY BAN NHÂN DÂN THÀNH PHỐ TUYÊN QUANG") == DistrictCode(rawValue: "070"))
  }

  @Test("header text matches ignoring case, diacritics, spacing and punctuation")
  func headers() {
    #expect(ColumnKey.matching(TextKey("  Địa điểm (xã, phường, thị trấn) ")) == .place)
    #expect(ColumnKey.matching(TextKey("KCĐP")) == .local)
    #expect(ColumnKey.matching(TextKey("kcdp")) == .local)
    #expect(ColumnKey.matching(TextKey("TÊN ĐỀ ÁN, HOẠT ĐỘNG")) == .activity)
    #expect(ColumnKey.matching(TextKey("group_project")) == .group)
    #expect(ColumnKey.matching(TextKey("Tên cán bộ")) == nil)
  }

  @Test("folding: ASCII and Vietnamese alike; the dot of an indicator code kept")
  func folding() {
    #expect(TextKey("  ABC-xyz_09 ").folded == "abc xyz 09")
    #expect(TextKey("KC 3.3.").folded == "kc 3.3")
    #expect(TextKey("Đồng ĐỀ ÁN. 2").folded == "dong de an 2")
    #expect(TextKey("...x").folded == "x")
  }

  @Test("contains(words:) finds whole words in a row, never part of one")
  func containsWords() {
    let text = TextKey("TM. Ủy ban nhân dân huyện — Chủ tịch (đã ký)")
    #expect(text.contains(words: TextKey("tm uy ban")))
    #expect(text.contains(words: TextKey("chu tich")))
    #expect(text.contains(words: TextKey("da ky")))
    #expect(!text.contains(words: TextKey("uy b")))
    #expect(!text.contains(words: TextKey("an nhan")))
    #expect(!text.contains(words: TextKey("")))
    #expect(!TextKey("ky").contains(words: TextKey("da ky")))
    #expect(TextKey("ký").contains(words: TextKey("ky")))
  }
}

@Suite("Map: sheets and rows")
struct MapSheetTests {
  func row(_ number: Int, _ texts: [String]) -> SheetRow {
    SheetRow(
      number: number,
      cells: texts.enumerated().compactMap { index, text in
        text.isEmpty ? nil : Cell(column: index + 1, value: .text(text))
      })
  }

  func mapped(_ sheets: [(String, [SheetRow])]) -> MappedSubmission {
    var mapper = SubmissionMapper(file: "plan.xml", programme: Programme.embeddedDefault())
    for (index, (name, rows)) in sheets.enumerated() {
      mapper.beginSheet(name: name, index: index)
      for row in rows { mapper.visit(row) }
      mapper.endSheet()
    }
    return mapper.finish(report: ReadReport(format: .spreadsheetML))
  }

  static let header = [
    "district", "plan_year", "submitted_on", "content", "activity", "implementer",
    "beneficiary", "place", "unit", "quantity", "total", "national", "local",
  ]
  static let line = [
    "071", "2017", "25/10/2016", "1.1", "Đào tạo nghề", "TTKC", "HTX A", "Xã Thượng Lâm",
    "lao động", "30", "100", "80", "20",
  ]

  @Test("the plan is found on the first sheet with a header; an instructions sheet before it is skipped")
  func instructionsFirst() {
    let result = mapped([
      ("Hướng dẫn", [row(1, ["Điền kế hoạch vào trang sau"])]),
      ("KH2017", [row(1, Self.header), row(2, Self.line)]),
    ])
    #expect(result.submission.sheet == "KH2017")
    #expect(result.submission.lines.count == 1)
    #expect(result.diagnostics.isEmpty)
  }

  @Test("a second sheet holding another plan table is reported, not silently dropped")
  func secondPlanSheet() {
    let result = mapped([
      ("Đợt 1", [row(1, Self.header), row(2, Self.line)]),
      ("Đợt 2", [row(1, Self.header), row(2, Self.line), row(3, Self.header)]),
    ])
    #expect(result.submission.lines.count == 1)
    #expect(result.diagnostics.map(\.located) == ["sheet.ignored Đợt 2!1:1"])
  }

  @Test("a sheet with no plan header at all is header.missing")
  func noHeader() {
    let result = mapped([("Sheet1", [row(1, ["Báo cáo tình hình"]), row(2, ["1", "2", "3"])])])
    #expect(result.diagnostics.map(\.code) == [.headerMissing])
  }

  @Test("\"-\" in a money cell means nothing, as forms write it")
  func dashIsEmpty() {
    var dashed = Self.line
    dashed[12] = "-"
    dashed[11] = "100"
    let result = mapped([("Sheet1", [row(1, Self.header), row(2, dashed)])])
    #expect(result.diagnostics.isEmpty)
    #expect(result.submission.lines.first?.amounts.local == .zero)
  }
}
