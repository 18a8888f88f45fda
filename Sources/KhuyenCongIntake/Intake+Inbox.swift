import Foundation
import SystemPackage
import KhuyenCong

/// Reading the inbox: which entries are submissions, which wait, which are refused unread.
extension Intake {
  /// A regular, visible, settled file of the inbox, with its status when listed and its hash.
  struct InboxFile {
    var name: String
    /// The path, byte for byte (the name may not be UTF-8: see `InboxListing`).
    var path: FilePath
    var status: FileStatus
    var sha256: String
    /// `name` is the escaped form of a name that is not UTF-8 (`InboxListing`).
    var nameEscaped = false
  }

  /// The inbox's submissions, by name in byte order, hashed.
  ///
  /// What is not read is said, never silently dropped (`summary.skipped`): a name starting with
  /// a dot (lock files of office suites, partial uploads), a subfolder (not descended into), a
  /// symbolic link (never followed: `lstat`, and `O_NOFOLLOW` when opening), anything else that
  /// is not a regular file. A file modified within `settleSeconds` of now, or changing while it
  /// is hashed, waits for the next run (`summary.waiting`). A file larger than
  /// `readLimits.maxFileBytes` is refused before a byte is read: recorded as rejected
  /// (`file.unreadable`) once, in `oversized_file` (`summary.refused`).
  ///
  /// Hashes come from the ledger's `inbox_hash` cache while a file's size, modification and
  /// change times and inode are as when it was hashed, so a run reads only new or changed files.
  func scanInbox(_ summary: inout IntakeSummary) throws(IntakeError) -> [InboxFile] {
    let listed = try InboxListing.entries(of: inbox.path)
    let now = clock.now()
    let nowNanoseconds = FileStatus.nanoseconds(Int64(now.timeIntervalSince1970.rounded(.down)), 0)
    let settle = FileStatus.nanoseconds(Int64(settleSeconds), 0)
    let cache = try ledger.cachedHashes()
    let refusedBefore = Set(try ledger.oversizedFiles().map(Self.key))
    var hashed: [String: Ledger.CachedHash] = [:]
    var present: Set<String> = []
    var files: [InboxFile] = []
    for item in listed {
      let name = item.name
      if name.hasPrefix(".") {
        summary.skipped.append(.init(name: name, reason: .hidden))
        continue
      }
      let path = item.path
      let shownPath = inbox.appendingPathComponent(name).path
      let status: FileStatus
      do {
        status = try FileStatus.of(entry: path)
      } catch {
        summary.notices.append(.unreadable(path: shownPath, reason: error.description))
        continue
      }
      switch status.kind {
      case .regular: break
      case .directory:
        summary.skipped.append(.init(name: name, reason: .folder))
        continue
      case .symbolicLink:
        summary.skipped.append(.init(name: name, reason: .symbolicLink))
        continue
      case .other:
        summary.skipped.append(.init(name: name, reason: .notRegularFile))
        continue
      }
      present.insert(name)
      // A file just written waits, whatever its links: the portal's submission has two names
      // for an instant (its temporary one and its own) while it is put in the inbox.
      if status.isModified(within: settle, of: nowNanoseconds) {
        summary.waiting.append(name)
        continue
      }
      guard status.linkCount <= 1 else {
        present.remove(name)
        summary.skipped.append(.init(name: name, reason: .hardLink))
        continue
      }
      if status.size > Int64(readLimits.maxFileBytes) {
        let file = OversizedFile(
          name: name, size: status.size, modifiedNanoseconds: status.modifiedNanoseconds,
          inode: status.inode, limit: readLimits.maxFileBytes, receivedAt: now.utcTimestamp)
        if refusedBefore.contains(Self.key(file)) {
          summary.alreadyKnown += 1
        } else {
          try ledger.recordOversized(file)
          summary.refused.append(file)
        }
        continue
      }
      if let cached = cache[name], cached.holds(for: status) {
        files.append(
          InboxFile(
            name: name, path: path, status: status, sha256: cached.sha256, nameEscaped: item.isEscaped))
        continue
      }
      do {
        let read = try Store.hash(file: path, expecting: status)
        guard read.after.isUnchanged(since: status), read.size == status.size else {
          summary.waiting.append(name)
          continue
        }
        hashed[name] = Ledger.CachedHash(status: status, sha256: read.sha256)
        files.append(
          InboxFile(
            name: name, path: path, status: status, sha256: read.sha256, nameEscaped: item.isEscaped))
      } catch {
        summary.notices.append(.unreadable(path: shownPath, reason: error.description))
      }
    }
    // Written only when something changed: a run with nothing new leaves the ledger as it was.
    let gone = cache.keys.filter { !present.contains($0) }.sorted()
    if !hashed.isEmpty || !gone.isEmpty {
      try ledger.updateHashes(hashed, forgetting: gone)
    }
    return files
  }

  /// What identifies a refused file: name, size, modification time, inode.
  static func key(_ file: OversizedFile) -> String {
    "\(file.size) \(file.modifiedNanoseconds) \(file.inode) \(file.name)"
  }
}
