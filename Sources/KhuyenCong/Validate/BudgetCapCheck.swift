/// `budget.cap`, `budget.priority-only`, `budget.cap-unknown` and `budget.unchecked`: support
/// within the caps of the programme's rules in force for the plan year (Thông tư liên tịch số
/// 26/2014/TTLT-BTC-BCT, khoản 2 Điều 6, for the plans of 2016–2018 in the seed).
///
/// - A cap broken with national funds (KCQG) is an error; national funds within the cap but
///   national + local above it is a warning, because the province sets its own local rates
///   (khoản 3 Điều 6, SPEC §2).
/// - Absolute caps are per unit of the line's quantity (one unit when it is missing). In a
///   priority district the 1,5× of điểm t is a ceiling that needs approval: above the base cap
///   and within 1,5× is a warning naming the approval needed, above 1,5× an error.
/// - A cap that needs a property no column carries applies when the activity or note holds
///   its marker ("cơ sở đang hoạt động"); caps the form cannot check at all are named once per
///   file (`budget.unchecked`, info).
/// - For plan years whose legal text's caps the programme does not hold, one
///   `budget.cap-unknown` (info) per file, and no cap of another text is applied.
struct BudgetCapCheck: LineCheck {
  var needsDistrictAndYear: Bool { true }
  /// Whether a line asks for khuyến công support (for `budget.cap-unknown`).
  private var asksSupport = false
  /// For each rule of `Prepared.rules.unchecked` that concerned a line, the row where one
  /// first did (lines come in row order but for those that waited on the number convention).
  private var uncheckedRows: [Int?] = []

  /// The cap period of the plan year, when its legal text's caps are not held.
  private static func capsUnknown(_ context: LineContext) -> (PlanYear, CapPeriod)? {
    guard let year = context.validation.planYear,
      let period = context.programme.capPeriods.first(where: { $0.covers(year) }), !period.capsGiven
    else { return nil }
    return (year, period)
  }

  /// A rule of one indicator in force for the plan year.
  private enum IndicatorRule: Sendable {
    /// A cap, with its markers folded.
    case cap(SupportCap, markers: [TextKey])
    case priorityOnly(PriorityOnlyRule)
  }

  /// The rules in force for the plan year: by indicator, in programme order, and those the
  /// form cannot check.
  private struct RulesInForce: Sendable {
    var byIndicator: [IndicatorCode: [IndicatorRule]] = [:]
    var unchecked: [(order: Int, rule: UncheckedRule)] = []
  }

  /// What every line consults, found once per context (the district and year never change
  /// after the first line is judged): looking them up again on each line copied the cap
  /// periods and rules, retaining and releasing their texts, and hashed the indicator code
  /// (issue 7: 3 700 instructions a line, the costliest check but one).
  private final class Prepared: Sendable {
    /// The context it was found in (held, so that no other context can take its place).
    let context: LineContext
    let hasTotal: Bool
    let capsUnknown: Bool
    let rules: RulesInForce

    init(_ context: LineContext) {
      self.context = context
      hasTotal = context.columns[.total] != nil
      capsUnknown = BudgetCapCheck.capsUnknown(context) != nil
      rules = BudgetCapCheck.rulesInForce(context)
    }
  }

  private var prepared: Prepared?
  /// The rules of the indicators looked up so far, most plans name a handful: compared with
  /// `==` (two short codes, a few instructions), not hashed as the dictionary does (issue 7:
  /// 600 instructions a line). At most `recentLimit`; others go to the dictionary.
  private var recentRules: [(indicator: IndicatorCode, rules: [IndicatorRule])] = []
  private static let recentLimit = 16

  private mutating func rules(of indicator: IndicatorCode?, in prepared: Prepared) -> [IndicatorRule] {
    guard let indicator else { return [] }
    for recent in recentRules where recent.indicator == indicator { return recent.rules }
    let found = prepared.rules.byIndicator[indicator] ?? []
    if recentRules.count < Self.recentLimit { recentRules.append((indicator, found)) }
    return found
  }

