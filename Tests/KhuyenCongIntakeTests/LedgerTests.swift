import GRDB
import KhuyenCong
import Testing
@testable import KhuyenCongIntake

@Suite("ledger")
struct LedgerTests {
  func entry(
    _ hashDigit: Character = "a", name: String = "2017-072-na-hang-flat.csv",
    year: Int? = 2017, stored: String? = nil
  ) -> LedgerEntry {
    let sha = String(repeating: hashDigit, count: 64)
    return LedgerEntry(
      sha256: sha, originalName: name, size: 1234, receivedAt: "2016-10-29T01:00:00Z",
      district: DistrictCode(rawValue: "072"), planYear: year.map(PlanYear.init(rawValue:)),
      submittedOn: CivilDate(year: 2016, month: 10, day: 24), status: .accepted, errorCount: 0,
      warningCount: 1, lineCount: 6, storedPath: stored ?? "accepted/2017/072/\(sha.prefix(16))-\(name)",
      totals: FundTotals(
        total: Money(dong: 2_681_500_000), national: Money(dong: 825_000_000),
        local: Money(dong: 273_400_000), counterpart: Money(dong: 983_100_000),
        other: Money(dong: 600_000_000)))
  }

  @Test("records a submission and reads it back unchanged")
  func recordsAndReads() throws {
    // Given an empty ledger
    let ledger = try Ledger(DatabaseQueue())
    // When Na Hang's plan is recorded
    try ledger.record(entry())
    // Then it reads back field for field
    #expect(try ledger.entries() == [entry()])
    #expect(try ledger.contains(sha256: String(repeating: "a", count: 64)))
    #expect(try !ledger.contains(sha256: String(repeating: "b", count: 64)))
  }

  @Test("refuses a second row with the same sha256")
  func uniqueHash() throws {
    let ledger = try Ledger(DatabaseQueue())
    try ledger.record(entry())
    // The same bytes under another name and place are the same submission: never counted twice.
    #expect(throws: IntakeError.self) {
      try ledger.record(entry(name: "renamed.csv", stored: "accepted/2017/072/other.csv"))
    }
    #expect(try ledger.entries().count == 1)
  }

  @Test("stores money as INTEGER đồng")
  func moneyIsInteger() throws {
    let queue = try DatabaseQueue()
    let ledger = try Ledger(queue)
    try ledger.record(entry())
    let row = try queue.read { db in
      try Row.fetchOne(db, sql: "SELECT typeof(total_dong) AS type, total_dong FROM submission")
    }
    #expect(row?["type"] == "integer")
    #expect(row?["total_dong"] == 2_681_500_000 as Int64)
  }

  @Test("creates its schema through the named migration, once")
  func migration() throws {
    let queue = try DatabaseQueue()
    _ = try Ledger(queue)
    _ = try Ledger(queue)  // opening again changes nothing
    let applied = try queue.read { db in
      try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
    }
    // Issue 10 added the portal's tokens, issue 9 the judgements.
    #expect(
      applied == [
        "v1: submission and dirty_year", "v2: inbox_hash and oversized_file", "portal: portal_token",
        "v3: judgement",
      ])
    let tables = try queue.read { db in
      try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' ORDER BY name"
      )
    }
    #expect(
      tables == ["dirty_year", "inbox_hash", "judgement", "oversized_file", "portal_token", "submission"])
  }

  @Test("a recorded year makes its plan and later plans stale, until marked written")
  func staleYears() throws {
    let ledger = try Ledger(DatabaseQueue())
    try ledger.record(entry("a", year: 2017))
    try ledger.markClean(PlanYear(rawValue: 2017))
    #expect(try ledger.dirtyYears() == [])
    // A 2016 plan feeds the five-year progress of 2017: both plans change.
    try ledger.record(entry("b", name: "2016.csv", year: 2016))
    #expect(try ledger.dirtyYears().map(\.rawValue) == [2016, 2017])
    try ledger.markClean(PlanYear(rawValue: 2016))
    try ledger.markClean(PlanYear(rawValue: 2017))
    // A file whose year could not be read is listed in every year's plan.
    try ledger.record(
      entry("c", name: "empty.csv", year: nil, stored: "rejected/unknown/unknown/c-empty.csv"))
    #expect(try ledger.dirtyYears().map(\.rawValue) == [2016, 2017])
  }

  @Test("refuses a status other than accepted or rejected")
  func statusCheck() throws {
    let queue = try DatabaseQueue()
    _ = try Ledger(queue)
    #expect(throws: DatabaseError.self) {
      try queue.write { db in
        try db.execute(
          sql: """
            INSERT INTO submission VALUES (?, 'x', 1, 't', NULL, NULL, NULL, 'maybe', 0, 0, 0, 'p', 0, 0, 0, 0, 0)
            """, arguments: [String(repeating: "d", count: 64)])
      }
    }
  }
}
