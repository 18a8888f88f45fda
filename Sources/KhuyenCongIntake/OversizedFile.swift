import KhuyenCong

/// An inbox file refused unread because it is larger than the read limit (SPEC §8): rejected
/// with `file.unreadable`, recorded in the ledger's `oversized_file` table, never copied.
///
/// It has no hash (hashing means reading every byte, which the limit is there to avoid), so
/// it is known by its name, size, modification time and inode: the same file is not reported
/// again; a new version (any of the four changed) is a new refusal.
public struct OversizedFile: Hashable, Sendable {
  /// The file's name in the inbox.
  public var name: String
  /// Its size in bytes.
  public var size: Int64
  /// Its modification time, nanoseconds since 1970.
  public var modifiedNanoseconds: Int64
  /// Its inode.
  public var inode: UInt64
  /// The limit it exceeded, in bytes.
  public var limit: Int
  /// When the run that refused it started, UTC.
  public var receivedAt: String

  /// Creates a record.
  public init(
    name: String, size: Int64, modifiedNanoseconds: Int64, inode: UInt64, limit: Int, receivedAt: String
  ) {
    self.name = name
    self.size = size
    self.modifiedNanoseconds = modifiedNanoseconds
    self.inode = inode
    self.limit = limit
    self.receivedAt = receivedAt
  }

  /// The refusal as the validator words it for an oversized file: `file.unreadable`, an error.
  public var diagnostic: Diagnostic {
    Diagnostic(
      code: .fileUnreadable, severity: .error, position: Position(file: name),
      values: ["reason": "larger than the limit", "limit": String(limit), "size": String(size)])
  }
}