  private static func rulesInForce(_ context: LineContext) -> RulesInForce {
    func inForce(_ span: PlanYearSpan) -> Bool { context.validation.planYear.map(span.contains) ?? true }
    var found = RulesInForce()
    for (order, rule) in context.programme.rules.enumerated() {
      switch rule {
      case .cap(let cap) where inForce(cap.years):
        found.byIndicator[cap.indicator, default: []].append(
          .cap(cap, markers: cap.markers.map { TextKey($0) }))
      case .priorityOnly(let only) where inForce(only.years):
        found.byIndicator[only.indicator, default: []].append(.priorityOnly(only))
      case .unchecked(let rule) where inForce(rule.years):
        found.unchecked.append((order, rule))
      case .cap, .priorityOnly, .unchecked:
        continue
      }
    }
    return found
  }

  mutating func check(_ built: BuiltLine, in context: LineContext) -> [Diagnostic] {
    let prepared: Prepared
    if let known = self.prepared, known.context === context {
      prepared = known
    } else {
      prepared = Prepared(context)
      self.prepared = prepared
      uncheckedRows = Array(repeating: nil, count: prepared.rules.unchecked.count)
      recentRules = []
    }
    // Without a total column (`header.missing`) no sum or share can be checked.
    guard prepared.hasTotal else { return [] }
    let line = built.line
    if prepared.capsUnknown {
      if line.amounts.support.dong > 0 { asksSupport = true }
      return []
    }
    guard line.amountsAreReadable else { return [] }
    var found: [Diagnostic] = []
    // The line's activity and note, folded once when a cap with markers asks (case,
    // diacritics and spacing folded).
    var texts: (TextKey, TextKey)?
    for rule in rules(of: line.indicator, in: prepared) {
      switch rule {
      case .cap(let cap, let markers):
        if !markers.isEmpty {
          let folded = texts ?? (TextKey(line.activity), TextKey(line.note ?? ""))
          texts = folded
          if !markers.contains(where: { folded.0.contains(words: $0) || folded.1.contains(words: $0) }) {
            continue
          }
        }
        found += violations(of: cap, line: line, context: context)
      case .priorityOnly(let only):
        if let district = context.validation.district, !district.priority, line.amounts.support.dong > 0 {
          found.append(
            Diagnostic(
              code: .budgetPriorityOnly, severity: .error,
              position: context.position(of: line, line.amounts.national.dong > 0 ? .national : .local),
              values: [
                "indicator": only.indicator.rawValue, "district": district.nameInSentence,
                "basis": only.basis,
              ]))
        }
      }
    }
    if line.amounts.national.dong > 0 {
      let row = line.source.row ?? 0
      for index in prepared.rules.unchecked.indices where prepared.rules.unchecked[index].rule.concerns(line)
      {
        if uncheckedRows[index].map({ row < $0 }) ?? true { uncheckedRows[index] = row }
      }
    }
    return found
  }

  func finish(_ mapped: MappedSubmission, in context: LineContext) -> [Diagnostic] {
    guard context.columns[.total] != nil else { return [] }
    let file = Position(file: context.file, sheet: context.sheet)
    if let (year, period) = Self.capsUnknown(context) {
      guard asksSupport else { return [] }
      return [
        Diagnostic(
          code: .budgetCapUnknown, severity: .info, position: file,
          values: ["year": year.description, "basis": period.basis, "why": period.reason])
      ]
    }
    guard let prepared else { return [] }
    let concerned = prepared.rules.unchecked.indices.compactMap { index in
      uncheckedRows[index].map { (rule: prepared.rules.unchecked[index], row: $0) }
    }
    guard !concerned.isEmpty else { return [] }
    // A rule the programme lists twice is named once, where it first concerned a line.
    var rules: [UncheckedRule] = []
    for found in concerned.sorted(by: { ($0.row, $0.rule.order) < ($1.row, $1.rule.order) })
    where !rules.contains(found.rule.rule) {
      rules.append(found.rule.rule)
    }
    return [
      Diagnostic(
        code: .budgetUnchecked, severity: .info, position: file,
        values: [
          "items": rules.map { "\($0.what) (\($0.basis)), vì \($0.why)" }.joined(separator: "; ")
        ])
    ]
  }

