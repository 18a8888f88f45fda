import Foundation
import KhuyenCong

/// The unattended cron job of SPEC §7: files every new inbox file in the store, records it in
/// the ledger and rebuilds the plans of the years that changed.
///
/// Order of work, so that a crash at any point is finished by the next run:
/// 1. the file is copied into `incoming/` (flushed, renamed from `.partial` when complete);
/// 2. it is validated, its reports are written beside its final place, and it is renamed there;
/// 3. one ledger transaction records it and marks its plan years stale;
/// 4. each stale year's plan is written (temporary file + rename), then marked up to date.
/// On start, `recover` finishes steps 2–3 for copies left by an interrupted run and re-copies
/// recorded files whose stored copy is missing; step 4 runs for every year still stale.
/// The inbox is only ever read.
public struct Intake {
  /// The inbox folder (read only).
  public var inbox: URL
  public var store: Store
  public var ledger: Ledger
  public var programme: Programme
  public var clock: any IntakeClock
  /// Language of the plans (and of the summary the CLI prints).
  public var language: Language
  /// Language of the reports filed for the districts: Vietnamese, theirs (SPEC §7).
  public var reportLanguage: Language = .vi

  /// An intake over an open ledger (the caller holds the store's lock).
  public init(
    inbox: String, store: Store, ledger: Ledger, programme: Programme,
    clock: any IntakeClock, language: Language
  ) {
    self.inbox = URL(fileURLWithPath: inbox, isDirectory: true)
    self.store = store
    self.ledger = ledger
    self.programme = programme
    self.clock = clock
    self.language = language
  }

  /// The whole cron job: checks the inbox, takes the store's lock (without waiting), opens the
  /// ledger in the store and runs.
  /// - Throws: `IntakeError.storeLocked` when another run holds the lock; `.io`, `.ledger`.
  public static func run(
    inbox: String, store storePath: String, programme: Programme,
    clock: any IntakeClock = SystemClock(), language: Language
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
    let intake = Intake(
      inbox: inbox, store: store, ledger: ledger, programme: programme,
      clock: clock, language: language)
    return try intake.run()
  }

  /// Recovers, files new inbox files, rebuilds stale plans.
  public func run() throws(IntakeError) -> IntakeSummary {
    var summary = IntakeSummary()
    let receivedAt = clock.now().utcTimestamp
    let inboxFiles = try scanInbox(&summary)
    try recover(inboxFiles: inboxFiles, receivedAt: receivedAt, into: &summary)

    var known = Set(try ledger.entries().map(\.sha256))
    for file in inboxFiles {
      guard !known.contains(file.sha256) else {
        summary.alreadyKnown += 1
        continue
      }
      let copy: Store.Copy
      do {
        copy = try store.copyIn(from: file.path, originalName: file.name)
      } catch {
        summary.notices.append(.unreadable(path: file.path, reason: error.description))
        continue
      }
      // The copy's own hash counts: the file may have changed since it was hashed.
      if known.contains(copy.sha256) {
        try store.remove(copy.relativePath)
        summary.alreadyKnown += 1
        continue
      }
      let entry = try fileCopy(copy, receivedAt: receivedAt)
      known.insert(entry.sha256)
      summary.filed.append(.init(entry: entry, origin: .inbox))
    }
    try rebuildStalePlans(into: &summary)
    return summary
  }

  /// A regular, visible file of the inbox with its hash.
  struct InboxFile {
    var name: String
    var path: String
    var sha256: String
  }

