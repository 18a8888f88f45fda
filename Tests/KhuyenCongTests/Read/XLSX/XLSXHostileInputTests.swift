import KhuyenCong
import Testing

/// Files a careless or hostile sender could submit: each ends in a diagnostic naming the file
/// (and the part), never a crash or a hang (SPEC §8).
@Suite("XLSX hostile input")
struct XLSXHostileInputTests {
  /// Small limits so the bombs are stopped early: 10 MB per part, 20 MB in all.
  private let small = ReadLimits(
    maxFileBytes: 1 << 20, maxEntryBytes: 10 << 20, maxTotalUncompressedBytes: 20 << 20,
    maxCellCharacters: 32_767, maxRows: 1_048_576, maxColumns: 16_384)

  @Test("a 300 MB zip bomb is refused from its declared size")
  func zipBomb() throws {
    let (report, _) = try readXLSXFixture("zip-bomb.xlsx", limits: small)
    #expect(report.located == ["file.unreadable Sheet1 xl/worksheets/sheet1.xml"])
  }

  @Test("the same zip bomb is refused under the standard limits too")
  func zipBombStandardLimits() throws {
    let (report, _) = try readXLSXFixture("zip-bomb.xlsx")
    #expect(report.located == ["file.unreadable Sheet1 xl/worksheets/sheet1.xml"])
  }

  @Test("a zip bomb that declares 1000 bytes is stopped while inflating")
  func lyingZipBomb() throws {
    let (report, _) = try readXLSXFixture("zip-bomb-lying-size.xlsx", limits: small)
    #expect(report.located == ["file.unreadable Sheet1 xl/worksheets/sheet1.xml"])
    #expect(report.diagnostics.first?.values["reason"]?.contains("10485760") == true)
  }

  @Test("a zip holding two entries of one name is damaged, not read either way")
  func duplicateEntryName() throws {
    let (report, sheets) = try readXLSXFixture("duplicate-entry.xlsx")
    #expect(report.located == ["file.unreadable"])
    #expect(
      report.diagnostics.first?.values["reason"]
        == "damaged zip file: two entries named xl/worksheets/sheet1.xml")
    #expect(sheets.isEmpty)
  }

  @Test("a merged range past XFD1048576 is reported, not applied")
  func mergePastGrid() throws {
    let (report, sheets) = try readXLSXFixture("merge-past-grid.xlsx")
    #expect(report.located == ["xml.malformed Sheet1 xl/worksheets/sheet1.xml"])
    #expect(report.diagnostics.first?.values["value"] == "A1:XFE1048577")
    #expect(sheets.first?.rows.first?.cells.first?.mergeAcross == 0)
  }

  @Test("a zip without xl/workbook.xml is not a workbook")
  func zipWithoutWorkbook() throws {
    let (report, sheets) = try readXLSXFixture("no-workbook.zip")
    #expect(report.located == ["file.unreadable xl/workbook.xml"])
    #expect(sheets.isEmpty)
  }

  @Test(
    "random bytes after a PK header, a truncated xlsx and an empty file are unreadable",
    arguments: ["random-after-pk-header.xlsx", "truncated.xlsx", "empty.xlsx"])
  func notAZip(name: String) throws {
    let (report, sheets) = try readXLSXFixture(name)
    #expect(report.located == ["file.unreadable"])
    #expect(report.diagnostics.first?.position.file == name)
    #expect(report.isFatal)
    #expect(sheets.isEmpty)
  }

  @Test("a deflate stream that never ends is reported, not waited on")
  func neverEndingDeflate() throws {
    let (report, _) = try readXLSXFixture("deflate-never-ends.xlsx")
    #expect(report.located == ["file.unreadable Sheet1 xl/worksheets/sheet1.xml"])
  }

  @Test("a part whose bytes do not match their CRC-32 is damaged")
  func checksumMismatch() throws {
    let (report, _) = try readXLSXFixture("crc-mismatch.xlsx")
    #expect(report.located == ["file.unreadable Sheet1 xl/worksheets/sheet1.xml"])
    #expect(report.diagnostics.first?.values["reason"] == "checksum mismatch")
  }

  @Test("a directory pointing outside the file is reported, not followed")
  func offsetOutsideTheFile() throws {
    let (report, _) = try readXLSXFixture("offset-outside.xlsx")
    #expect(report.located == ["file.unreadable"])
  }

  @Test("a file larger than maxFileBytes is refused before unzipping")
  func fileTooLarge() throws {
    var limits = small
    limits.maxFileBytes = 1000
    let (report, _) = try readXLSXFixture("libreoffice-plan-merged.xlsx", limits: limits)
    #expect(report.located == ["file.unreadable"])
  }

  @Test(
    "a worksheet cut inside a tag is xml.malformed at its line, and none of its rows are delivered")
  func malformedWorksheet() throws {
    let (report, sheets) = try readXLSXFixture("sheet-malformed-xml.xlsx")
    #expect(report.located == ["xml.malformed Sheet1 line 4 xl/worksheets/sheet1.xml"])
    // The merge pass finds the damage before any row is streamed.
    #expect(sheets.map(\.name) == ["Sheet1"])
    #expect(sheets[0].rows.isEmpty)
  }

  @Test("a row above the previous one and a bad cell reference are reported at their place")
  func rowsOutOfOrder() throws {
    let (report, sheets) = try readXLSXFixture("rows-out-of-order.xlsx")
    #expect(
      report.located == [
        "xml.malformed Sheet1!2:2 xl/worksheets/sheet1.xml",
        "xml.malformed Sheet1!4:4 xl/worksheets/sheet1.xml",
      ])
    #expect(sheets[0].rows.map(\.number) == [3])
  }

  @Test(
    "text in a number or boolean cell is kept and reported as cell.type; a missing shared string is malformed"
  )
  func cellTypeMismatch() throws {
    let (report, sheets) = try readXLSXFixture("cell-type-mismatch.xlsx")
    #expect(
      report.located == [
        "cell.type Sheet1!A1 xl/worksheets/sheet1.xml",
        "cell.type Sheet1!B1 xl/worksheets/sheet1.xml",
        "xml.malformed Sheet1!C1 xl/worksheets/sheet1.xml",
      ])
    #expect(report.diagnostics.map(\.severity) == [.warning, .warning, .error])
    #expect(sheets[0][1, 1] == .text("abc"))
    #expect(sheets[0][1, 2] == .text("có"))
    #expect(sheets[0][1, 4] == .number("12"))
  }
}
