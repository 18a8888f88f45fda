/// Which legal text sets the support caps for a span of plan years (SPEC §2: "each cap rule
/// carries its clause and the plan years it is in force").
///
/// In the seed: Thông tư liên tịch số 26/2014/TTLT-BTC-BCT for the plans of 2016–2018 (made
/// before Thông tư số 28/2018/TT-BTC of 28/3/2018), and Thông tư số 28/2018/TT-BTC from 2019,
/// whose figures the reference does not give (`capsGiven` false): those plans get one `info`
/// saying so, and the old caps are never applied to them.
public struct CapPeriod: Hashable, Sendable {
  public var fromYear: PlanYear
  public var toYear: PlanYear
  /// The legal text in force ("Thông tư liên tịch số 26/2014/TTLT-BTC-BCT").
  public var basis: String
  /// Whether the programme holds this text's caps; when false, plans of these years are not
  /// checked against any cap, and are told so.
  public var capsGiven: Bool
  /// Why this text governs these years (a decision an official can change in the file).
  public var reason: String

  /// Creates a period.
  public init(fromYear: PlanYear, toYear: PlanYear, basis: String, capsGiven: Bool, reason: String) {
    self.fromYear = fromYear
    self.toYear = toYear
    self.basis = basis
    self.capsGiven = capsGiven
    self.reason = reason
  }

  /// Whether `year` falls in this period.
  public func covers(_ year: PlanYear) -> Bool { fromYear <= year && year <= toYear }
}

/// Plan years a rule is in force: from `fromYear` to `toYear`, each open when `nil`.
public struct PlanYearSpan: Hashable, Sendable {
  public var fromYear: PlanYear?
  public var toYear: PlanYear?

  /// Creates a span; `PlanYearSpan()` is every year.
  public init(fromYear: PlanYear? = nil, toYear: PlanYear? = nil) {
    self.fromYear = fromYear
    self.toYear = toYear
  }

  /// Whether `year` is inside the span.
  public func contains(_ year: PlanYear) -> Bool {
    (fromYear.map { $0 <= year } ?? true) && (toYear.map { year <= $0 } ?? true)
  }
}

/// A cap of the law that the form cannot check, because the property it needs is in no
/// column (booth rent, the level of an association, relocation loan interest, management
/// costs). Lines it may concern get one `budget.unchecked` info per file, never silence.
public struct UncheckedRule: Hashable, Sendable {
  /// Which lines it may concern.
  public var scope: UncheckedScope
  /// What the rule caps, in Vietnamese ("80 % giá thuê gian hàng").
  public var what: String
  /// Why the form cannot check it, in Vietnamese.
  public var why: String
  public var years: PlanYearSpan
  public var basis: String

  /// Creates the rule.
  public init(scope: UncheckedScope, what: String, why: String, years: PlanYearSpan, basis: String) {
    self.scope = scope
    self.what = what
    self.why = why
    self.years = years
    self.basis = basis
  }

  /// Whether `line` (with national funds) is one the rule may concern.
  public func concerns(_ line: PlanLine) -> Bool {
    guard line.amounts.national.dong > 0 else { return false }
    switch scope {
    case .everyLine: return true
    case .indicator(let code): return line.indicator == code
    case .areaActivities(let area): return line.indicator == nil && line.contentArea == area
    }
  }
}

/// The lines an unchecked rule may concern (all with national funds, the caps being those of
/// national funds).
public enum UncheckedScope: Hashable, Sendable {
  case everyLine
  case indicator(IndicatorCode)
  /// Lines naming only this content area.
  case areaActivities(IndicatorCode)
}
