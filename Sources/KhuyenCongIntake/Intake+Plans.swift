import Foundation
import KhuyenCong

/// Rebuilding the plans the ledger marks stale.
extension Intake {
  /// Writes the plan of every stale year of the programme, from every stored submission of
  /// that year and earlier (and those whose year is unknown), then marks it up to date.
  ///
  /// Versions of one district on the same date are ordered by arrival, as the ledger received
  /// them (`received_at`, then the order recorded), not by file name: a corrected file sent
  /// later wins whatever it is called.
  func rebuildStalePlans(into summary: inout IntakeSummary) throws(IntakeError) {
    let stale = try ledger.dirtyYears()
    guard !stale.isEmpty else { return }
    let entries = try ledger.entries()
    let names = StoredSubmissions.mergeNames(entries)
    let arrival = StoredSubmissions.arrival(entries, names: names)
    var cache: [String: SubmissionResult] = [:]
    for year in stale {
      guard programme.covers(year) else {
        // A year outside the programme has no plan (its files are rejected with meta.year).
        try ledger.markClean(year)
        continue
      }
      let relevant = entries.filter { $0.planYear.map { $0 <= year } ?? true }
      let stored = try StoredSubmissions.validate(
        relevant, store: store, programme: programme,
        names: names, cache: &cache,
        judgements: judgementKey.map { .init(ledger: ledger, key: $0, keepsNew: true) })
      guard stored.missing.isEmpty else {
        summary.notices.append(.planSkipped(year: year, missing: stored.missing.map(\.storedPath)))
        continue
      }
      let plan = PlanMerger.merge(results: stored.results, year: year, programme: programme, arrival: arrival)
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
