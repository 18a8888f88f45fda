/// Builds the consolidated provincial plan of one year from validated submissions (SPEC §5).
///
/// Pure: the same results and programme give the same plan. Which version counts:
/// - among the **accepted** submissions of plan year N, one per district: the latest
///   `submittedOn` wins; on the same date, the file whose name comes later in byte order of
///   its UTF-8 (`ke-hoach-v2.csv` after `ke-hoach-v1.csv`) wins, so a re-sent file named as
///   people name revisions replaces the earlier one. The others get `submission.superseded`
///   (info) at their file;
/// - a district with no accepted submission but a rejected one for N (or a rejected one whose
///   year could not be read) is `rejected`, listed with the errors of its latest rejected file;
///   with nothing at all it is `missing`;
/// - accepted submissions of earlier years of the programme period, chosen by the same rule,
///   feed the five-year progress.
public enum PlanMerger {
  /// Merges `results` into the plan of `year`.
  /// - Parameters:
  ///   - results: every validated submission, of any year, accepted or rejected.
  ///   - year: the plan year N.
  ///   - programme: districts (ranking, priority), content areas, targets, envelopes.
  /// - Returns: the plan; merge-time findings are in its `diagnostics`.
  ///   - arrival: where known (the cron job's ledger), the order files arrived in, by file name:
  ///     on the same date the version that arrived later wins. Without it, the later file name.
  public static func merge(
    results: [SubmissionResult], year: PlanYear, programme: Programme,
    arrival: [String: Int] = [:]
  )
    -> ConsolidatedPlan
  {
    // 1. Which version of each district counts (and which are superseded or rejected).
    let choice = chooseVersions(results: results, year: year, programme: programme, arrival: arrival)
    var districts = choice.districts
    // 2. The plan: lines in district rank, totals and shares.
    let rank = Dictionary(uniqueKeysWithValues: districts.enumerated().map { ($1.code, $0) })
    let lines = sortedLines(choice.lines, rank: rank)
    let totals = lines.reduce(into: FundTotals.zero) { $0 += $1.amounts }
    for index in districts.indices where districts[index].status == .accepted {
      districts[index].shareOfTotal = Percentage.of(
        districts[index].totals.total, in: totals.total, places: 2)
    }
    let priorityTotals = districts.filter(\.priority).reduce(into: FundTotals.zero) { $0 += $1.totals }
    // 3. Progress per measure, with the accepted plans of earlier years.
    let earlier = earlierYears(before: year, programme: programme)
    let earlierQuantities = quantities(
      in: earlier, results: results, programme: programme, lateFiles: choice.lateFiles, arrival: arrival)
    let contentAreas = summarize(lines: lines, programme: programme, earlier: earlierQuantities)
    // 4. Checks across districts.
    var diagnostics = choice.diagnostics
    diagnostics += CrossDuplicateCheck.run(lines: lines, districts: districts, year: year)
    diagnostics += envelopeWarnings(totals: totals, year: year, programme: programme)

    var plan = ConsolidatedPlan(
      planYear: year, districts: districts, lines: lines, contentAreas: contentAreas,
      totals: totals, priorityTotals: priorityTotals,
      priorityShareOfTotal: Percentage.of(priorityTotals.total, in: totals.total, places: 2),
      priorityShareOfSupport: Percentage.of(priorityTotals.support, in: totals.support, places: 2),
      earlierYears: earlier, unattributedRejections: choice.unattributed, diagnostics: diagnostics)
    plan.otherRejections = choice.otherRejections
    return plan
  }

  /// The programme's districts ranked as its priorities imply: priority districts first, in
  /// programme order, then the others in programme order (issue 4).
  static func ranking(_ programme: Programme) -> [PlanDistrict] {
    let ordered = programme.districts.filter(\.priority) + programme.districts.filter { !$0.priority }
    return ordered.map {
      PlanDistrict(
        code: $0.code, name: $0.name, officialName: $0.officialName,
        priority: $0.priority)
    }
  }

  /// The version that counts: latest date, then the one that arrived later (when `arrival`
  /// knows both), then the later file name in byte order.
  static func latest(_ versions: [Submission], arrival: [String: Int] = [:]) -> Submission? {
    versions.max { a, b in
      if a.submittedOn != b.submittedOn {
        // An undated version (never accepted by the validator) counts as the oldest.
        guard let da = a.submittedOn else { return true }
        guard let db = b.submittedOn else { return false }
        return da < db
      }
      if let ra = arrival[a.file], let rb = arrival[b.file], ra != rb { return ra < rb }
      if a.file != b.file { return precedes(a.file, b.file) }
      return a.lineCount < b.lineCount
    }
  }

  /// Byte order of the UTF-8 names: the same on every machine and locale.
  static func precedes(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  /// Lines by district rank, then file, sheet and row; the input order breaks ties.
  static func sortedLines(_ lines: [ConsolidatedLine], rank: [DistrictCode: Int])
    -> [ConsolidatedLine]
  {
    // Each line's key once (its source is read from the compact lines, not rebuilt).
    struct Key {
      var rank: Int
      var file: String
      var sheet: String
      var row: Int
      var offset: Int
    }
    let keys = lines.enumerated().map { offset, entry in
      let source = entry.source
      return Key(
        rank: rank[entry.district] ?? Int.max, file: source.file, sheet: source.sheet ?? "",
        row: source.row ?? 0, offset: offset)
    }
    return keys.sorted { a, b in
      if a.rank != b.rank { return a.rank < b.rank }
      if a.file != b.file { return precedes(a.file, b.file) }
      if a.sheet != b.sheet { return precedes(a.sheet, b.sheet) }
      if a.row != b.row { return a.row < b.row }
      return a.offset < b.offset
    }.map { lines[$0.offset] }
  }

  /// The years of the programme period before `year`, in order.
  static func earlierYears(before year: PlanYear, programme: Programme) -> [PlanYear] {
    guard programme.firstYear < year else { return [] }
    let last = min(year.rawValue - 1, programme.lastYear.rawValue)
    guard programme.firstYear.rawValue <= last else { return [] }
    return (programme.firstYear.rawValue...last).map(PlanYear.init(rawValue:))
  }

  /// `budget.envelope` warnings, in fund-source order.
  static func envelopeWarnings(totals: FundTotals, year: PlanYear, programme: Programme)
    -> [Diagnostic]
  {
    var warnings: [Diagnostic] = []
    for fund in FundSource.allCases {
      for envelope in programme.budget.annualEnvelopes
      where envelope.planYear == year && envelope.fund == fund && totals[fund] > envelope.amount {
        warnings.append(
          Diagnostic(
            code: .budgetEnvelope, severity: .warning, position: Position(file: ""),
            values: [
              "fund": fund.rawValue, "requested": totals[fund].trieuText,
              "envelope": envelope.amount.trieuText,
              "excess": (totals[fund] - envelope.amount).trieuText,
              "year": String(year.rawValue), "basis": envelope.basis,
            ]))
      }
    }
    return warnings
  }
}
