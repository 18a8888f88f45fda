import Foundation
import Testing
@testable import KhuyenCong

/// Finding 6 of issue 8: the words officials read are complete in their language, cite the
/// law as Vietnamese documents do, and the report for a district reads as a note to it.
@Suite("The words officials use")
struct OfficialWordsTests {
  /// English words that must not appear in a Vietnamese message (outside the parser's
  /// bracketed technical detail).
  static let englishWords: Set<String> = [
    "the", "of", "is", "not", "expected", "number", "quantity", "month", "quarter", "or", "and",
    "date", "line", "row", "column", "sheet", "file", "error", "warning", "missing", "unknown",
    "with", "found", "must", "value", "cap", "support", "indicator", "district", "commune", "year",
    "total", "funds", "national", "local", "merged", "until", "from", "than", "more", "priority",
    "approval", "money", "boolean", "datetime", "specification", "mandates", "attribute", "index",
    "element", "larger", "bytes", "empty", "malformed", "stray", "quote", "info",
  ]

  /// The words of `text` that are English, once the technical detail in brackets is removed.
  static func englishIn(_ text: String, ignoring names: [String] = []) -> [String] {
    var text = text
    for name in names { text = text.replacingOccurrences(of: name, with: " ") }
    while let open = text.range(of: "(chi tiết kỹ thuật:"),
      let close = text.range(of: ")", range: open.upperBound..<text.endIndex)
    {
      text.removeSubrange(open.lowerBound..<close.upperBound)
    }
    let words = text.lowercased().split { !$0.isLetter }.map(String.init)
    return words.filter { englishWords.contains($0) }
  }

