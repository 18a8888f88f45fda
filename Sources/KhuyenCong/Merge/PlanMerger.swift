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
    let latest = { (versions: [Submission]) in Self.latest(versions, arrival: arrival) }
    var diagnostics: [Diagnostic] = []
    var districts = ranking(programme)
    let known = Set(programme.districts.map(\.code))

    // Accepted submissions of year N, by district (lookup only; iteration is by rank).
    var acceptedByDistrict: [DistrictCode: [Submission]] = [:]
    var unplaced: [Submission] = []
    // Accepted yet late (the late policy is `warn`): such a version counts only when the
    // district has no on-time one (issue 4: "the latest on-time version").
    let lateFiles = Set(
      results.filter { $0.diagnostics.contains { $0.code == .deadlineLate } }
        .map(\.submission.file))
    for result in results where result.status == .accepted && result.submission.planYear == year {
      guard let code = result.submission.district else {
        unplaced.append(result.submission)
        continue
      }
      acceptedByDistrict[code, default: []].append(result.submission)
    }
    // An accepted file naming a code the programme does not list still counts (never dropped),
    // after the programme's districts, by code.
    for code in acceptedByDistrict.keys.filter({ !known.contains($0) }).sorted() {
      districts.append(
        PlanDistrict(
          code: code, name: code.rawValue, officialName: code.rawValue,
          priority: false))
    }
    for submission in unplaced.sorted(by: { precedes($0.file, $1.file) }) {
      diagnostics.append(
        Diagnostic(
          code: .metaDistrict, severity: .error, position: Position(file: submission.file),
          values: ["planYear": String(year.rawValue), "reason": "not-merged"]))
    }

    var rejectedByDistrict: [DistrictCode: [SubmissionResult]] = [:]
    var unattributed: [SubmissionResult] = []
    for result in results
    where result.status == .rejected
      && (result.submission.planYear == year || result.submission.planYear == nil)
    {
      if let code = result.submission.district, known.contains(code) {
        rejectedByDistrict[code, default: []].append(result)
      } else {
        unattributed.append(result)
      }
    }

    var lines: [ConsolidatedLine] = []
    var superseded: [Diagnostic] = []
    var shownRejections: Set<String> = []
    for index in districts.indices {
      let code = districts[index].code
      if let versions = acceptedByDistrict[code],
        let winner = latest(versions.filter { !lateFiles.contains($0.file) }) ?? latest(versions)
      {
        let others = versions.filter { $0 != winner }.sorted { precedes($0.file, $1.file) }
        var entry = districts[index]
        entry.status = .accepted
        entry.file = winner.file
        entry.sheet = winner.sheet
        entry.submittedOn = winner.submittedOn
        entry.documentNumber = winner.documentNumber
        entry.lineCount = winner.lines.count
        entry.totals = winner.totals
        entry.supersededFiles = others.map(\.file)
        districts[index] = entry
        for other in others {
          var values = [
            "district": code.rawValue, "districtName": entry.name,
            "planYear": String(year.rawValue), "supersededBy": winner.file,
          ]
          values["submittedOn"] = other.submittedOn?.isoText
          values["supersededByDate"] = winner.submittedOn?.isoText
          superseded.append(
            Diagnostic(
              code: .submissionSuperseded, severity: .info,
              position: Position(file: other.file), values: values))
        }
        lines += winner.lines.map { ConsolidatedLine(district: code, line: $0) }
      } else if let tries = rejectedByDistrict[code],
        let last = latest(tries.map(\.submission)),
        let result = tries.first(where: { $0.submission == last })
      {
        districts[index].status = .rejected
        districts[index].file = last.file
        districts[index].sheet = last.sheet
        districts[index].submittedOn = last.submittedOn
        districts[index].documentNumber = last.documentNumber
        districts[index].diagnostics = result.diagnostics.filter { $0.severity == .error }
        shownRejections.insert(last.file)
      }
    }
    let otherRejections = districts.map(\.code).flatMap { code in
      (rejectedByDistrict[code] ?? []).filter { !shownRejections.contains($0.submission.file) }
        .sorted { precedes($0.submission.file, $1.submission.file) }
        .map {
          RejectedFile(
            file: $0.submission.file, district: code,
            diagnostics: $0.diagnostics.filter { $0.severity == .error })
        }
    }
    diagnostics = superseded + diagnostics
    let rank = Dictionary(uniqueKeysWithValues: districts.enumerated().map { ($1.code, $0) })
    lines = sortedLines(lines, rank: rank)

    let totals = lines.reduce(into: FundTotals.zero) { $0 += $1.line.amounts }
    for index in districts.indices where districts[index].status == .accepted {
      districts[index].shareOfTotal = Percentage.of(
        districts[index].totals.total, in: totals.total,
        places: 2)
    }
    let priorityTotals = districts.filter(\.priority).reduce(into: FundTotals.zero) {
      $0 += $1.totals
    }

    let earlier = earlierYears(before: year, programme: programme)
    let earlierQuantities = quantities(
      in: earlier, results: results, programme: programme, lateFiles: lateFiles, arrival: arrival)

    let contentAreas = summarize(lines: lines, programme: programme, earlier: earlierQuantities)
    diagnostics += CrossDuplicateCheck.run(lines: lines, districts: districts, year: year)
    diagnostics += envelopeWarnings(totals: totals, year: year, programme: programme)

    var plan = ConsolidatedPlan(
      planYear: year, districts: districts, lines: lines, contentAreas: contentAreas,
      totals: totals, priorityTotals: priorityTotals,
      priorityShareOfTotal: Percentage.of(priorityTotals.total, in: totals.total, places: 2),
      priorityShareOfSupport: Percentage.of(priorityTotals.support, in: totals.support, places: 2),
      earlierYears: earlier,
      unattributedRejections: unattributed.sorted { precedes($0.submission.file, $1.submission.file) }
        .map {
          RejectedFile(
            file: $0.submission.file,
            diagnostics: $0.diagnostics.filter { $0.severity == .error })
        },
      diagnostics: diagnostics)
    plan.otherRejections = otherRejections
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
      return a.lines.count < b.lines.count
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
    lines.enumerated().sorted { x, y in
      let a = x.element
      let b = y.element
      let ra = rank[a.district] ?? Int.max
      let rb = rank[b.district] ?? Int.max
      if ra != rb { return ra < rb }
      if a.line.source.file != b.line.source.file {
        return precedes(a.line.source.file, b.line.source.file)
      }
      let sa = a.line.source.sheet ?? ""
      let sb = b.line.source.sheet ?? ""
      if sa != sb { return precedes(sa, sb) }
      let rowA = a.line.source.row ?? 0
      let rowB = b.line.source.row ?? 0
      if rowA != rowB { return rowA < rowB }
      return x.offset < y.offset
    }.map(\.element)
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
