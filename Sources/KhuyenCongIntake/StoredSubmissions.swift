import Foundation
import KhuyenCong

/// The submissions of the store: what the plans and `status` are built from. Each file's
/// judgement is taken from the ledger when it was kept under the same programme and program
/// (`JudgementKey`); only a file without one is validated again from its stored copy.
public struct StoredSubmissions {
  /// Where judgements are looked up, and whether new ones are kept (`run`) or not (`status`,
  /// which only reads).
  public struct Judgements {
    public var ledger: Ledger
    public var key: JudgementKey
    public var keepsNew: Bool

    /// Creates the lookup.
    public init(ledger: Ledger, key: JudgementKey, keepsNew: Bool) {
      self.ledger = ledger
      self.key = key
      self.keepsNew = keepsNew
    }
  }

  /// Results, in the order received.
  public var results: [SubmissionResult]
  /// Ledger entries whose stored copy is missing: they could not be validated.
  public var missing: [LedgerEntry]

  /// The results of `entries`, named as `mergeNames(_:)` says: kept judgements where
  /// `judgements` has them, else validated from the stored copies (and kept when asked).
  /// - Throws: `IntakeError.ledger` when the ledger cannot be read or written.
  public static func validate(
    _ entries: [LedgerEntry], store: Store, programme: Programme,
    names: [String: String],
    cache: inout [String: SubmissionResult],
    judgements: Judgements? = nil
  ) throws(IntakeError) -> StoredSubmissions {
    var results: [SubmissionResult] = []
    var missing: [LedgerEntry] = []
    var lookups: ProgrammeLookups?  // built at the first file that needs validating
    for entry in entries {
      if let cached = cache[entry.sha256] {
        results.append(cached)
        continue
      }
      let name = names[entry.sha256] ?? entry.originalName
      if let judgements, let kept = try judgements.ledger.judgement(sha256: entry.sha256, key: judgements.key)
      {
        let result = kept.renamed(name)
        cache[entry.sha256] = result
        results.append(result)
        continue
      }
      // A recorded path that would lead out of the store counts as missing (issue 9).
      guard let path = try? store.confined(entry.storedPath), Store.isRegularFile(path) else {
        missing.append(entry)
        continue
      }
      let tables = lookups ?? ProgrammeLookups(programme)
      lookups = tables
      let result = SubmissionFile.validate(path: path, named: name, against: programme, lookups: tables)
        .result
      if let judgements, judgements.keepsNew {
        try judgements.ledger.saveJudgement(result, sha256: entry.sha256, key: judgements.key)
      }
      cache[entry.sha256] = result
      results.append(result)
    }
    return StoredSubmissions(results: results, missing: missing)
  }

  /// The name each file has in the plan: its original name; a later file sent under a name
  /// already used gets ` (received <time>)` after it, so that, on the same date, the version
  /// received later is the later name and wins the merge (PlanMerger: the later file name
  /// breaks a tie of dates), and the plan never shows two versions under one name.
  public static func mergeNames(_ entries: [LedgerEntry]) -> [String: String] {
    var names: [String: String] = [:]
    var used: Set<String> = []
    for entry in entries {  // in the order received
      var name = entry.originalName
      if used.contains(name) {
        name = "\(entry.originalName) (received \(entry.receivedAt))"
        var counter = 2
        while used.contains(name) {
          name = "\(entry.originalName) (received \(entry.receivedAt) #\(counter))"
          counter += 1
        }
      }
      used.insert(name)
      names[entry.sha256] = name
    }
    return names
  }

  /// The order the files arrived in, by their name in the plan (`mergeNames`): the ledger's
  /// order (`received_at`, then the order recorded). `PlanMerger` lets the later arrival win
  /// between two versions of one date, whatever their names.
  public static func arrival(_ entries: [LedgerEntry], names: [String: String]) -> [String: Int] {
    var rank: [String: Int] = [:]
    for (index, entry) in entries.enumerated() {  // in the order received
      rank[names[entry.sha256] ?? entry.originalName] = index
    }
    return rank
  }
}

extension SubmissionResult {
  /// The same result under the file name `name` (a kept judgement names the file as it was
  /// named when judged; the plan may name it differently, see `mergeNames`).
  func renamed(_ name: String) -> SubmissionResult {
    guard submission.file != name else { return self }
    var copy = self
    copy.submission.file = name
    for index in copy.submission.lines.indices { copy.submission.lines[index].source.file = name }
    for index in copy.diagnostics.indices { copy.diagnostics[index].position.file = name }
    return copy
  }
}
