import Testing

@testable import KhuyenCong

@Suite("CSV malformed input: a diagnostic with its place, never a crash or a hang")
struct CSVMalformedTests {
  @Test("an unterminated quote is reported at the field it opens, which runs to the end")
  func unterminatedQuote() throws {
    let result = readCSV(try csvFixture("malformed/unterminated-quote.csv"))
    #expect(result.located == ["csv.malformed plan!B2"])
    #expect(result.report.diagnostics.first?.values["problem"] == "unterminated-quote")
    // As in Excel, the open quote swallows the rest of the file into one cell
    #expect(result.rows.map(\.number) == [1, 2])
    #expect(result.text(2, 2).hasSuffix("Lăng Can\r\n"))
  }

  @Test("stray quotes and text after a closing quote are reported, and reading goes on")
  func strayQuotes() throws {
    let result = readCSV(try csvFixture("malformed/stray-quotes.csv"))
    #expect(result.located == ["csv.malformed plan!B2", "csv.malformed plan!B3"])
    #expect(
      result.report.diagnostics.map { $0.values["problem"] } == ["stray-quote", "text-after-quote"])
    #expect(result.text(2, 2) == "Đào tạo nghề \"mây tre\" đan")
    #expect(result.text(3, 2) == "Hỗ trợ máy sấy chè")
    #expect(result.text(4, 2) == "Tập huấn khởi sự doanh nghiệp")
    #expect(result.text(4, 3) == "Thượng Lâm")
  }

  @Test("invalid UTF-8 after 70 KB of valid text is reported at its cell")
  func invalidUTF8Late() throws {
    // Given 70 KB of valid Vietnamese UTF-8, then "L\u{E2}m" written in code page 1258
    let line = Array("1,Lâm Bình,Thượng Lâm\r\n".utf8)
    let lines = 70_000 / line.count + 1
    let bytes =
      Array(repeating: line, count: lines).flatMap { $0 } + Array("2,L".utf8) + [0xE2]
      + Array("m\r\n".utf8)
    for chunkSize in [7, 4096] {
      let result = readCSV(bytes, chunkSize: chunkSize)
      // Then UTF-8 was chosen from the start, and the bad byte is placed, not silently replaced
      #expect(result.report.encoding == "UTF-8")
      #expect(result.located == ["file.encoding plan!B\(lines + 1)"])
      #expect(result.report.diagnostics.first?.values["offset"] == String(lines * line.count + 3))
      #expect(result.report.diagnostics.first?.values["bytes"] == "E2")
    }
  }

  @Test("an empty file is unreadable")
  func emptyFile() throws {
    let result = readCSV(try csvFixture("malformed/empty.csv"), file: "empty.csv")
    #expect(result.located == ["file.unreadable"])
    #expect(result.report.diagnostics.first?.position.file == "empty.csv")
    #expect(result.sheets.isEmpty)
  }

  @Test("a file holding only a BOM is unreadable")
  func bomOnly() throws {
    let result = readCSV(try csvFixture("malformed/bom-only.csv"))
    #expect(result.located == ["file.unreadable"])
    #expect(result.report.encoding == "UTF-8 (BOM)")
  }

  @Test(
    "random bytes end in file.encoding diagnostics with places, quickly", arguments: [1, 7, 4096])
  func randomBytes(chunkSize: Int) {
    var generator = SplitMix64(state: 2017)
    let result = readCSV(generator.bytes(200_000), chunkSize: chunkSize)
    #expect(result.report.isFatal)
    #expect(
      result.report.diagnostics.contains { $0.code == .fileEncoding && $0.position.row != nil })
    // Reading stops after a bounded number of undecodable records
    #expect(
      result.report.diagnostics.filter { $0.code == .fileEncoding }.count <= CSVReader
        .maxEncodingErrors + 1)
  }

  @Test("NUL-riddled binary is not text")
  func nulBytes() {
    let bytes: [UInt8] = Array("PK".utf8) + [0, 0, 3, 4, 0, 0, 0, 0, 0x0A] + Array("abc".utf8)
    let result = readCSV(bytes)
    #expect(result.located == ["file.encoding plan!A1"])
  }

  @Test("a NUL inside a UTF-8 file is reported at its cell, and the file stays UTF-8")
  func nulInUTF8() {
    let bytes = Array("STT,Địa điểm\r\n1,Thượng ".utf8) + [0] + Array("Lâm\r\n".utf8)
    let result = readCSV(bytes)
    #expect(result.report.encoding == "UTF-8")
    #expect(result.located == ["file.encoding plan!B2"])
    #expect(result.text(1, 2) == "Địa điểm")
  }

  @Test("a lone UTF-16 surrogate is reported at its cell")
  func loneSurrogate() {
    // "a<TAB>b\r\n" then "c<TAB>" + high surrogate D83D + "d"
    let units: [UInt16] = [0x61, 0x09, 0x62, 0x0D, 0x0A, 0x63, 0x09, 0xD83D, 0x64]
    let bytes: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let result = readCSV(bytes, chunkSize: 3)
    #expect(result.report.encoding == "UTF-16LE (BOM)")
    #expect(result.located == ["file.encoding plan!B2"])
    #expect(result.report.diagnostics.first?.values["bytes"] == "3D D8")
  }

  @Test("an odd trailing byte in UTF-16 is reported")
  func oddUTF16Byte() {
    let bytes: [UInt8] = [0xFE, 0xFF, 0x00, 0x61, 0x00, 0x09, 0x00]
    #expect(readCSV(bytes, chunkSize: 1).located == ["file.encoding plan!B1"])
  }

  @Test("a cell longer than the limit is reported at its place")
  func cellTooLong() {
    var limits = ReadLimits.standard
    limits.maxCellCharacters = 10
    let result = readCSV(Array("a,b\r\nngắn,Đào tạo nghề mây tre đan\r\n".utf8), limits: limits)
    #expect(result.located == ["csv.malformed plan!B2"])
    #expect(result.report.diagnostics.first?.values["problem"] == "cell-too-long")
    #expect(result.text(2, 2) == "Đào tạo ng")
  }

  @Test("values beyond the last column a sheet can hold are reported once per row")
  func tooManyColumns() {
    var limits = ReadLimits.standard
    limits.maxColumns = 3
    let result = readCSV(Array("a,b,c,,\r\n1,2,3,4,5\r\n".utf8), limits: limits)
    #expect(result.located == ["csv.malformed plan!D2"])
    #expect(result.rows.map(\.lastColumn) == [3, 3])
  }

  @Test("records beyond the last row a sheet can hold stop the reading, with a diagnostic")
  func tooManyRows() {
    var limits = ReadLimits.standard
    limits.maxRows = 2
    let result = readCSV(Array("a\nb\nc\nd\n".utf8), limits: limits)
    #expect(result.located == ["csv.malformed plan!A3"])
    #expect(result.rows.map(\.number) == [1, 2])
  }

  @Test("a file over the size limit is refused as unreadable", arguments: [1, 4096])
  func fileTooLarge(chunkSize: Int) {
    var limits = ReadLimits.standard
    limits.maxFileBytes = 100_000
    let bytes = Array(String(repeating: "1,Lâm Bình\r\n", count: 20_000).utf8)
    let result = readCSV(bytes, chunkSize: chunkSize, limits: limits)
    #expect(result.located == ["file.unreadable"])
    #expect(result.report.diagnostics.first?.values["limit"] == "100000")
  }

  @Test("a source that fails while reading is reported as unreadable")
  func failingSource() {
    struct FailingSource: ByteSource {
      var calls = 0
      mutating func read(maxCount: Int) throws(ByteSourceError) -> [UInt8] {
        calls += 1
        if calls > 1 { throw ByteSourceError(reason: "EIO") }
        return Array("a,b\r\n".utf8)
      }
    }
    var source = FailingSource()
    var collector = WorkbookCollector()
    let report = CSVReader.read(&source, file: "x.csv", into: &collector)
    #expect(report.diagnostics.map(\.located) == ["file.unreadable"])
    #expect(report.diagnostics.first?.values["reason"] == "EIO")
  }
}
