import Foundation
import GRDB
import KhuyenCong

/// A portal access token as the ledger keeps it: never the token, only its SHA-256 (issue 10).
public struct PortalToken: Hashable, Sendable {
  /// The row number, which `token list` shows and `token revoke` takes.
  public var id: Int64
  /// SHA-256 of the token text, 64 lowercase hex digits.
  public var sha256: String
  /// The district it submits and reads for; `nil` for the Department, which reads everything.
  public var district: DistrictCode?
  /// When it was issued (ISO 8601, UTC).
  public var issuedAt: String
  /// When it was revoked; a revoked token opens nothing.
  public var revokedAt: String?

  /// Creates a token record.
  public init(id: Int64, sha256: String, district: DistrictCode?, issuedAt: String, revokedAt: String?) {
    self.id = id
    self.sha256 = sha256
    self.district = district
    self.issuedAt = issuedAt
    self.revokedAt = revokedAt
  }

  /// Whether the token still opens anything.
  public var isActive: Bool { revokedAt == nil }
}

/// Portal tokens (issue 10): `khuyencong token issue|list|revoke` write them, the portal only
/// reads them. The token itself is shown once, when issued; the ledger keeps its hash, so a
/// copy of the ledger opens nothing.
extension Ledger {
  static func registerTokenMigration(_ migrator: inout DatabaseMigrator) {
    migrator.registerMigration("portal: portal_token") { db in
      try db.execute(
        sql: """
          -- Access tokens of the district portal: only the SHA-256 of each token is kept.
          -- district NULL is the Department's token, which reads every district's files.
          CREATE TABLE portal_token (
            id INTEGER PRIMARY KEY,  -- rows are revoked, never deleted: an id is never reused
            sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
            district TEXT CHECK (district IS NULL OR length(district) > 0),
            issued_at TEXT NOT NULL,
            revoked_at TEXT
          );
          """)
    }
  }

  /// Switches a ledger file to WAL once; a ledger already in WAL is not written to.
  static func switchToWAL(_ db: Database) throws {
    let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode")
    if mode?.lowercased() != "wal" {
      _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
    }
  }

  /// Opens the ledger at `path` for reading only (the portal): a read-only WAL `DatabasePool`,
  /// whose readers never wait on `run`'s writes. The file must exist and be up to date (a
  /// reader cannot migrate it): `run` or `token issue` brings it up to date.
  /// - Throws: `IntakeError.ledger` when the file cannot be opened or is not up to date.
  public static func openForReading(path: String) throws(IntakeError) -> Ledger {
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(10)
    let pool: DatabasePool
    do {
      pool = try DatabasePool(path: path, configuration: configuration)
    } catch {
      throw .ledger(operation: "open \(path) for reading", underlying: String(describing: error))
    }
    return try Ledger(pool)
  }

  /// Issues a new token for `district` (`nil`: the Department) and returns its text, which is
  /// kept nowhere: only its SHA-256 is recorded.
  public func issueToken(district: DistrictCode?, at time: Date) throws(IntakeError) -> (
    token: String, record: PortalToken
  ) {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let token = "kc_" + bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    let hash = SHA256.hex(of: Array(token.utf8))
    let issued = Self.isoTime(time)
    var id: Int64 = 0
    try write("issue a token") { db in
      try db.execute(
        sql: "INSERT INTO portal_token (sha256, district, issued_at) VALUES (?, ?, ?)",
        arguments: [hash, district?.rawValue, issued])
      id = db.lastInsertedRowID
    }
    return (token, PortalToken(id: id, sha256: hash, district: district, issuedAt: issued, revokedAt: nil))
  }

  /// Every token, active or revoked, in the order issued.
  public func tokens() throws(IntakeError) -> [PortalToken] {
    try read("read the tokens") { db in
      try Row.fetchAll(db, sql: "SELECT * FROM portal_token ORDER BY id").map { row in
        let district: String? = row["district"]
        return PortalToken(
          id: row["id"], sha256: row["sha256"], district: district.map(DistrictCode.init(rawValue:)),
          issuedAt: row["issued_at"], revokedAt: row["revoked_at"])
      }
    }
  }

  /// Revokes token `id`; `false` when there is no such token or it was already revoked.
  public func revokeToken(id: Int64, at time: Date) throws(IntakeError) -> Bool {
    var changed = false
    try write("revoke token \(id)") { db in
      try db.execute(
        sql: "UPDATE portal_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
        arguments: [Self.isoTime(time), id])
      changed = db.changesCount > 0
    }
    return changed
  }

  /// The inbox names `run` has read at least once (the portal shows files it has not read yet
  /// as submitted, waiting for the next run).
  public func inboxNamesRead() throws(IntakeError) -> Set<String> {
    try read("read the inbox names") { db in
      Set(try String.fetchAll(db, sql: "SELECT name FROM inbox_hash"))
    }
  }

  static func isoTime(_ time: Date) -> String {
    time.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .gmt))
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
