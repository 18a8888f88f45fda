import Foundation
import KhuyenCong

/// Finishing what an interrupted run left, at the start of each run.
extension Intake {
  /// Finishes what an interrupted run left, in this order:
  /// 1. temporary files (`.tmp-…`) are removed: nothing refers to them;
  /// 2. a recorded file whose stored copy is gone is re-created from a complete copy in
  ///    `incoming/` with its hash, or else from an inbox file with its hash (or reported lost);
  ///    this comes first so that nothing of a recorded file is taken for an unrecorded one;
  /// 3. complete copies in `incoming/` are filed, or dropped when their file is recorded and its
  ///    stored copy is there (never while it is the only copy left);
  /// 4. stored files with no ledger row (the crash came between the rename and the
  ///    transaction) are recorded.
  /// A failure on one file is a `notFiled` notice; the others are still done.
  func recover(inboxFiles: [InboxFile], receivedAt: String, into summary: inout IntakeSummary)
    throws(IntakeError)
  {
    try store.removeStaleTemporaries()
    let entries = try ledger.entries()
    var byHash = Dictionary(entries.map { ($0.sha256, $0) }, uniquingKeysWith: { first, _ in first })

    var incoming: [(relative: String, sha256: String, size: Int64)] = []
    for relative in try store.incomingCopies() {
      do {
        let (sha256, size) = try store.hash(relative)
        incoming.append((relative, sha256, size))
      } catch {
        summary.notices.append(.notFiled(path: relative, reason: error.description))
      }
    }
    var used: Set<String> = []

    let inboxByHash = Dictionary(inboxFiles.map { ($0.sha256, $0) }, uniquingKeysWith: { first, _ in first })
    for entry in entries {
      // A recorded path that would lead out of the store is never followed (issue 9).
      let storedPath: String
      do {
        storedPath = try store.confined(entry.storedPath)
      } catch {
        summary.notices.append(.pathRefused(path: entry.storedPath, reason: error.reason))
        continue
      }
      guard !Store.isRegularFile(storedPath) else { continue }
      do {
        if let copy = incoming.first(where: { $0.sha256 == entry.sha256 && !used.contains($0.relative) }) {
          used.insert(copy.relative)
          try store.place(copy.relative, at: entry.storedPath, sha256: entry.sha256)
        } else if let source = inboxByHash[entry.sha256],
          try store.restore(entry.storedPath, from: source.path, sha256: entry.sha256)
        {
          // Copied again from the inbox.
        } else {
          summary.notices.append(.lost(entry))
          continue
        }
        let result = SubmissionFile.validate(
          path: storedPath, named: entry.originalName,
          against: programme, limits: readLimits, lookups: lookups
        ).result
        try store.writeReports(
          for: result, beside: entry.storedPath, programme: programme,
          language: reportLanguage)
        try ledger.markStale(from: entry.planYear)
        summary.notices.append(.restored(entry))
      } catch {
        try Self.rethrowIfLedger(error)
        summary.notices.append(.notFiled(path: entry.storedPath, reason: error.description))
      }
    }

    for copy in incoming where !used.contains(copy.relative) {
      do {
        if let entry = byHash[copy.sha256] {
          // Recorded: the copy is redundant once the stored copy is there; while it is not
          // (restoring failed above), it may be the only copy left, so it stays.
          if let stored = try? store.confined(entry.storedPath), Store.isRegularFile(stored) {
            try store.remove(copy.relative)
          }
          continue
        }
        let name = Store.originalName(fromStored: (copy.relative as NSString).lastPathComponent)
        let filed = Store.Copy(
          relativePath: copy.relative, sha256: copy.sha256, size: copy.size, originalName: name)
        let entry = try fileCopy(filed, receivedAt: receivedAt)
        byHash[copy.sha256] = entry
        summary.filed.append(.init(entry: entry, origin: .recovered))
      } catch {
        try Self.rethrowIfLedger(error)
        summary.notices.append(.notFiled(path: copy.relative, reason: error.description))
      }
    }

    let recorded = Set(entries.map(\.storedPath))
    for relative in try store.storedFiles() where !recorded.contains(relative) {
      let name = (relative as NSString).lastPathComponent
      // Our report of a recorded file: nothing to recover.
      if let base = Store.reportedFile(relative), recorded.contains(base) { continue }
      do {
        let (sha256, size) = try store.hash(relative)
        // A name ending like a report is a district's submission only by the hash-prefix rule
        // (a district may call its file `x.report.txt`); our orphaned reports fail it.
        if Store.isReport(name) && !Store.isSubmission(named: name, sha256: sha256) { continue }
        if let other = byHash[sha256] {
          if other.storedPath != relative {
            summary.notices.append(.extraCopy(path: relative, recordedAt: other.storedPath))
          }
          continue
        }
        // Placed but not recorded: the crash came between the rename and the transaction.
        let originalName = Store.originalName(fromStored: name)
        let result = SubmissionFile.validate(
          path: store.path(relative), named: originalName, against: programme, limits: readLimits,
          lookups: lookups
        ).result
        try store.writeReports(for: result, beside: relative, programme: programme, language: reportLanguage)
        let entry = LedgerEntry(
          result: result, sha256: sha256, originalName: originalName, size: size,
          receivedAt: receivedAt, storedPath: relative)
        try ledger.record(entry)
        if let judgementKey { try ledger.saveJudgement(result, sha256: sha256, key: judgementKey) }
        byHash[sha256] = entry
        summary.filed.append(.init(entry: entry, origin: .recovered))
      } catch {
        try Self.rethrowIfLedger(error)
        summary.notices.append(.notFiled(path: relative, reason: error.description))
      }
    }
  }
}
