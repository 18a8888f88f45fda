import Foundation
import KhuyenCong

/// The unattended cron job of SPEC §7: files every new inbox file in the store, records it in
/// the ledger and rebuilds the plans of the years that changed.
///
/// Order of work, so that a crash at any point is finished by the next run:
/// 1. the file is copied into `incoming/` (flushed under a `.tmp-…` name, renamed when complete,
///    the folder flushed);
/// 2. it is validated, its reports are written beside its final place, and it is renamed there;
/// 3. one ledger transaction records it and marks its plan years stale;
/// 4. each stale year's plan is written (temporary file + rename), then marked up to date.
/// On start, `recover` removes temporary files a killed run left, re-creates recorded files
/// whose stored copy is missing (from `incoming/` or the inbox), then finishes steps 2–3 for
/// copies left by an interrupted run; step 4 runs for every year still stale.
/// A file that cannot be filed is reported and the run goes on with the others.
/// The inbox is only ever read.
public struct Intake {
  /// The inbox folder (read only).
  public var inbox: URL
  public var store: Store
  public var ledger: Ledger
  public let programme: Programme
  /// `programme`'s tables, built once for every file the run validates.
  let lookups: ProgrammeLookups
  public var clock: any IntakeClock
  /// Language of the plans (and of the summary the CLI prints).
  public var language: Language
  /// Language of the reports filed for the districts: Vietnamese, theirs (SPEC §7).
  public var reportLanguage: Language = .vi
  /// Size and other limits of what is read (SPEC §8): a larger inbox file is refused unread.
  public var readLimits: ReadLimits = .standard
  /// An inbox file modified less than this many seconds from now (either side, for a shared
  /// folder whose server's clock is a little ahead) may still be being written: it waits for
  /// the next run.
  public var settleSeconds = 10
  /// The programme and program the stored files' judgements are kept under (issue 9): with a
  /// key, plans are built from kept judgements and a file is validated once; `nil` validates
  /// every stored copy each time (and keeps nothing).
  public var judgementKey: JudgementKey?

  /// An intake over an open ledger (the caller holds the store's lock).
  public init(
    inbox: String, store: Store, ledger: Ledger, programme: Programme,
    clock: any IntakeClock, language: Language
  ) {
    self.inbox = URL(fileURLWithPath: inbox, isDirectory: true)
    self.store = store
    self.ledger = ledger
    self.programme = programme
    self.lookups = ProgrammeLookups(programme)
    self.clock = clock
    self.language = language
  }

