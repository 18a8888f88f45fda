import Testing

@testable import KhuyenCong

@Suite("CSV chunking: the same rows whatever the chunk size")
struct CSVChunkingTests {
  static let fixtures = [
    "encodings/plan-utf8.csv", "encodings/plan-utf8-bom.csv", "encodings/plan-utf16le-bom-tab.txt",
    "encodings/plan-utf16be-bom-tab.txt", "encodings/plan-windows1258-semicolon.csv",
    "encodings/plan-tcvn3.csv", "csv-spectrum/csvs/newlines_crlf.csv",
    "csv-spectrum/csvs/quotes_and_newlines.csv", "malformed/stray-quotes.csv",
    "malformed/unterminated-quote.csv", "w3c-csvw/manifest.csv",
    "encodings/indicators-windows1258.csv",
    "encodings/indicators-tcvn3.csv",
  ]

  @Test("chunk sizes 1, 2, 3, 7 and 4096 give identical rows and reports", arguments: fixtures)
  func identicalAcrossChunkSizes(fixture: String) throws {
    let bytes = try csvFixture(fixture)
    let reference = readCSV(bytes, chunkSize: 1 << 16)
    #expect(!reference.rows.isEmpty)
    for chunkSize in [1, 2, 3, 7, 4096] {
      let result = readCSV(bytes, chunkSize: chunkSize)
      #expect(result.rows == reference.rows, "chunk size \(chunkSize)")
      #expect(result.report == reference.report, "chunk size \(chunkSize)")
    }
  }

  @Test("a multi-byte character split at every position decodes the same")
  func splitCharacters() {
    // 4-byte UTF-8 (𝕍), 3-byte (ệ), 2-byte (â) around chunk borders
    let bytes = Array("𝕍,ệ,â\n\"ượ\"\"ng\",x\n".utf8)
    let reference = readCSV(bytes, chunkSize: 4096)
    for chunkSize in 1...8 {
      #expect(readCSV(bytes, chunkSize: chunkSize).rows == reference.rows)
    }
    #expect(reference.text(2, 1) == "ượ\"ng")
  }
}
