/// `total.mismatch`: the file's own total and subtotal rows equal the sums of their lines.
public struct TotalRowCheck: SubmissionCheck {
  /// Creates the check.
  public init() {}

  public func check(_ mapped: MappedSubmission, in context: ValidationContext) -> [Diagnostic] {
    var byRow: [Int: FundTotals] = [:]
    var unreadableRows: Set<Int> = []
    for line in mapped.submission.lines {
      guard let amounts = line.readableAmounts else {
        unreadableRows.insert(line.source.row ?? 0)
        continue
      }
      byRow[line.source.row ?? 0, default: .zero] += amounts
    }
    var found: [Diagnostic] = []
    for declared in mapped.declaredTotals {
      if !declared.amountsAreReadable || declared.lineRows.contains(where: unreadableRows.contains) {
        continue
      }
      let sum = declared.lineRows.reduce(into: FundTotals.zero) { $0 += byRow[$1] ?? .zero }
      for fund in FundColumn.allCases {
        guard let stated = declared.amounts[fund], stated.value != fund.amount(in: sum) else { continue }
        found.append(
          Diagnostic(
            code: .totalMismatch, severity: .error, position: stated.position,
            values: [
              "stated": stated.value.trieuText, "sum": fund.amount(in: sum).trieuText,
              "column": fund.rawValue, "section": declared.section ?? "",
              "lines": String(declared.lineRows.count),
            ]))
      }
    }
    return found
  }
}
