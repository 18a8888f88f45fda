import Foundation
@testable import KhuyenCong
import Testing

/// The zip read at offsets (issue 7): a source with random access (a file, bytes in memory) is
/// read where its bytes lie; any other is read whole. Both must read every fixture alike, and a
/// file cut short while it is read must end in a diagnostic, never a crash.
@Suite("XLSX zip read at offsets")
struct XLSXRandomAccessTests {
  /// A source that only reads forward, as a pipe would: the reader must hold the zip.
  struct ForwardOnly: ByteSource {
    var base: MemorySource
    mutating func read(maxCount: Int) throws(ByteSourceError) -> [UInt8] {
      try base.read(maxCount: maxCount)
    }
  }

  /// Bytes that claim `claimed` but stop at `stop`, as a file cut short after it was opened;
  /// counts the largest single read.
  final class Recording: RandomAccessBytes {
    let bytes: [UInt8]
    let stop: Int
    private(set) var largestRead = 0
    private(set) var bytesRead = 0

    init(_ bytes: [UInt8], stop: Int? = nil) {
      self.bytes = bytes
      self.stop = stop ?? bytes.count
    }

    var count: Int { bytes.count }

    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Int {
      guard offset >= 0, offset < stop else { return 0 }
      let copied = min(buffer.count, stop - offset)
      bytes.withUnsafeBytes { all in
        buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: all[offset..<offset + copied]))
      }
      largestRead = max(largestRead, copied)
      bytesRead += copied
      return copied
    }
  }

  /// A source whose random access is `bytes`.
  struct WithRandomAccess: ByteSource {
    var base: MemorySource
    let bytes: any RandomAccessBytes
    mutating func read(maxCount: Int) throws(ByteSourceError) -> [UInt8] {
      try base.read(maxCount: maxCount)
    }
    func randomAccess() -> (any RandomAccessBytes)? { bytes }
  }

  static let fixtures: [String] = {
    let folder = fixtureURL("Read/xlsx")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".zip") }.sorted()
  }()

  private static func read<Source: ByteSource>(_ source: inout Source, name: String) -> (
    ReadReport, [[[String]]]
  ) {
    var collector = WorkbookCollector()
    let report = XLSXReader.read(&source, file: name, limits: .standard, into: &collector)
    return (report, collector.sheets.map(xlsxGrid))
  }

  @Test("every fixture reads the same at offsets and held whole", arguments: fixtures)
  func sameEitherWay(name: String) throws {
    let bytes = try xlsxFixture(name)
    var atOffsets = MemorySource(bytes, chunkSize: 4096)
    var whole = ForwardOnly(base: MemorySource(bytes, chunkSize: 4096))
    #expect(atOffsets.randomAccess() != nil)
    #expect(whole.randomAccess() == nil)
    let (offsetReport, offsetGrids) = Self.read(&atOffsets, name: name)
    let (wholeReport, wholeGrids) = Self.read(&whole, name: name)
    #expect(offsetReport.located == wholeReport.located)
    #expect(offsetReport.diagnostics.map(\.values) == wholeReport.diagnostics.map(\.values))
    #expect(offsetGrids == wholeGrids)
  }

  @Test("the fixtures are all here")
  func fixturesFound() {
    #expect(Self.fixtures.count >= 30)
  }

  @Test(
    "a file cut short after it was opened is unreadable or damaged, never a crash",
    arguments: ["many-rows-deflated.xlsx", "many-rows-stored.xlsx", "libreoffice-vi.xlsx"])
  func cutShort(name: String) throws {
    let bytes = try xlsxFixture(name)
    // Cut inside the directory's tail, inside the directory, inside the data, and near the start.
    let cuts = [bytes.count - 10, bytes.count - 200, bytes.count / 2, bytes.count / 5, 40, 0]
    for cut in cuts {
      var source = WithRandomAccess(
        base: MemorySource(bytes, chunkSize: 4096), bytes: Recording(bytes, stop: cut))
      let (report, _) = Self.read(&source, name: name)
      let errors = report.diagnostics.filter { $0.severity == .error }
      #expect(!errors.isEmpty, "cut at \(cut) of \(bytes.count)")
      #expect(errors.allSatisfy { $0.code == .fileUnreadable }, "cut at \(cut): \(report.located)")
    }
  }

  @Test("a 158 KB workbook is read in pieces no larger than the end record's search window")
  func readInPieces() throws {
    let name = "many-rows-stored.xlsx"
    let bytes = try xlsxFixture(name)
    let recording = Recording(bytes)
    var source = WithRandomAccess(base: MemorySource(bytes, chunkSize: 4096), bytes: recording)
    let (report, grids) = Self.read(&source, name: name)
    #expect(!report.diagnostics.contains { $0.severity == .error })
    #expect((grids.first?.count ?? 0) > 1_000)
    // The tail searched for the end record (22 bytes and a comment of up to 65 535) is the
    // largest read; parts come 64 KiB at a time.
    #expect(recording.largestRead <= 22 + 65_535)
    #expect(recording.largestRead < bytes.count / 2)
    #expect(recording.bytesRead >= bytes.count / 2)
  }
}
