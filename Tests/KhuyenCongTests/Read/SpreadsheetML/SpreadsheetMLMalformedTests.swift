import Foundation
import KhuyenCong
import Testing

@Suite("SpreadsheetML malformed and hostile input")
struct SpreadsheetMLMalformedTests {
  static let header = """
    <?xml version="1.0"?>
    <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
    """

  @Test("a truncated file keeps the rows read before the cut and reports xml.malformed with its line")
  func truncated() {
    let bytes = fixtureBytes("Read/spreadsheetml/corpus/roo-xls/numbers1.xml")
    let text = String(decoding: bytes, as: UTF8.self)
    let cut = text.range(of: "thisisa11")!.lowerBound
    let (report, sheets) = readSpreadsheetML(Array(text[..<cut].utf8), file: "numbers1.xml")
    #expect(report.diagnostics.map(\.code) == [.xmlMalformed])
    #expect(report.diagnostics.first?.position.sheet == "Tabelle1")
    #expect((report.diagnostics.first?.position.line ?? 0) > 1)
    // libxml2 parses a little ahead and drops what it parsed past the last node it returned,
    // so the rows just before the cut may be lost; earlier rows are delivered, none invented.
    #expect(sheets.first?[6, 1] == .text("tata"))
    #expect(sheets.first?.rows.allSatisfy { $0.number < 11 } == true)
  }

  @Test("a truncated file gives the same rows and diagnostic at every chunk size", arguments: [1, 2, 3, 7])
  func truncatedChunks(chunk: Int) {
    let bytes = fixtureBytes("Read/spreadsheetml/corpus/roo-xls/numbers1.xml")
    let cut = Array(bytes.prefix(bytes.count / 3))
    let whole = readSpreadsheetML(cut, chunkSize: 4096)
    let small = readSpreadsheetML(cut, chunkSize: chunk)
    #expect(small.0 == whole.0)
    #expect(small.1 == whole.1)
  }

  @Test(
    "issue.2157: whitespace before <?xml is tolerated; undeclared HTML entities are xml.malformed at their line"
  )
  func issue2157() throws {
    let (report, sheets) = readFixture("Read/spreadsheetml/corpus/phpspreadsheet/issue.2157.small.xml")
    #expect(report.diagnostics.map(\.located) == ["xml.malformed ProductsAPIData!2:2 line 59"])
    // The header row, read before the bad entity, is exactly LibreOffice's first row.
    let oracle = try #require(
      OracleCSV(
        url: fixtureURL(
          "Read/spreadsheetml/corpus/oracle/libreoffice-7.4/phpspreadsheet/issue.2157.small-ProductsAPIData.csv"
        )))
    let row = try #require(sheets.first?.rows.first)
    #expect(row.number == 1)
    #expect((1...oracle.rows[0].count).map { row[$0].displayText } == oracle.rows[0])
  }

  @Test("a well-formed XML file that is not SpreadsheetML is xml.malformed")
  func notSpreadsheetML() {
    let (report, sheets) = readSpreadsheetML(Array("<?xml version=\"1.0\"?><html><body/></html>".utf8))
    #expect(report.diagnostics.map(\.code) == [.xmlMalformed])
    #expect(sheets.isEmpty)
  }

  @Test(
    "an empty file, random bytes and a lone BOM end in xml.malformed, not a crash",
    arguments: [0, 1, 2])
  func garbage(kind: Int) {
    var generator = SystemRandomNumberGenerator()
    let bytes: [UInt8] =
      switch kind {
      case 0: []
      case 1: (0..<10_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
      default: [0xEF, 0xBB, 0xBF]
      }
    let (report, _) = readSpreadsheetML(bytes)
    #expect(report.diagnostics.map(\.code) == [.xmlMalformed])
    #expect(report.diagnostics.first?.severity == .error)
  }

  @Test("billion laughs is refused at its DOCTYPE quickly, with nothing expanded")
  func billionLaughs() {
    var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Workbook [\n<!ENTITY l0 \"lol\">\n"
    for level in 1...12 {
      xml += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">\n"
    }
    xml +=
      "]>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet><Table><Row><Cell><Data>&l12;</Data></Cell></Row></Table></Worksheet></Workbook>"
    let (report, sheets) = readSpreadsheetML(Array(xml.utf8))
    #expect(report.diagnostics.map(\.code) == [.xmlMalformed])
    #expect(sheets.isEmpty)
  }

  @Test("an external entity pointing at /etc/passwd is refused and nothing leaks")
  func externalEntity() {
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE Workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table><Row><Cell><Data ss:Type="String">&xxe;</Data></Cell></Row></Table></Worksheet></Workbook>
      """
    let (report, sheets) = readSpreadsheetML(Array(xml.utf8))
    #expect(report.diagnostics.map(\.code) == [.xmlMalformed])
    #expect(!sheets.flatMap(\.rows).contains { $0.cells.contains { $0.value.displayText.contains("root") } })
  }

  @Test("a file larger than the limit is file.unreadable")
  func sizeLimit() {
    var limits = ReadLimits.standard
    limits.maxFileBytes = 1000
    let bytes = fixtureBytes("Read/spreadsheetml/libreoffice/form-layout-two-row-header.xml")
    let (report, _) = readSpreadsheetML(bytes, limits: limits)
    #expect(report.diagnostics.map(\.code) == [.fileUnreadable])
  }

  @Test("a row beyond the sheet's last row is file.unreadable at that row")
  func rowLimit() {
    let xml =
      Self.header
      + "<Worksheet ss:Name=\"S\"><Table><Row><Cell><Data ss:Type=\"String\">a</Data></Cell></Row><Row ss:Index=\"2000000\"><Cell><Data ss:Type=\"String\">b</Data></Cell></Row></Table></Worksheet></Workbook>"
    let (report, sheets) = readSpreadsheetML(Array(xml.utf8))
    #expect(report.diagnostics.map(\.code) == [.fileUnreadable])
    #expect(sheets.first?.rows.count == 1)
  }

  @Test("an ss:Index that goes backwards is xml.malformed at its row")
  func backwardsIndex() {
    let xml =
      Self.header
      + "<Worksheet ss:Name=\"S\"><Table><Row><Cell ss:Index=\"3\"><Data ss:Type=\"String\">a</Data></Cell><Cell ss:Index=\"2\"><Data ss:Type=\"String\">b</Data></Cell></Row></Table></Worksheet></Workbook>"
    let (report, _) = readSpreadsheetML(Array(xml.utf8))
    #expect(report.diagnostics.map(\.located).first?.hasPrefix("xml.malformed S!D1") == true)
  }

  @Test("a cell longer than the limit is file.unreadable")
  func cellLimit() {
    var limits = ReadLimits.standard
    limits.maxCellCharacters = 10
    let xml =
      Self.header + "<Worksheet ss:Name=\"S\"><Table><Row><Cell><Data ss:Type=\"String\">"
      + String(repeating: "x", count: 100) + "</Data></Cell></Row></Table></Worksheet></Workbook>"
    let (report, _) = readSpreadsheetML(Array(xml.utf8), limits: limits)
    #expect(report.diagnostics.map(\.located) == ["file.unreadable S!A1 line 2"])
  }
}
