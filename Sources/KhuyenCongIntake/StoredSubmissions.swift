import Foundation
import KhuyenCong

/// The submissions of the store, validated again from their stored copies: what the plans and
/// `status` are built from. The files are small and validation is pure, so re-reading them is
/// cheaper and safer than keeping every line in the ledger.
public struct StoredSubmissions {
  /// Results, in the order received.
  public var results: [SubmissionResult]
  /// Ledger entries whose stored copy is missing: they could not be validated.
  public var missing: [LedgerEntry]

  /// Validates the stored copies of `entries`, named as `mergeNames(_:)` says.
  public static func validate(
    _ entries: [LedgerEntry], store: Store, programme: Programme,
    names: [String: String],
    cache: inout [String: SubmissionResult]
  ) -> StoredSubmissions {
    var results: [SubmissionResult] = []
    var missing: [LedgerEntry] = []
    for entry in entries {
      if let cached = cache[entry.sha256] {
        results.append(cached)
        continue
      }
      let path = store.path(entry.storedPath)
      guard Store.isRegularFile(path) else {
        missing.append(entry)
        continue
      }
      let name = names[entry.sha256] ?? entry.originalName
      let result = SubmissionFile.validate(path: path, named: name, against: programme).result
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
