/// Checks a mapped submission against the programme: every rule, every problem, one pass
/// (SPEC §4).
public enum ValidationRun {
  /// The checks of SPEC §4 that look at one submission alone, in reporting order.
  /// (`cross.duplicate` and `submission.superseded` need several submissions: see Merge.)
  public static let checks: [any SubmissionCheck] = [
    MetaCheck(), DeadlineCheck(), ContentUnitCheck(), PeriodCheck(), BudgetSumCheck(),
    BudgetCapCheck(), TotalRowCheck(), DuplicateLineCheck(), SumRangeCheck(),
  ]

  /// The checks that judge the file and its title block, not its lines.
  static let fileChecks: [any SubmissionCheck] = [MetaCheck(), DeadlineCheck()]

  /// Diagnostics about the file, its sheets, header and title block: kept when the lines are
  /// not judged.
  static func fileLevel(_ code: DiagnosticCode) -> Bool {
    let prefix = code.rawValue.prefix { $0 != "." }
    return ["file", "csv", "xml", "header", "meta", "sheet"].contains(String(prefix))
  }

  /// Validates `mapped` (with the problems met while reading, `read`) against `programme`.
  /// `mapped` is consumed: its lines are resolved in place, not copied (a plan's lines are
  /// the largest thing validation holds).
  public static func validate(
    _ mapped: consuming MappedSubmission, read: ReadReport, against programme: Programme
  ) -> SubmissionResult {
    let district = mapped.submission.district.flatMap { programme.district($0) }
    let year = mapped.submission.planYear
    let context = ValidationContext(programme: programme, district: district, planYear: year)
    // One cause, one report: when the header could not be mapped, the lines were read against
    // a guessed header, so nothing said about them follows from the file itself.
    if mapped.diagnostics.contains(where: { $0.severity == .error && $0.code.rawValue.hasPrefix("header.") })
    {
      var diagnostics = read.diagnostics + mapped.diagnostics.filter { Self.fileLevel($0.code) }
      for check in fileChecks { diagnostics += check.check(mapped, in: context) }
      // Rows read against a guessed header are not the district's lines: none is reported.
      var submission = mapped.submission
      submission.lines = []
      return SubmissionResult(submission: submission, diagnostics: sorted(diagnostics))
    }
    var diagnostics = read.diagnostics + mapped.diagnostics
    if let district, let year {
      diagnostics += PlaceResolver(programme: programme)
        .resolve(&mapped.submission.lines, district: district, year: year, columns: mapped.columns)
    }
    // A file that could not be read has no table worth checking rules on.
    if !read.isFatal || !mapped.submission.lines.isEmpty {
      for check in checks { diagnostics += check.check(mapped, in: context) }
    }
    let kept = DiagnosticBounds.bounded(sorted(diagnostics), file: mapped.submission.file)
    return SubmissionResult(submission: mapped.submission, diagnostics: kept)
  }

  /// File-level problems first, then by sheet, row, column and code: the order a district
  /// official walks through the sheet.
  public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var seen: Set<Diagnostic> = []
    let unique = diagnostics.filter { seen.insert($0).inserted }
    return unique.sorted { a, b in
      let ka = (a.position.row ?? 0, a.position.column ?? 0, a.position.line ?? 0)
      let kb = (b.position.row ?? 0, b.position.column ?? 0, b.position.line ?? 0)
      if (a.position.sheet ?? "") != (b.position.sheet ?? "") {
        return (a.position.sheet ?? "") < (b.position.sheet ?? "")
      }
      if ka != kb { return ka < kb }
      if a.code != b.code { return a.code < b.code }
      return a.severity > b.severity
    }
  }
}
