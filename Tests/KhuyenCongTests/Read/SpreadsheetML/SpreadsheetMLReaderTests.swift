import Foundation
import KhuyenCong
import Testing

@Suite("SpreadsheetML reader")
struct SpreadsheetMLReaderTests {
  static let formLayout = "Read/spreadsheetml/libreoffice/form-layout-two-row-header.xml"

  @Test("LibreOffice's row under a merge-down header puts 'Bắt đầu' in column J, not A")
  func libreOfficeMergeTrap() throws {
    // Given LibreOffice 7.4's export of a two-row header (A–I merged down, "Thời gian" J–K,
    // "Kinh phí" L–P), whose second row starts <Cell> without ss:Index
    let (report, sheets) = readFixture(Self.formLayout)
    let sheet = try #require(sheets.first)
    #expect(!report.isFatal)
    #expect(sheet[2, 10] == .text("Bắt đầu"))
    #expect(sheet[2, 11] == .text("Kết thúc"))
    #expect(sheet[2, 12] == .text("Tổng"))
    #expect(sheet[2, 16] == .text("Nguồn khác"))
    #expect(sheet[2, 1] == .empty)
    #expect(sheet[3, 12] == .number("350"))
  }

  @Test("merges are reported as ranges and carried on the top-left cell")
  func mergesReported() throws {
    let (report, sheets) = readFixture(Self.formLayout)
    let summary = try #require(report.sheets.first)
    #expect(summary.merges.prefix(2) == ["A1:A2", "B1:B2"])
    #expect(summary.merges.suffix(2) == ["J1:K1", "L1:P1"])
    let kinhPhi = try #require(sheets.first?.rows.first?.cells.first { $0.column == 12 })
    #expect(kinhPhi.value == .text("Kinh phí"))
    #expect(kinhPhi.mergeAcross == 4 && kinhPhi.mergeDown == 0)
    let stt = try #require(sheets.first?.rows.first?.cells.first)
    #expect(stt.mergeDown == 1)
  }

  @Test("Excel's merged rectangles: the next cell follows MergeAcross, ss:Index skips covered cells")
  func excelMerges() {
    let (report, sheets) = readFixture("Read/spreadsheetml/corpus/sheetjs/merge_cells.xls.xml")
    #expect(report.sheets.first?.merges == ["A1:B2", "C1:C2", "D1:D2", "A3:B3", "A4:B4"])
    #expect(sheets.first?[1, 4] == .text("Separate blocks"))
    #expect(sheets.first?[3, 3] == .text("C3"))
  }

  @Test("worksheets come in file order with their names; a hidden sheet is read and marked")
  func sheetsAndHidden() {
    let (report, sheets) = readFixture("Read/spreadsheetml/hidden-sheet.xml")
    #expect(sheets.map(\.name) == ["Kế hoạch", "Tra cứu"])
    #expect(report.sheets.map(\.hidden) == [false, true])
    #expect(sheets.last?[3, 2] == .text("Danh mục"))
    #expect(report.sheets.last?.lastRow == 3)
    #expect(sheets.first?[1, 2] == .number("150.5"))
  }

  @Test("sheets listed out of name order keep file order")
  func fileOrder() {
    let (_, sheets) = readFixture("Read/spreadsheetml/corpus/sheetjs/comments_stress_test.xls.xml")
    #expect(sheets.map(\.name) == ["Sheet2", "Sheet1", "Sheet3", "Sheet4", "Sheet7"])
  }

  @Test("Row and Cell ss:Index gaps place values where Excel shows them")
  func indexGaps() {
    let (_, sheets) = readFixture("Read/spreadsheetml/corpus/roo-xls/numbers1.xml")
    #expect(sheets.first?.rows.map(\.number).prefix(5) == [1, 2, 4, 5, 6])
    #expect(sheets.first?[8, 3] == .text("thisisc8"))
    #expect(sheets.first?[9, 4] == .text("thisisd9"))
  }

  @Test("a comment's text never leaks into the cell; a formula gives its cached value")
  func commentsAndFormulas() {
    let (_, sheets) = readFixture("Read/spreadsheetml/corpus/sheetjs/comments_stress_test.xls.xml")
    let sheet3 = sheets[2]
    #expect(sheet3[1, 1] == .text("parsing excel files"))
    #expect(sheet3[1, 2].displayText.hasPrefix("If I did this right,"))
  }

  @Test("rich-text runs inside Data are concatenated")
  func richText() {
    let (_, sheets) = readFixture("Read/spreadsheetml/corpus/sheetjs/rich_text_stress.xls.xml")
    #expect(sheets.first?[4, 2] == .text("this text is underlined, sure enough"))
    #expect(sheets.first?[15, 2] == .text("lets try all combinations of BIU in cell"))
  }

