import Foundation
import GRDB

/// The ledger's memory of the inbox (migration v2): the hash cache and the refused oversized
/// files. Kept apart from `submission`: neither is a filed submission.
extension Ledger {
  /// A hash read earlier, with the file status it was read at.
  struct CachedHash: Hashable, Sendable {
    var status: FileStatus
    var sha256: String

    /// Whether `current` is the file as hashed (then the hash still holds).
    func holds(for current: FileStatus) -> Bool {
      current.size == status.size && current.modifiedNanoseconds == status.modifiedNanoseconds
        && current.changedNanoseconds == status.changedNanoseconds && current.inode == status.inode
    }
  }

  /// The cached hash of every inbox name, by name.
  func cachedHashes() throws(IntakeError) -> [String: CachedHash] {
    try read("read the inbox hashes") { db in
      var cached: [String: CachedHash] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT * FROM inbox_hash") {
        let inode: Int64 = row["inode"]
        // The device is not kept: the inbox is one folder, read without descending.
        let status = FileStatus(
          kind: .regular, size: row["size"], modifiedNanoseconds: row["modified_ns"],
          changedNanoseconds: row["changed_ns"], inode: UInt64(bitPattern: inode), device: 0)
        cached[row["name"]] = CachedHash(status: status, sha256: row["sha256"])
      }
      return cached
    }
  }

  /// Saves the hashes just read and forgets names no longer in the inbox, in one transaction.
  /// Called only when there is something to change: a run with nothing new writes nothing.
  func updateHashes(_ hashes: [String: CachedHash], forgetting names: [String]) throws(IntakeError) {
    try write("save the inbox hashes") { db in
      for name in names {
        try db.execute(sql: "DELETE FROM inbox_hash WHERE name = ?", arguments: [name])
      }
      for (name, cached) in hashes {
        try db.execute(
          sql: """
            INSERT OR REPLACE INTO inbox_hash (name, size, modified_ns, changed_ns, inode, sha256)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            name, cached.status.size, cached.status.modifiedNanoseconds, cached.status.changedNanoseconds,
            Int64(bitPattern: cached.status.inode), cached.sha256,
          ])
      }
    }
  }

  /// Records an inbox file refused for its size.
  public func recordOversized(_ file: OversizedFile) throws(IntakeError) {
    try write("record \(file.name)") { db in
      try db.execute(
        sql: """
          INSERT OR IGNORE INTO oversized_file (name, size, modified_ns, inode, limit_bytes, received_at)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          file.name, file.size, file.modifiedNanoseconds, Int64(bitPattern: file.inode), file.limit,
          file.receivedAt,
        ])
    }
  }

  /// Every refused oversized file, in the order refused.
  public func oversizedFiles() throws(IntakeError) -> [OversizedFile] {
    try read("read the oversized files") { db in
      try Row.fetchAll(db, sql: "SELECT * FROM oversized_file ORDER BY received_at, rowid").map { row in
        let inode: Int64 = row["inode"]
        return OversizedFile(
          name: row["name"], size: row["size"], modifiedNanoseconds: row["modified_ns"],
          inode: UInt64(bitPattern: inode), limit: row["limit_bytes"], receivedAt: row["received_at"])
      }
    }
  }
}
