/// Whether a district's plan for the year is in the consolidated plan (SPEC §5).
public enum PlanDistrictStatus: String, Hashable, Sendable, Codable {
  /// An accepted submission is merged.
  case accepted
  /// Only rejected submissions arrived; their errors are listed.
  case rejected
  /// Nothing arrived.
  case missing
}

/// One district's place in the consolidated plan.
public struct PlanDistrict: Hashable, Sendable {
  public var code: DistrictCode
  /// Bare name (`Lâm Bình`); the code when the programme does not know it.
  public var name: String
  /// `Huyện Lâm Bình`.
  public var officialName: String
  /// A priority district of the programme.
  public var priority: Bool
  public var status: PlanDistrictStatus
  /// The winning accepted file, or the latest rejected one; `nil` when missing.
  public var file: String?
  /// The sheet the plan was read from.
  public var sheet: String?
  /// The date the plan carries.
  public var submittedOn: CivilDate?
  /// "215/KH-UBND", when given.
  public var documentNumber: String?
  /// Number of lines merged (0 unless accepted).
  public var lineCount: Int
  /// Sum of the merged lines.
  public var totals: FundTotals
  /// Share of the plan's total, in percent (two decimals, half up); `nil` when it is zero.
  public var shareOfTotal: ExactDecimal?
  /// For a rejected district: the error diagnostics of `file`.
  public var diagnostics: [Diagnostic]
  /// Accepted files of the same year that `file` replaced, in byte order of their names.
  public var supersededFiles: [String]

  /// Creates an entry with no submission (status `missing`).
  public init(code: DistrictCode, name: String, officialName: String, priority: Bool) {
    self.code = code
    self.name = name
    self.officialName = officialName
    self.priority = priority
    self.status = .missing
    self.lineCount = 0
    self.totals = .zero
    self.diagnostics = []
    self.supersededFiles = []
  }
}
