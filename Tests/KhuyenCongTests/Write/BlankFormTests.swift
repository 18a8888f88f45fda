import Foundation
import Testing
@testable import KhuyenCong

/// Finding 8 of issue 8: the blank form as districts expect it, and read back.
@Suite("The blank form, filled in and read back")
struct BlankFormTests {
  static let programme = Programme.embeddedDefault()

  static func district(_ code: String) throws -> District {
    try #require(programme.district(DistrictCode(rawValue: code)))
  }

  static func xml(_ code: String, _ year: Int) throws -> String {
    String(
      decoding: TemplateWriter.spreadsheetML(
        programme: programme, year: PlanYear(rawValue: year), district: try district(code)),
      as: UTF8.self)
  }

  @Test("the form carries the '(Kèm theo Kế hoạch số …)' line under its title")
  func attachedToLine() throws {
    let text = String(
      decoding: TemplateWriter.csv(
        programme: Self.programme, year: PlanYear(rawValue: 2017), district: try Self.district("071")),
      as: UTF8.self)
    let rows = text.components(separatedBy: "\r\n")
    #expect(rows[5].hasPrefix("(Kèm theo Kế hoạch số        /KH-UBND của Ủy ban nhân dân huyện Lâm Bình)"))
  }

  @Test("section rows and the total row hold SUM formulas over the lines and the sections")
  func sumFormulas() throws {
    let text = try Self.xml("071", 2017)
    #expect(text.contains(#"<Cell ss:StyleID="numberBold" ss:Formula="=SUM(R[1]C:R[2]C)"/>"#))
    // Nine sections of three rows from row 12: the total row 39 adds rows 12, 15, … 36.
    let sections = (0..<9).map { "R[\(12 + 3 * $0 - 39)]C" }.joined(separator: ",")
    #expect(text.contains("ss:Formula=\"=SUM(\(sections))\""))
    #expect(try WriteTestSupport.schemaValidator().validate(Array(text.utf8)).isEmpty)
  }

  @Test(
    "a second sheet lists the areas, indicators with each measure's unit, and the district's communes in force"
  )
  func listSheet() throws {
    let text = try Self.xml("076", 2020)
    #expect(text.contains(#"<Worksheet ss:Name="Danh mục">"#))
    #expect(text.contains(">lượt cơ sở<"))
    #expect(text.contains(">gian hàng<"))
    #expect(text.contains(">Xã Tân Thanh<"))
    #expect(!text.contains(">Xã Tuân Lộ<"))
    let before = try Self.xml("076", 2019)
    #expect(before.contains(">Xã Tuân Lộ<"))
    #expect(!before.contains(">Xã Tân Thanh<"))
  }

  @Test("the content and place columns offer Excel drop-down lists from the second sheet")
  func dropDowns() throws {
    let text = try Self.xml("071", 2017)
    #expect(text.contains("<Range>R12C2:R511C2</Range>"))
    #expect(text.contains("<Range>R12C6:R511C6</Range>"))
    #expect(text.contains("<Value>&apos;Danh mục&apos;!R4C10:R11C10</Value>"))  // Lâm Bình's 8 communes
  }

  /// The XML form with one line filled under section I and the subtotal and total cached as
  /// a spreadsheet program saves them.
  static func filled(subtotal: String) throws -> SubmissionResult {
    var text = try xml("071", 2017)
    text = text.replacingOccurrences(of: "ngày      tháng      năm 2016", with: "ngày 20 tháng 10 năm 2016")
    let line = """
      <Row>
          <Cell><Data ss:Type="Number">1</Data></Cell>
          <Cell><Data ss:Type="String">1.1</Data></Cell>
          <Cell><Data ss:Type="String">Đào tạo nghề mây tre đan</Data></Cell>
          <Cell><Data ss:Type="String">Trung tâm Khuyến công</Data></Cell>
          <Cell><Data ss:Type="String">HTX Thượng Lâm</Data></Cell>
          <Cell><Data ss:Type="String">Xã Thượng Lâm</Data></Cell>
          <Cell ss:Index="8"><Data ss:Type="String">lao động</Data></Cell>
          <Cell><Data ss:Type="Number">30</Data></Cell>
          <Cell><Data ss:Type="String">03/2017</Data></Cell>
          <Cell><Data ss:Type="String">06/2017</Data></Cell>
          <Cell><Data ss:Type="Number">120</Data></Cell>
          <Cell ss:Index="14"><Data ss:Type="Number">90</Data></Cell>
          <Cell><Data ss:Type="Number">30</Data></Cell>
         </Row>
      """
    let empty = try #require(text.range(of: "<Row>\n    <Cell ss:StyleID=\"code\"/>"))
    let end = try #require(text.range(of: "</Row>", range: empty.upperBound..<text.endIndex))
    text.replaceSubrange(empty.lowerBound..<end.upperBound, with: line)
    // The cached value a program writes beside the first formula, L12 (Tổng of section I).
    let formula = #"ss:StyleID="numberBold" ss:Formula="=SUM(R[1]C:R[2]C)"/>"#
    let firstSubtotal = try #require(text.range(of: formula))
    text.replaceSubrange(
      firstSubtotal,
      with: #"ss:StyleID="numberBold" ss:Formula="=SUM(R[1]C:R[2]C)"><Data ss:Type="Number">"#
        + subtotal + "</Data></Cell>")
    var source = MemorySource(Array(text.utf8))
    return SubmissionValidator.validate(&source, named: "lam-binh.xml", against: programme).result
  }

  @Test(
    "filled in, the XML form is read over its three header rows, its list sheet is not reported, and the cached subtotal is checked"
  )
  func filledFormReadsBack() throws {
    let right = try Self.filled(subtotal: "120")
    #expect(right.status == .accepted, "\(right.located())")
    #expect(right.with(.sheetIgnored).isEmpty)
    let line = try #require(right.submission.lines.first)
    #expect(line.amounts.local == Money.trieu(90))
    #expect(line.amounts.counterpart == Money.trieu(30))
    let wrong = try Self.filled(subtotal: "100")
    #expect(wrong.with(.totalMismatch).map(\.position.cellReference) == ["Kế hoạch!L12"])
  }
}
