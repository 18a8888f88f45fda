extension PlanMerger {
  /// The outcome of choosing, for plan year N, the version of each district that counts.
  struct VersionChoice {
    /// Every district in rank order, with its status, file and totals.
    var districts: [PlanDistrict]
    /// The lines of the winning versions, in no particular order.
    var lines: [ConsolidatedLine]
    /// `submission.superseded` (info) and `meta.district` for accepted files naming no district.
    var diagnostics: [Diagnostic]
    /// Rejected files of a district other than the one shown for it.
    var otherRejections: [RejectedFile]
    /// Rejected files whose district could not be read.
    var unattributed: [RejectedFile]
    /// Accepted yet late files (late policy `warn`): they count only when a district has no
    /// on-time version.
    var lateFiles: Set<String>
  }

  /// Chooses the version of each district that counts for `year`: among its accepted
  /// submissions the latest on-time one (then the latest late one); otherwise its latest
  /// rejected one, shown with its errors; otherwise missing.
  static func chooseVersions(
    results: [SubmissionResult], year: PlanYear, programme: Programme, arrival: [String: Int]
  ) -> VersionChoice {
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
        entry.lineCount = winner.lineCount
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
        lines += winner.lines.indices.map { ConsolidatedLine(district: code, lines: winner.lines, index: $0) }
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
    return VersionChoice(
      districts: districts, lines: lines, diagnostics: superseded + diagnostics,
      otherRejections: otherRejections,
      unattributed: unattributed.sorted { precedes($0.submission.file, $1.submission.file) }
        .map {
          RejectedFile(file: $0.submission.file, diagnostics: $0.diagnostics.filter { $0.severity == .error })
        },
      lateFiles: lateFiles)
  }
}
