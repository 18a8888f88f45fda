/// Reads the budget rules into typed cases (STYLE §7: decoded once, never stringly-typed).
///
/// Each rule names its `kind`; an unknown kind is a load error at its line, never skipped,
/// because a skipped cap would silently let over-cap support through. Each rule may carry
/// the plan years it is in force (`fromYear`, `toYear`).
struct BudgetRuleDecoder {
  let file: String

  /// The rule kinds this program knows, as written in the file.
  static let kinds = ["cap", "priorityOnly", "unchecked"]

  func rules(_ top: JSONObjectReader, indicators: Set<IndicatorCode>, areas: Set<IndicatorCode> = [])
    throws(ProgrammeError) -> [BudgetRule]
  {
    var rules: [BudgetRule] = []
    for (offset, node) in try top.optionalArray("rules").enumerated() {
      let path = "rules[\(offset)]"
      // Read the kind first, to know which keys the rest of the object may have.
      let peek = try JSONObjectReader(node, path: path, file: file, allowed: nil)
      let kindNode = try peek.required("kind")
      let kind = try peek.stringValue(kindNode, path: peek.path("kind"))
      switch kind {
      case "cap":
        let object = try JSONObjectReader(node, path: path, file: file, allowed: Self.capKeys)
        rules.append(.cap(try cap(object, indicators: indicators)))
      case "priorityOnly":
        let object = try JSONObjectReader(
          node, path: path, file: file, allowed: ["kind", "indicator", "basis", "fromYear", "toYear"])
        var rule = PriorityOnlyRule(
          indicator: try indicator(object, indicators: indicators), basis: try object.text("basis"))
        rule.years = try years(object)
        rules.append(.priorityOnly(rule))
      case "unchecked":
        let object = try JSONObjectReader(
          node, path: path, file: file,
          allowed: ["kind", "indicator", "area", "what", "why", "basis", "fromYear", "toYear"])
        rules.append(.unchecked(try unchecked(object, indicators: indicators, areas: areas)))
      default:
        throw peek.failure(
          kindNode.line,
          "\(path).kind \"\(kind)\" is not a known rule kind; expected one of: "
            + Self.kinds.joined(separator: ", "))
      }
    }
    return rules
  }

  /// `capPeriods`: which legal text sets the caps for which plan years; periods may not overlap.
  func capPeriods(_ top: JSONObjectReader, period: ClosedRange<PlanYear>) throws(ProgrammeError)
    -> [CapPeriod]
  {
    var periods: [CapPeriod] = []
    for (offset, node) in try top.optionalArray("capPeriods").enumerated() {
      // Each period decodes itself (CapPeriod: Decodable); overlaps are checked across them.
      let period = try JSONNodeDecoder.decode(
        CapPeriod.self, from: node, path: [NameKey("capPeriods"), IndexKey(offset)], file: file)
      if let other = periods.first(where: { $0.fromYear <= period.toYear && period.fromYear <= $0.toYear }) {
        throw ProgrammeError.invalid(
          file: file, line: node.line,
          reason:
            "capPeriods[\(offset)] (\(period.fromYear)–\(period.toYear)) overlaps the period \(other.fromYear)–\(other.toYear): one legal text per plan year"
        )
      }
      periods.append(period)
    }
    return periods
  }

  private static let capKeys = [
    "kind", "indicator", "fund", "maxPercent", "maxAmountPerUnit", "raisedInPriorityDistricts", "basis",
    "fromYear", "toYear", "markers", "per",
  ]

  private func cap(_ object: JSONObjectReader, indicators: Set<IndicatorCode>) throws(ProgrammeError)
    -> SupportCap
  {
    let indicator = try self.indicator(object, indicators: indicators)
    let fund = try ProgrammeDecoder(file: file).fund(object, "fund")
    var maxPercent: ExactDecimal?
    if let node = object.optional("maxPercent") {
      let value = try object.decimalValue(node, path: object.path("maxPercent"))
      guard value > ExactDecimal(units: 0), value <= ExactDecimal(units: 100) else {
        throw object.failure(
          node.line, "\(object.path("maxPercent")) must be more than 0 and at most 100, found \(value)")
      }
      maxPercent = value
    }
    let maxAmount = try object.optionalMoney("maxAmountPerUnit")
    guard maxPercent != nil || maxAmount != nil else {
      throw object.failure(
        object.line, "\(object.path) caps nothing: give maxPercent, maxAmountPerUnit or both")
    }
    var cap = SupportCap(
      indicator: indicator, fund: fund, maxPercent: maxPercent, maxAmountPerUnit: maxAmount,
      raisedInPriorityDistricts: try object.bool("raisedInPriorityDistricts"), basis: try object.text("basis")
    )
    cap.years = try years(object)
    cap.markers = object.optional("markers") == nil ? [] : try object.strings("markers")
    cap.per = try object.optionalString("per") ?? ""
    return cap
  }

  private func unchecked(
    _ object: JSONObjectReader, indicators: Set<IndicatorCode>, areas: Set<IndicatorCode>
  ) throws(ProgrammeError) -> UncheckedRule {
    var scope = UncheckedScope.everyLine
    if object.optional("indicator") != nil {
      scope = .indicator(try indicator(object, indicators: indicators))
    }
    if let node = object.optional("area") {
      let code = IndicatorCode(rawValue: try object.stringValue(node, path: object.path("area")))
      guard areas.contains(code) else {
        throw object.failure(
          node.line, "\(object.path("area")) \"\(code)\" is not a content area of the programme")
      }
      guard case .everyLine = scope else {
        throw object.failure(node.line, "\(object.path) gives both indicator and area; give one")
      }
      scope = .areaActivities(code)
    }
    return UncheckedRule(
      scope: scope, what: try object.text("what"), why: try object.text("why"), years: try years(object),
      basis: try object.text("basis"))
  }

  /// `fromYear` / `toYear`, each optional.
  private func years(_ object: JSONObjectReader) throws(ProgrammeError) -> PlanYearSpan {
    var span = PlanYearSpan()
    if object.optional("fromYear") != nil {
      span.fromYear = PlanYear(rawValue: try object.int("fromYear", in: 1900...9999))
    }
    if object.optional("toYear") != nil {
      span.toYear = PlanYear(rawValue: try object.int("toYear", in: 1900...9999))
    }
    if let from = span.fromYear, let to = span.toYear, to < from {
      throw object.failure(
        try object.required("toYear").line, "\(object.path("toYear")) \(to) is before fromYear \(from)")
    }
    return span
  }

  private func indicator(_ object: JSONObjectReader, indicators: Set<IndicatorCode>) throws(ProgrammeError)
    -> IndicatorCode
  {
    let node = try object.required("indicator")
    let code = IndicatorCode(rawValue: try object.stringValue(node, path: object.path("indicator")))
    guard indicators.contains(code) else {
      throw object.failure(
        node.line,
        "\(object.path("indicator")) \"\(code)\" is not an indicator of the programme's content areas")
    }
    return code
  }
}