  @Test("typed values: number literal kept, DateTime with milliseconds, Boolean, time-only")
  func typedValues() {
    let (_, sheets) = readFixture("Read/spreadsheetml/corpus/sheetjs/xlsx-stream-d-date-cell.xls.xml")
    let sheet = sheets[0]
    #expect(sheet[3, 2] == .number("1.5"))
    #expect(
      sheet[5, 2]
        == .dateTime(
          CivilDateTime(year: 2014, month: 2, day: 14, hour: 8, minute: 27, second: 48, millisecond: 765)))
    #expect(sheet[4, 2] == .boolean(true))
    #expect(sheet[7, 2] == .dateTime(CivilDateTime(year: 1900, month: 1, day: 1, hour: 12)))
    #expect(sheet[1, 3] == .text("&'\";<>"))
  }

  @Test("an Error cell and a value that does not fit its type")
  func errorAndBadType() {
    let xml = """
      <?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table><Row><Cell><Data ss:Type="Error">#DIV/0!</Data></Cell><Cell><Data ss:Type="Number">12,5</Data></Cell></Row></Table></Worksheet></Workbook>
      """
    let (report, sheets) = readSpreadsheetML(Array(xml.utf8))
    #expect(sheets.first?[1, 1] == .error("#DIV/0!"))
    #expect(sheets.first?[1, 2] == .text("12,5"))
    #expect(report.diagnostics.map(\.located) == ["cell.type S!B1"])
  }

  @Test("Vietnamese text in decomposed form is delivered in NFC, sheet names too")
  func nfc() {
    let decomposed = "Kê\u{0301} hoa\u{0323}ch"  // "Kế hoạch" as base letters + combining marks
    let xml = """
      <?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="\(decomposed)"><Table><Row><Cell><Data ss:Type="String">\(decomposed)</Data></Cell></Row></Table></Worksheet></Workbook>
      """
    let (_, sheets) = readSpreadsheetML(Array(xml.utf8))
    #expect(sheets.first?.name.unicodeScalars.count == 8)
    #expect(sheets.first?[1, 1] == .text("Kế hoạch"))
    if case .text(let text) = sheets.first?[1, 1] { #expect(text.unicodeScalars.count == 8) }
  }

  @Test("the declared iso-8859-1 encoding is honoured and reported")
  func latin1() {
    let (report, sheets) = readFixture("Read/spreadsheetml/corpus/phpspreadsheet/excel2003.iso8859-1.xml")
    #expect(report.encoding?.lowercased() == "iso-8859-1")
    #expect(
      sheets.first?.rows.contains { $0.cells.contains { $0.value.displayText.contains("Voilà") } } == true)
  }

  @Test("a file without a declared encoding reports UTF-8")
  func utf8Default() {
    let (report, _) = readFixture(Self.formLayout)
    #expect(report.encoding?.uppercased() == "UTF-8")
    #expect(report.format == .spreadsheetML)
  }

  @Test("a UTF-16 file with a BOM reads like its UTF-8 twin")
  func utf16() {
    let utf8 = fixtureBytes(Self.formLayout)
    let text = String(decoding: utf8, as: UTF8.self)
      .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    #expect(readSpreadsheetML(utf16).1 == readSpreadsheetML(utf8).1)
  }

  @Test("chunk sizes 1, 2, 3, 7 and 4096 give the same rows", arguments: [1, 2, 3, 7])
  func chunkSizes(chunk: Int) {
    for path in [
      Self.formLayout, "Read/spreadsheetml/corpus/sheetjs/rich_text_stress.xls.xml",
      "Read/spreadsheetml/corpus/phpspreadsheet/excel2003.iso8859-1.xml",
      "Read/spreadsheetml/corpus/phpspreadsheet/issue.2157.small.xml",
    ] {
      let whole = readFixture(path, chunkSize: 4096)
      let small = readFixture(path, chunkSize: chunk)
      #expect(small.1 == whole.1, "\(path)")
      #expect(small.0 == whole.0, "\(path)")
    }
  }

  @Test("LibreOffice's 26 MB round trip with 528k empty rows reads to its 4 rows")
  func libreOfficeRoundTrip() throws {
    let bytes = try gunzip(
      fixtureURL("Read/spreadsheetml/real-clients/vi.xlsx-roundtrip.spreadsheetml2003.xml.gz"))
    #expect(bytes.count > 20_000_000)
    let (report, sheets) = readSpreadsheetML(bytes, file: "vi.xml", chunkSize: 1 << 16)
    #expect(!report.isFatal)
    #expect(sheets.first?.rows.map(\.number) == [1, 2, 3, 4])
    #expect(report.sheets.first?.rowCount == 4)
    #expect(sheets.first?[3, 3] == .number("2095.39"))
    #expect(sheets.first?[2, 5] == .dateTime(CivilDateTime(year: 2024, month: 3, day: 15)))
    #expect(sheets.first?[4, 6] == .text("Ghi chú có \"ngoặc kép\""))
  }

  /// Decompresses with the system gzip (the fixture is committed compressed: 78 kB, not 26 MB).
  private func gunzip(_ url: URL) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
    process.arguments = ["-dc", url.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return [UInt8](data)
  }
}