  /// A value for each placeholder, as the checks fill them (the kinds of `expected` included).
  static func values(for template: String, reason: String?, expected: String) -> [String: String] {
    var values: [String: String] = [:]
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      let key = String(rest[rest.index(after: open)..<close])
      values[key] = key == "column" ? "total" : key == "expected" ? expected : "1"
      rest = rest[rest.index(after: close)...]
    }
    values["reason"] = reason
    return values
  }

  @Test("every Vietnamese message, with every kind of expected value, has no English word")
  func catalogIsVietnamese() {
    for (key, template) in MessageCatalog.vietnamese {
      let parts = key.split(separator: "#", maxSplits: 1).map(String.init)
      for expected in ["number", "quantity > 0", "month, quarter or date", "money", "Boolean", "DateTime"] {
        let diagnostic = Diagnostic(
          code: DiagnosticCode(rawValue: parts[0]), severity: .error, position: Position(file: "a.csv"),
          values: Self.values(for: template, reason: parts.count > 1 ? parts[1] : nil, expected: expected))
        let text = MessageCatalog.message(diagnostic, in: .vi)
        #expect(Self.englishIn(text).isEmpty, "\(key): \(text)")
      }
    }
  }

  @Test("libxml2's English detail is kept only in brackets after a Vietnamese sentence, and 'line' is 'dòng'")
  func parserDetailInBrackets() {
    let diagnostic = Diagnostic(
      code: .xmlMalformed, severity: .error, position: Position(file: "a.xml", line: 2),
      values: ["reason": "Specification mandates value for attribute Index"])
    let text = MessageCatalog.message(diagnostic, in: .vi)
    #expect(text.hasPrefix("Tệp XML bị hỏng"))
    #expect(text.hasSuffix("(chi tiết kỹ thuật: Specification mandates value for attribute Index)"))
    #expect(Self.englishIn(text).isEmpty)
    #expect(diagnostic.position.cellReference(in: .vi) == "dòng 2")
    #expect(diagnostic.position.cellReference(in: .en) == "line 2")
  }

  @Test("legal citations take the Vietnamese form, with no bracket inside a bracket")
  func citations() throws {
    let result = DecisionPlans.validate([
      DecisionPlans.row("3.3", "cơ sở", "1", total: "800", national: "350", local: "50", date: "31/10/2016")
    ])
    let cap = try #require(result.with(.budgetCap).first)
    let capText = MessageCatalog.message(cap, in: .vi)
    #expect(capText.contains("điểm c khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT"))
    #expect(!capText.contains("Điều 6.2"))
    let late = try #require(result.with(.deadlineLate).first)
    let lateText = MessageCatalog.message(late, in: .vi)
    #expect(lateText.contains("Quyết định số 69/QĐ-UBND"))
    #expect(!lateText.contains("QĐ 69/"))
    for text in [capText, lateText] {
      var depth = 0
      var deepest = 0
      for character in text {
        if character == "(" { depth += 1 }
        if character == ")" { depth -= 1 }
        deepest = max(deepest, depth)
      }
      #expect(deepest <= 1, "\(text)")
    }
  }

  @Test("a CSV's sheet is named after the file as Excel names it, cut to 31 characters")
  func csvSheetName() {
    #expect(CSVTokenizer.sheetName(file: "ke-hoach-2017.csv") == "ke-hoach-2017")
    #expect(
      CSVTokenizer.sheetName(file: "rejected-budget_sum-2017-074-ham-yen.csv")
        == "rejected-budget_sum-2017-074-ha")
    let result = DecisionPlans.validate(
      [DecisionPlans.row("1.1", "lao động", "20", total: "60", local: "60", place: "Xã Hồ Tiêu")],
      file: "lam-binh.csv")
    #expect(result.with(.placeUnknown).first?.position.sheet == "lam-binh")
  }

  @Test(
    "the report filed for a district opens with whom it is for and what was checked, and closes with what to do by when"
  )
  func districtLetter() throws {
    let programme = Programme.embeddedDefault()
    let rejected = DecisionPlans.validate([
      DecisionPlans.row("1.1", "lao động", "20", total: "60", local: "50", counterpart: "0")
    ])
    #expect(rejected.status == .rejected)
    let letter = DistrictLetter.text(rejected, programme: programme, language: .vi)
    let lines = letter.split(separator: "\n").map(String.init)
    #expect(lines.first == "Kính gửi: Ủy ban nhân dân huyện Lâm Bình")
    #expect(lines[1].hasPrefix("Sở Công Thương đã kiểm tra tệp \"plan.csv\" (kế hoạch khuyến công năm 2017)"))
    #expect(lines[1].contains("Thông tư liên tịch số 26/2014/TTLT-BTC-BCT"))
    #expect(
      lines.last
        == "Đề nghị UBND huyện Lâm Bình chỉnh sửa các lỗi nêu trên và gửi lại Sở Công Thương trước ngày 30/10/2016."
    )
    #expect(Self.englishIn(letter, ignoring: ["plan.csv", "plan!"]).isEmpty, "\(letter)")
    let accepted = DecisionPlans.validate([
      DecisionPlans.row("1.1", "lao động", "20", total: "60", local: "60")
    ])
    let thanks = DistrictLetter.text(accepted, programme: programme, language: .vi)
    #expect(thanks.contains("Kế hoạch đã được tiếp nhận"))
  }

  @Test("the Vietnamese report of every sample has no English word outside the parser's bracketed detail")
  func samplesInVietnamese() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let folder = root.appendingPathComponent("samples")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "README.md" }
      .sorted()
    try #require(names.count >= 20)
    let programme = Programme.embeddedDefault()
    for name in names {
      let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
      var source = MemorySource(bytes)
      let outcome = SubmissionValidator.validate(&source, named: name, against: programme)
      let letter = DistrictLetter.text(outcome.result, programme: programme, language: .vi)
      // File and sheet names are the district's own words.
      let sheets = Set(outcome.result.diagnostics.compactMap(\.position.sheet)) + [name]
      #expect(!letter.contains("[" + (outcome.result.diagnostics.first?.code.rawValue ?? "-") + "]"))
      let english = Self.englishIn(letter, ignoring: sheets.sorted { $0.count > $1.count })
      #expect(english.isEmpty, "\(name): \(english)\n\(letter)")
    }
  }
}

extension Set where Element == String {
  fileprivate static func + (set: Set<String>, more: [String]) -> [String] { Array(set) + more }
}
