/// Reads the budget rules into typed cases (STYLE §7: decoded once, never stringly-typed).
///
/// Each rule names its `kind`; an unknown kind is a load error at its line, never skipped,
/// because a skipped cap would silently let over-cap support through. Each rule may carry
/// the plan years it is in force (`fromYear`, `toYear`).
struct BudgetRuleDecoder {
  let file: String

  func rules(_ top: ProgrammeDecoder.TopLevel, context: DecodingContext) throws(ProgrammeError)
    -> [BudgetRule]
  {
    var rules: [BudgetRule] = []
    for (offset, node) in try top.array(.rules).enumerated() {
      // Each rule decodes itself by its kind (BudgetRuleEntry: Decodable).
      let entry = try JSONNodeDecoder.decode(
        BudgetRuleEntry.self, from: node, path: [NameKey("rules"), IndexKey(offset)], file: file,
        context: context)
      rules.append(entry.rule)
    }
    return rules
  }

  /// `capPeriods`: which legal text sets the caps for which plan years; periods may not overlap.
  func capPeriods(_ top: ProgrammeDecoder.TopLevel) throws(ProgrammeError) -> [CapPeriod] {
    var periods: [CapPeriod] = []
    for (offset, node) in try top.array(.capPeriods, required: false).enumerated() {
      // Each period decodes itself (CapPeriod: Decodable); overlaps are checked across them.
      let period = try JSONNodeDecoder.decode(
        CapPeriod.self, from: node, path: [NameKey("capPeriods"), IndexKey(offset)], file: file)
      if let other = periods.first(where: { $0.fromYear <= period.toYear && period.fromYear <= $0.toYear }) {
        throw top.failure(
          node.line,
          "capPeriods[\(offset)] (\(period.fromYear)–\(period.toYear)) overlaps the period \(other.fromYear)–\(other.toYear): one legal text per plan year"
        )
      }
      periods.append(period)
    }
    return periods
  }
}
