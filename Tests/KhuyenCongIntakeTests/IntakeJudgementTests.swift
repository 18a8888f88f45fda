import Foundation
import GRDB
import KhuyenCong
import Testing

@testable import KhuyenCongIntake

/// The store never reads again what it has judged (issue 9): plans and `status` come from the
/// judgements kept in the ledger under the programme's hash and the program's version; a new
/// programme or program is the one reason to validate the stored files again, and `run` says so.
@Suite("Intake judgements")
struct IntakeJudgementTests {
  static let naHang = "2017-072-na-hang-flat.csv"
  static let keyA = JudgementKey(programmeText: Programme.defaultJSON, programVersion: "test-1")
  static let keyB = JudgementKey(programmeText: Programme.defaultJSON, programVersion: "test-2")

  @discardableResult
  private func run(_ workspace: Workspace, key: JudgementKey?) throws -> IntakeSummary {
    try Intake.run(
      inbox: workspace.inbox.path, store: workspace.store.path, programme: Programme.embeddedDefault(),
      clock: testClock, language: .en, judgementKey: key)
  }

  /// Replaces the stored copy of Na Hang's plan with bytes that would be rejected if read.
  private func damageStoredCopy(_ workspace: Workspace) throws {
    let stored = try workspace.storedPath(ofSample: Self.naHang, folder: "accepted/2017/072")
    try Data("not a plan\n".utf8).write(to: workspace.store.appendingPathComponent(stored))
  }

  @Test("a plan rebuilt after a run comes from the kept judgement, not from the stored copy")
  func rebuildUsesJudgement() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try workspace.addSample(Self.naHang)
    try run(workspace, key: Self.keyA)
    let plan = workspace.store.appendingPathComponent("plans/2017/plan-2017.json")
    let before = try Data(contentsOf: plan)
    try damageStoredCopy(workspace)
    try workspace.ledger().markStale(from: PlanYear(rawValue: 2017))
    let summary = try run(workspace, key: Self.keyA)
    #expect(summary.plansWritten.map(\.rawValue) == [2017])
    #expect(try Data(contentsOf: plan) == before)
    #expect(summary.notices.isEmpty)
  }

  @Test("status comes from the kept judgements and writes nothing")
  func statusUsesJudgement() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try workspace.addSample(Self.naHang)
    try run(workspace, key: Self.keyA)
    try damageStoredCopy(workspace)
    let ledgerFile = workspace.store.appendingPathComponent("ledger.sqlite")
    let ledgerBefore = try Data(contentsOf: ledgerFile)
    let status = try StoreStatus.load(
      store: Store(path: workspace.store.path), ledger: workspace.ledger(),
      programme: Programme.embeddedDefault(), year: PlanYear(rawValue: 2017), judgementKey: Self.keyA)
    let naHang = status?.plan.district(DistrictCode(rawValue: "072"))
    #expect(naHang?.status == .accepted)
    #expect(try Data(contentsOf: ledgerFile) == ledgerBefore)
  }

  @Test("a new program version validates the stored files again, rebuilds every plan, and run says so")
  func newVersionRevalidates() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try workspace.addSample(Self.naHang)
    try workspace.addSample("2016-074-ham-yen-flat.xlsx")
    try run(workspace, key: Self.keyA)
    #expect(try run(workspace, key: Self.keyA).notices.isEmpty)
    try damageStoredCopy(workspace)
    let summary = try run(workspace, key: Self.keyB)
    #expect(summary.notices == [.revalidating(count: 2)])
    #expect(summary.plansWritten.map(\.rawValue) == [2016, 2017])
    // Read again under the new version: the damaged copy names no district, so Na Hang's
    // plan is now missing.
    let status = try workspace.status(2017)
    #expect(status?.plan.district(DistrictCode(rawValue: "072"))?.status == .missing)
    // And judged once: the next run under the same version has nothing to say.
    #expect(try run(workspace, key: Self.keyB).notices.isEmpty)
  }

  @Test("a store filled before judgements were kept is judged once, without touching its plans")
  func unjudgedStoreJudgedOnce() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try workspace.addSample(Self.naHang)
    try run(workspace, key: nil)
    #expect(try workspace.ledger().unjudged().count == 1)
    let summary = try run(workspace, key: Self.keyA)
    #expect(summary.plansWritten.isEmpty)
    #expect(summary.notices.isEmpty)
    #expect(try workspace.ledger().unjudged().isEmpty)
  }

  @Test("a kept judgement names the file as the plan does")
  func judgementRenamed() throws {
    let ledger = try Ledger(DatabaseQueue())
    var submission = Submission(file: "a.csv")
    submission.lines = []
    let diagnostic = Diagnostic(code: .rowIgnored, severity: .info, position: Position(file: "a.csv", row: 3))
    let result = SubmissionResult(submission: submission, diagnostics: [diagnostic])
    let sha = String(repeating: "ab", count: 32)
    try ledger.saveJudgement(result, sha256: sha, key: Self.keyA)
    #expect(try ledger.judgement(sha256: sha, key: Self.keyB) == nil)
    let kept = try #require(try ledger.judgement(sha256: sha, key: Self.keyA))
    #expect(kept == result)
    let renamed = kept.renamed("a.csv (received 2016-10-30T04:00:00Z)")
    #expect(renamed.diagnostics.first?.position.file == "a.csv (received 2016-10-30T04:00:00Z)")
  }
}
