import Foundation
import GRDB
import KhuyenCong

/// The store's record of every submission file received (SPEC §7): SQLite through GRDB.
///
/// It takes `any DatabaseWriter` (STYLE §4): a `DatabaseQueue` on `store/ledger.sqlite` for the
/// cron job, an in-memory `DatabaseQueue` in tests. The schema forbids what must never happen:
/// one row per content hash (`sha256 TEXT PRIMARY KEY NOT NULL`, so a file is never counted
/// twice), one row per stored copy, a status that is accepted or rejected, money as INTEGER đồng.
///
/// ```swift
/// let ledger = try Ledger(DatabaseQueue())
/// try ledger.record(entry)          // the row and the plan years it makes stale, in one transaction
/// try ledger.dirtyYears()           // [2017]
/// ```
public struct Ledger: Sendable {
  private let database: any DatabaseWriter

  /// Opens the ledger on `database` and brings its schema up to date.
  /// - Throws: `IntakeError.ledger` when a migration fails.
  public init(_ database: any DatabaseWriter) throws(IntakeError) {
    self.database = database
    do {
      // Checked first, read-only: an up-to-date ledger is not written to at all, so a run
      // with nothing new leaves ledger.sqlite byte for byte as it was (SPEC §7, idempotent).
      let migrator = Self.migrator
      if try !database.read({ try migrator.hasCompletedMigrations($0) }) {
        try migrator.migrate(database)
      }
    } catch {
      throw .ledger(operation: "migrate the schema", underlying: String(describing: error))
    }
  }