  /// The whole cron job: checks the inbox, takes the store's lock (without waiting), opens the
  /// ledger in the store and runs.
  /// - Throws: `IntakeError.storeLocked` when another run holds the lock; `.io`, `.ledger`.
  public static func run(
    inbox: String, store storePath: String, programme: Programme,
    clock: any IntakeClock = SystemClock(), language: Language, judgementKey: JudgementKey? = nil
  )
    throws(IntakeError) -> IntakeSummary
  {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: inbox, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw .io(path: inbox, reason: "the inbox is not a folder")
    }
    let store = Store(path: storePath)
    try store.makeFolder(store.root.path)
    let lock = try StoreLock(path: store.lockPath)
    defer { lock.release() }
    let ledger = try Ledger.open(path: store.ledgerPath)
    var intake = Intake(
      inbox: inbox, store: store, ledger: ledger, programme: programme,
      clock: clock, language: language)
    intake.judgementKey = judgementKey
    return try intake.run()
  }

  /// Recovers, files new inbox files, rebuilds stale plans.
  ///
  /// A file that cannot be filed (an I/O error on it) is a `notFiled` notice, and the others
  /// are still filed and the plans rebuilt; only a ledger failure stops the run, since nothing
  /// can be recorded without the ledger.
  public func run() throws(IntakeError) -> IntakeSummary {
    var summary = IntakeSummary()
    let receivedAt = clock.now().utcTimestamp
    if let judgementKey {
      // Judged under another programme or program: every plan is rebuilt, which validates
      // those files again (and keeps the new judgements).
      let stale = try ledger.staleJudgementCount(key: judgementKey)
      if stale > 0 {
        try ledger.markStale(from: nil)
        summary.notices.append(.revalidating(count: stale))
      }
      try judgeUnjudged(key: judgementKey)
    }
    let inboxFiles = try scanInbox(&summary)
    try recover(inboxFiles: inboxFiles, receivedAt: receivedAt, into: &summary)

    var known = Set(try ledger.entries().map(\.sha256))
    for file in inboxFiles {
      do {
        try fileNew(file, receivedAt: receivedAt, known: &known, into: &summary)
      } catch {
        try Self.rethrowIfLedger(error)
        summary.notices.append(
          .notFiled(path: inbox.appendingPathComponent(file.name).path, reason: error.description))
      }
    }
    try rebuildStalePlans(into: &summary)
    return summary
  }

  /// Files one inbox file unless its bytes are known: copy, check it did not change while
  /// copied, validate, report, place, record.
  func fileNew(
    _ file: InboxFile, receivedAt: String, known: inout Set<String>,
    into summary: inout IntakeSummary
  ) throws(IntakeError) {
    guard !known.contains(file.sha256) else {
      summary.alreadyKnown += 1
      return
    }
    let (copy, after) = try store.copyIn(from: file.path, originalName: file.name, expecting: file.status)
    // Changed since it was listed and hashed: still being written. The copy may hold half of
    // it, so it is dropped; the file is taken whole by a later run.
    guard after.isUnchanged(since: file.status), copy.sha256 == file.sha256, copy.size == file.status.size
    else {
      try store.remove(copy.relativePath)
      summary.waiting.append(file.name)
      return
    }
    let entry: LedgerEntry
    do {
      entry = try fileCopy(copy, receivedAt: receivedAt)
    } catch {
      // The file is still in the inbox: drop the copy so the next run starts afresh from it
      // rather than recover this copy under another name.
      if Store.isRegularFile(store.path(copy.relativePath)) { try? store.remove(copy.relativePath) }
      throw error
    }
    known.insert(entry.sha256)
    summary.filed.append(.init(entry: entry, origin: .inbox))
    if file.nameEscaped { summary.notices.append(.nameEscaped(name: file.name)) }
  }

  /// Validates a complete copy, writes its reports beside its final place, moves it there and
  /// records it: the copy, then one ledger transaction.
  func fileCopy(_ copy: Store.Copy, receivedAt: String) throws(IntakeError) -> LedgerEntry {
    let result = SubmissionFile.validate(
      path: store.path(copy.relativePath), named: copy.originalName,
      against: programme, limits: readLimits, lookups: lookups
    ).result
    let folder = Store.folder(for: result)
    let target = folder + "/" + Store.storedName(sha256: copy.sha256, originalName: copy.originalName)
    try store.writeReports(for: result, beside: target, programme: programme, language: reportLanguage)
    let stored = try store.file(copy, into: folder)
    let entry = LedgerEntry(
      result: result, sha256: copy.sha256, originalName: copy.originalName,
      size: copy.size, receivedAt: receivedAt, storedPath: stored)
    try ledger.record(entry)
    if let judgementKey { try ledger.saveJudgement(result, sha256: copy.sha256, key: judgementKey) }
    return entry
  }

  /// Judges once the recorded files that have no judgement (a store filled by an earlier
  /// program): their stored copies are read this once, plans are not touched.
  func judgeUnjudged(key: JudgementKey) throws(IntakeError) {
    let unjudged = try ledger.unjudged()
    guard !unjudged.isEmpty else { return }
    let entries = try ledger.entries()
    let names = StoredSubmissions.mergeNames(entries)
    var cache: [String: SubmissionResult] = [:]
    _ = try StoredSubmissions.validate(
      entries.filter { unjudged.contains($0.sha256) }, store: store, programme: programme,
      names: names, cache: &cache, judgements: .init(ledger: ledger, key: key, keepsNew: true))
  }

  /// A ledger failure stops the run (nothing can be recorded); any other is one file's.
  static func rethrowIfLedger(_ error: IntakeError) throws(IntakeError) {
    if case .ledger = error { throw error }
  }
}
