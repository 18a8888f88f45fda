import Testing
@testable import KhuyenCong

/// Shapes real forms take that must read as the plain form does: each is `form-valid.csv`
/// changed the way a district's clerk might (tools/fixtures/make_validate_fixtures.py).
@Suite("Form shapes")
struct FormShapeTests {
  @Test(
    "accepted like the plain form, with the same lines and total",
    arguments: [
      "form-citation-line.csv",  // "Căn cứ Quyết định số 69/QĐ-UBND ngày 10 tháng 3 năm 2016": not the date
      "form-unit-label.csv",  // "Đơn vị: nghìn đồng", amounts in thousands
      "form-unit-number.csv",  // "Đơn vị tính: 1.000.000 đồng"
      "form-header-unit.csv",  // "Kinh phí (nghìn đồng)" in the header, no unit line
      "form-section-dots.csv",  // sections "I.", "II.", "III."
      "form-column-numbers-parens.csv",  // "(A)", "(B)", "(1)" …
      "form-repeated-header.csv",  // the header again at a page break
      "form-unlabeled-total.csv",  // a total row without "Tổng cộng"
    ])
  func sameAsPlain(file: String) throws {
    let result = try validateFixture("Validate/" + file)
    // Only the info naming the caps the form cannot check (issue 8).
    #expect(
      result.located() == ["budget.unchecked " + file.replacingOccurrences(of: ".csv", with: "")], "\(file)")
    #expect(result.submission.lines.count == 3)
    #expect(result.submission.totals.total == Money(dong: 770_500_000))
    #expect(result.submission.submittedOn == CivilDate(year: 2016, month: 10, day: 25))
  }

  @Test("two different money units in one form are refused")
  func unitConflict() throws {
    let result = try validateFixture("Validate/form-header-unit-conflict.csv")
    #expect(result.located(atLeast: .warning) == ["meta.unit form-header-unit-conflict!L7"])
  }

  @Test("without a total row, the signature block is not read as lines; what is left over is said")
  func noTotalRow() throws {
    let result = try validateFixture("Validate/form-no-total-row.csv")
    #expect(result.status == .accepted)
    #expect(result.submission.lines.count == 3)
    #expect(
      result.diagnostics.allSatisfy {
        ($0.code == .rowIgnored || $0.code == .budgetUnchecked) && $0.severity == .info
      })
    #expect(!result.diagnostics.isEmpty)
  }

  @Test("a line with no amounts is a line missing its total, even with 'thủ trưởng' in its name")
  func lineWithoutMoney() throws {
    let result = try validateFixture("Validate/form-line-without-money.csv")
    #expect(result.located(atLeast: .warning) == ["cell.required form-line-without-money!L12"])
    #expect(result.submission.lines.count == 4)
  }

  @Test("an amount written negative twice, (-15), is not read as positive")
  func doubleNegative() {
    #expect(NumberReader.read("(-15)") == .invalid)
    #expect(NumberReader.read("(15)") == .value(ExactDecimal(units: -15), evidence: nil))
  }
}
