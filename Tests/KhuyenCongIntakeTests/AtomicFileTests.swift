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
