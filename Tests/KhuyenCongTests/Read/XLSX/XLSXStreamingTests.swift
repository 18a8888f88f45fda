import KhuyenCong
import Testing

/// Parts are inflated (or sliced, when stored) 64 KiB at a time straight into the XML reader,
/// a worksheet twice (merges, then rows): what arrives must not depend on how the part was
/// stored, and every bound must still hold when the damage is far from the first chunk.
@Suite("XLSX streaming")
struct XLSXStreamingTests {
  /// 10 MB per part, 20 MB in all, as in the hostile-input tests.
  private let small = ReadLimits(
    maxFileBytes: 1 << 20, maxEntryBytes: 10 << 20, maxTotalUncompressedBytes: 20 << 20,
    maxCellCharacters: 32_767, maxRows: 1_048_576, maxColumns: 16_384)

  @Test(
    "a stored and a deflated workbook of 1500 rows give the same cells",
    arguments: ["many-rows-stored.xlsx", "many-rows-deflated.xlsx"])
  func storedAndDeflatedAlike(name: String) throws {
    let (report, sheets) = try readXLSXFixture(name)
    #expect(report.diagnostics.isEmpty)
    #expect(report.sheets.first?.rowCount == 1500)
    #expect(sheets.first?.rows.count == 1500)
    #expect(sheets.first?[1500, 1] == .number("1500"))
    #expect(sheets.first?[1500, 2] == .text("dòng 1500"))
  }

  @Test(
    "a merge written after 140 KB of cells lands on its top-left cell",
    arguments: ["many-rows-stored.xlsx", "many-rows-deflated.xlsx"])
  func mergeAfterManyChunks(name: String) throws {
    let (report, sheets) = try readXLSXFixture(name)
    #expect(report.sheets.first?.merges == ["B1:C1"])
    #expect(sheets.first?.rows.first?.cells.last?.mergeAcross == 1)
  }

  @Test("a deflated worksheet whose CRC-32 is wrong is damaged, and none of its rows arrive")
  func deflatedChecksumMismatch() throws {
    let (report, sheets) = try readXLSXFixture("crc-mismatch-deflated.xlsx")
    #expect(report.located == ["file.unreadable Sheet1 xl/worksheets/sheet1.xml"])
    #expect(report.diagnostics.first?.values["reason"] == "checksum mismatch")
    #expect(sheets.first?.rows.isEmpty == true)
  }

  @Test("a worksheet that passes the part limit after its rows is refused, none of its rows arrive")
  func limitAfterRows() throws {
    let (report, sheets) = try readXLSXFixture("limit-after-rows.xlsx", limits: small)
    #expect(report.located == ["file.unreadable Sheet1 xl/worksheets/sheet1.xml"])
    #expect(report.diagnostics.first?.values["reason"]?.contains("10485760") == true)
    #expect(sheets.first?.rows.isEmpty == true)
  }

  @Test("a worksheet read in two passes counts once against the total: two 6 MB sheets fit 13 MB")
  func twoPassesCountOnce() throws {
    var limits = small
    limits.maxTotalUncompressedBytes = 13 << 20
    let (report, sheets) = try readXLSXFixture("two-6mb-sheets.xlsx", limits: limits)
    #expect(report.diagnostics.isEmpty)
    #expect(sheets.map { $0[1, 1] } == [.text("một"), .text("hai")])
  }

  @Test("the sheet that takes the package past its total is refused, the one before is read")
  func totalLimitAcrossSheets() throws {
    var limits = small
    limits.maxTotalUncompressedBytes = 10 << 20
    let (report, sheets) = try readXLSXFixture("two-6mb-sheets.xlsx", limits: limits)
    #expect(report.located == ["file.unreadable Sheet2 xl/worksheets/sheet2.xml"])
    #expect(sheets.map { $0[1, 1] } == [.text("một"), .empty])
  }
}
