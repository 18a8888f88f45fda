import Foundation
import Testing

@testable import KhuyenCong

/// A part inflated on a second thread gives the reader exactly what inflating on its own
/// thread gives: the same bytes, the same end, the same failure at the same byte (issue 7).
@Suite("xlsx parts inflated ahead")
struct XLSXInflateAheadTests {
  /// Every xlsx fixture: real files, zip bombs, damaged data, CRC mismatches, budgets.
  static let fixtures: [String] = {
    let folder = fixtureURL("Read/xlsx")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".xlsx") }.sorted()
  }()

  /// What a stream hands out, pulled `size` bytes at a time, and how it ends.
  struct Pulled: Equatable {
    var bytes: [UInt8] = []
    var last = 0
    var produced = 0
    var failure: XLSXPackage.Failure?
    var isComplete = false
  }

  static func pull(_ stream: XLSXPartStream, size: Int) -> Pulled {
    var pulled = Pulled()
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 1)
    defer { buffer.deallocate() }
    while true {
      let count = stream.pull(buffer)
      pulled.last = count
      guard count > 0 else { break }
      pulled.bytes += buffer[0..<count]
    }
    stream.drain()
    pulled.produced = stream.produced
    pulled.failure = stream.failure
    pulled.isComplete = stream.isComplete
    return pulled
  }

  /// Each deflated part of `bytes`, streamed on one thread and ahead, compared.
  static func expectSameParts(_ bytes: [UInt8], _ label: String) throws {
    guard let directory = try? ZipDirectory(file: MemoryBytes(bytes: bytes)) else { return }
    for entry in directory.entries where entry.method == 8 {
      for size in [7, 4096, 1 << 16] {
        // 2 MiB: the zip bombs stop at it (a failure compared too), and the test stays short.
        let budget = 2 << 20
        let alone = XLSXPartStream(
          file: MemoryBytes(bytes: bytes), entry: entry, budget: budget,
          readBudget: ReadBudget(ReadLimits.standard.budget))
        let ahead = XLSXPartStream(
          file: MemoryBytes(bytes: bytes), entry: entry, budget: budget,
          readBudget: ReadBudget(ReadLimits.standard.budget), inflatingAhead: true)
        #expect(ahead.inflatesAhead)
        #expect(pull(ahead, size: size) == pull(alone, size: size), "\(label) \(entry.name) by \(size)")
      }
    }
  }

  @Test("every part of every fixture: the same bytes, end and failure")
  func sameParts() throws {
    #expect(Self.fixtures.count > 20)
    for name in Self.fixtures {
      try Self.expectSameParts(try xlsxFixture(name), name)
    }
  }

  /// Reads `bytes` on one thread, and with every deflated part inflated ahead.
  static func expectSameReading(_ bytes: [UInt8], _ label: String, limits: ReadLimits = .standard) {
    func read(aheadFrom: Int?) -> (ReadReport, [CollectedSheet]) {
      var source = MemorySource(bytes, chunkSize: 4096)
      var sheets = WorkbookCollector()
      let report = XLSXReader.read(
        &source, file: "plan.xlsx", limits: limits, inflatingAheadFrom: aheadFrom, into: &sheets)
      return (report, sheets.sheets)
    }
    let alone = read(aheadFrom: nil)
    let ahead = read(aheadFrom: 0)
    #expect(ahead.0 == alone.0, "\(label): report")
    #expect(ahead.1 == alone.1, "\(label): sheets")
  }

  @Test("every fixture reads the same, to the diagnostic")
  func sameReading() throws {
    for name in Self.fixtures {
      Self.expectSameReading(try xlsxFixture(name), name)
    }
    // Budgets spent part-way: the reader stops early while the producer is ahead.
    var small = ReadLimits.standard
    small.maxEntryBytes = 4096
    small.maxTotalUncompressedBytes = 8192
    for name in Self.fixtures {
      Self.expectSameReading(try xlsxFixture(name), name + " (small limits)", limits: small)
    }
  }

  @Test("damaged compressed data: the same diagnostics at every damaged byte")
  func damaged() throws {
    let original = try xlsxFixture("libreoffice-plan-merged.xlsx")
    guard let directory = try? ZipDirectory(file: MemoryBytes(bytes: original)),
      let sheet = directory.entries.first(where: { $0.name.hasPrefix("xl/worksheets/") })
    else {
      Issue.record("no worksheet in the fixture")
      return
    }
    var generator = SplitMix(seed: 0xA4EAD)
    let range = sheet.dataRange
    for round in 0..<40 {
      var bytes = original
      let offset = range.lowerBound + Int(generator.next() % UInt64(range.count))
      bytes[offset] ^= UInt8(truncatingIfNeeded: 1 + generator.next() % 255)
      try Self.expectSameParts(bytes, "round \(round), byte \(offset)")
      Self.expectSameReading(bytes, "round \(round), byte \(offset)")
    }
  }

  // A producer that does not stop hangs the stream's deinit: the time limit makes that a
  // failure, not a run that never ends.
  @Test("a stream dropped after its first bytes stops its producer", .timeLimit(.minutes(1)))
  func droppedEarly() throws {
    let bytes = try xlsxFixture("libreoffice-plan-merged.xlsx")
    let directory = try #require(try? ZipDirectory(file: MemoryBytes(bytes: bytes)))
    let entry = try #require(directory.entries.first { $0.method == 8 })
    for _ in 0..<50 {
      let stream = XLSXPartStream(
        file: MemoryBytes(bytes: bytes), entry: entry, budget: 1 << 20,
        readBudget: ReadBudget(ReadLimits.standard.budget), inflatingAhead: true)
      let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1, alignment: 1)
      #expect(stream.pull(buffer) == 1)
      buffer.deallocate()
      // `stream` goes here: its deinit waits for the producer, which must not wait forever.
    }
  }
}
