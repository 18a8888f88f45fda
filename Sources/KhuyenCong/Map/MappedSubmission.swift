/// A total or subtotal row of a form, with the amounts it declares and the lines it covers.
public struct DeclaredTotal: Hashable, Sendable {
  /// `nil` for the grand total ("Tổng cộng"); the section's label ("I", "Đào tạo nghề") else.
  public var section: String?
  /// The row, as the district sees it.
  public var position: Position
  /// Each money column's declared amount, with its cell (only the cells that hold a value).
  public var amounts: [FundColumn: Located<Money>]
  /// The groups of lines the total covers: the mapper numbers the lines into groups that
  /// each section or total row closes, so a section covers one group and a total row every
  /// group above it (a range, not a list of rows: nothing per line is kept).
  public var lineGroups: Range<Int>
  /// Whether every amount the row declares could be read (each one that could not was
  /// reported): when not, it is not compared with its lines.
  public var amountsAreReadable = true

  /// Creates a declared total.
  public init(
    section: String?, position: Position, amounts: [FundColumn: Located<Money>],
    lineGroups: Range<Int>
  ) {
    self.section = section
    self.position = position
    self.amounts = amounts
    self.lineGroups = lineGroups
  }
}

/// The five money columns of a line, in fund order (SPEC §3).
public enum FundColumn: String, Hashable, Sendable, CaseIterable, Comparable {
  case total
  case national
  case local
  case counterpart
  case other

  /// The amount of this column in `totals`.
  public func amount(in totals: FundTotals) -> Money {
    switch self {
    case .total: return totals.total
    case .national: return totals.national
    case .local: return totals.local
    case .counterpart: return totals.counterpart
    case .other: return totals.other
    }
  }

  var columnKey: ColumnKey {
    switch self {
    case .total: return .total
    case .national: return .national
    case .local: return .local
    case .counterpart: return .counterpart
    case .other: return .other
    }
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
  }
}

/// A submission as mapped from its sheet, before the programme's rules are checked.
public struct MappedSubmission: Hashable, Sendable {
  public var submission: Submission
  /// What the title block, label rows and meta columns said.
  public var meta: SubmissionMeta
  /// Total and subtotal rows, checked against the lines (`total.mismatch`).
  public var declaredTotals: [DeclaredTotal]
  /// Problems met while mapping (missing headers, unreadable cells, …).
  public var diagnostics: [Diagnostic]
  /// Column of each key in the plan's sheet (for positions of line-level problems).
  public var columns: [ColumnKey: Int]
  /// The number convention the file's text numbers follow, when it had to be decided.
  public var numberConvention: NumberConvention?

  /// Creates a mapped submission.
  public init(
    submission: Submission, meta: SubmissionMeta, declaredTotals: [DeclaredTotal],
    diagnostics: [Diagnostic], columns: [ColumnKey: Int],
    numberConvention: NumberConvention?
  ) {
    self.submission = submission
    self.meta = meta
    self.declaredTotals = declaredTotals
    self.diagnostics = diagnostics
    self.columns = columns
    self.numberConvention = numberConvention
  }
}
