/// Totals of one content area of the plan, with its indicators (SPEC §5 `contentAreas`).
public struct ContentAreaSummary: Hashable, Sendable {
  /// `1` … `9`.
  public var code: IndicatorCode
  public var name: String
  /// Sum of every line of the area, with or without an indicator.
  public var totals: FundTotals
  public var lineCount: Int
  /// Every indicator of the area in programme order (also those with no line this year).
  public var indicators: [IndicatorSummary]
  /// Sum of the lines that named only the area, not an indicator.
  public var withoutIndicator: FundTotals

  /// Creates an empty area summary.
  public init(code: IndicatorCode, name: String) {
    self.code = code
    self.name = name
    self.totals = .zero
    self.lineCount = 0
    self.indicators = []
    self.withoutIndicator = .zero
  }
}

/// One indicator's quantity and budget this year, and its five-year progress.
public struct IndicatorSummary: Hashable, Sendable {
  /// Sum of the lines naming this indicator.
  public var totals: FundTotals
  public var lineCount: Int
  /// Code, unit, target and quantities.
  public var progress: IndicatorProgress

  /// Creates a summary.
  public init(totals: FundTotals, lineCount: Int, progress: IndicatorProgress) {
    self.totals = totals
    self.lineCount = lineCount
    self.progress = progress
  }

  /// The indicator code.
  public var code: IndicatorCode { progress.code }
  /// This year's quantity.
  public var quantity: ExactDecimal { progress.thisYear }
}

/// Progress of one indicator against the programme's five-year target.
public struct IndicatorProgress: Hashable, Sendable {
  public var code: IndicatorCode
  public var name: String
  public var unit: String
  /// The five-year target; `nil` when the programme sets none (area 9).
  public var target: ExactDecimal?
  /// Quantity planned this year.
  public var thisYear: ExactDecimal
  /// Quantity in the accepted plans of earlier years of the period.
  public var earlierYears: ExactDecimal
  /// `thisYear + earlierYears`.
  public var cumulative: ExactDecimal
  /// `cumulative / target` in percent, one decimal, rounded half up with integers;
  /// `nil` without a (non-zero) target.
  public var percentOfTarget: ExactDecimal?

  /// Creates a progress entry.
  public init(
    code: IndicatorCode, name: String, unit: String, target: ExactDecimal?,
    thisYear: ExactDecimal, earlierYears: ExactDecimal, cumulative: ExactDecimal,
    percentOfTarget: ExactDecimal?
  ) {
    self.code = code
    self.name = name
    self.unit = unit
    self.target = target
    self.thisYear = thisYear
    self.earlierYears = earlierYears
    self.cumulative = cumulative
    self.percentOfTarget = percentOfTarget
  }
}
