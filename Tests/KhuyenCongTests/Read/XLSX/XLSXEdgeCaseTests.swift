import KhuyenCong
import Testing

/// Hand-made workbooks (make-fixtures.py) for what the real programs do not write; the
/// expectations were checked against soffice's CSV of the same files (edge-cases.soffice.csv).
@Suite("XLSX edge cases")
struct XLSXEdgeCaseTests {
  private func edgeSheet() throws -> CollectedSheet {
    let (report, sheets) = try readXLSXFixture("edge-cases.xlsx")
    #expect(report.diagnostics.isEmpty)
    return sheets[0]
  }

  @Test("rows and cells without r take the next position")
  func positionalRowsAndCells() throws {
    let sheet = try edgeSheet()
    #expect(sheet.rows.map(\.number) == [1, 2, 5, 7, 8])
    #expect(sheet[7, 1] == .number("7"))
    #expect(sheet[7, 2] == .text("ab"))
    #expect(sheet[2, 3] == .dateTime(CivilDateTime(year: 2016, month: 10, day: 25)))
  }

  @Test("inline strings, formula strings, errors and ISO dates are read by their t")
  func everyCellType() throws {
    let sheet = try edgeSheet()
    #expect(sheet[1, 1] == .text("Tiêu đề"))
    #expect(sheet[1, 2] == .text("Tiêu đề"))
    #expect(sheet[2, 1] == .error("#DIV/0!"))
    #expect(
      sheet[2, 2] == .dateTime(CivilDateTime(year: 2016, month: 10, day: 25, hour: 8, minute: 30)))
    #expect(sheet[5, 5] == .boolean(true))
    #expect(sheet[5, 6] == .number("1.5E+3"))
    #expect(sheet[8, 4] == .number("2095.39"))
  }

  @Test("rich-text runs are joined, phonetic guides left out, decomposed text made NFC")
  func richTextSharedString() throws {
    let sheet = try edgeSheet()
    #expect(sheet[5, 1] == .text("Hỗ trợ máy móc"))
    #expect(sheet[5, 8] == .text("Đào tạo"))
    if case .text(let text) = sheet[5, 1] {
      #expect(text.unicodeScalars.count == "Hỗ trợ máy móc".precomposedCount)
    }
  }

  @Test("serial dates count from 1899-12-30, with Excel's 1900-02-29 left as a number")
  func serialDates() throws {
    let sheet = try edgeSheet()
    // Serial 60 is Excel's fictitious 29 February 1900: no such day, so the number stays.
    #expect(sheet[5, 2] == .number("60"))
    #expect(sheet[5, 3] == .dateTime(CivilDateTime(year: 1900, month: 3, day: 1, hour: 18)))
    // A quoted "TRUE";"TRUE";"FALSE" format has no date letters outside its quotes.
    #expect(sheet[5, 4] == .number("1"))
  }

  @Test("a time fraction is exact to the millisecond and rounds up to midnight")
  func timeFractions() throws {
    let sheet = try edgeSheet()
    #expect(
      sheet[8, 2]
        == .dateTime(CivilDateTime(year: 2016, month: 10, day: 25, hour: 8, minute: 27, second: 48))
    )
    #expect(sheet[8, 3] == .dateTime(CivilDateTime(year: 2016, month: 10, day: 26)))
  }

  @Test("empty cells and a row of only empty cells are not delivered")
  func emptyCells() throws {
    let sheet = try edgeSheet()
    #expect(!sheet.rows.contains { $0.number == 6 })
    #expect(sheet.rows.allSatisfy { $0.cells.allSatisfy { !$0.value.isEmpty } })
  }

  @Test("the 1904 date system shifts serials by 1462 days")
  func date1904() throws {
    let (report, sheets) = try readXLSXFixture("date1904.xlsx")
    #expect(report.diagnostics.isEmpty)
    // soffice shows 10/26/2020 (date1904.soffice.csv).
    #expect(sheets[0][1, 1] == .dateTime(CivilDateTime(year: 2020, month: 10, day: 26)))
  }

  @Test("Strict Open XML namespaces, a veryHidden sheet and a merge are read")
  func strictNamespaces() throws {
    let (report, sheets) = try readXLSXFixture("strict.xlsx")
    #expect(report.diagnostics.isEmpty)
    #expect(sheets[0][2, 3] == .text("nghiêm"))
    #expect(report.sheets[0].hidden)
    #expect(report.sheets[0].merges == ["C2:D3"])
    #expect(sheets[0].rows[0].cells[0].mergeAcross == 1)
    #expect(sheets[0].rows[0].cells[0].mergeDown == 1)
  }

  @Test("a package without [Content_Types].xml and _rels/.rels is still read")
  func minimalParts() throws {
    let (report, sheets) = try readXLSXFixture("minimal-parts.xlsx")
    #expect(report.diagnostics.isEmpty)
    #expect(sheets[0][1, 1] == .text("tối thiểu"))
  }
}

extension String {
  /// Unicode scalars of the NFC form.
  fileprivate var precomposedCount: Int {
    precomposedStringWithCanonicalMapping.unicodeScalars.count
  }
}
