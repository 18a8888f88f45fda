import Foundation
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
