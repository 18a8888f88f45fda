import Foundation
import Testing

@testable import KhuyenCong

@Suite("CSV conformance: csv-spectrum and W3C CSVW files")
struct CSVConformanceTests {
  @Test(
    "every csv-spectrum case reads to its expected records",
    arguments: [
      "comma_in_quotes", "empty", "empty_crlf", "escaped_quotes", "json", "newlines",
      "newlines_crlf", "quotes_and_newlines", "simple", "simple_crlf", "utf8",
    ])
  func csvSpectrum(name: String) throws {
    let result = readCSV(try csvFixture("csv-spectrum/csvs/\(name).csv"), file: "\(name).csv")
    let expectedData = Data(try csvFixture("csv-spectrum/json/\(name).json"))
    let expected = try #require(
      try JSONSerialization.jsonObject(with: expectedData) as? [[String: String]])

    #expect(result.report.diagnostics.isEmpty)
    #expect(result.report.delimiter == ",")
    let header = try #require(result.rows.first)
    let keys = header.cells.map(\.value.displayText)
    let records = result.rows.dropFirst().map { row in
      Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, row[$0 + 1].displayText) })
    }
    #expect(records == expected)
  }

  @Test("W3C test001 reads to the rows of its expected JSON")
  func w3cSimpleTable() throws {
    let result = readCSV(try csvFixture("w3c-csvw/test001.csv"))
    let data = Data(try csvFixture("w3c-csvw/test001.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let tables = try #require(json["tables"] as? [[String: Any]])
    let rows = try #require(tables.first?["row"] as? [[String: Any]])
    let expected = rows.compactMap { ($0["describes"] as? [[String: String]])?.first }

    let records = result.rows.dropFirst().map { row in
      ["Surname": row[1].displayText, "FamilyName": row[2].displayText]
    }
    #expect(records == expected)
    #expect(result.report.sheets.first?.rowCount == 9)
  }

  @Test("W3C tree-ops.tsv is sniffed as tab-delimited")
  func w3cTabSeparated() throws {
    let result = readCSV(try csvFixture("w3c-csvw/tree-ops.tsv"))
    #expect(result.report.delimiter == "\t")
    #expect(result.text(1, 2) == "On Street")
    #expect(result.text(3, 3) == "Liquidambar styraciflua")
    #expect(result.report.sheets.first?.lastColumn == 5)
  }

  @Test("W3C test009 with CRLF line ends gives no stray carriage returns")
  func w3cCRLF() throws {
    let result = readCSV(try csvFixture("w3c-csvw/test009.csv"))
    #expect(result.text(1, 5) == "Inventory Date")
    #expect(result.text(2, 5) == "10/18/2010")
    #expect(!result.rows.contains { $0.cells.contains { $0.value.displayText.contains("\r") } })
  }

  @Test("W3C unicode-nfc.csv is normalised to NFC")
  func w3cNFC() throws {
    let result = readCSV(try csvFixture("w3c-csvw/unicode-nfc.csv"))
    #expect(result.text(2, 1) == "\u{00C5}")  // U+212B ANGSTROM SIGN becomes Å
    #expect(result.text(3, 1).unicodeScalars.map(\.value) == [0x1E0D, 0x0307])
  }

  @Test("W3C manifest.csv (83 KB, CR line ends, quoted line breaks) matches Python's csv module")
  func w3cManifestWithCarriageReturns() throws {
    let result = readCSV(try csvFixture("w3c-csvw/manifest.csv"), chunkSize: 1 << 16)
    let data = Data(try csvFixture("w3c-csvw/manifest.expected.json"))
    let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [[String]])

    #expect(result.report.diagnostics.isEmpty)
    #expect(result.rows.count == expected.count)
    for (row, record) in zip(result.rows, expected) {
      let values = (0..<record.count).map { row[$0 + 1].displayText }
      #expect(values == record, "row \(row.number)")
    }
  }
}
