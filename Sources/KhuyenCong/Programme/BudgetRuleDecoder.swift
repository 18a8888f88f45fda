/// Reads the budget rules into typed cases (STYLE §7: decoded once, never stringly-typed).
///
/// Each rule names its `kind`; an unknown kind is a load error at its line, never skipped,
/// because a skipped cap would silently let over-cap support through.
struct BudgetRuleDecoder {
  let file: String

  /// The rule kinds this program knows, as written in the file.
  static let kinds = ["cap", "priorityOnly"]

  func rules(_ top: JSONObjectReader, indicators: Set<IndicatorCode>) throws(ProgrammeError) -> [BudgetRule] {
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
          node, path: path, file: file, allowed: ["kind", "indicator", "basis"])
        rules.append(
          .priorityOnly(
            PriorityOnlyRule(
              indicator: try indicator(object, indicators: indicators), basis: try object.text("basis"))))
      default:
        throw peek.failure(
          kindNode.line,
          "\(path).kind \"\(kind)\" is not a known rule kind; expected one of: "
            + Self.kinds.joined(separator: ", "))
      }
    }
    return rules
  }

  private static let capKeys = [
    "kind", "indicator", "fund", "maxPercent", "maxAmountPerUnit", "raisedInPriorityDistricts", "basis",
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
    return SupportCap(
      indicator: indicator, fund: fund, maxPercent: maxPercent, maxAmountPerUnit: maxAmount,
      raisedInPriorityDistricts: try object.bool("raisedInPriorityDistricts"), basis: try object.text("basis")
    )
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