  /// The inbox's regular files that are not hidden (no subfolders), by name in byte order, hashed.
  func scanInbox(_ summary: inout IntakeSummary) throws(IntakeError) -> [InboxFile] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: inbox.path)
    } catch {
      throw .io(path: inbox.path, reason: "cannot list the inbox: \(error.localizedDescription)")
    }
    var files: [InboxFile] = []
    for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    where !name.hasPrefix(".") {
      let path = inbox.appendingPathComponent(name).path
      guard Store.isRegularFile(path) else { continue }  // a subfolder, socket, dangling link
      do {
        files.append(InboxFile(name: name, path: path, sha256: try Store.hash(file: path).sha256))
      } catch {
        summary.notices.append(.unreadable(path: path, reason: error.description))
      }
    }
    return files
  }

  /// Validates a complete copy, writes its reports beside its final place, moves it there and
  /// records it: the copy, then one ledger transaction.
  func fileCopy(_ copy: Store.Copy, receivedAt: String) throws(IntakeError) -> LedgerEntry {
    let result = SubmissionFile.validate(
      path: store.path(copy.relativePath), named: copy.originalName,
      against: programme
    ).result
    let folder = Store.folder(for: result)
    let target = folder + "/" + Store.storedName(sha256: copy.sha256, originalName: copy.originalName)
    try store.writeReports(for: result, beside: target, programme: programme, language: reportLanguage)
    let stored = try store.file(copy, into: folder)
    let entry = LedgerEntry(
      result: result, sha256: copy.sha256, originalName: copy.originalName,
      size: copy.size, receivedAt: receivedAt, storedPath: stored)
    try ledger.record(entry)
    return entry
  }

  /// Finishes what an interrupted run left: complete copies in `incoming/`, stored files with
  /// no ledger row, ledger rows whose stored copy is gone.
  func recover(inboxFiles: [InboxFile], receivedAt: String, into summary: inout IntakeSummary)
    throws(IntakeError)
  {
    try store.removePartialCopies()
    var entries = try ledger.entries()
    var byHash = Dictionary(entries.map { ($0.sha256, $0) }, uniquingKeysWith: { first, _ in first })

    for relative in try store.incomingCopies() {
      let (sha256, size) = try store.hash(relative)
      if byHash[sha256] != nil {
        try store.remove(relative)
        continue
      }
      let name = Store.originalName(fromStored: (relative as NSString).lastPathComponent)
      let copy = Store.Copy(relativePath: relative, sha256: sha256, size: size, originalName: name)
      let entry = try fileCopy(copy, receivedAt: receivedAt)
      byHash[sha256] = entry
      summary.filed.append(.init(entry: entry, origin: .recovered))
    }

    let recorded = Set(entries.map(\.storedPath))
    for relative in try store.storedFiles() where !recorded.contains(relative) {
      let (sha256, size) = try store.hash(relative)
      if let other = byHash[sha256] {
        if other.storedPath != relative {
          summary.notices.append(.extraCopy(path: relative, recordedAt: other.storedPath))
        }
        continue
      }
      // Placed but not recorded: the crash came between the rename and the transaction.
      let name = Store.originalName(fromStored: (relative as NSString).lastPathComponent)
      let result = SubmissionFile.validate(path: store.path(relative), named: name, against: programme).result
      try store.writeReports(for: result, beside: relative, programme: programme, language: reportLanguage)
      let entry = LedgerEntry(
        result: result, sha256: sha256, originalName: name, size: size,
        receivedAt: receivedAt, storedPath: relative)
      try ledger.record(entry)
      byHash[sha256] = entry
      summary.filed.append(.init(entry: entry, origin: .recovered))
    }

    entries = try ledger.entries()
    let inboxByHash = Dictionary(inboxFiles.map { ($0.sha256, $0) }, uniquingKeysWith: { first, _ in first })
    for entry in entries where !Store.isRegularFile(store.path(entry.storedPath)) {
      guard let source = inboxByHash[entry.sha256],
        try store.restore(entry.storedPath, from: source.path, sha256: entry.sha256)
      else {
        summary.notices.append(.lost(entry))
        continue
      }
      let result = SubmissionFile.validate(
        path: store.path(entry.storedPath), named: entry.originalName,
        against: programme
      ).result
      try store.writeReports(
        for: result, beside: entry.storedPath, programme: programme,
        language: reportLanguage)
      try ledger.markStale(from: entry.planYear)
      summary.notices.append(.restored(entry))
    }
  }

  /// Writes the plan of every stale year of the programme, from every stored submission of
  /// that year and earlier (and those whose year is unknown), then marks it up to date.
  func rebuildStalePlans(into summary: inout IntakeSummary) throws(IntakeError) {
    let stale = try ledger.dirtyYears()
    guard !stale.isEmpty else { return }
    let entries = try ledger.entries()
    let names = StoredSubmissions.mergeNames(entries)
    var cache: [String: SubmissionResult] = [:]
    for year in stale {
      guard programme.covers(year) else {
        // A year outside the programme has no plan (its files are rejected with meta.year).
        try ledger.markClean(year)
        continue
      }
      let relevant = entries.filter { $0.planYear.map { $0 <= year } ?? true }
      let stored = StoredSubmissions.validate(
        relevant, store: store, programme: programme,
        names: names, cache: &cache)
      guard stored.missing.isEmpty else {
        summary.notices.append(.planSkipped(year: year, missing: stored.missing.map(\.storedPath)))
        continue
      }
      let plan = PlanMerger.merge(results: stored.results, year: year, programme: programme)
      do {
        let outputs = try PlanOutputs.render(plan, programme: programme, language: language)
        for output in outputs {
          try store.write(output.bytes, to: Store.planFolder(year) + "/" + output.name)
        }
      } catch {
        summary.notices.append(.planFailed(year: year, reason: String(describing: error)))
        continue
      }
      try ledger.markClean(year)
      summary.plansWritten.append(year)
    }
  }
}
