import Testing
@testable import KhuyenCong

@Suite("Message catalog")
struct MessageCatalogTests {
  /// Every code of SPEC §4, plus the ones this project added.
  static let specCodes = [
    "file.unreadable", "file.encoding", "csv.malformed", "xml.malformed", "header.missing",
    "header.unknown-column", "meta.district", "meta.year", "meta.date", "deadline.late",
    "cell.required", "cell.type", "content.unknown", "content.unit", "place.unknown",
    "place.other-district", "place.merged", "period.outside", "budget.sum", "budget.negative",
    "budget.cap", "budget.priority-only", "total.mismatch", "line.duplicate", "cross.duplicate",
    "submission.superseded", "sheet.ignored", "budget.envelope", "meta.unit", "plan.empty", "row.ignored",
  ]

  @Test("every code has a Vietnamese and an English message", arguments: specCodes)
  func bothLanguages(code: String) {
    #expect(MessageCatalog.codes.contains(code))
  }

  @Test("a message fills its values and leaves no placeholder")
  func filled() {
    let diagnostic = Diagnostic(
      code: .budgetSum, severity: .error,
      position: Position(file: "a.csv", sheet: "Sheet1", row: 3, column: 14),
      values: ["total": "600", "sum": "610"])
    #expect(
      MessageCatalog.message(diagnostic, in: .vi)
        == "Tổng kinh phí 600 ≠ KCQG + KCĐP + Đối ứng + Nguồn khác = 610 (triệu đồng)")
    #expect(MessageCatalog.message(diagnostic, in: .en).contains("610"))
    let bare = Diagnostic(code: .budgetCap, severity: .error, position: Position(file: "a.csv"))
    #expect(!MessageCatalog.message(bare, in: .vi).contains("{"))
  }

  @Test("the situation of a code picks its sentence")
  func reasons() {
    let missing = Diagnostic(
      code: .metaYear, severity: .error, position: Position(file: "a.csv"),
      values: ["reason": "missing"])
    #expect(MessageCatalog.message(missing, in: .vi) == "Không xác định được năm kế hoạch")
    let quote = Diagnostic(
      code: .csvMalformed, severity: .error, position: Position(file: "a.csv"),
      values: ["problem": "stray-quote"])
    #expect(MessageCatalog.message(quote, in: .en) == "A stray quote inside an unquoted cell")
  }

  @Test(
    "LANG picks the default language",
    arguments: [
      ("vi_VN.UTF-8", Language.vi), ("en_US.UTF-8", .en), ("C", .en),
    ])
  func languageFromEnvironment(lang: String, expected: Language) {
    #expect(Language.from(environmentLang: lang) == expected)
  }
}
