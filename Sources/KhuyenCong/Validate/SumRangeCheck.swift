/// `cell.type` (reason `sum too large`): a column's sum over the file's lines must stay within
/// what the program adds up exactly (issue 9).
///
/// One cell holds at most 10^15 đồng (the mapper refuses more), but 10 000 lines of 999 999 999
/// triệu each used to add up to a saturated Int64.max đồng, accepted and shown as a total. A
/// file's sum may reach `Money.maxFileSum` (Int64.max / 1024, about 9 × 10^15 đồng), so that a
/// province's plan of up to 1 024 accepted files still adds up exactly; the line where a
/// column's running sum passes it is an error, once per column.
///
/// Lines stream through it (issue 7): it keeps one running sum per column, not the lines.
struct SumRangeCheck: LineCheck {
  private static let columns: [ColumnKey] = [.total, .national, .local, .counterpart, .other]
  private var sums = [Int64](repeating: 0, count: Self.columns.count)
  private var reported = [Bool](repeating: false, count: Self.columns.count)

  mutating func check(_ built: BuiltLine, in context: LineContext) -> [Diagnostic] {
    let line = built.line
    var diagnostics: [Diagnostic] = []
    for (index, key) in Self.columns.enumerated() where !reported[index] {
      let (sum, overflow) = sums[index].addingReportingOverflow(Self.amount(line.amounts, key).dong)
      if overflow || sum > Money.maxFileSum || sum < -Money.maxFileSum {
        reported[index] = true
        diagnostics.append(
          Diagnostic(
            code: .cellType, severity: .error, position: context.position(of: line, key),
            values: [
              "reason": "sum too large", "column": key.rawValue, "expected": "money",
              "limit": String(Money.maxFileSum),
            ]))
      } else {
        sums[index] = sum
      }
    }
    return diagnostics
  }

  private static func amount(_ amounts: FundTotals, _ key: ColumnKey) -> Money {
    switch key {
    case .national: amounts.national
    case .local: amounts.local
    case .counterpart: amounts.counterpart
    case .other: amounts.other
    default: amounts.total
    }
  }
}

extension Money {
  /// The largest sum of one file's amounts, in đồng: Int64.max / 1024, so that the plan of a
  /// province (at most 1 024 accepted files) adds up without passing Int64.
  public static let maxFileSum: Int64 = Int64.max / 1024
}
