import Foundation
import KhuyenCong
import Testing

@testable import KhuyenCongIntake

/// A file read at offsets with `pread(2)` (issue 7: the xlsx reader no longer holds the zip).
@Suite("file source read at offsets")
struct FileSourceRandomAccessTests {
  static let xlsxSamples: [String] = {
    let names =
      (try? FileManager.default.contentsOfDirectory(
        atPath: packageRoot.appendingPathComponent("samples").path)) ?? []
    return names.filter { $0.hasSuffix(".xlsx") }.sorted()
  }()

  private static func read<Source: ByteSource>(_ source: inout Source, name: String) -> (
    [String], [[String: String]], [Int]
  ) {
    var collector = WorkbookCollector()
    let report = XLSXReader.read(&source, file: name, limits: .standard, into: &collector)
    return (
      report.diagnostics.map(\.located), report.diagnostics.map(\.values),
      collector.sheets.map { $0.rows.count }
    )
  }

  @Test("every xlsx sample reads from its file as from its bytes in memory", arguments: xlsxSamples)
  func sameAsMemory(name: String) throws {
    let path = packageRoot.appendingPathComponent("samples/" + name).path
    var file = try FileSource(path: path)
    #expect(file.randomAccess()?.count == file.byteCount)
    var memory = MemorySource(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    let fromFile = Self.read(&file, name: name)
    let fromMemory = Self.read(&memory, name: name)
    #expect(fromFile.0 == fromMemory.0)
    #expect(fromFile.1 == fromMemory.1)
    #expect(fromFile.2 == fromMemory.2)
    #expect(fromFile.2.reduce(0, +) > 0)
  }

  @Test("the samples are here")
  func samplesFound() { #expect(Self.xlsxSamples.count >= 4) }

  @Test("bytes at an offset come from there; past the end, none")
  func readAt() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "khuyencong-pread-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data((0..<200).map { UInt8($0) }).write(to: url)
    let file = try #require(try FileSource(path: url.path).randomAccess())
    var buffer = [UInt8](repeating: 0, count: 16)
    let read = try buffer.withUnsafeMutableBytes { try file.read(at: 190, into: $0) }
    #expect(read == 10)
    #expect(Array(buffer[0..<10]) == Array(190..<200).map { UInt8($0) })
    let none = try buffer.withUnsafeMutableBytes { try file.read(at: 200, into: $0) }
    #expect(none == 0)
  }

  @Test("an xlsx cut short after it was opened is unreadable, not a crash")
  func truncatedWhileOpen() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "khuyencong-cut-\(UUID().uuidString).xlsx")
    defer { try? FileManager.default.removeItem(at: url) }
    let name = try #require(Self.xlsxSamples.first)
    let bytes = try Data(contentsOf: packageRoot.appendingPathComponent("samples/" + name))
    for cut in [bytes.count / 2, bytes.count - 30, 10] {
      try bytes.write(to: url)
      var source = try FileSource(path: url.path)
      #expect(truncate(url.path, off_t(cut)) == 0)
      let (located, values, _) = Self.read(&source, name: name)
      #expect(located.contains { $0.hasPrefix("file.unreadable") }, "cut at \(cut): \(located)")
      #expect(values.allSatisfy { !($0["reason"] ?? "x").isEmpty })
    }
  }
}

/// An xlsx is pipelined from a smaller size than other files: its parts deflate to about a
/// seventh, so the same number of lines takes fewer bytes (issue 7).
@Suite("the size from which a file is validated on several threads")
struct PipelinedSizeTests {
  @Test("a zip from 64 KiB, any other file from 1 MiB")
  func bySignature() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pipelined-size-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let files: [(name: String, bytes: [UInt8], size: Int)] = [
      ("plan.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], SubmissionFile.pipelinedZipFrom),
      ("plan.csv", Array("STT,Nội dung\n".utf8), SubmissionFile.pipelinedFrom),
      ("short.xlsx", [0x50, 0x4B, 0x03], SubmissionFile.pipelinedFrom),
      ("empty.csv", [], SubmissionFile.pipelinedFrom),
    ]
    #expect(SubmissionFile.pipelinedZipFrom < SubmissionFile.pipelinedFrom)
    for file in files {
      let url = folder.appendingPathComponent(file.name)
      try Data(file.bytes).write(to: url)
      let source = try FileSource(path: url.path)
      #expect(SubmissionFile.pipelinedSize(of: source) == file.size, "\(file.name)")
    }
  }
}
