import Foundation
import GRDB
import KhuyenCong
import Testing

@testable import KhuyenCongIntake

/// The ledger is not trusted for paths (issue 9): a recorded path is confined to the store,
/// and a submission named like a report is still a submission when the ledger is rebuilt.
@Suite("store confinement")
struct StoreConfinementTests {
  static let naHang = "2017-072-na-hang-flat.csv"

  @Test(
    "a recorded path that is absolute, climbs out, or leaves accepted/ and rejected/ is refused",
    arguments: [
      "/etc/shadow", "../../../../etc/shadow", "accepted/2017/../../../x", "accepted/./x", "plans/2017/x",
      "",
    ])
  func lexicalRefusals(path: String) throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let store = Store(path: workspace.store.path)
    #expect(throws: Store.PathRefusal.self) { try store.confined(path) }
  }

  @Test("a recorded path through a symbolic link inside the store is refused")
  func symlinkRefused() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let accepted = workspace.store.appendingPathComponent("accepted")
    try FileManager.default.createDirectory(at: accepted, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: accepted.appendingPathComponent("2017"), withDestinationURL: workspace.root)
    let store = Store(path: workspace.store.path)
    #expect(throws: Store.PathRefusal.self) { try store.confined("accepted/2017/inbox/x.csv") }
    #expect(
      try store.confined("accepted/2016/072/x.csv") == workspace.store.path + "/accepted/2016/072/x.csv")
  }

  @Test("recovery never writes where a damaged ledger row points outside the store")
  func recoveryConfined() throws {
    // Given a filed plan whose ledger row now says it is stored outside the store
    let workspace = try Workspace()
    defer { workspace.remove() }
    try workspace.addSample(Self.naHang)
    try workspace.run()
    let queue = try DatabaseQueue(path: workspace.store.appendingPathComponent("ledger.sqlite").path)
    try queue.write { db in
      try db.execute(sql: "UPDATE submission SET stored_path = '../outside/stolen.csv'")
    }
    // When the job runs again (the plan is still in the inbox, ready to "restore" from)
    let summary = try workspace.run()
    // Then nothing is written outside the store, and the run says why
    #expect(!FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("outside").path))
    #expect(summary.notices.contains { if case .pathRefused = $0 { return true } else { return false } })
    #expect(summary.hasErrors)
  }

  @Test("a submission named x.report.txt is still a submission when the ledger is rebuilt")
  func reportNamedSubmissionRecovered() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try workspace.addSample(Self.naHang, as: "x.report.txt")
    try workspace.run()
    #expect(try workspace.ledger().entries().map(\.originalName) == ["x.report.txt"])
    // The ledger is lost, and the inbox emptied: only the store remains
    try FileManager.default.removeItem(at: workspace.store.appendingPathComponent("ledger.sqlite"))
    try FileManager.default.removeItem(at: workspace.inbox.appendingPathComponent("x.report.txt"))
    let summary = try workspace.run()
    #expect(try workspace.ledger().entries().map(\.originalName) == ["x.report.txt"])
    #expect(summary.filed.map(\.origin) == [.recovered])
  }

  @Test("the reports of a stored file are never taken for submissions, even once it is gone")
  func orphanReportsIgnored() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try workspace.addSample(Self.naHang)
    try workspace.run()
    let stored = try workspace.storedPath(ofSample: Self.naHang, folder: "accepted/2017/072")
    try FileManager.default.removeItem(at: workspace.store.appendingPathComponent("ledger.sqlite"))
    try FileManager.default.removeItem(at: workspace.store.appendingPathComponent(stored))
    try FileManager.default.removeItem(at: workspace.inbox.appendingPathComponent(Self.naHang))
    let summary = try workspace.run()
    #expect(try workspace.ledger().entries().isEmpty)
    #expect(summary.filed.isEmpty)
  }
}

@Suite("ledger errors")
struct LedgerErrorTests {
  @Test("a ledger failure says SQLite's reason, not the whole SQL statement")
  func reasonWithoutStatement() throws {
    let ledger = try Ledger(DatabaseQueue())
    let entry = LedgerEntry(
      sha256: String(repeating: "a", count: 64), originalName: "a.csv", size: 1, receivedAt: "t",
      district: nil, planYear: nil, submittedOn: nil, status: .accepted, errorCount: 0, warningCount: 0,
      lineCount: 0, storedPath: "accepted/a.csv", totals: .zero)
    try ledger.record(entry)
    do {
      try ledger.record(entry)
      Issue.record("recording the same hash twice must fail")
    } catch {
      guard case .ledger(_, let underlying) = error else { throw error }
      #expect(underlying.contains("UNIQUE constraint failed"))
      #expect(!underlying.contains("INSERT"))
    }
  }
}
