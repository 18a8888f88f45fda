/// When a line starts or ends: a day, a month or a quarter ("Quý II/2017").
public enum PlanTime: Hashable, Sendable, Codable {
  case day(CivilDate)
  case month(year: Int, month: Int)
  case quarter(year: Int, quarter: Int)

  /// The first day the value covers.
  public var firstDay: CivilDate {
    switch self {
    case .day(let date): return date
    case .month(let year, let month): return CivilDate(year: year, month: month, day: 1)
    case .quarter(let year, let quarter): return CivilDate(year: year, month: quarter * 3 - 2, day: 1)
    }
  }

  /// The last day the value covers.
  public var lastDay: CivilDate {
    switch self {
    case .day(let date): return date
    case .month(let year, let month):
      return CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))
    case .quarter(let year, let quarter):
      let month = quarter * 3
      return CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))
    }
  }

  /// `25/10/2017`, `03/2017`, `Quý 2/2017`: as a Vietnamese official writes it.
  public var displayText: String {
    switch self {
    case .day(let date): return date.vietnameseText
    case .month(let year, let month): return pad(month, 2) + "/" + String(year)
    case .quarter(let year, let quarter): return "Quý \(quarter)/\(year)"
    }
  }
}

/// One project or activity (đề án / hoạt động) of a district's plan, with typed values.
public struct PlanLine: Hashable, Sendable, Codable {
  /// The row it came from, as the district sees it.
  public var source: Position
  /// The indicator, when the content cell named one (`3.3`), else `nil`.
  public var indicator: IndicatorCode?
  /// The content area (`3`), resolved from the indicator or from an area code or name.
  public var contentArea: IndicatorCode?
  /// The content cell as written.
  public var contentText: String
  public var activity: String
  public var implementer: String
  public var beneficiary: String?
  /// The place as written.
  public var place: String?
  /// The commune it was matched to, if any.
  public var commune: CommuneCode?
  /// A group project (đề án nhóm): place and beneficiary may be empty (Circular 36 Art. 10.1.a).
  public var isGroup: Bool
  public var unit: String?
  public var quantity: ExactDecimal?
  public var start: PlanTime?
  public var end: PlanTime?
  public var amounts: FundTotals
  public var note: String?
  /// Whether every amount of the line could be read and its total is there; when not, each
  /// unreadable cell was reported (`cell.type`, `cell.required`) and sums over the line are
  /// unknown.
  public var amountsAreReadable = true

  /// The amounts, when every one could be read: what the budget checks see.
  public var readableAmounts: FundTotals? { amountsAreReadable ? amounts : nil }

  /// Creates a line with the required fields; the rest default to empty.
  public init(
    source: Position, contentText: String, activity: String, implementer: String,
    amounts: FundTotals
  ) {
    self.source = source
    self.contentText = contentText
    self.activity = activity
    self.implementer = implementer
    self.amounts = amounts
    self.isGroup = false
  }
}
