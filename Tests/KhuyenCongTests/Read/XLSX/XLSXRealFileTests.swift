import KhuyenCong
import Testing

/// Files written by LibreOffice 7.4 and Gnumeric 1.12.55 (see Fixtures/Read/xlsx/SOURCES.md),
/// checked against the CSV soffice exports from the same files.
@Suite("XLSX files from real programs")
struct XLSXRealFileTests {
  /// Compares every cell with soffice's CSV of the same sheet. Dates are compared in
  /// `datesFollowTheirNumberFormat`: soffice writes them in the file's display format.
  private func expectMatchesOracle(_ sheet: CollectedSheet, _ oracle: [[String]]) {
    let grid = xlsxGrid(sheet)
    #expect(grid.count == oracle.count)
    for (rowIndex, oracleRow) in oracle.enumerated() {
      for (columnIndex, expected) in oracleRow.enumerated() {
        let value = sheet[rowIndex + 1, columnIndex + 1]
        if case .dateTime = value { continue }
        #expect(
          value.displayText == expected,
          "\(sheet.name)!\(ColumnName.letters(columnIndex + 1))\(rowIndex + 1)")
      }
    }
  }

  @Test(
    "a LibreOffice workbook reads to the cells soffice shows, on both sheets",
    arguments: [1, 4096])
  func libreOfficePlanMatchesSoffice(chunkSize: Int) throws {
    let (report, sheets) = try readXLSXFixture("libreoffice-plan-merged.xlsx", chunkSize: chunkSize)
    #expect(report.diagnostics.isEmpty)
    #expect(sheets.map(\.name) == ["Kế hoạch", "Ẩn"])
    expectMatchesOracle(sheets[0], try xlsxOracleCSV("libreoffice-plan-merged.soffice-sheet1.csv"))
    expectMatchesOracle(sheets[1], try xlsxOracleCSV("libreoffice-plan-merged.soffice-sheet2.csv"))
  }

  @Test("a Gnumeric workbook with inline strings and 20-digit numbers reads as soffice shows it")
  func gnumericPlanMatchesSoffice() throws {
    let (report, sheets) = try readXLSXFixture("gnumeric-plan-merged.xlsx")
    #expect(report.diagnostics.isEmpty)
    // Gnumeric wrote <v>2095.3899999999999999</v>: the district typed and saw 2095.39.
    #expect(sheets[0][5, 3] == .number("2095.39"))
    #expect(sheets[0][6, 4] == .number("0.1"))
    expectMatchesOracle(sheets[0], try xlsxOracleCSV("gnumeric-plan-merged.soffice-sheet1.csv"))
  }

  @Test("shared strings (LibreOffice) and inline strings (Gnumeric) give the same cells")
  func sharedAndInlineStringsAgree() throws {
    let libreOffice = try readXLSXFixture("libreoffice-plan-merged.xlsx").sheets
    let gnumeric = try readXLSXFixture("gnumeric-plan-merged.xlsx").sheets
    #expect(xlsxGrid(libreOffice[0]) == xlsxGrid(gnumeric[0]))
    #expect(libreOffice[0][1, 1] == .text("KẾ HOẠCH KHUYẾN CÔNG NĂM 2017"))
  }

  @Test(
    "the Vietnamese CSV converted by LibreOffice and by Gnumeric reads as soffice shows it",
    arguments: ["libreoffice-vi", "gnumeric-vi"])
  func vietnameseCSVRoundTrip(name: String) throws {
    let (report, sheets) = try readXLSXFixture(name + ".xlsx")
    #expect(report.diagnostics.isEmpty)
    #expect(sheets.count == 1)
    expectMatchesOracle(sheets[0], try xlsxOracleCSV(name + ".soffice.csv"))
    // vi.csv's dates (ngay_phe_duyet) are dates, not serial numbers.
    #expect(sheets[0][2, 5] == .dateTime(CivilDateTime(year: 2024, month: 3, day: 15)))
    #expect(sheets[0][3, 5] == .dateTime(CivilDateTime(year: 2024, month: 6, day: 1)))
    #expect(sheets[0][2, 3] == .number("3359.82"))
  }

  @Test("dates and date-times follow their number format, to the second")
  func datesFollowTheirNumberFormat() throws {
    for name in ["libreoffice-plan-merged.xlsx", "gnumeric-plan-merged.xlsx"] {
      let sheet = try readXLSXFixture(name).sheets[0]
      #expect(sheet[2, 5] == .dateTime(CivilDateTime(year: 2016, month: 10, day: 25)), "\(name)")
      #expect(
        sheet[8, 2]
          == .dateTime(
            CivilDateTime(year: 2016, month: 10, day: 25, hour: 8, minute: 27, second: 48)),
        "\(name)")
    }
  }

  @Test("merged ranges are reported and set on their top-left cell")
  func mergesOnTopLeftCells() throws {
    let (report, sheets) = try readXLSXFixture("libreoffice-plan-merged.xlsx")
    #expect(report.sheets[0].merges == ["A1:E1", "A3:A4", "B3:B4", "C3:D3", "E3:E4"])
    let header = sheets[0].rows.first { $0.number == 3 }?.cells ?? []
    #expect(
      header.map { "\($0.columnLetter) \($0.mergeAcross) \($0.mergeDown)" }
        == ["A 0 1", "B 0 1", "C 1 0", "E 0 1"])
    let title = sheets[0].rows.first?.cells.first
    #expect(title?.mergeAcross == 4)
  }

  @Test("Gnumeric's merges, written in another order, are the same ranges")
  func gnumericMerges() throws {
    let (report, _) = try readXLSXFixture("gnumeric-plan-merged.xlsx")
    #expect(report.sheets[0].merges.sorted() == ["A1:E1", "A3:A4", "B3:B4", "C3:D3", "E3:E4"])
  }

  @Test("a hidden sheet is read and reported as hidden")
  func hiddenSheet() throws {
    let (report, sheets) = try readXLSXFixture("libreoffice-plan-merged.xlsx")
    #expect(report.format == .xlsx)
    #expect(report.sheets.map(\.hidden) == [false, true])
    #expect(sheets[1][1, 1] == .text("bí mật"))
    #expect(sheets[1][1, 2] == .number("42"))
  }

  @Test("formula cells give their cached value, booleans their truth value")
  func formulasAndBooleans() throws {
    let sheet = try readXLSXFixture("libreoffice-plan-merged.xlsx").sheets[0]
    #expect(sheet[7, 3] == .number("3380.12"))
    #expect(sheet[7, 4] == .number("150.1"))
    #expect(sheet[5, 5] == .boolean(true))
    #expect(sheet[6, 5] == .boolean(false))
    #expect(sheet[8, 3] == .text("01"))
  }

  @Test("the summary counts rows holding values and skips the empty row 9")
  func summaryCounts() throws {
    let (report, sheets) = try readXLSXFixture("libreoffice-plan-merged.xlsx")
    #expect(sheets[0].rows.map(\.number) == [1, 2, 3, 4, 5, 6, 7, 8, 10])
    #expect(report.sheets[0].rowCount == 9)
    #expect(report.sheets[0].lastRow == 10)
    #expect(report.sheets[0].lastColumn == 5)
  }

  @Test("chunk size 1 and 4096 give the same workbook and report")
  func chunkSizesDoNotMatter() throws {
    let small = try readXLSXFixture("gnumeric-plan-merged.xlsx", chunkSize: 1)
    let large = try readXLSXFixture("gnumeric-plan-merged.xlsx", chunkSize: 4096)
    #expect(small.sheets == large.sheets)
    #expect(small.report == large.report)
  }
}
