/// `budget.cap` and `budget.priority-only`: support within the caps of the programme's rules
/// (TTLT 26/2014/TTLT-BTC-BCT Art. 6.2 in the seed).
///
/// A cap broken with national funds (KCQG) is an error; national funds within the cap but
/// national + local above it is a warning, because the province sets its own local rates
/// (Art. 6.3, SPEC §2). Absolute caps are per unit of the line's quantity (per model, per
/// facility, per cluster; one unit when the quantity is missing) and are raised by the
/// priority multiplier in priority districts (Art. 6.2.t).
public struct BudgetCapCheck: SubmissionCheck {
  /// Creates the check.
  public init() {}

  public func check(_ mapped: MappedSubmission, in context: ValidationContext) -> [Diagnostic] {
    // Without a total column (`header.missing`) no sum or share can be checked.
    guard mapped.columns[.total] != nil else { return [] }
    let programme = context.programme
    var found: [Diagnostic] = []
    for line in mapped.submission.lines {
      guard let indicator = line.indicator, line.amountsAreReadable else { continue }
      for rule in programme.rules {
        switch rule {
        case .cap(let cap) where cap.indicator == indicator:
          found += violations(of: cap, line: line, mapped: mapped, context: context)
        case .priorityOnly(let only) where only.indicator == indicator:
          if let district = context.district, !district.priority, line.amounts.support.dong > 0 {
            found.append(
              Diagnostic(
                code: .budgetPriorityOnly, severity: .error,
                position: mapped.position(of: line, line.amounts.national.dong > 0 ? .national : .local),
                values: [
                  "indicator": indicator.rawValue, "district": district.officialName,
                  "basis": only.basis,
                ]))
          }
        case .cap, .priorityOnly:
          continue
        }
      }
    }
    return found
  }

  private func violations(
    of cap: SupportCap, line: PlanLine, mapped: MappedSubmission,
    context: ValidationContext
  ) -> [Diagnostic] {
    let national = Int128(line.amounts[cap.fund].dong)
    let withLocal = Int128(line.amounts.support.dong)
    let total = Int128(line.amounts.total.dong)
    var found: [Diagnostic] = []
    func report(_ support: Int128, limit: String, kind: String, severity: Severity, column: ColumnKey) {
      found.append(
        Diagnostic(
          code: .budgetCap, severity: severity, position: mapped.position(of: line, column),
          values: [
            "indicator": cap.indicator.rawValue, "support": Money(dong: Int64(clamping: support)).trieuText,
            "cap": limit, "reason": kind, "basis": cap.basis, "total": line.amounts.total.trieuText,
            "funds": severity == .error ? "national" : "national+local",
          ]))
    }
    if let percent = cap.maxPercent {
      // support / total ≤ percent / 100, in integers: support × 100 × 10^s ≤ total × units.
      let scale = Int128(pow10(percent.scale))
      let allowed = total * Int128(percent.units)
      let limitText = percent.description + "%"
      if national * 100 * scale > allowed {
        report(
          national, limit: limitText, kind: "percent", severity: .error,
          column: cap.fund == .national ? .national : .local)
      } else if withLocal * 100 * scale > allowed {
        report(withLocal, limit: limitText, kind: "percent", severity: .warning, column: .local)
      }
    }
    if let perUnit = cap.maxAmountPerUnit {
      let quantity = line.quantity ?? ExactDecimal(units: 1)
      var limit = Int128(perUnit.dong) * Int128(quantity.units)
      var scale = Int128(pow10(quantity.scale))
      // With no known district (already `meta.district`), assume the higher cap rather than
      // report a second error that only follows from the first.
      if cap.raisedInPriorityDistricts, context.district?.priority ?? true {
        let multiplier = context.programme.priorityMultiplier
        limit *= Int128(multiplier.units)
        scale *= Int128(pow10(multiplier.scale))
      }
      // The cap in đồng is limit / scale.
      let limitText = Money(dong: Int64(clamping: limit / scale)).trieuText
      if national * scale > limit {
        report(
          national, limit: limitText, kind: "amount", severity: .error,
          column: cap.fund == .national ? .national : .local)
      } else if withLocal * scale > limit {
        report(withLocal, limit: limitText, kind: "amount", severity: .warning, column: .local)
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
