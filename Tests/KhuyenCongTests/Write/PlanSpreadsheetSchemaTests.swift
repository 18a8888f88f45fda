import Foundation
import KhuyenCongXML
import Testing

@testable import KhuyenCong

@Suite("The embedded plan schema")
struct PlanSpreadsheetSchemaTests {
  @Test("the XSD the binary checks plan-N.xml against is schemas/plan-spreadsheet.xsd, to the byte")
  func embeddedEqualsFile() throws {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("schemas/plan-spreadsheet.xsd")
    let text = try String(contentsOf: file, encoding: .utf8)
    // The file ends with a line break; a Swift multi-line literal does not.
    #expect(PlanSpreadsheetSchema.xsd + "\n" == text)
  }
}

@Suite("The plan schema's styles")
struct PlanSpreadsheetSchemaStyleTests {
  /// A workbook as the writer writes one: every style declared, one small sheet.
  static func workbook() -> String {
    var sheet = SpreadsheetMLWorksheet(name: "Tổng hợp", columnWidths: [40, 80])
    sheet.append([.text(1, "Mã", .header), .money(2, .trieu(5), .numberBold)])
    return String(decoding: SpreadsheetMLWorkbook(worksheets: [sheet]).bytes(), as: UTF8.self)
  }

  static func issues(_ text: String) throws -> [String] {
    try XMLSchemaValidator(xsd: Array(PlanSpreadsheetSchema.xsd.utf8)).validate(Array(text.utf8)).map(
      \.message)
  }

  @Test("the schema's style names are the writer's styles, in its order")
  func styleNames() {
    let names = PlanSpreadsheetSchema.xsd.split(separator: "\n")
      .drop { !$0.contains("<xs:simpleType name=\"StyleName\">") }
      .prefix { !$0.contains("</xs:simpleType>") }
      .compactMap { line -> String? in
        guard let start = line.range(of: "value=\""), let end = line.range(of: "\"/>") else { return nil }
        return String(line[start.upperBound..<end.lowerBound])
      }
    #expect(names == SpreadsheetMLStyle.allCases.map(\.rawValue))
  }

  @Test("a workbook as written passes")
  func written() throws {
    #expect(try Self.issues(Self.workbook()).isEmpty)
  }

  @Test("a cell naming a style that is not declared fails")
  func unknownStyle() throws {
    let text = Self.workbook().replacingOccurrences(
      of: "ss:StyleID=\"header\"", with: "ss:StyleID=\"heading\"")
    #expect(try !Self.issues(text).isEmpty)
  }

  @Test("a workbook missing one style's declaration fails")
  func missingStyle() throws {
    let text = Self.workbook()
    let start = try #require(text.range(of: "  <Style ss:ID=\"percent\""))
    let end = try #require(text.range(of: "</Style>\n", range: start.upperBound..<text.endIndex))
    var cut = text
    cut.removeSubrange(start.lowerBound..<end.upperBound)
    #expect(try !Self.issues(cut).isEmpty)
  }
}
