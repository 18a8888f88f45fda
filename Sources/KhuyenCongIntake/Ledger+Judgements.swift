import Foundation
import GRDB
import KhuyenCong

/// What a stored file was judged to be, kept so the store never reads it again (issue 9).
///
/// Plans and `status` are built from every stored submission; validating each stored copy
/// again on every run let one hostile file cost every later run 40 s. So each file's outcome
/// (its `SubmissionResult`: lines, totals, diagnostics, bounded) is kept in the ledger, keyed
/// by the file's SHA-256, the programme's SHA-256 and the program's version: the judgement is
/// reused while the three match, and a new programme or a new program is the one reason to
/// validate the stored copies again (`run` says so).
public struct JudgementKey: Hashable, Sendable {
  /// SHA-256 of the programme definition's text.
  public var programmeSHA256: String
  /// The program's version (`KhuyenCongVersion.current` plus the build, see the CLI).
  public var programVersion: String

  /// Creates a key.
  public init(programmeSHA256: String, programVersion: String) {
    self.programmeSHA256 = programmeSHA256
    self.programVersion = programVersion
  }

  /// The key for `programmeText` under `programVersion`.
  public init(programmeText: String, programVersion: String) {
    self.init(programmeSHA256: SHA256.hex(of: Array(programmeText.utf8)), programVersion: programVersion)
  }
}

/// One row of `judgement`: a GRDB record.
struct JudgementRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "judgement"
  var sha256: String
  var programmeSHA256: String
  var programVersion: String
  /// The `SubmissionResult` as JSON.
  var result: Data

  enum CodingKeys: String, CodingKey {
    case sha256
    case programmeSHA256 = "programme_sha256"
    case programVersion = "program_version"
    case result
  }
}

extension Ledger {
  /// `judgement`: one row per stored file, its latest judgement (see `JudgementKey`).
  static func registerJudgements(_ migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v3: judgement") { db in
      try db.execute(
        sql: """
          -- The outcome of validating each stored file, so plans and status never read the
          -- stored copies again while the programme and the program are unchanged.
          CREATE TABLE judgement (
            sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
            programme_sha256 TEXT NOT NULL,
            program_version TEXT NOT NULL,
            result BLOB NOT NULL
          );
          """)
    }
  }

  /// The judgement of the file `sha256` under `key`, if one was kept (and still decodes).
  public func judgement(sha256: String, key: JudgementKey) throws(IntakeError) -> SubmissionResult? {
    let record = try read("read a judgement") { db in
      try JudgementRecord.fetchOne(db, key: sha256)
    }
    guard let record, record.programmeSHA256 == key.programmeSHA256,
      record.programVersion == key.programVersion
    else { return nil }
    // A row this program cannot decode is as good as none: the file is validated again.
    return try? JSONDecoder().decode(SubmissionResult.self, from: record.result)
  }

  /// Keeps `result` as the judgement of the file `sha256` under `key` (replacing an older one).
  public func saveJudgement(_ result: SubmissionResult, sha256: String, key: JudgementKey)
    throws(IntakeError)
  {
    let data: Data
    do {
      data = try JSONEncoder().encode(result)
    } catch {
      throw .ledger(operation: "encode a judgement", underlying: String(describing: error))
    }
    let record = JudgementRecord(
      sha256: sha256, programmeSHA256: key.programmeSHA256, programVersion: key.programVersion,
      result: data)
    try write("keep a judgement") { db in try record.save(db) }
  }

  /// The hashes of recorded files that have no judgement at all (recorded before judgements
  /// were kept, or whose stored copy could not be read since).
  public func unjudged() throws(IntakeError) -> Set<String> {
    try read("list unjudged files") { db in
      Set(
        try String.fetchAll(
          db,
          sql: "SELECT sha256 FROM submission WHERE sha256 NOT IN (SELECT sha256 FROM judgement)"))
    }
  }

  /// How many recorded files were judged under another programme or program than `key`.
  public func staleJudgementCount(key: JudgementKey) throws(IntakeError) -> Int {
    try read("count stale judgements") { db in
      try Int.fetchOne(
        db,
        sql: """
          SELECT count(*) FROM judgement JOIN submission USING (sha256)
          WHERE programme_sha256 != ? OR program_version != ?
          """,
        arguments: [key.programmeSHA256, key.programVersion]) ?? 0
    }
  }
}
