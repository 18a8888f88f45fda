/// Checks a submission against the programme as its lines stream out of the mapper: every
/// rule, every problem, one pass (SPEC §4), with memory that does not grow with the lines
/// (SPEC §8) unless the caller keeps them.
///
/// Each line is checked once it is final, then let go (or kept, for `consolidate`). What the
/// checks need across lines is kept small: running sums per fund source for the report and
/// per group of lines for `total.mismatch`, a 16-byte fingerprint per line for
/// `line.duplicate`, the first row of each rule `budget.unchecked` names. Lines wait only when
/// a check needs what the file has not said yet: the district and plan year (for places,
/// periods and caps), or the number convention of an ambiguous amount (`LineBuilder`).
///
/// The diagnostics, and their order once sorted, are exactly those of checking the whole
/// submission at the end: each check's diagnostics are kept apart and joined in check order.
public struct ValidationRun {
  /// The checks that judge the file and its title block, not its lines, in reporting order
  /// (before the line checks).
  static let fileChecks: [any SubmissionCheck] = [MetaCheck(), DeadlineCheck()]

  /// The checks of SPEC §4 that judge the lines, in reporting order (after the file checks).
  /// (`cross.duplicate` and `submission.superseded` need several submissions: see Merge.)
  static func lineChecks() -> [any LineCheck] {
    [
      ContentUnitCheck(), PeriodCheck(), BudgetSumCheck(), BudgetCapCheck(), TotalRowCheck(),
      DuplicateLineCheck(), SumRangeCheck(),
    ]
  }

  /// Diagnostics about the file, its sheets, header and title block: kept when the lines are
  /// not judged.
  static func fileLevel(_ code: DiagnosticCode) -> Bool {
    let prefix = code.rawValue.prefix { $0 != "." }
    return ["file", "csv", "xml", "header", "meta", "sheet"].contains(String(prefix))
  }

  private let programme: Programme
  private let file: String
  private let keepsLines: Bool
  private var checks = lineChecks()
  /// The indices in `checks` of those that judge a line at once, and of those that need the
  /// district and year: asked once, not of each line (an existential copied per question).
  private let earlyChecks: [Int]
  private let lateChecks: [Int]
  /// Each line check's diagnostics so far, by check.
  private var found: [[Diagnostic]]
  /// The place diagnostics so far (reported before the checks').
  private var placeFound: [Diagnostic] = []
  private let places: PlaceResolver
  private let content: ContentResolver
  private var placeMemo = PlaceResolver.Memo()
  /// Set once the district and year are known (they never change after) or the file ended.
  private var context: LineContext?
  /// The context of the checks that need no district or year, from the first line on.
  private var early: LineContext?
  /// Where the plan table is (sheet, columns), from its first line on.
  private var table: (sheet: String?, columns: [ColumnKey: Int])?
  /// Lines that wait for the district and year, kept compactly (a file may never name them:
  /// then all its lines wait). The checks that wait read the line alone, not its group.
  private var waiting = PlanLines()
  /// The lines, when kept.
  private var kept = PlanLines()
  private var lineCount = 0
  private var totals = FundTotals.zero

  /// A run over the lines of the file named `file`; `keepingLines`: whether the result holds
  /// the lines (`consolidate` needs them; `validate` needs only their count and totals).
  /// `lookups`: `programme`'s tables, when the caller has built them (else built here).
  public init(file: String, programme: Programme, keepingLines: Bool, lookups: ProgrammeLookups? = nil) {
    let lookups = lookups ?? ProgrammeLookups(programme)
    self.programme = programme
    self.file = file
    self.keepsLines = keepingLines
    self.content = lookups.content
    self.places = PlaceResolver(programme: programme, lookups: lookups)
    self.found = Array(repeating: [], count: checks.count)
    let checks = self.checks
    self.earlyChecks = checks.indices.filter { !checks[$0].needsDistrictAndYear }
    self.lateChecks = checks.indices.filter { checks[$0].needsDistrictAndYear }
  }

