import Testing
@testable import KhuyenCong

@Suite("The blank district form")
struct TemplateWriterTests {
  let lamBinh = MergeTestData.programme.districts[1]

  func records() -> [[String]] {
    WriteTestSupport.records(
      TemplateWriter.csv(
        programme: MergeTestData.programme,
        year: MergeTestData.year2017, district: lamBinh))
  }

  /// The value at `A1`-style `cell` of the CSV form.
  func cell(_ records: [[String]], _ column: String, _ row: Int) -> String {
    guard let c = ColumnName.number(column), row <= records.count, c <= records[row - 1].count
    else { return "<none>" }
    return records[row - 1][c - 1]
  }

  @Test("the title block names the district, the year and the money unit")
  func titleBlock() {
    let r = records()
    #expect(cell(r, "A", 1) == "ỦY BAN NHÂN DÂN")
    #expect(cell(r, "A", 2) == "HUYỆN LÂM BÌNH")
    #expect(cell(r, "J", 3) == "Lâm Bình, ngày      tháng      năm 2016")
    #expect(cell(r, "A", 5) == "KẾ HOẠCH KHUYẾN CÔNG NĂM 2017")
    #expect(cell(r, "N", 7) == "Đơn vị tính: triệu đồng")
  }

  @Test(
    "the three-row header puts every heading in its layout column, with 'Trong đó' over the funds",
    arguments: [
      ("A", 8, "STT"), ("B", 8, "Nội dung"), ("C", 8, "Tên đề án, hoạt động"),
      ("F", 8, "Địa điểm (xã, phường, thị trấn)"), ("G", 8, "Đề án nhóm"), ("I", 8, "Số lượng"),
      ("J", 8, "Thời gian thực hiện"), ("L", 8, "Kinh phí"), ("Q", 8, "Ghi chú"),
      ("J", 9, "Bắt đầu"), ("K", 9, "Kết thúc"), ("L", 9, "Tổng"), ("M", 9, "Trong đó"),
      ("M", 10, "KCQG"), ("N", 10, "KCĐP"), ("O", 10, "Đối ứng"), ("P", 10, "Nguồn khác"),
      ("A", 11, "A"), ("B", 11, "B"), ("C", 11, "1"), ("Q", 11, "15"),
    ])
  func headerColumns(column: String, row: Int, text: String) {
    #expect(cell(records(), column, row) == text)
  }

  @Test("one section row per content area with two empty lines under it, then the total row")
  func sections() {
    let r = records()
    #expect(r.count > 21)
    #expect(
      [cell(r, "A", 12), cell(r, "B", 12), cell(r, "C", 12)]
        == ["I", "1", "Tổ chức đào tạo nghề, truyền nghề"])
    let emptyLines = r[12].allSatisfy { $0.isEmpty } && r[13].allSatisfy { $0.isEmpty }
    #expect(emptyLines)
    #expect([cell(r, "A", 15), cell(r, "B", 15)] == ["II", "3"])
    #expect([cell(r, "A", 18), cell(r, "B", 18)] == ["III", "9"])
    #expect(cell(r, "C", 21) == "Tổng cộng")
    #expect(r.contains { $0.first == "Nơi nhận:" })
    let widths = Set(r.map(\.count))
    #expect(widths == [17])
  }

  @Test("the SpreadsheetML form passes the XSD and keeps its merges")
  func spreadsheetML() throws {
    let bytes = TemplateWriter.spreadsheetML(
      programme: MergeTestData.programme,
      year: MergeTestData.year2017, district: lamBinh)
    let issues = try WriteTestSupport.schemaValidator().validate(bytes)
    #expect(issues.isEmpty)
    let text = WriteTestSupport.text(bytes)
    #expect(
      text.contains(#"<Cell ss:MergeAcross="4" ss:StyleID="header"><Data ss:Type="String">Kinh phí</Data>"#))
    #expect(text.contains(#"<Cell ss:MergeDown="2" ss:StyleID="header"><Data ss:Type="String">STT</Data>"#))
    // Row 9 starts at J, row 10 at M: the merged-down cells above are not written again.
    #expect(
      text.contains(
        #"<Cell ss:Index="10" ss:MergeDown="1" ss:StyleID="header"><Data ss:Type="String">Bắt đầu</Data>"#))
    #expect(
      text.contains(
        #"<Cell ss:MergeAcross="3" ss:StyleID="header"><Data ss:Type="String">Trong đó</Data>"#))
    #expect(text.contains(#"<Cell ss:Index="13" ss:StyleID="header"><Data ss:Type="String">KCQG</Data>"#))
    #expect(
      text.contains(
        #"<Cell ss:MergeAcross="16" ss:StyleID="title"><Data ss:Type="String">KẾ HOẠCH KHUYẾN CÔNG NĂM 2017</Data>"#
      ))
  }

  @Test("the template is the same bytes every time")
  func deterministic() {
    let a = TemplateWriter.csv(
      programme: MergeTestData.programme, year: MergeTestData.year2017,
      district: lamBinh)
    #expect(
      a
        == TemplateWriter.csv(
          programme: MergeTestData.programme,
          year: MergeTestData.year2017, district: lamBinh))
  }
}