  private func violations(of cap: SupportCap, line: PlanLine, context: LineContext) -> [Diagnostic] {
    let national = Int128(line.amounts[cap.fund].dong)
    let withLocal = Int128(line.amounts.support.dong)
    let total = Int128(line.amounts.total.dong)
    let fundColumn: ColumnKey = cap.fund == .national ? .national : .local
    var found: [Diagnostic] = []
    func report(
      _ support: Int128, limit: String, kind: String, severity: Severity, column: ColumnKey,
      extra: [String: String] = [:]
    ) {
      var values = [
        "indicator": cap.indicator.rawValue, "support": Money(dong: Int64(clamping: support)).trieuText,
        "cap": limit, "reason": kind, "basis": cap.basis, "total": line.amounts.total.trieuText,
        "funds": severity == .error ? "national" : "national+local",
      ]
      values.merge(extra) { $1 }
      found.append(
        Diagnostic(
          code: .budgetCap, severity: severity, position: context.position(of: line, column), values: values))
    }
    if let percent = cap.maxPercent {
      // support / total ≤ percent / 100, in integers: support × 100 × 10^s ≤ total × units.
      let scale = Int128(pow10(percent.scale))
      let allowed = total * Int128(percent.units)
      var limitText: String { percent.description + "%" }
      if national * 100 * scale > allowed {
        report(national, limit: limitText, kind: "percent", severity: .error, column: fundColumn)
      } else if withLocal * 100 * scale > allowed {
        report(withLocal, limit: limitText, kind: "percent", severity: .warning, column: .local)
      }
    }
    if let perUnit = cap.maxAmountPerUnit {
      let quantity = line.quantity ?? ExactDecimal(units: 1)
      // The base cap in đồng is base / scale; the raised one raised / raisedScale.
      let base = Int128(perUnit.dong) * Int128(quantity.units)
      let scale = Int128(pow10(quantity.scale))
      let multiplier = context.programme.priorityMultiplier
      // With no known district (already `meta.district`), assume the priority ceiling rather
      // than report a second error that only follows from the first.
      let raisable = cap.raisedInPriorityDistricts && (context.validation.district?.priority ?? true)
      let raised = raisable ? base * Int128(multiplier.units) : base
      let raisedScale = raisable ? scale * Int128(pow10(multiplier.scale)) : scale
      // Texts for a report only: most lines are within their cap.
      var baseText: String { Money(dong: Int64(clamping: base / scale)).trieuText }
      var raisedText: String { Money(dong: Int64(clamping: raised / raisedScale)).trieuText }
      if national * raisedScale > raised {
        report(
          national, limit: raisedText, kind: "amount", severity: .error, column: fundColumn,
          extra: raisable ? ["base": baseText, "multiplier": multiplier.description] : [:])
      } else if national * scale > base {
        // Above the base, within the priority ceiling: allowed only with approval (điểm t).
        report(
          national, limit: baseText, kind: "approval", severity: .warning, column: fundColumn,
          extra: [
            "raised": raisedText, "multiplier": multiplier.description,
            "multiplierBasis": context.programme.priorityMultiplierBasis,
          ])
      } else if withLocal * raisedScale > raised {
        report(withLocal, limit: raisedText, kind: "amount", severity: .warning, column: .local)
      }
    }
    return found
  }

  private func pow10(_ exponent: Int) -> Int64 {
    var value: Int64 = 1
    for _ in 0..<max(0, exponent) { value *= 10 }
    return value
  }
}
