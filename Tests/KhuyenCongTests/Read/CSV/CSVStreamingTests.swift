import Testing
@testable import KhuyenCong

@Suite("CSV streaming: the file is never held whole")
struct CSVStreamingTests {
  /// Produces `lines` plan lines on demand, never holding more than one line.
  struct GeneratedSource: ByteSource {
    var lines: Int
    var produced = 0
    var pending: ArraySlice<UInt8> = []
    /// The largest read asked for: the reader must pull chunks, not everything.
    var largestRequest = 0

    mutating func read(maxCount: Int) throws(ByteSourceError) -> [UInt8] {
      largestRequest = max(largestRequest, maxCount)
      if pending.isEmpty {
        guard produced < lines else { return [] }
        produced += 1
        pending = Array("\(produced);Đào tạo nghề mây tre đan;Thượng Lâm;150,5\r\n".utf8)[...]
      }
      let chunk = pending.prefix(maxCount)
      pending = pending.dropFirst(chunk.count)
      return Array(chunk)
    }
  }

  /// Counts rows and remembers only the last one.
  struct CountingVisitor: WorkbookVisitor {
    var rows = 0
    var last: SheetRow?
    mutating func beginSheet(name: String, index: Int) {}
    mutating func visit(_ row: SheetRow) {
      rows += 1
      last = row
    }
    mutating func endSheet() {}
  }

  @Test("a file of 30 000 lines streams through in bounded chunks")
  func largeFileStreams() {
    var source = GeneratedSource(lines: 30_000)
    var visitor = CountingVisitor()
    let report = CSVReader.read(&source, file: "big.csv", into: &visitor)
    #expect(report.diagnostics.isEmpty)
    #expect(report.delimiter == ";")
    #expect(visitor.rows == 30_000)
    #expect(visitor.last?[1] == .text("30000"))
    #expect(source.largestRequest <= 1 << 16)
  }
}
