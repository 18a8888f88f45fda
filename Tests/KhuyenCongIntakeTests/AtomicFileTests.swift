import Foundation
import Testing
@testable import KhuyenCongIntake

@Suite("atomic file")
struct AtomicFileTests {
  func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "khuyencong-atomic-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test("writes a file whose name is 255 bytes long, leaving no temporary file")
  func longName() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // 84 × "ệ" (3 bytes each) + ".cs": the longest name Linux allows.
    let name = String(repeating: "ệ", count: 84) + ".cs"
    #expect(name.utf8.count == 255)
    try AtomicFile.write(Array("xin chào".utf8), to: folder.appendingPathComponent(name).path)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name])
    #expect(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) == "xin chào")
  }

  @Test("flushes the folder once the new name is in it")
  func flushesFolder() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("plan-2017.csv").path
    var flushed: [String] = []
    try AtomicFile.write(Array("a".utf8), to: target) { path throws(AtomicFile.WriteError) in
      // The rename happened before the flush.
      #expect(FileManager.default.fileExists(atPath: target))
      flushed.append(path)
    }
    #expect(flushed == [folder.path])
  }
}

@Suite("atomic file, streamed")
struct AtomicFileStreamTests {
  struct Stop: Error {}

  @Test("what the body writes replaces the file whole")
  func streamed() throws {
    let folder = try AtomicFileTests().folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("plan-2017.csv").path
    try AtomicFile.write(Array("old".utf8), to: target)
    try AtomicFile.write(to: target) { sink in
      for piece in ["xin ", "chào"] { Array(piece.utf8).withUnsafeBytes { sink.write($0) } }
    }
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "xin chào")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan-2017.csv"])
  }

  @Test("a body that throws leaves the old file and no temporary file")
  func bodyThrows() throws {
    let folder = try AtomicFileTests().folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("plan-2017.xml").path
    try AtomicFile.write(Array("old".utf8), to: target)
    #expect(throws: Stop.self) {
      try AtomicFile.write(to: target) { sink in
        Array("half".utf8).withUnsafeBytes { sink.write($0) }
        throw Stop()
      }
    }
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "old")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan-2017.xml"])
  }
}

@Suite("atomic file, staged")
struct AtomicFileStagedTests {
  @Test("a staged file is not in place until committed, and a discarded one never is")
  func stagedThenCommitted() throws {
    let folder = try AtomicFileTests().folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let kept = folder.appendingPathComponent("plan-2017.csv").path
    let dropped = folder.appendingPathComponent("plan-2017.json").path
    let first = try AtomicFile.stage(to: kept) { sink in Array("a,b".utf8).withUnsafeBytes { sink.write($0) }
    }
    let second = try AtomicFile.stage(to: dropped) { sink in
      Array("{}".utf8).withUnsafeBytes { sink.write($0) }
    }
    #expect(!FileManager.default.fileExists(atPath: kept))
    try first.commit()
    second.discard()
    #expect(try String(contentsOfFile: kept, encoding: .utf8) == "a,b")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan-2017.csv"])
  }
}
