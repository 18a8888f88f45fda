/// The two table layouts a district may use (SPEC §3).
public enum SubmissionLayout: String, Hashable, Sendable, Codable {
  /// The administrative form: title block, one- or two-row header, sections, totals, signature.
  case form
  /// A single header row, one line per row, district/year/date as columns or label rows.
  case flat
}

/// One district's plan for one year, as read from one file.
public struct Submission: Hashable, Sendable, Codable {
  /// The file name as submitted.
  public var file: String
  /// The sheet the plan was found in.
  public var sheet: String?
  public var layout: SubmissionLayout?
  public var district: DistrictCode?
  public var planYear: PlanYear?
  public var submittedOn: CivilDate?
  /// "215/KH-UBND", when the title block carries one.
  public var documentNumber: String?
  public var moneyUnit: MoneyUnit
  /// The lines, when they were kept (compactly): `validate` streams them through the checks
  /// and keeps only their count and totals. Setting them sets `lineCount` and `totals`.
  public var lines: PlanLines {
    didSet {
      lineCount = lines.count
      totals = lines.totals
    }
  }
  /// How many lines the plan has (also when they were not kept).
  public var lineCount: Int
  /// The sum of every line's amounts (also when they were not kept).
  public var totals: FundTotals

  /// Creates an empty submission for `file`.
  public init(file: String) {
    self.file = file
    self.moneyUnit = .trieuDong
    self.lines = []
    self.lineCount = 0
    self.totals = .zero
  }
}

/// Whether a submission goes into the plan.
public enum SubmissionStatus: String, Hashable, Sendable, Codable {
  case accepted
  case rejected
}

/// A submission with every diagnostic found in it.
public struct SubmissionResult: Hashable, Sendable, Codable {
  public var submission: Submission
  public var diagnostics: [Diagnostic]

  /// Creates a result.
  public init(submission: Submission, diagnostics: [Diagnostic]) {
    self.submission = submission
    self.diagnostics = diagnostics
  }

  /// Rejected as soon as one diagnostic is an error: a plan is one signed document (SPEC §4).
  public var status: SubmissionStatus {
    diagnostics.contains { $0.severity == .error } ? .rejected : .accepted
  }
}
