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
      for row in try InboxHashRow.fetchAll(db) { cached[row.name] = row.cached }
      return cached
    }
  }

  /// Saves the hashes just read and forgets names no longer in the inbox, in one transaction.
  /// Called only when there is something to change: a run with nothing new writes nothing.
  func updateHashes(_ hashes: [String: CachedHash], forgetting names: [String]) throws(IntakeError) {
    try write("save the inbox hashes") { db in
      _ = try InboxHashRow.deleteAll(db, keys: names)
      for (name, cached) in hashes.sorted(by: { $0.key < $1.key }) {
        try InboxHashRow(name: name, cached: cached).insert(db, onConflict: .replace)
      }
    }
  }

  /// Records an inbox file refused for its size.
  public func recordOversized(_ file: OversizedFile) throws(IntakeError) {
    try write("record \(file.name)") { db in
      try OversizedFileRow(file).insert(db, onConflict: .ignore)
    }
  }

  /// Every refused oversized file, in the order refused.
  public func oversizedFiles() throws(IntakeError) -> [OversizedFile] {
    try read("read the oversized files") { db in
      try OversizedFileRow.order(Column("received_at"), Column.rowID).fetchAll(db).map(\.file)
    }
  }
}
