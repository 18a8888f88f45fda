import Foundation
import KhuyenCong
import Testing
@testable import KhuyenCongIntake

/// What a run reads from the inbox, what it leaves, and what it says about it.
@Suite("intake inbox")
struct IntakeInboxTests {
  static let naHang = "2017-072-na-hang-flat.csv"
  static let hamYen = "2017-074-ham-yen-form-v1.csv"

  @Test("symbolic links, subfolders and hidden files are not read, and each is listed as skipped")
  func skippedEntries() throws {
    // Given an inbox with a link to a plan outside it, a subfolder holding a plan, a lock file
    let workspace = try Workspace()
    defer { workspace.remove() }
    let outside = workspace.root.appendingPathComponent(Self.naHang)
    try FileManager.default.copyItem(
      at: packageRoot.appendingPathComponent("samples/" + Self.naHang), to: outside)
    try FileManager.default.createSymbolicLink(
      at: workspace.inbox.appendingPathComponent("link.csv"), withDestinationURL: outside)
    try FileManager.default.createDirectory(
      at: workspace.inbox.appendingPathComponent("old"), withIntermediateDirectories: true)
    try workspace.addSample(Self.hamYen, as: "old/" + Self.hamYen)
    try workspace.addSample(Self.naHang, as: ".~lock.na-hang.csv#")
    // When the job runs
    let summary = try workspace.run()
    // Then nothing is filed (no file from outside the inbox), and each entry is named
    #expect(try workspace.ledger().entries().isEmpty)
    #expect(summary.isNothingNew)
    #expect(
      summary.text(programme: Programme.embeddedDefault(), language: .en) == """
        skipped: .~lock.na-hang.csv# (hidden file)
        skipped: link.csv (symbolic link: not followed)
        skipped: old (folder: subfolders are not read)
        nothing new

        """)
  }

  @Test("a file replaced by a symbolic link after the listing is not followed")
  func linkSwappedInIsNotFollowed() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try workspace.addSample(Self.naHang)
    let intake = try workspace.intake()
    var summary = IntakeSummary()
    let files = try intake.scanInbox(&summary)
    // Between the listing and the copy, the file becomes a link to a file outside the inbox.
    let path = workspace.inbox.appendingPathComponent(Self.naHang)
    let outside = workspace.root.appendingPathComponent("secret.csv")
    try FileManager.default.moveItem(at: path, to: outside)
    try FileManager.default.createSymbolicLink(at: path, withDestinationURL: outside)
    var known: Set<String> = []
    let file = try #require(files.first)
    #expect(throws: IntakeError.io(path: path.path, reason: "is a symbolic link (not followed)")) {
      try intake.fileNew(file, receivedAt: "2016-10-29T01:00:00Z", known: &known, into: &summary)
    }
    #expect(try workspace.storedListing().isEmpty)
  }

  @Test("a file over the size limit is refused unread, recorded as rejected once, never copied")
  func oversizedRefused() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    // Given a 4000-byte file under a 2000-byte limit, beside Na Hang's 1754-byte plan
    try Data(repeating: 0x41, count: 4000).write(to: workspace.inbox.appendingPathComponent("huge.csv"))
    try workspace.addSample(Self.naHang)
    let limit: (inout Intake) -> Void = {
      $0.readLimits = ReadLimits(
        maxFileBytes: 2000, maxEntryBytes: 1 << 20, maxTotalUncompressedBytes: 1 << 20,
        maxCellCharacters: 32_767, maxRows: 1000, maxColumns: 100)
    }
    let summary = try workspace.intake(limit).run()
    #expect(summary.refused.map(\.name) == ["huge.csv"])
    #expect(summary.hasRejected)
    #expect(summary.refused.first?.diagnostic.code == .fileUnreadable)
    #expect(summary.filed.map(\.entry.originalName) == [Self.naHang])
    // Never copied, never hashed.
    #expect(try workspace.storedListing().allSatisfy { !$0.contains("huge") })
    #expect(try workspace.ledger().cachedHashes().keys.sorted() == [Self.naHang])
    #expect(try workspace.ledger().oversizedFiles().map(\.name) == ["huge.csv"])
    // The next run knows it: nothing new.
    let again = try workspace.intake(limit).run()
    #expect(again.isNothingNew)
    #expect(again.alreadyKnown == 2)
  }

  @Test("an unchanged inbox file's hash comes from the ledger; a changed one is hashed again")
  func hashCache() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try workspace.addSample(Self.naHang)
    try workspace.run()
    let intake = try workspace.intake()
    let cached = try #require(try workspace.ledger().cachedHashes()[Self.naHang])
    // Tamper with the cached hash: if the run reads it back, it did not read the file.
    let fake = String(repeating: "f", count: 64)
    try workspace.ledger().updateHashes(
      [Self.naHang: .init(status: cached.status, sha256: fake)], forgetting: [])
    var summary = IntakeSummary()
    #expect(try intake.scanInbox(&summary).map(\.sha256) == [fake])
    // Once the file is touched, its hash is read from its bytes again.
    try workspace.setModified(Self.naHang, to: Date(timeIntervalSince1970: 1_400_000_000))
    #expect(try intake.scanInbox(&summary).map(\.sha256) == [cached.sha256])
  }

  @Test("a file modified in the last ten seconds waits for the next run")
  func recentFileWaits() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try workspace.addSample(Self.naHang)
    try workspace.setModified(Self.naHang, to: testClock.time.addingTimeInterval(-5))
    let first = try workspace.run()
    #expect(first.waiting == [Self.naHang])
    #expect(first.isNothingNew)
    #expect(try workspace.ledger().entries().isEmpty)
    #expect(
      first.text(programme: Programme.embeddedDefault(), language: .en)
        == "waiting: \(Self.naHang) is still being written; the next run takes it\nnothing new\n")
    // Twenty seconds later it has settled.
    let later = try workspace.run(clock: FixedClock(testClock.time.addingTimeInterval(20)))
    #expect(later.filed.map(\.entry.originalName) == [Self.naHang])
  }

  @Test("a file that grows between the listing and the copy is left for the next run")
  func growingFileWaits() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try workspace.addSample(Self.naHang)
    let intake = try workspace.intake()
    var summary = IntakeSummary()
    let file = try #require(try intake.scanInbox(&summary).first)
    let handle = try FileHandle(forWritingTo: workspace.inbox.appendingPathComponent(Self.naHang))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("Tuyên Quang,,,,\n".utf8))
    try handle.close()
    var known: Set<String> = []
    try intake.fileNew(file, receivedAt: "2016-10-29T01:00:00Z", known: &known, into: &summary)
    #expect(summary.waiting == [Self.naHang])
    #expect(summary.filed.isEmpty)
    #expect(try workspace.storedListing().isEmpty)
  }

  @Test("a file dated centuries ahead is filed, not a crash", arguments: [1e11, -1e11])
  func farDates(seconds: Double) throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try workspace.addSample(Self.naHang)
    try workspace.setModified(Self.naHang, to: Date(timeIntervalSince1970: seconds))
    #expect(try workspace.run().filed.map(\.entry.originalName) == [Self.naHang])
  }
}
