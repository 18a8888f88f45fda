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
  /// Sum of the lines that named only the area, not an indicator: the area's other
  /// activities ("hoạt động khác"), counted in its budget and never towards a target.
  public var withoutIndicator: FundTotals
  /// How many lines those are.
  public var withoutIndicatorLines: Int = 0

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

/// One indicator's budget this year, and the quantity and five-year progress of each of its
/// measures.
public struct IndicatorSummary: Hashable, Sendable {
  /// Sum of the lines naming this indicator.
  public var totals: FundTotals
  public var lineCount: Int
  /// The indicator's name as the programme gives it.
  public var name: String = ""
  /// One entry per measure, in programme order (never empty).
  public var measures: [IndicatorProgress]

  /// Creates a summary.
  public init(totals: FundTotals, lineCount: Int, measures: [IndicatorProgress]) {
    self.totals = totals
    self.lineCount = lineCount
    self.measures = measures
  }

  /// The indicator code.
  public var code: IndicatorCode { measures.first?.code ?? IndicatorCode(rawValue: "") }
  /// The first measure's progress (the only one for most indicators).
  public var progress: IndicatorProgress {
    measures.first
      ?? IndicatorProgress(
        code: code, name: "", unit: "", target: nil, thisYear: .zero, earlierYears: .zero,
        cumulative: .zero, percentOfTarget: nil)
  }
  /// This year's quantity of the first measure.
  public var quantity: ExactDecimal { progress.thisYear }
}

/// Where a quantity counts: one measure of one indicator.
public struct MeasureKey: Hashable, Sendable, Comparable {
  public var indicator: IndicatorCode
  /// The measure's position in the indicator's `measures`.
  public var measure: Int

  /// Creates a key.
  public init(indicator: IndicatorCode, measure: Int) {
    self.indicator = indicator
    self.measure = measure
  }

  public static func < (a: Self, b: Self) -> Bool {
    a.indicator != b.indicator ? a.indicator < b.indicator : a.measure < b.measure
  }
}

/// Progress of one measure of an indicator against the programme's five-year target.
public struct IndicatorProgress: Hashable, Sendable {
  public var code: IndicatorCode
  /// The measure's name ("lượt cơ sở tham gia hội chợ"); the indicator's for one measure.
  public var name: String
  public var unit: String
  /// The measure's position in the indicator (0 for the first).
  public var measure: Int
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
    code: IndicatorCode, name: String, unit: String, measure: Int = 0, target: ExactDecimal?,
    thisYear: ExactDecimal, earlierYears: ExactDecimal, cumulative: ExactDecimal,
    percentOfTarget: ExactDecimal?
  ) {
    self.code = code
    self.name = name
    self.unit = unit
    self.measure = measure
    self.target = target
    self.thisYear = thisYear
    self.earlierYears = earlierYears
    self.cumulative = cumulative
    self.percentOfTarget = percentOfTarget
  }

  /// Where this entry's quantities count.
  public var key: MeasureKey { MeasureKey(indicator: code, measure: measure) }
}
