import Foundation
import Testing
@testable import KhuyenCong

/// Finding 7 of issue 8: one fault in the header is one report, with its fix.
@Suite("One cause, one report")
struct OneCauseTests {
  @Test("a second header row shifted left is one header.shifted error that names the fix, and nothing else")
  func shiftedSecondHeaderRow() throws {
    let result = try validateFixture("Validate/form-second-header-shifted-left.xml")
    #expect(result.status == .rejected)
    #expect(result.located() == ["header.shifted KH2017!9:9"])
    #expect(result.submission.lines.isEmpty)  // no line read against the shifted header
    let diagnostic = try #require(result.diagnostics.first)
    #expect(diagnostic.values["from"] == "A" && diagnostic.values["to"] == "G")
    let vi = MessageCatalog.message(diagnostic, in: .vi)
    #expect(vi.contains("“Bắt đầu” … “Nguồn khác”"))
    #expect(vi.contains("“Kinh phí” (L–P)"))
    #expect(vi.contains("mở tệp bằng Excel hoặc LibreOffice, kiểm tra hàng tiêu đề thứ hai"))
    #expect(vi.contains("lưu lại"))
  }

  @Test("the same form with its second header row in place is read as the district wrote it")
  func unshiftedFormStillReads() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let bytes = try [UInt8](
      Data(contentsOf: root.appendingPathComponent("samples/2017-070-tp-tuyen-quang-form.xml")))
    var source = MemorySource(bytes)
    let result = SubmissionValidator.validate(&source, named: "tp.xml", against: Programme.embeddedDefault())
      .result
    #expect(result.status == .accepted)
    #expect(result.with(.headerShifted).isEmpty)
  }

  @Test("a header that cannot be mapped gives one header error, and its lines are not judged against a guess")
  func unmappableHeaderIsOneError() {
    let header = DecisionPlans.header.replacingOccurrences(of: ",content,", with: ",mục,")
    let rows = [
      DecisionPlans.row("1.1", "lao động", "0", total: "60", local: "50"),
      DecisionPlans.row("1.1", "lao động", "0", total: "60", local: "50"),
    ]
    let text = ([header] + rows).joined(separator: "\n") + "\n"
    var source = MemorySource(Array(text.utf8))
    let result = SubmissionValidator.validate(
      &source, named: "plan.csv", against: Programme.embeddedDefault()
    )
    .result
    #expect(result.located(atLeast: .error) == ["header.missing plan!1:1"])
    #expect(result.diagnostics.allSatisfy { $0.code.rawValue.hasPrefix("header.") })
  }
}
