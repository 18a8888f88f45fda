import Foundation
import Testing

@testable import KhuyenCong

/// A sum past what the program adds up exactly is an error at the line where it passes, never
/// a saturated total (issue 9).
@Suite("Sum range")
struct SumRangeCheckTests {
  /// Na Hang's flat plan with `count` lines of 999 999 999 triệu (total and counterpart).
  private func hugePlan(lines count: Int) throws -> [UInt8] {
    let text = try String(
      contentsOf: samplesFolder.appendingPathComponent("2017-072-na-hang-flat.csv"), encoding: .utf8)
    let rows = text.split(whereSeparator: \.isNewline)
    let header = rows[0]
    let line = rows[1].replacingOccurrences(of: "96.0,0.0,86.4,9.6,0.0", with: "999999999,0,0,999999999,0")
    let body = (1...count).map {
      line.replacingOccurrences(of: "Shan tuyết,Trung", with: "Shan tuyết \($0),Trung")
    }
    return Array(([String(header)] + body).joined(separator: "\n").utf8) + [0x0A]
  }

  @Test("100 lines of 999 999 999 triệu are rejected where the running sums pass the limit, once per column")
  func hugeSumRejected() throws {
    var source = MemorySource(try hugePlan(lines: 100))
    let result = SubmissionValidator.validate(
      &source, named: "huge.csv", against: Programme.embeddedDefault()
    ).result
    let sums = result.diagnostics.filter { $0.values["reason"] == "sum too large" }
    // 9 lines hold 8 999 999 991 tỷ đồng, under the limit; the 10th (row 11) passes it. (A
    // CSV's sheet is named after the file, as Excel names it: issue 8.)
    #expect(sums.map(\.located) == ["cell.type huge!N11", "cell.type huge!Q11"])
    #expect(sums.allSatisfy { $0.severity == .error })
    #expect(result.status == .rejected)
  }

  @Test("the sum-too-large message names the column and the limit in both languages")
  func message() {
    let diagnostic = Diagnostic(
      code: .cellType, severity: .error, position: Position(file: "f", row: 11, column: 14),
      values: [
        "reason": "sum too large", "column": "total", "expected": "money", "limit": "9007199254740991",
      ])
    #expect(MessageCatalog.message(diagnostic, in: .en).contains("column total"))
    #expect(MessageCatalog.message(diagnostic, in: .en).contains("9007199254740991"))
    #expect(MessageCatalog.message(diagnostic, in: .vi).contains("Tổng kinh phí"))
  }

  @Test("a province-size plan stays far under the limit")
  func limitIsFarAbove() {
    // The programme's whole budget is 27 377 triệu; the limit is 9 × 10^9 triệu.
    #expect(Money.maxFileSum > Money.trieu(27_377).dong * 100_000)
  }
}
