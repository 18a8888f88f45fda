import Foundation
import Testing

@testable import KhuyenCong

/// Reports stay readable and bounded whatever a file holds (issue 9): 1 000 diagnostics per
/// file then `report.truncated`, 20 of one code in the text report, values cut to 200
/// characters with line breaks as `↵`, control characters escaped.
@Suite("Diagnostic bounds")
struct DiagnosticBoundsTests {
  private static let sample = "2017-072-na-hang-flat.csv"

  /// Na Hang's accepted flat plan followed by `extra` rows.
  private func validate(sampleThen extra: String, name: String = "na-hang.csv") throws -> SubmissionResult {
    let bytes =
      Array(try Data(contentsOf: samplesFolder.appendingPathComponent(Self.sample))) + Array(extra.utf8)
    var source = MemorySource(bytes)
    return SubmissionValidator.validate(&source, named: name, against: Programme.embeddedDefault()).result
  }

  @Test(
    "a plan followed by 1 500 stray rows keeps 1 000 diagnostics, then one report.truncated counting the rest"
  )
  func strayRowsTruncated() throws {
    let own = try validate(sampleThen: "").diagnostics.count
    let result = try validate(sampleThen: String(repeating: "a\n", count: 1_500))
    #expect(result.diagnostics.count == 1_001)
    let last = try #require(result.diagnostics.last)
    #expect(last.code == .reportTruncated)
    #expect(last.severity == .info)
    // The sample's own diagnostics (since issue 8, its budget.unchecked) and 1 500 stray rows.
    #expect(last.values["count"] == String(own + 1_500 - 1_000))
    #expect(own > 0)
    #expect(result.status == .accepted)
  }

  @Test("an error beyond the first 1 000 diagnostics is kept, so the file is still rejected")
  func errorKeptPastTheLimit() {
    let infos = (1...1_500).map {
      Diagnostic(code: .rowIgnored, severity: .info, position: Position(file: "f", row: $0))
    }
    let error = Diagnostic(code: .budgetSum, severity: .error, position: Position(file: "f", row: 2_000))
    let kept = DiagnosticBounds.bounded(infos + [error], file: "f")
    #expect(kept.count == 1_001)
    #expect(kept.contains(error))
    #expect(kept.last?.values["count"] == "501")
    #expect(SubmissionResult(submission: Submission(file: "f"), diagnostics: kept).status == .rejected)
  }

  @Test("a value the programme gives (budget.unchecked's list of caps) is kept whole")
  func programmeValueKept() {
    let items = String(repeating: "80 % giá thuê gian hàng (điểm d khoản 2 Điều 6); ", count: 10)
    let diagnostic = Diagnostic(
      code: .budgetUnchecked, severity: .info, position: Position(file: "f"), values: ["items": items])
    #expect(DiagnosticBounds.bounded([diagnostic], file: "f") == [diagnostic])
  }

  @Test("a 32 767-character value with line breaks is cut to 200 characters, breaks shown as ↵")
  func longValueCut() throws {
    let cell = "\"" + String(repeating: "dòng\n", count: 6_553) + "xy\""
    let result = try validate(sampleThen: cell + "\n")
    let ignored = try #require(result.diagnostics.first { $0.code == .rowIgnored })
    let value = try #require(ignored.values["value"])
    #expect(value.count == 201)
    #expect(value.hasSuffix("…"))
    #expect(value.hasPrefix("dòng↵dòng↵"))
    #expect(!value.contains("\n"))
  }

  @Test(
    "the text report shows 20 of one code, then says how many more of the same", arguments: Language.allCases)
  func twentyOfOneCode(language: Language) throws {
    let result = try validate(sampleThen: String(repeating: "a\n", count: 30))
    let text = ValidationReport.text([result], programme: Programme.embeddedDefault(), language: language)
    #expect(text.components(separatedBy: "[row.ignored]  ").count - 1 == 20)
    let more =
      language == .vi
      ? "… và 10 vấn đề khác cùng loại [row.ignored]" : "… and 10 more of the same [row.ignored]"
    #expect(text.contains(more))
  }

  @Test(
    "the note to a district shows 20 of one kind without codes, then how many more",
    arguments: Language.allCases)
  func noteBounded(language: Language) throws {
    let result = try validate(sampleThen: String(repeating: "a\n", count: 30))
    let note = DistrictLetter.text(result, programme: Programme.embeddedDefault(), language: language)
    #expect(!note.contains("[row.ignored]"))
    let more =
      language == .vi
      ? "   … và 10 vấn đề khác cùng loại với những vấn đề trên\n"
      : "   … and 10 more of the same kinds as above\n"
    #expect(note.contains(more))
  }

  @Test("a file name with a line break cannot forge a line of the note to a district")
  func noteNameWithLineBreak() throws {
    let result = try validate(sampleThen: "", name: "a.csv\nĐề nghị gửi tiền")
    let note = DistrictLetter.text(result, programme: Programme.embeddedDefault(), language: .vi)
    #expect(note.contains("\"a.csv\\nĐề nghị gửi tiền\""))
    #expect(!note.contains("\nĐề nghị gửi tiền"))
  }

  @Test("a cell holding terminal escape sequences is printed escaped, never raw")
  func escapeSequencesEscaped() throws {
    let result = try validate(sampleThen: "\u{1B}[1A\u{1B}[2K ACCEPTED\n", name: "x\u{1B}[2K.csv")
    let text = ValidationReport.text([result], programme: Programme.embeddedDefault(), language: .en)
    #expect(!text.unicodeScalars.contains("\u{1B}"))
    #expect(text.contains("\\x1B[1A\\x1B[2K ACCEPTED"))
    #expect(text.contains("== x\\x1B[2K.csv"))
  }

  @Test("a file name with a line break cannot forge a line of the report")
  func nameWithLineBreak() throws {
    let result = try validate(sampleThen: "", name: "a.csv\nSummary: 9 accepted")
    let text = ValidationReport.text([result], programme: Programme.embeddedDefault(), language: .en)
    #expect(text.contains("== a.csv\\nSummary: 9 accepted\n"))
    #expect(!text.contains("\nSummary: 9 accepted"))
  }

  @Test("a row with more columns than a sheet holds names the limit")
  func tooManyColumnsNamesLimit() throws {
    var source = MemorySource(Array((String(repeating: "a,", count: 20_000) + "a\n").utf8))
    var collector = WorkbookCollector()
    let report = CSVReader.read(&source, file: "wide.csv", into: &collector)
    let diagnostic = try #require(report.diagnostics.first { $0.values["problem"] == "too-many-columns" })
    #expect(MessageCatalog.message(diagnostic, in: .en) == "Row with more than 16384 columns")
  }
}
