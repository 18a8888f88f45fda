import Testing

@testable import KhuyenCong

/// `inspect` prints each sheet's cells as CSV: any CSV reader must read back the cells it shows.
@Suite("Write: inspect's cells as CSV")
struct InspectionReportTests {
  @Test("a cell is quoted for a comma, quote, CR or LF byte, also where a character of Swift holds it")
  func quotedByBytes() {
    let row = SheetRow(
      number: 7,
      cells: [
        Cell(column: 1, value: .text("dòng 1\r\ndòng 2")),
        Cell(column: 2, value: .text("a,\u{0301}b")),
        Cell(column: 3, value: .text("nói \"\u{0301}x\"")),
        Cell(column: 5, value: .text("Lâm Bình")),
        Cell(column: 6, value: .number("1.5")),
      ])
    // Compared by bytes: `String`'s `==` would take a quote and a combining mark for one thing.
    #expect(
      Array(InspectionReport.csvLine(row).utf8)
        == Array("7,\"dòng 1\r\ndòng 2\",\"a,\u{0301}b\",\"nói \"\"\u{0301}x\"\"\",,Lâm Bình,1.5\n".utf8))
  }

  @Test("what inspect prints reads back as the same cells")
  func readsBack() throws {
    let texts = ["dòng 1\r\ndòng 2", "a,\u{0301}b", "nói \"\u{0301}x\"", "x\ry", "plain"]
    let line = InspectionReport.csvLine(
      SheetRow(
        number: 1, cells: texts.enumerated().map { Cell(column: $0.offset + 1, value: .text($0.element)) }))
    var source = MemorySource(Array(("h0,h1,h2,h3,h4,h5\n" + line).utf8), chunkSize: 7)
    var collector = WorkbookCollector()
    _ = WorkbookReader.read(&source, file: "inspect.csv", limits: .standard, into: &collector)
    let rows = try #require(collector.sheets.first?.rows)
    #expect(rows.count == 2)
    #expect(rows.last?.cells.dropFirst().map(\.value) == texts.map { CellValue.text($0) })
  }
}
