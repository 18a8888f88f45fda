import Foundation
import KhuyenCongXML
@testable import KhuyenCong

/// Helpers for the writer tests: the outputs of the shared 2017 plan, a small CSV reader,
/// and the repository's XSD.
enum WriteTestSupport {
  static let plan = MergeTestData.plan
  static let programme = MergeTestData.programme

  static func xml() -> [UInt8] {
    PlanXMLSpreadsheetWriter.write(plan, programme: programme, messages: MergeTestData.messages)
  }
  static func csv() -> [UInt8] { PlanCSVWriter.write(plan, programme: programme) }
  static func json() -> [UInt8] {
    PlanJSONWriter.write(plan, programme: programme, messages: MergeTestData.messages)
  }
  static func html() -> [UInt8] {
    PlanHTMLWriter.write(plan, programme: programme, messages: MergeTestData.messages)
  }

  /// The text of `bytes` after an optional UTF-8 BOM.
  static func text(_ bytes: [UInt8]) -> String {
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    return String(decoding: body, as: UTF8.self)
  }

  /// RFC 4180 records (CRLF, `"` quoting): enough to read back what the writers produce.
  static func records(_ bytes: [UInt8]) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var scalars = Array(text(bytes).unicodeScalars)[...]
    while let c = scalars.popFirst() {
      if quoted {
        if c == "\"" {
          if scalars.first == "\"" {
            field.unicodeScalars.append("\"")
            scalars = scalars.dropFirst()
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        record.append(field)
        field = ""
      } else if c == "\r" && scalars.first == "\n" {
        scalars = scalars.dropFirst()
        record.append(field)
        records.append(record)
        record = []
        field = ""
      } else {
        field.unicodeScalars.append(c)
      }
    }
    return records
  }

  /// `schemas/plan-spreadsheet.xsd` of this repository (found from this file's path, so the
  /// test needs nothing outside the checkout).
  static func schemaValidator() throws -> XMLSchemaValidator {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let xsd = try Data(contentsOf: root.appendingPathComponent("schemas/plan-spreadsheet.xsd"))
    return try XMLSchemaValidator(xsd: Array(xsd))
  }
}
