import Foundation
import KhuyenCong
import Testing

@testable import KhuyenCongIntake

/// Inbox entries the run must not take, or must take under a faithful name (issue 9).
@Suite("intake special entries")
struct IntakeSpecialEntryTests {
  static let naHang = "2017-072-na-hang-flat.csv"

  @Test("a hard link in the inbox is skipped and said why; nothing is copied into the store")
  func hardLinkSkipped() throws {
    // Given a file outside the inbox and a hard link to it in the inbox
    let workspace = try Workspace()
    defer { workspace.remove() }
    let outside = workspace.root.appendingPathComponent("secret.csv")
    try FileManager.default.copyItem(
      at: packageRoot.appendingPathComponent("samples/" + Self.naHang), to: outside)
    #expect(link(outside.path, workspace.inbox.appendingPathComponent("linked.csv").path) == 0)
    // When the job runs
    let summary = try workspace.run()
    // Then the link is not filed, and the summary says why
    #expect(try workspace.ledger().entries().isEmpty)
    #expect(try workspace.storedListing().isEmpty)
    #expect(summary.skipped == [.init(name: "linked.csv", reason: .hardLink)])
    #expect(
      summary.text(programme: Programme.embeddedDefault(), language: .en).hasPrefix(
        "skipped: linked.csv (more than one hard link: its bytes also live under another name, perhaps outside the inbox; not taken)\n"
      ))
  }

  @Test("a FIFO in the inbox is skipped, not waited on")
  func fifoSkipped() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    #expect(mkfifo(workspace.inbox.appendingPathComponent("pipe.csv").path, 0o600) == 0)
    let summary = try workspace.run()
    #expect(summary.skipped == [.init(name: "pipe.csv", reason: .notRegularFile)])
  }
}