  /// Opens (creating if needed) the ledger file at `path`.
  ///
  /// The file is in WAL mode (issue 10), so the portal's readers (`openForReading`, a
  /// read-only `DatabasePool`) never wait on the cron job's writes, nor it on them. The writer
  /// itself is a `DatabaseQueue` that switches the journal mode only when it is not WAL yet: a
  /// writing `DatabasePool` writes to the file each time it opens it (GRDB creates and drops a
  /// table to make sure the WAL file exists), so a run with nothing new would change the ledger.
  public static func open(path: String) throws(IntakeError) -> Ledger {
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    configuration.prepareDatabase { db in try switchToWAL(db) }
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue(path: path, configuration: configuration)
    } catch {
      throw .ledger(operation: "open \(path)", underlying: String(describing: error))
    }
    return try Ledger(queue)
  }

  /// The schema's migrations, in order. Shipped migrations are never edited: a change is a new
  /// migration (STYLE §4).
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: submission and dirty_year") { db in
      try db.execute(
        sql: """
          CREATE TABLE submission (
            sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
            original_name TEXT NOT NULL,
            size INTEGER NOT NULL CHECK (size >= 0),
            received_at TEXT NOT NULL,
            district TEXT,
            plan_year INTEGER,
            submitted_on TEXT,
            status TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),
            error_count INTEGER NOT NULL CHECK (error_count >= 0),
            warning_count INTEGER NOT NULL CHECK (warning_count >= 0),
            line_count INTEGER NOT NULL CHECK (line_count >= 0),
            stored_path TEXT NOT NULL UNIQUE,
            total_dong INTEGER NOT NULL,
            national_dong INTEGER NOT NULL,
            local_dong INTEGER NOT NULL,
            counterpart_dong INTEGER NOT NULL,
            other_dong INTEGER NOT NULL
          );
          CREATE INDEX submission_year ON submission (plan_year, district);
          -- Plan years whose files under store/plans/ are stale: set in the same transaction as
          -- the submission that changed them, cleared only once the plan is written, so a crash
          -- between the two is finished by the next run.
          CREATE TABLE dirty_year (plan_year INTEGER PRIMARY KEY NOT NULL);
          """)
    }
    migrator.registerMigration("v2: inbox_hash and oversized_file") { db in
      try db.execute(
        sql: """
          -- The hash of each inbox file as last read, with what stat(2) said then: while the
          -- file is unchanged (same size, modification and change times, inode) the run reuses
          -- the hash instead of reading the whole inbox again. One row per inbox name.
          CREATE TABLE inbox_hash (
            name TEXT PRIMARY KEY NOT NULL,
            size INTEGER NOT NULL CHECK (size >= 0),
            modified_ns INTEGER NOT NULL,
            changed_ns INTEGER NOT NULL,
            inode INTEGER NOT NULL,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64)
          );
          -- Inbox files refused unread for their size (SPEC §8: file.unreadable, rejected). No
          -- hash: reading a file of any size is what the limit forbids, so such a file is known
          -- by its name, size, modification time and inode; a new version is a new row.
          CREATE TABLE oversized_file (
            name TEXT NOT NULL,
            size INTEGER NOT NULL CHECK (size >= 0),
            modified_ns INTEGER NOT NULL,
            inode INTEGER NOT NULL,
            limit_bytes INTEGER NOT NULL,
            received_at TEXT NOT NULL,
            PRIMARY KEY (name, size, modified_ns, inode)
          );
          """)
    }
    // Issue 10's portal tokens were migrated first on deployed stores; issue 9's judgements next.
    registerTokenMigration(&migrator)
    registerJudgements(&migrator)
    return migrator
  }

  /// Records a newly filed submission and marks stale the plans it changes, in one transaction:
  /// its own plan year and every later year already in the ledger (earlier years feed the
  /// five-year progress); a file whose year could not be read is listed in every year's plan,
  /// so it marks every year in the ledger.
  /// - Throws: `IntakeError.ledger`, also when the hash or the stored path is already recorded.
  public func record(_ entry: LedgerEntry) throws(IntakeError) {
    try write("record \(entry.originalName)") { db in
      // A plain INSERT: a hash or stored path already recorded fails the transaction.
      try SubmissionRow(entry).insert(db)
      try Self.markStale(from: entry.planYear, in: db)
    }
  }

  /// Marks stale the plans a submission of `year` feeds (see `record`); `nil` for a file whose
  /// year could not be read.
  public func markStale(from year: PlanYear?) throws(IntakeError) {
    try write("mark plans stale") { db in try Self.markStale(from: year, in: db) }
  }

  private static func markStale(from year: PlanYear?, in db: Database) throws {
    if let year {
      try db.execute(
        sql: """
          INSERT OR IGNORE INTO dirty_year
          SELECT DISTINCT plan_year FROM submission WHERE plan_year >= ?
          UNION SELECT ?
          """,
        arguments: [year.rawValue, year.rawValue])
    } else {
      try db.execute(
        sql: """
          INSERT OR IGNORE INTO dirty_year
          SELECT DISTINCT plan_year FROM submission WHERE plan_year IS NOT NULL
          """)
    }
  }

  /// Marks `year`'s plan up to date, once its files are written.
  public func markClean(_ year: PlanYear) throws(IntakeError) {
    try write("mark \(year) written") { db in
      try db.execute(sql: "DELETE FROM dirty_year WHERE plan_year = ?", arguments: [year.rawValue])
    }
  }

  /// The plan years whose plans are stale, ascending.
  public func dirtyYears() throws(IntakeError) -> [PlanYear] {
    try read("read the stale plan years") { db in
      try Int.fetchAll(db, sql: "SELECT plan_year FROM dirty_year ORDER BY plan_year")
        .map(PlanYear.init(rawValue:))
    }
  }

  /// Whether a file with this content is recorded.
  public func contains(sha256: String) throws(IntakeError) -> Bool {
    try read("look up a hash") { db in
      try Bool.fetchOne(
        db, sql: "SELECT EXISTS (SELECT 1 FROM submission WHERE sha256 = ?)",
        arguments: [sha256]) ?? false
    }
  }

  /// Every entry, in the order received (then by hash, so the order is total).
  public func entries() throws(IntakeError) -> [LedgerEntry] {
    try read("read the submissions") { db in
      try SubmissionRow.order(Column("received_at"), Column.rowID).fetchAll(db).map(\.entry)
    }
  }

  /// The plan years recorded, ascending.
  public func years() throws(IntakeError) -> [PlanYear] {
    try read("read the plan years") { db in
      try Int.fetchAll(
        db, sql: "SELECT DISTINCT plan_year FROM submission WHERE plan_year IS NOT NULL ORDER BY plan_year"
      )
      .map(PlanYear.init(rawValue:))
    }
  }

  func write(_ operation: String, _ body: (Database) throws -> Void) throws(IntakeError) {
    do {
      try database.write(body)
    } catch {
      throw .ledger(operation: operation, underlying: Self.reason(error))
    }
  }

  func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(IntakeError) -> T {
    do {
      return try database.read(body)
    } catch {
      throw .ledger(operation: operation, underlying: Self.reason(error))
    }
  }

  /// SQLite's own words for a failure ("database or disk is full"), without the statement
  /// GRDB's description adds (a whole INSERT in the cron mail helps no one).
  static func reason(_ error: any Error) -> String {
    guard let database = error as? DatabaseError else { return String(describing: error) }
    return database.message ?? String(describing: database.resultCode)
  }
}
