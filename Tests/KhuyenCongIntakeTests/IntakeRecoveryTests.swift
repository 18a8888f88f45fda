import Foundation
import KhuyenCong
import Testing
@testable import KhuyenCongIntake

/// What a run does with what a crashed or killed run, or a person, left in the store.
@Suite("intake recovery")
struct IntakeRecoveryTests {
  static let naHang = "2017-072-na-hang-flat.csv"

  @Test("the reports of a deleted stored file are never filed as submissions")
  func reportsOfDeletedFileAreNotFiled() throws {
    // Given Na Hang's file, filed, then deleted from the store and cleared from the inbox
    let workspace = try Workspace()
    defer { workspace.remove() }
    try workspace.addSample(Self.naHang)
    let relative = try #require(try workspace.run().filed.first?.entry.storedPath)
    try FileManager.default.removeItem(at: workspace.store.appendingPathComponent(relative))
    try FileManager.default.removeItem(at: workspace.inbox.appendingPathComponent(Self.naHang))
    // When two more runs go
    let second = try workspace.run()
    let third = try workspace.run()
    // Then the loss is reported each time, and its two reports are never taken for new files
    #expect(second.filed.isEmpty && third.filed.isEmpty)
    #expect(second.notices.contains { if case .lost = $0 { return true } else { return false } })
    #expect(try workspace.ledger().entries().map(\.storedPath) == [relative])
  }

  @Test("a deleted stored file is restored from the inbox before anything is taken for an unrecorded file")
  func restoreComesFirst() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try workspace.addSample(Self.naHang)
    let relative = try #require(try workspace.run().filed.first?.entry.storedPath)
    try FileManager.default.removeItem(at: workspace.store.appendingPathComponent(relative))
    let summary = try workspace.run()
    #expect(summary.filed.isEmpty)
    #expect(
      summary.notices.map { IntakeSummary.text($0, language: .en) } == [
        "restored the missing stored copy \(relative) from the inbox"
      ])
    #expect(try workspace.ledger().entries().count == 1)
    #expect(try workspace.run().isNothingNew)
  }

  @Test("a complete incoming/ copy of a recorded file restores its missing stored copy")
  func incomingCopyRestores() throws {
    // Given Na Hang's file recorded, its stored copy gone, the inbox cleared, and a complete
    // copy of it left in incoming/ (a run killed while filing it again)
    let workspace = try Workspace()
    defer { workspace.remove() }
    try workspace.addSample(Self.naHang)
    let relative = try #require(try workspace.run().filed.first?.entry.storedPath)
    let stored = workspace.store.appendingPathComponent(relative)
    let bytes = try Data(contentsOf: stored)
    try FileManager.default.removeItem(at: stored)
    try FileManager.default.removeItem(at: workspace.inbox.appendingPathComponent(Self.naHang))
    let incoming = workspace.store.appendingPathComponent("incoming")
    try bytes.write(to: incoming.appendingPathComponent((relative as NSString).lastPathComponent))
    // When the next run goes
    let summary = try workspace.run()
    // Then that copy becomes the stored copy again: nothing is lost
    #expect(!summary.hasErrors)
    #expect(summary.notices.count == 1)
    #expect(try Data(contentsOf: stored) == bytes)
    #expect(try FileManager.default.contentsOfDirectory(atPath: incoming.path).isEmpty)
  }

  @Test("temporary files left by a killed run are removed at the start of the next")
  func staleTemporariesRemoved() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try workspace.addSample(Self.naHang)
    try workspace.run()
    let leftovers = [
      "incoming/.tmp-0123456789abcdef", "accepted/2017/072/.tmp-fedcba9876543210",
      "plans/2017/.tmp-00000000000000aa",
    ]
    for leftover in leftovers {
      try Data("half".utf8).write(to: workspace.store.appendingPathComponent(leftover))
    }
    try workspace.run()
    for leftover in leftovers {
      #expect(!FileManager.default.fileExists(atPath: workspace.store.appendingPathComponent(leftover).path))
    }
  }

  @Test("each rename into a folder is followed by flushing that folder")
  func foldersFlushed() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try workspace.addSample(Self.naHang)
    let flushes = FolderFlushes()
    var store = Store(path: workspace.store.path)
    store.syncFolder = { folder throws(AtomicFile.WriteError) in try flushes.sync(folder) }
    _ = try workspace.intake(store: store).run()
    let base = workspace.store.path + "/"
    let flushed = Set(flushes.folders.map { $0.hasPrefix(base) ? String($0.dropFirst(base.count)) : $0 })
    // The copy into incoming/, the stored copy and its reports, the plan files.
    #expect(flushed.isSuperset(of: ["incoming", "accepted/2017/072", "plans/2017"]))
  }
}