  /// Takes the next line out of the mapper, with what the file said so far: the district and
  /// year (the first ones named), where its plan table is (sheet, columns).
  mutating func accept(_ mapped: MappedLine) {
    let built = mapped.built
    if table == nil { table = (mapped.sheet, mapped.columns) }
    if context == nil, let district = mapped.district, let year = mapped.year {
      settle(district: district, year: PlanYear(rawValue: year))
    }
    let early = context ?? self.early ?? makeContext(district: nil, year: nil)
    self.early = early
    if case .provisional(let amounts) = built.stage {
      for index in checks.indices { checks[index].expect(built.line, amounts: amounts) }
      return
    }
    lineCount += 1
    totals += built.line.amounts
    for index in earlyChecks {
      let diagnostics = checks[index].check(built, in: early)
      if !diagnostics.isEmpty { found[index] += diagnostics }
    }
    if let context {
      judge(built, in: context)
    } else {
      waiting.append(built.line)
    }
  }

  private func makeContext(district: DistrictCode?, year: PlanYear?) -> LineContext {
    LineContext(
      validation: ValidationContext(
        programme: programme, district: district.flatMap { programme.district($0) }, planYear: year,
        content: content),
      file: file, sheet: table?.sheet, columns: table?.columns ?? [:])
  }

  /// The district and year are known: the lines that waited for them are judged.
  private mutating func settle(district: DistrictCode?, year: PlanYear?) {
    let context = makeContext(district: district, year: year)
    self.context = context
    let lines = waiting
    waiting = PlanLines()
    for line in lines { judge(BuiltLine(line: line, group: 0, stage: .streamed), in: context) }
  }

  /// The checks that needed the district and year; then the line is kept or let go.
  private mutating func judge(_ built: BuiltLine, in context: LineContext) {
    var commune: CommuneCode?
    if let district = context.validation.district, let year = context.validation.planYear {
      let resolved = places.resolution(
        of: built.line, district: district, year: year, columns: context.columns, memo: &placeMemo)
      commune = resolved.commune
      if !resolved.found.isEmpty { placeFound += resolved.found }
    }
    for index in lateChecks {
      let diagnostics = checks[index].check(built, in: context)
      if !diagnostics.isEmpty { found[index] += diagnostics }
    }
    // Only a kept line is copied to take its commune (the checks read the line as built).
    if keepsLines {
      var line = built.line
      if let commune { line.commune = commune }
      kept.append(line)
    }
  }

  /// The result, once the mapper has finished: `mapped` (with the problems met while reading,
  /// `read`) says what only the whole file tells.
  public mutating func finish(_ mapped: MappedSubmission, read: ReadReport) -> SubmissionResult {
    if context == nil {
      if table == nil { table = (mapped.submission.sheet, mapped.columns) }
      settle(district: mapped.submission.district, year: mapped.submission.planYear)
    }
    let lineContext = context ?? makeContext(district: nil, year: nil)
    let validation = lineContext.validation
    var submission = mapped.submission
    // One cause, one report: when the header could not be mapped, the lines were read against
    // a guessed header, so nothing said about them follows from the file itself.
    if mapped.diagnostics.contains(where: { $0.severity == .error && $0.code.rawValue.hasPrefix("header.") })
    {
      var diagnostics = read.diagnostics + mapped.diagnostics.filter { Self.fileLevel($0.code) }
      for check in Self.fileChecks { diagnostics += check.check(mapped, in: validation) }
      // Rows read against a guessed header are not the district's lines: none is reported.
      submission.lines = []
      return SubmissionResult(submission: submission, diagnostics: Self.sorted(diagnostics))
    }
    var diagnostics = read.diagnostics + mapped.diagnostics + placeFound
    // A file that could not be read has no table worth checking rules on.
    if !read.isFatal || lineCount > 0 {
      for check in Self.fileChecks { diagnostics += check.check(mapped, in: validation) }
      for index in checks.indices {
        diagnostics += found[index]
        diagnostics += checks[index].finish(mapped, in: lineContext)
      }
    }
    if keepsLines {
      // Lines that waited for the number convention came last: back in row order.
      kept.sortByRow()
      kept.compact()
      submission.lines = kept
    } else {
      submission.lines = []
      submission.lineCount = lineCount
      submission.totals = totals
    }
    let bounded = DiagnosticBounds.bounded(Self.sorted(diagnostics), file: submission.file)
    return SubmissionResult(submission: submission, diagnostics: bounded)
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
